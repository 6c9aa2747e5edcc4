/**
 * Token access and the readers the date rules share: days, amounts, modifiers, years and months
 * (any system, side-by-side pairs), with the choice of year for what they read. The rules are in
 * parse.ts, whose DateParser extends TokenReader.
 */
import { fromEpochDay, toEpochDay, toHijri, addMonths } from './calendar';
import {
  BARE_WEEKDAYS, CARDINALS, FUTURE_WORDS, GREGORIAN_ERA, HIJRI_ERA, MONTHS, NOT_FUTURE_PREFIXES,
  ORDINAL_TEEN, ORDINAL_TENS, ORDINAL_UNITS, RELATIVE_MODIFIERS, UNITS, YEAR_NOUNS, normalizeKey, wordSet,
  type Calendar, type MonthEntry,
} from './lexicon';
import {
  dayOf, gregorianMonth, makeReference, monthOf, nearestMatchingWeekday, pickYear, yearForRelativeMonth,
  type Reference, type Resolved,
} from './resolve';
import { SignatureSet, signatureOf, tokenAt, type Scan, type ScanToken } from './scan';
import { FA, SIN, WAW } from '../text/letters';

const CLITICS = ['وب', 'ول', 'فب', 'فل', 'وك', 'و', 'ف', 'ب', 'ل', 'ك'];
export const PREPOSITIONS = wordSet(['من', 'في', 'ب', 'خلال']);
export const THIS_WORDS = wordSet(['هذا', 'هذه']);
const MONTH_NOUN = wordSet(['شهر']);
export const NEW_MOON = wordSet(['غرة']);
const RELATIVE_CLAUSE = wordSet(['اللي', 'الي', 'إللي']);
const COLLOQUIAL_MODIFIERS = new Map<string, -1 | 1>(
  ([['فات', -1], ['فاتت', -1], ['مضى', -1], ['مضت', -1], ['جاي', 1], ['جاية', 1], ['جاييه', 1], ['بعده', 1]] as const).map(([w, r]) => [normalizeKey(w), r]),
);
const THE_MONTH = wordSet(['الشهر']);

const FUTURE_SIGNATURES = new SignatureSet([...FUTURE_WORDS, 'بعد'].flatMap((w) => [w, 'و' + w, 'ف' + w]).map(signatureOf));
interface Form {
  text: string;
  prefix: number;
}

export interface MonthRead {
  end: number;
  prefix: number;
  month?: number;
  calendar: Calendar;
  entry?: MonthEntry;
  /** الماضي/الجاري/المقبل after a month name. */
  relation?: -1 | 0 | 1;
  /** هذا الشهر / الشهر الماضي: a month known only relative to the reference. */
  relativeOnly?: -1 | 0 | 1;
  named: boolean;
  withNoun: boolean;
  year?: YearRead;
}

export interface YearRead {
  /** First token of the year expression proper (after a skipped من/في), when read from text. */
  start?: number;
  end: number;
  prefix: number;
  year: number;
  calendar?: Calendar;
  explicit: boolean;
}

const FIRST_WORDS = new WeakMap<Map<string, unknown>, Set<string>>();
/** The first words of a phrase table's entries, so a lookup is refused before any string is joined. */
export function firstWordsOf(map: Map<string, unknown>): Set<string> {
  let words = FIRST_WORDS.get(map);
  if (!words) {
    words = new Set([...map.keys()].map((k) => k.split(' ')[0]!));
    FIRST_WORDS.set(map, words);
  }
  return words;
}

/**
 * The reference of one sentence: the publication day, and whether the sentence speaks of the
 * future, worked out on first use. A class rather than an object literal with a `future` getter:
 * each such literal carried its own getter closure holding the whole parser, and with them every
 * article's tokens and matches outlived young-generation collection (a third of the date pass
 * was garbage collection).
 */
class SentenceReference implements Reference {
  readonly day: number;
  readonly ymd: Reference['ymd'];
  readonly hijri: Reference['hijri'];

  constructor(
    base: Reference,
    private readonly parser: TokenReader,
    private readonly sentence: number,
    private readonly at: number,
  ) {
    this.day = base.day;
    this.ymd = base.ymd;
    this.hijri = base.hijri;
  }

  get future(): boolean {
    return this.parser.isFutureSentence(this.sentence, this.at);
  }
}

export class TokenReader {
  protected readonly forms: Array<Form[] | undefined>;
  /** Sentence index → whether it speaks of the future; filled lazily, only where a date starts. */
  protected readonly futureSentences = new Map<number, boolean>();
  /** Tokens made on demand from the scan's arrays (only around candidates). */
  protected readonly tokenCache: Array<ScanToken | undefined>;

  constructor(
    protected readonly scanned: Scan,
    protected readonly refDay: number,
  ) {
    this.forms = new Array<Form[] | undefined>(scanned.count);
    this.tokenCache = new Array<ScanToken | undefined>(scanned.count);
  }

  protected tok(i: number): ScanToken | undefined {
    if (i < 0 || i >= this.scanned.count) return undefined;
    return (this.tokenCache[i] ??= tokenAt(this.scanned, i));
  }

  // ---- token access ----

  protected word(i: number): string | undefined {
    const t = this.tok(i);
    return t && t.kind === 'word' ? t.text : undefined;
  }

  protected punct(i: number): string | undefined {
    const t = this.tok(i);
    return t && t.kind === 'punct' ? t.text : undefined;
  }

  protected num(i: number): number | undefined {
    const t = this.tok(i);
    return t && t.kind === 'number' && t.text.length <= 4 ? parseInt(t.text, 10) : undefined;
  }

  protected digits(i: number): number {
    const t = this.tok(i);
    return t && t.kind === 'number' ? t.text.length : 0;
  }

  /** The token and its clitic-stripped readings (وبعد → بعد, لعام → عام, للعام → العام). */
  protected formsOf(i: number): Form[] {
    const cached = this.forms[i];
    if (cached) return cached;
    const text = this.word(i);
    const forms: Form[] = [];
    if (text !== undefined) {
      forms.push({ text, prefix: 0 });
      for (const clitic of CLITICS) {
        if (text.length - clitic.length >= 2 && text.startsWith(clitic)) {
          const rest = text.slice(clitic.length);
          forms.push({ text: rest, prefix: clitic.length });
          if (clitic.endsWith('ل') && rest.startsWith('ل')) forms.push({ text: 'ا' + rest, prefix: clitic.length });
        }
      }
    }
    this.forms[i] = forms;
    return forms;
  }

  /** A weekday without the article, as written (no clitic: واحد is "one", not و + أحد). */
  protected bareWeekday(i: number): Form | undefined {
    const w = this.word(i);
    return w !== undefined && BARE_WEEKDAYS.has(w) ? { text: w, prefix: 0 } : undefined;
  }

  /** The first reading of token i found in `set`. */
  protected formIn(i: number, set: { has(key: string): boolean }): Form | undefined {
    for (const f of this.formsOf(i)) if (set.has(f.text)) return f;
    return undefined;
  }

  protected is(i: number, set: { has(key: string): boolean }): boolean {
    const w = this.word(i);
    return w !== undefined && set.has(w);
  }

  protected readonly monthAt = new Map<number, { value: MonthEntry; end: number; prefix: number } | undefined>();

  /** Longest multi-word entry of `map` starting at token i (clitics allowed on the first word only). */
  protected phrase<T>(i: number, map: Map<string, T>, maxWords: number): { value: T; end: number; prefix: number } | undefined {
    if (map === (MONTHS as Map<string, unknown>)) {
      // Month names are looked up by several rules at the same token: remember the answer.
      if (this.monthAt.has(i)) return this.monthAt.get(i) as { value: T; end: number; prefix: number } | undefined;
      const found = this.phraseUncached(i, MONTHS, maxWords);
      this.monthAt.set(i, found);
      return found as { value: T; end: number; prefix: number } | undefined;
    }
    return this.phraseUncached(i, map, maxWords);
  }

  protected phraseUncached<T>(i: number, map: Map<string, T>, maxWords: number): { value: T; end: number; prefix: number } | undefined {
    let best: { value: T; end: number; prefix: number } | undefined;
    const firstWords = firstWordsOf(map);
    for (const f of this.formsOf(i)) {
      if (!firstWords.has(f.text)) continue;
      let key = f.text;
      for (let n = 1; n <= maxWords; n++) {
        if (n > 1) {
          const next = this.word(i + n - 1);
          if (next === undefined) break;
          key += ' ' + next;
        }
        const value = map.get(key);
        if (value !== undefined && (!best || i + n > best.end)) best = { value, end: i + n, prefix: f.prefix };
      }
    }
    return best;
  }

  protected baseReference: Reference | undefined;
  protected readonly sentenceReferences = new Map<number, Reference>();

  /**
   * The reference for a date starting at token i. Whether its sentence speaks of the future is
   * only worked out if a rule asks (most candidates never get that far).
   */
  protected reference(i: number): Reference {
    const sentence = this.scanned.sentences[i]!;
    let ref = this.sentenceReferences.get(sentence);
    if (!ref) {
      const base = (this.baseReference ??= makeReference(this.refDay, false));
      ref = new SentenceReference(base, this, sentence, i);
      this.sentenceReferences.set(sentence, ref);
    }
    return ref;
  }

  /** Whether the sentence around token i has a future marker (سوف، المقبل، بعد + N، a سـ verb). */
  isFutureSentence(sentence: number, i: number): boolean {
    const known = this.futureSentences.get(sentence);
    if (known !== undefined) return known;
    const sentences = this.scanned.sentences;
    let first = i;
    while (first > 0 && sentences[first - 1] === sentence) first--;
    let future = false;
    const { kinds, signatures, starts, normalized } = this.scanned;
    for (let k = first; k < this.scanned.count && sentences[k] === sentence && !future; k++) {
      if (kinds[k] !== 0) continue;
      // Only words that could be a marker are turned into strings: known fingerprints, or an initial س.
      const c0 = normalized.charCodeAt(starts[k]!);
      const c1 = normalized.charCodeAt(starts[k]! + 1);
      if (!FUTURE_SIGNATURES.has(signatures[k]!) && c0 !== SIN && !((c0 === WAW || c0 === FA) && c1 === SIN)) continue;
      const t = this.tok(k)!;
      let w = t.text;
      if ((w.startsWith('و') || w.startsWith('ف')) && w.length > 4) w = w.slice(1);
      if (FUTURE_WORDS.has(t.text) || FUTURE_WORDS.has(w)) future = true;
      else if (w === 'بعد' && (this.tok(k + 1)?.kind === 'number' || this.formIn(k + 1, CARDINALS) || this.formIn(k + 1, UNITS))) future = true;
      else if (w.length >= 5 && w.startsWith('س') && 'يتن'.includes(w[1]!) && !NOT_FUTURE_PREFIXES.some((p) => w.startsWith(p))) future = true;
    }
    this.futureSentences.set(sentence, future);
    return future;
  }

  // ---- readers ----

  /** A day of the month: 1–31 in digits, or an ordinal (الأول، الثالث عشر، الحادي والعشرين، العشرين). */
  protected readDay(i: number): { day: number; end: number; prefix: number; ordinal: boolean } | undefined {
    // "الـ15 من أيار": the article written onto the number (the tatweel is gone after the scan).
    if (this.word(i) === 'ال' && this.tok(i + 1)?.kind === 'number' && !this.tok(i + 1)!.spaceBefore) {
      const n = this.num(i + 1);
      return n !== undefined && this.digits(i + 1) <= 2 ? { day: n, end: i + 2, prefix: 0, ordinal: false } : undefined;
    }
    const n = this.num(i);
    if (n !== undefined) return this.digits(i) <= 2 ? { day: n, end: i + 1, prefix: 0, ordinal: false } : undefined;
    // غرة رمضان: the first day of a (Hijri) month.
    const first = this.formIn(i, NEW_MOON);
    if (first) return { day: 1, end: i + 1, prefix: first.prefix, ordinal: true };
    const tens = this.formIn(i, ORDINAL_TENS);
    if (tens) return { day: ORDINAL_TENS.get(tens.text)!, end: i + 1, prefix: tens.prefix, ordinal: true };
    const unit = this.formIn(i, ORDINAL_UNITS);
    if (!unit) return undefined;
    const value = ORDINAL_UNITS.get(unit.text)!;
    if (this.is(i + 1, ORDINAL_TEEN)) return { day: value + 10, end: i + 2, prefix: unit.prefix, ordinal: true };
    const next = this.word(i + 1);
    if (next && next.startsWith('و') && ORDINAL_TENS.has(next.slice(1))) {
      return { day: value + ORDINAL_TENS.get(next.slice(1))!, end: i + 2, prefix: unit.prefix, ordinal: true };
    }
    if (unit.text.endsWith('حادي') || unit.text.endsWith('حاديه')) return undefined;
    return { day: value, end: i + 1, prefix: unit.prefix, ordinal: true };
  }

  /** A small cardinal amount: digits or a number word (ثلاثة، عشرة). */
  protected readAmount(i: number): { amount: number; end: number } | undefined {
    const n = this.num(i);
    if (n !== undefined) return this.digits(i) <= 3 ? { amount: n, end: i + 1 } : undefined;
    const f = this.formIn(i, CARDINALS);
    if (!f) return undefined;
    let amount = CARDINALS.get(f.text)!;
    if (amount < 10 && this.is(i + 1, ORDINAL_TEEN)) return { amount: amount + 10, end: i + 2 };
    const next = this.word(i + 1);
    if (amount < 10 && next && next.startsWith('و') && CARDINALS.has(next.slice(1)) && CARDINALS.get(next.slice(1))! >= 20) {
      amount += CARDINALS.get(next.slice(1))!;
      return { amount, end: i + 2 };
    }
    return { amount, end: i + 1 };
  }

  /** الماضي/الجاري/المقبل and their forms, also the colloquial two-word اللي فات / اللي جاي. */
  protected readModifier(i: number): -1 | 0 | 1 | undefined {
    const w = this.word(i);
    if (w === undefined) return undefined;
    if (RELATIVE_CLAUSE.has(w)) return COLLOQUIAL_MODIFIERS.get(this.word(i + 1) ?? '');
    return RELATIVE_MODIFIERS.get(w);
  }

  /** The token after a modifier read at i (two tokens for اللي فات). */
  protected afterModifier(i: number): number {
    return RELATIVE_CLAUSE.has(this.word(i) ?? '') ? i + 2 : i + 1;
  }

  /**
   * A year: عام/سنة + number, a number with an era mark (م، هـ), or a bare 4-digit number where
   * the caller allows it; also العام الماضي/المقبل and هذا العام (relative to the reference).
   */
  protected readYear(i: number, allowBare: boolean, ref: Reference): YearRead | undefined {
    let j = i;
    if (this.punct(j) === '،' || this.punct(j) === ',') j++;
    if ((this.is(j, PREPOSITIONS) || this.word(j) === 'ل') && (this.formIn(j + 1, YEAR_NOUNS) || this.num(j + 1) !== undefined)) j++;
    const start = j;
    let prefix = 0;
    let noun = false;
    if (this.is(j, THIS_WORDS) && this.formIn(j + 1, YEAR_NOUNS) && !this.formIn(j + 1, YEAR_NOUNS)!.text.endsWith('ي')) {
      return { start: j, end: j + 2, prefix: 0, year: ref.ymd.year, explicit: true };
    }
    const nounForm = this.formIn(j, YEAR_NOUNS);
    if (nounForm) {
      noun = true;
      prefix = nounForm.prefix;
      const relation = this.readModifier(j + 1);
      if (relation !== undefined && nounForm.text.startsWith('ال')) {
        if (relation === -1 && this.word(j + 1) !== undefined && this.word(j + 2) === 'قبل') return undefined;
        return { start: j, end: this.afterModifier(j + 1), prefix, year: ref.ymd.year + relation, explicit: true };
      }
      if (this.word(j + 1) === 'قبل' && this.readModifier(j + 2) === -1 && nounForm.text.startsWith('ال')) {
        return { start: j, end: j + 3, prefix, year: ref.ymd.year - 2, explicit: true };
      }
      j++;
      // عام + a clitic-attached number is rare; the number must be its own token.
    }
    const digits = this.digits(j);
    const year = this.num(j);
    if (year === undefined || digits < 3 || (!noun && digits !== 4) || this.isPartOfNumber(j)) return undefined;
    j++;
    // ق.م / قبل الميلاد: years before the common era are not placed on the calendar.
    if (this.word(j) === 'ق' || (this.word(j) === 'قبل' && this.word(j + 1) === 'الميلاد')) return undefined;
    let calendar: Calendar | undefined;
    const era = this.word(j);
    if (era !== undefined && HIJRI_ERA.has(era)) {
      calendar = 'hijri';
      j++;
    } else if (era !== undefined && GREGORIAN_ERA.has(era)) {
      calendar = 'gregorian';
      j++;
    }
    if (!noun && !calendar && !allowBare) return undefined;
    // "قبل 2000 عام" counts years; a unit noun after the number makes it an amount.
    if (!noun && !calendar && UNITS.has(this.word(j) ?? '')) return undefined;
    if (!calendar && (year < 1000 || year > 2199) && !noun) return undefined;
    return { start, end: j, prefix, year, calendar, explicit: noun || calendar !== undefined };
  }

  /** 1601.66, 1,200, 12%: the digits belong to a bigger number or a percentage, not a date. */
  protected isPartOfNumber(j: number): boolean {
    const next = this.tok(j + 1);
    const prev = this.tok(j - 1);
    const numberGlue = (p: string | undefined): boolean => p === '.' || p === ',' || p === '٫' || p === '٬';
    if (next && !next.spaceBefore && (next.text === '%' || next.text === '٪')) return true;
    if (next && !next.spaceBefore && numberGlue(this.punct(j + 1)) && this.tok(j + 2)?.kind === 'number' && !this.tok(j + 2)!.spaceBefore) return true;
    const cur = this.tok(j)!;
    if (prev && !cur.spaceBefore && numberGlue(this.punct(j - 1)) && this.tok(j - 2)?.kind === 'number' && !prev.spaceBefore) return true;
    return false;
  }

  /**
   * A month: a name (any system, side-by-side pairs as one), شهر + number/name, الشهر + ordinal,
   * or a relative month (هذا الشهر، الشهر الماضي); then an optional modifier and year.
   */
  protected readMonth(i: number, ref: Reference, allowPreposition: boolean): MonthRead | undefined {
    let j = i;
    if (allowPreposition && (this.is(j, PREPOSITIONS) || this.word(j) === 'ل')) j++;
    const start = j;
    let prefix = 0;
    let withNoun = false;
    let month: number | undefined;
    let calendar: Calendar = 'gregorian';
    let entry: MonthEntry | undefined;
    let relativeOnly: -1 | 0 | 1 | undefined;
    const shahr = this.formIn(j, MONTH_NOUN);
    if (shahr) {
      withNoun = true;
      prefix = shahr.prefix;
      j++;
      const named = this.phrase(j, MONTHS, 3);
      if (named) {
        entry = named.value;
        j = named.end;
      } else {
        const n = this.num(j);
        const amount = n === undefined ? this.readAmount(j) : undefined;
        const value = n ?? amount?.amount;
        // "شهر واحد" is a duration; number words name months only from three up (شهر ثلاثة).
        if (value === undefined || value < 1 || value > 12 || (n !== undefined && this.digits(j) > 2) || (n === undefined && value < 3)) return undefined;
        month = value;
        j = amount ? amount.end : j + 1;
      }
    } else if (this.formIn(j, THE_MONTH)) {
      prefix = this.formIn(j, THE_MONTH)!.prefix;
      const relation = this.readModifier(j + 1);
      const ordinal = this.readDay(j + 1);
      if (relation !== undefined) {
        relativeOnly = relation;
        j = this.afterModifier(j + 1);
      } else if (ordinal && ordinal.ordinal && ordinal.day <= 12) {
        month = ordinal.day;
        j = ordinal.end;
      } else return undefined;
    } else if (this.is(j, THIS_WORDS) && this.word(j + 1) === 'الشهر') {
      relativeOnly = 0;
      j += 2;
    } else {
      const named = this.phrase(j, MONTHS, 3);
      if (!named) return undefined;
      entry = named.value;
      prefix = named.prefix;
      j = named.end;
    }
    if (entry) {
      month = entry.month;
      calendar = entry.calendar;
      // Side by side: شباط/فبراير, فبراير (شباط), آذار - مارس.
      const sep = this.punct(j);
      if (sep === '/' || sep === '(' || sep === '-' || sep === '،') {
        const other = this.phrase(j + 1, MONTHS, 3);
        if (other && other.value.month === month && other.value.calendar === calendar) {
          j = other.end;
          if (sep === '(' && this.punct(j) === ')') j++;
          entry = { ...entry, ambiguous: false };
        }
      } else {
        const other = this.phrase(j, MONTHS, 3);
        if (other && other.value.month === month && other.value.calendar === calendar && this.punct(j - 1) === undefined && other.end > j) {
          // "شباط فبراير" written without a separator.
          j = other.end;
        }
      }
    }
    const read: MonthRead = { end: j, prefix: start === i ? prefix : 0, calendar, named: entry !== undefined, withNoun };
    if (month !== undefined) read.month = month;
    if (entry) read.entry = entry;
    if (relativeOnly !== undefined) {
      read.relativeOnly = relativeOnly;
      return read;
    }
    const relation = this.readModifier(j);
    if (relation !== undefined) {
      read.relation = relation;
      read.end = this.afterModifier(j);
      return read;
    }
    const year = this.readYear(j, true, ref);
    if (year) {
      read.year = year;
      read.end = year.end;
    }
    return read;
  }

  /** The value of a month read, choosing the year by the conventions when none is written. */
  protected monthValue(m: MonthRead, ref: Reference): Resolved | null {
    if (m.relativeOnly !== undefined) {
      const { year, month } = fromEpochDay(addMonths(ref.day, m.relativeOnly));
      return gregorianMonth(year, month);
    }
    const month = m.month!;
    if (m.year) return this.monthInYear(m.calendar, month, m.year);
    if (m.relation !== undefined) return monthOf(m.calendar, yearForRelativeMonth(ref, m.calendar, month, m.relation), month);
    return pickYear(ref, m.calendar, (y) => monthOf(m.calendar, y, month));
  }

  /** A Hijri month with a Gregorian year (رمضان 2019) is the one that starts in that year. */
  protected monthInYear(calendar: Calendar, month: number, year: YearRead): Resolved | null {
    if (calendar === 'gregorian') return monthOf('gregorian', year.year, month);
    if (year.calendar === 'gregorian' || (year.calendar === undefined && year.year >= 1700)) {
      const firstDay = toEpochDay(year.year, 1, 1);
      const lastDay = toEpochDay(year.year, 12, 31);
      const hijriYear = toHijri(firstDay).year;
      for (const hy of [hijriYear, hijriYear + 1]) {
        const value = monthOf('hijri', hy, month);
        if (value && value.first >= firstDay && value.first <= lastDay) return value;
      }
      return null;
    }
    return monthOf('hijri', year.year, month);
  }

  /** Day `day` of a month read (Gregorian or Hijri), or null when that day does not exist. */
  protected dayInMonth(m: MonthRead, day: number, ref: Reference, weekday?: number): Resolved | null {
    if (m.relativeOnly !== undefined || m.year || m.relation !== undefined) {
      const month = this.monthValue(m, ref);
      if (!month) return null;
      if (m.calendar === 'hijri') {
        const hijri = toHijri(month.first);
        return dayOf('hijri', hijri.year, hijri.month, day);
      }
      const { year, month: mm } = fromEpochDay(month.first);
      return dayOf('gregorian', year, mm, day);
    }
    const month = m.month!;
    if (weekday !== undefined && m.calendar === 'gregorian') {
      if (!dayOf('gregorian', 2024, month, day)) return null;
      return nearestMatchingWeekday(ref, weekday, day, month);
    }
    return pickYear(ref, m.calendar, (y) => dayOf(m.calendar, y, month, day));
  }
}
