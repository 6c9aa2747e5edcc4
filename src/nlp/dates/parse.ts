/**
 * The date grammar: one left-to-right pass over the scanned tokens. At each token that can
 * start a date (a number or a date word, cheap Set lookups), every rule is tried and the
 * longest match wins; the pass then continues after it. Rules read tokens through small
 * readers (day, month, year, modifiers), resolve with resolve.ts, and may return a match
 * without a value: that consumes an impossible date (31 شباط) so nothing is invented from it.
 */
import { easterSunday, fromEpochDay, toEpochDay, toHijri, weekdayOf, addMonths } from './calendar';
import {
  BARE_WEEKDAYS, CARDINALS, DECADES, GREGORIAN_ERA, HIJRI_ERA, HOLIDAYS, LAST_WORDS, MONTHS, ORDINAL_TENS,
  ORDINAL_UNITS, PARTS, PERIOD_NOUNS, RANGE_TO, RELATIVE_DAYS, SEASONS, UNITS, WEEKDAYS, YEAR_CONTEXT,
  YEAR_NOUNS, loadCalendarNames, normalizeKey, wordSet, type Calendar, type Holiday, type PartName, type Season,
} from './lexicon';
import {
  bareWeekday, dayOf, dayValue, decadeOf, gregorianMonth, gregorianYear, halfOf, hijriYearValue, interval,
  nearestMatchingWeekday, nthWeekOf, nthWeekdayOf, partOfMonth, partOfYear, pickYear, quarterOf, seasonOf,
  shiftReference, span, weekValue, weekdayInWeek, type Reference, type Resolved,
} from './resolve';
import { SignatureSet, signatureOf } from './scan';
import { PREPOSITIONS, THIS_WORDS, NEW_MOON, TokenReader, type MonthRead, type YearRead } from './reader';

const DAY_NOUNS = wordSet(['يوم', 'اليوم', 'يومي', 'أيام']);
const DAYPART_NOUNS = wordSet(['صباح', 'مساء', 'ليله', 'ظهر', 'فجر', 'عصر', 'ليل', 'نهار', 'ظهيره', 'يوم']);
const AGO_TRIGGERS = new Map<string, -1 | 1>([['منذ', -1], ['قبل', -1], ['بعد', 1]]);
const APPROXIMATELY = wordSet(['نحو', 'حوالي', 'قرابه', 'زهاء', 'حوالى']);
const AGO_AFTER = wordSet(['مضت', 'مضى', 'خلت', 'سابقه', 'فاتت']);
const CONCORDANT = wordSet(['الموافق', 'الموافقة', 'موافق']);
const NOT_A_WEEK_OF = wordSet(['أكثر', 'أقل', 'أزيد', 'أقرب', 'أفضل', 'بدلا', 'بدلاً', 'مكون', 'مكونة', 'مؤلف', 'مؤلفة', 'عبارة', 'أطول', 'أكبر', 'لأكثر', 'لأقل', 'ابتداء', 'اعتبارا', 'بالقرب', 'نحو', 'حوالي', 'أيام', 'الأيام', 'يوم', 'فترة', 'مدة']);
const MONTH_CONTEXT = wordSet(['في', 'منذ', 'حتى', 'خلال', 'شهر', 'قبل', 'بعد', 'من', 'الى', 'مطلع', 'اوائل', 'اواخر', 'منتصف', 'نهايه', 'بدايه', 'لغايه', 'طيله', 'طوال', 'اواسط']);
/** Heads of "X اليوم" meaning "the X of nowadays" (عالم اليوم، شباب اليوم). */
const NOWADAYS_HEADS = wordSet(['عين', 'روسيا', 'اخبار', 'عالم', 'العالم', 'عالمنا', 'شباب', 'جيل', 'انسان', 'مجتمع', 'مجتمعات', 'اطفال', 'نساء', 'عرب', 'مسلمي', 'اسواق', 'ثقافه']);
/** After اليوم, these make it the name of a day or a day of some event, not today. */
const NAMED_DAY_ADJECTIVES = wordSet(['العالمي', 'الوطني', 'الدولي', 'العربي', 'الخليجي', 'التالي', 'الأخير', 'نفسه', 'ذاته', 'المفتوح', 'الدراسي', 'الرياضي', 'الموعود', 'الختامي', 'الافتتاحي', 'الأممي', 'الاخير', 'العالمى']);
const BALL_GAMES = wordSet(['القدم', 'السلة', 'اليد', 'الطائرة', 'الطاولة', 'المضرب', 'الماء']);
/** Particles of foreign names (لويجي دي مايو): a month name after them is part of the name. */
const NAME_PARTICLES = wordSet(['دي', 'دو', 'دا', 'ديل', 'دل', 'فون', 'فان']);
const DAYS_OF = wordSet(['أيام', 'ايام']);
const DISTAL_DEMONSTRATIVES = wordSet(['تلك', 'ذلك', 'نفس']);
const TEN_DAYS = wordSet(['العشر', 'العشرة']);
const TEN_DAYS_PARTS = new Map<string, PartName>(
  ([['الأواخر', 'late'], ['الأخيرة', 'late'], ['الأوائل', 'early'], ['الأولى', 'early'], ['الأواسط', 'mid']] as const).map(([w, p]) => [normalizeKey(w), p]),
);
const ONE_WORDS = wordSet(['واحد', 'واحدة']);
const ONLY_WORDS = wordSet(['فقط', 'تقريبا']);
const QUARTER_WORDS = wordSet(['الربع', 'النصف']);
const DECADE_NOUN = wordSet(['عقد']);
const RANGE_FROM = wordSet(['من', 'بين']);
const HOUR_NOUN = wordSet(['الساعة']);
const TIME_OF_DAY = wordSet(['صباحا', 'مساء', 'ظهرا', 'عصرا', 'ليلا', 'فجرا', 'صباح', 'مساءا']);
const CENTURY_WORDS = new Map<string, number>([['العشرين', 1900], ['التاسع', 1800], ['الحادي', 2000], ['الواحد', 2000]]);

export interface RawMatch {
  /** Token range [start, end) and the clitic length skipped at the start token. */
  start: number;
  end: number;
  prefix: number;
  value: Resolved | null;
  /** An explicit year written in the expression, for ranges whose first part leaves it out. */
  year?: number;
  /** Re-resolves the expression in a given year (من يناير إلى مارس 2024). */
  inYear?: (year: number) => Resolved | null;
  /** A list (16 و17 و18 آذار، عامي 2016 و2017): one mention per member, replacing this match. */
  parts?: RawMatch[];
}

/**
 * Every first word a rule can start on (after clitics), with every clitic attached (وفي، بعام،
 * للعام), so the scan tests each word with one lookup; and their fingerprints, so most words are
 * turned away on an integer test with no string made. Built on the first date search, after the
 * calendar names they include (see `loadCalendarNames`).
 */
interface StartTables {
  forms: Set<string>;
  signatures: SignatureSet;
}
let startTables: StartTables | undefined;

function buildStartTables(): StartTables {
  loadCalendarNames();
  const words = new Set<string>();
  for (const map of [MONTHS, RELATIVE_DAYS, HOLIDAYS]) for (const key of map.keys()) words.add(key.split(' ')[0]!);
  for (const set of [WEEKDAYS, BARE_WEEKDAYS, ORDINAL_UNITS, ORDINAL_TENS, PERIOD_NOUNS, PARTS, SEASONS, DECADES, CARDINALS, UNITS, YEAR_NOUNS])
    for (const key of set.keys()) words.add(key);
  for (const w of ['ال', ...NEW_MOON, ...LAST_WORDS, ...TEN_DAYS, ...DAY_NOUNS, ...DAYPART_NOUNS, ...THIS_WORDS, ...AGO_TRIGGERS.keys(), 'من', 'بين', 'شهر', 'الربع', 'النصف', 'عقد', 'الشهر', 'اخر'])
    words.add(w);
  const forms = new Set<string>(words);
  for (const w of words) {
    for (const clitic of ['وب', 'ول', 'فب', 'فل', 'وك', 'و', 'ف', 'ب', 'ل', 'ك']) {
      forms.add(clitic + w);
      if (clitic.endsWith('ل') && w.startsWith('ال')) forms.add(clitic + w.slice(1));
    }
  }
  return { forms, signatures: new SignatureSet([...forms].map(signatureOf)) };
}

export class DateParser extends TokenReader {
  /** Built (with the calendar names) by the first parser made, then shared. */
  private readonly start: StartTables = (startTables ??= buildStartTables());

  /** All matches, left to right, non-overlapping. */
  run(): RawMatch[] {
    const out: RawMatch[] = [];
    const { kinds, signatures, count } = this.scanned;
    for (let i = 0; i < count; ) {
      const kind = kinds[i]!;
      if (!(kind === 1 || (kind === 0 && this.start.signatures.has(signatures[i]!) && this.canStart(i)))) {
        i++;
        continue;
      }
      let match = this.best(i, false);
      if (!match) {
        i++;
        continue;
      }
      if (match.parts) out.push(...match.parts);
      else {
        match = this.extend(match);
        out.push(match);
      }
      i = Math.max(match.end, i + 1);
    }
    return out;
  }

  private canStart(i: number): boolean {
    return this.start.forms.has(this.tok(i)!.text);
  }

  // ---- rules ----

  /** The longest match at token i; `inRange` lets bare numbers be years/days (the second half of a range). */
  private best(i: number, inRange: boolean): RawMatch | undefined {
    const ref = this.reference(i);
    let best: RawMatch | undefined;
    // Frequent function words start only a few kinds of date: try just those rules.
    const lead = this.word(i);
    const candidates =
      lead === 'من' || lead === 'بين'
        ? [this.ruleRange(i), this.ruleAgo(i, ref)]
        : lead === 'بعد' || lead === 'قبل' || lead === 'منذ'
          ? [this.ruleAgo(i, ref), this.ruleRelativeDay(i, ref)]
          : lead === 'هذا' || lead === 'هذه'
            ? [this.ruleWeekday(i, ref), this.ruleRelativeDay(i, ref), this.ruleRelativePeriod(i, ref), this.ruleSeason(i, ref)]
            : this.scanned.kinds[i] === 1
        ? [this.ruleNumeric(i, ref), this.ruleDayMonth(i, ref, false), this.ruleYear(i, ref, inRange), this.ruleAgo(i, ref)]
        : [
            this.ruleDayMonth(i, ref, false),
            this.ruleMonth(i, ref),
            this.ruleWeekday(i, ref),
            this.ruleNth(i, ref),
            this.ruleRelativeDay(i, ref),
            this.ruleRelativePeriod(i, ref),
            this.ruleAgo(i, ref),
            this.rulePart(i, ref),
            this.ruleQuarter(i, ref),
            this.ruleSeason(i, ref),
            this.ruleDecade(i, ref),
            this.ruleHoliday(i, ref),
            this.ruleYear(i, ref, inRange),
            this.ruleRange(i),
          ];
    // The longest wins; on a tie the earlier rule (listed first) does.
    for (const m of candidates) if (m && (!best || m.end > best.end)) best = m;
    return best;
  }

  /** `[يوم] DAY [- DAY] [من] MONTH [YEAR]` and `DAY/MONTH/YEAR` handled elsewhere; also `بين DAY و DAY MONTH`. */
  private ruleDayMonth(i: number, ref: Reference, afterBetween: boolean, weekday?: number): RawMatch | undefined {
    let j = i;
    let prefix = 0;
    const dayNoun = this.formIn(j, DAY_NOUNS);
    if (dayNoun && (this.num(j + 1) !== undefined || this.formIn(j + 1, ORDINAL_UNITS) || this.formIn(j + 1, ORDINAL_TENS))) {
      prefix = dayNoun.prefix;
      j++;
      const numeric = this.num(j) !== undefined ? this.ruleNumeric(j, ref, weekday, true) : undefined;
      if (numeric) return { ...numeric, start: i, prefix };
    }
    const first = this.readDay(j);
    if (!first) return undefined;
    if (j === i) prefix = first.prefix;
    j = first.end;
    let last: number | undefined;
    const connector = this.punct(j) === '-' ? '-' : this.word(j);
    if (connector !== undefined && (connector === '-' || RANGE_TO.has(connector) || (afterBetween && connector === 'و'))) {
      const second = this.readDay(j + 1);
      if (second) {
        last = second.day;
        j = second.end;
      }
    } else if (afterBetween && this.word(j)?.startsWith('و')) {
      return undefined;
    }
    // A list of days sharing a month: 16 و17 و18 آذار.
    const listed: Array<{ day: number; start: number; end: number }> = [];
    while (last === undefined && (this.word(j) === 'و' || this.punct(j) === '،')) {
      const next = this.readDay(j + 1);
      if (!next) break;
      listed.push({ day: next.day, start: j + 1, end: next.end });
      j = next.end;
    }
    // "اليوم الثالث من …" and "الأول من …" need من (or a month right after).
    if (this.word(j) === 'من' && (this.word(j + 1) === 'شهر' || this.phrase(j + 1, MONTHS, 3) || this.word(j + 1) === 'الشهر' || this.is(j + 1, THIS_WORDS))) j++;
    const month = this.readMonth(j, ref, false);
    if (!month || (month.month === undefined && month.relativeOnly === undefined)) return undefined;
    if (first.ordinal && !month.named && month.relativeOnly === undefined && !month.withNoun && month.month !== undefined) {
      // "الثالث الشهر التاسع" is not a date; ordinals need من before a numbered month.
      if (this.word(j - 1) !== 'من') return undefined;
    }
    // "3 - صفر" is a football score: صفر (zero) with a day needs a year, شهر or a modifier to be Safar.
    if (month.entry?.calendar === 'hijri' && month.entry.month === 2 && month.entry.ambiguous && !month.year && month.relation === undefined && !month.withNoun) return undefined;
    const end = month.end;
    const yearOf = month.year?.year;
    if (listed.length) {
      const parts: RawMatch[] = [{ start: i, end: first.end, prefix, value: this.dayInMonth(month, first.day, ref, weekday) }];
      listed.forEach((d, k) =>
        parts.push({ start: d.start, end: k === listed.length - 1 ? end : d.end, prefix: 0, value: this.dayInMonth(month, d.day, ref) }),
      );
      return { start: i, end, prefix, value: parts[parts.length - 1]!.value, parts };
    }
    if (last === undefined) {
      const value = this.dayInMonth(month, first.day, ref, weekday);
      return this.withYear({ start: i, end, prefix, value }, yearOf, (y) => this.dayInMonth({ ...month, year: { end, prefix: 0, year: y, explicit: true } }, first.day, ref));
    }
    const firstDay = last > first.day ? this.dayInMonth(month, first.day, ref) : null;
    const lastDay = firstDay ? this.dayInMonth({ ...month, year: month.year ?? this.yearReadOf(firstDay, month.calendar) }, last, ref) : null;
    const value = firstDay && lastDay ? span(firstDay, lastDay) : null;
    return { start: i, end, prefix, value };
  }

  private yearReadOf(value: Resolved, calendar: Calendar): YearRead {
    const year = calendar === 'hijri' ? toHijri(value.first).year : fromEpochDay(value.first).year;
    return { end: 0, prefix: 0, year, calendar, explicit: true };
  }

  private withYear(m: RawMatch, year: number | undefined, inYear: (year: number) => Resolved | null): RawMatch {
    if (year !== undefined) m.year = year;
    else m.inYear = inYear;
    return m;
  }

  /** A month alone or with a year; month-first day order too (يوليو 13-15، يناير 15، 2023). */
  private ruleMonth(i: number, ref: Reference): RawMatch | undefined {
    const month = this.readMonth(i, ref, false);
    if (!month || (month.month === undefined && month.relativeOnly === undefined)) return undefined;
    if (month.relativeOnly !== undefined) return undefined; // هذا الشهر is the relative-period rule's
    // Month then day: only with a range or a year after the day, so "مارس 3 مرات" stays a month at most.
    if (!month.year && month.relation === undefined) {
      const j = month.end;
      const day = this.num(j) !== undefined && this.digits(j) <= 2 ? this.num(j)! : undefined;
      if (day !== undefined) {
        const connector = this.punct(j + 1) === '-' ? '-' : this.word(j + 1);
        const lastDay = connector !== undefined && (connector === '-' || RANGE_TO.has(connector)) && this.digits(j + 2) <= 2 ? this.num(j + 2) : undefined;
        const afterDays = lastDay !== undefined ? j + 3 : j + 1;
        const year = this.readYear(afterDays, true, ref);
        if (lastDay !== undefined || year) {
          const withYear: MonthRead = year ? { ...month, year, end: year.end } : month;
          const first = this.dayInMonth(withYear, day, ref);
          if (lastDay === undefined) return { start: i, end: withYear.end, prefix: month.prefix, value: first };
          const last = first ? this.dayInMonth({ ...withYear, year: withYear.year ?? this.yearReadOf(first, month.calendar) }, lastDay, ref) : null;
          return { start: i, end: year ? year.end : afterDays, prefix: month.prefix, value: first && last ? span(first, last) : null };
        }
      }
    }
    if (!month.year && month.relation === undefined && !month.withNoun && month.prefix === 0 && NAME_PARTICLES.has(this.word(i - 1) ?? '')) return undefined;
    if (month.entry?.ambiguous && !month.year && month.relation === undefined && !month.withNoun) {
      // A bare word that is also a common word or name (مارس، رمضان، آب) needs a preposition before
      // it, and no clitic of its own: "من باب" is "by way of", not "since August".
      const before = this.word(i - 1);
      if (month.prefix > 0 || before === undefined || !MONTH_CONTEXT.has(before)) return undefined;
      // أب (father) and إب (a Yemeni city) fold to the same letters as آب: trust only the madda spelling.
      const startCode = this.scanned.original.charCodeAt(this.scanned.origin[this.scanned.starts[i]!]!);
      if (month.entry.month === 8 && month.entry.calendar === 'gregorian' && this.word(i) === 'اب' && startCode !== 0x0622) return undefined;
    }
    const value = this.monthValue(month, ref);
    return this.withYear({ start: i, end: month.end, prefix: month.prefix, value }, month.year?.year, (y) =>
      this.monthValue({ ...month, year: { end: 0, prefix: 0, year: y, explicit: true } }, ref),
    );
  }

  /** Weekdays with what may follow: a date, a day number, الماضي/المقبل, a week, or nothing. */
  private ruleWeekday(i: number, ref: Reference): RawMatch | undefined {
    let j = i;
    let prefix = 0;
    let coming = false;
    let allowBare = false;
    if (this.is(j, THIS_WORDS)) {
      coming = true;
      j++;
    } else {
      const dayPart = this.formIn(j, DAYPART_NOUNS);
      if (dayPart && (this.formIn(j + 1, WEEKDAYS) || this.bareWeekday(j + 1))) {
        prefix = dayPart.prefix;
        allowBare = true;
        j++;
      }
    }
    const full = this.formIn(j, WEEKDAYS);
    // A weekday without the article is trusted after يوم/صباح… or before الأسبوع (اثنين الأسبوع الحالي).
    const bare = allowBare || this.word(j + 1) === 'الاسبوع' ? this.bareWeekday(j) : undefined;
    const form = full ?? bare;
    if (!form) return undefined;
    const weekday = (full ? WEEKDAYS.get(form.text) : BARE_WEEKDAYS.get(form.text))!;
    if (j === i) prefix = form.prefix;
    j++;
    const done = (end: number, value: Resolved | null): RawMatch => ({ start: i, end, prefix, value });
    // A full date after it: الخميس 14 آذار، الأربعاء الموافق الثالث عشر من شباط 2013.
    let k = j;
    if (this.punct(k) === '،' || this.punct(k) === ',' || this.punct(k) === '-') k++;
    const concordant = this.is(k, CONCORDANT);
    if (concordant) k++;
    if (this.word(k) === 'في') k++;
    const numeric = this.ruleNumeric(k, ref, weekday);
    if (numeric) return done(numeric.end, numeric.value);
    const ordinal = this.readDay(k);
    if (ordinal || this.is(k, LAST_WORDS)) {
      const nth = ordinal ? ordinal.day : -1;
      const afterOrdinal = ordinal ? ordinal.end : k + 1;
      let m = afterOrdinal;
      if (this.is(m, PREPOSITIONS)) m++;
      const month = this.readMonth(m, ref, false);
      const hasMonth = month && (month.month !== undefined || month.relativeOnly !== undefined) && (m > afterOrdinal || month.named || month.withNoun);
      if (month && hasMonth) {
        if (nth === -1 || (!concordant && ordinal!.ordinal && nth <= 5)) {
          const monthValue = this.monthValue(month, ref);
          if (monthValue && nth !== -1) {
            const asDay = this.dayInMonth(month, nth, ref);
            if (asDay && weekdayOf(asDay.first) === weekday) return done(month.end, asDay);
          }
          return done(month.end, monthValue ? nthWeekdayOf(monthValue, weekday, nth) : null);
        }
        if (ordinal) return done(month.end, this.dayInMonth(month, ordinal.day, ref, weekday));
      }
      if (ordinal && ordinal.ordinal && nth <= 31) return done(afterOrdinal, nearestMatchingWeekday(ref, weekday, nth, undefined));
    }
    const relation = this.readModifier(j);
    if (relation !== undefined) {
      const direction = relation === -1 ? 'strict-past' : relation === 1 ? 'strict-future' : 'future';
      return done(this.afterModifier(j), bareWeekday(ref, weekday, direction));
    }
    // Within a week: الاثنين من هذا الأسبوع، ثلاثاء الأسبوع الفائت.
    let w = j;
    if (this.is(w, PREPOSITIONS)) w++;
    if (this.is(w, THIS_WORDS) && this.word(w + 1) === 'الاسبوع') return done(w + 2, weekdayInWeek(ref, weekday, 0));
    if (this.word(w) === 'الاسبوع') {
      const weekRelation = this.readModifier(w + 1);
      if (weekRelation !== undefined) return done(this.afterModifier(w + 1), weekdayInWeek(ref, weekday, weekRelation));
    }
    const direction = coming ? 'future' : ref.future ? 'future' : 'past';
    return done(j, bareWeekday(ref, weekday, direction));
  }

  /** Ordinal-first forms: ثالث ثلاثاء في أيلول، آخر اثنين من آذار، أول أسبوع من أكتوبر، آخر يوم من شهر عشرة. */
  private ruleNth(i: number, ref: Reference): RawMatch | undefined {
    let j = i;
    let prefix = 0;
    let nth: number | undefined;
    let kind: 'weekday' | 'week' | 'day' | undefined;
    let weekday: number | undefined;
    const leadNoun = this.word(j);
    if (leadNoun === 'الاسبوع' || leadNoun === 'اليوم') {
      // الأسبوع الأول من …، اليوم الأخير من …
      const ordinal = this.readDay(j + 1);
      if (this.is(j + 1, LAST_WORDS)) {
        nth = -1;
        j += 2;
      } else if (ordinal && ordinal.ordinal) {
        nth = ordinal.day;
        j = ordinal.end;
      } else return undefined;
      kind = leadNoun === 'الاسبوع' ? 'week' : 'day';
    } else {
      const last = this.formIn(j, LAST_WORDS);
      const ordinal = last ? undefined : this.formIn(j, ORDINAL_UNITS);
      if (last) {
        nth = -1;
        prefix = last.prefix;
      } else if (ordinal && !ordinal.text.startsWith('ال')) {
        nth = ORDINAL_UNITS.get(ordinal.text)!;
        prefix = ordinal.prefix;
      } else return undefined;
      j++;
      // ثاني أيام عيد الأضحى: the n-th day of a holiday.
      if (nth > 0 && this.is(j, DAYS_OF)) {
        const holiday = this.ruleHoliday(j + 1, ref);
        if (holiday) return { start: i, end: holiday.end, prefix, value: holiday.value ? dayValue(holiday.value.first + nth - 1) : null };
      }
      if (this.word(j) === 'اسبوع') {
        kind = 'week';
        j++;
      } else {
        if (this.word(j) === 'يوم') j++;
        const day = this.formIn(j, WEEKDAYS) ?? this.bareWeekday(j);
        if (day) {
          weekday = WEEKDAYS.get(day.text) ?? BARE_WEEKDAYS.get(day.text)!;
          kind = 'weekday';
          j++;
        } else if (this.word(j - 1) === 'يوم') kind = 'day';
        else return undefined;
      }
    }
    if (kind === 'weekday' && nth! > 0 && this.word(j) === 'بعد' && this.tok(j + 1)) {
      // ثالث ثلاثاء بعد عيد الميلاد 2014: counted from the day after the anchor.
      const anchor = this.best(j + 1, true);
      if (anchor && anchor.value) {
        const next = anchor.value.last + 1 + ((weekday! - weekdayOf(anchor.value.last + 1) + 7) % 7) + (nth! - 1) * 7;
        return { start: i, end: anchor.end, prefix, value: dayValue(next) };
      }
    }
    let m = j;
    if (this.is(m, PREPOSITIONS)) m++;
    const month = this.readMonth(m, ref, false);
    if (!month || (month.month === undefined && month.relativeOnly === undefined)) return undefined;
    if (kind === 'weekday' && month.relation === undefined && !month.year && month.relativeOnly === undefined) {
      // Past-leaning applies to the day found, not to the month: try this year's, else last year's.
      const pick = pickYear(ref, month.calendar, (y) => {
        const value = this.monthValue({ ...month, year: { end: 0, prefix: 0, year: y, explicit: true } }, ref);
        return value ? nthWeekdayOf(value, weekday!, nth!) : null;
      });
      return { start: i, end: month.end, prefix, value: pick };
    }
    const monthValue = this.monthValue(month, ref);
    if (!monthValue) return { start: i, end: month.end, prefix, value: null };
    let value: Resolved | null;
    if (kind === 'weekday') value = nthWeekdayOf(monthValue, weekday!, nth!);
    else if (kind === 'week') value = nthWeekOf(monthValue, nth!);
    else value = nth === -1 ? dayValue(monthValue.last) : nth! <= monthValue.last - monthValue.first + 1 ? dayValue(monthValue.first + nth! - 1) : null;
    return { start: i, end: month.end, prefix, value };
  }

  private ruleRelativeDay(i: number, ref: Reference): RawMatch | undefined {
    const found = this.phrase(i, RELATIVE_DAYS, 5);
    if (!found) return undefined;
    let end = found.end;
    const single = end === i + 1 ? this.formsOf(i)[found.prefix ? 1 : 0]?.text : undefined;
    if (single === 'اليوم') {
      // اليوم العالمي / اليوم الوطني / اليوم الثاني (of an event) name a day, not today;
      // "وصلت اليوم الطائرة" is today, so only these adjectives and ordinals are refused.
      const next = this.word(end);
      if (next !== undefined && (NAMED_DAY_ADJECTIVES.has(next) || ORDINAL_UNITS.has(next) || ORDINAL_TENS.has(next))) return undefined;
      const before = this.word(i - 1);
      if (found.prefix === 0 && before !== undefined && NOWADAYS_HEADS.has(before)) return undefined;
    }
    if (single === 'غد' && this.word(i - 1) !== undefined && NOWADAYS_HEADS.has(this.word(i - 1)!)) return undefined;
    // بكرة القدم is "with the ball", not "tomorrow".
    if (BALL_GAMES.has(this.word(end) ?? '') && (single === 'بكره' || single === 'بكرا')) return undefined;
    // تلك الليلة / ذلك اليوم: a night or day of the story, not of publication.
    if (found.prefix === 0 && DISTAL_DEMONSTRATIVES.has(this.word(i - 1) ?? '')) return undefined;
    // أمس الأربعاء / اليوم (الخميس) / اليوم الاثنين 10 أغسطس: the weekday and date name the same day.
    const paren = this.punct(end) === '(' && this.formIn(end + 1, WEEKDAYS) && this.punct(end + 2) === ')';
    if (paren) end += 3;
    else if (this.formIn(end, WEEKDAYS)) {
      end++;
      const date = this.ruleDayMonth(end, ref, false);
      if (date && date.value) return { start: i, end: date.end, prefix: found.prefix, value: date.value };
    }
    return { start: i, end, prefix: found.prefix, value: dayValue(ref.day + found.value) };
  }

  /** الأسبوع/الشهر/العام + الماضي/الجاري/المقبل, هذا الأسبوع, الأسبوع قبل الماضي. */
  private ruleRelativePeriod(i: number, ref: Reference): RawMatch | undefined {
    let j = i;
    let prefix = 0;
    let offset: number | undefined;
    let noun: 'week' | 'month' | 'year' | undefined;
    if (this.is(j, THIS_WORDS)) {
      noun = PERIOD_NOUNS.get(this.word(j + 1) ?? '');
      if (!noun) return undefined;
      offset = 0;
      j += 2;
    } else {
      const form = this.formIn(j, PERIOD_NOUNS);
      if (!form) return undefined;
      prefix = form.prefix;
      noun = PERIOD_NOUNS.get(form.text)!;
      const relation = this.readModifier(j + 1);
      if (relation !== undefined) {
        offset = relation;
        j = this.afterModifier(j + 1);
      } else if (this.word(j + 1) === 'قبل' && this.readModifier(j + 2) === -1) {
        offset = -2;
        j += 3;
      } else if (this.word(j + 1) === 'بعد' && this.readModifier(j + 2) === 1) {
        offset = 2;
        j += 3;
      } else return undefined;
    }
    let value: Resolved;
    if (noun === 'week') value = weekValue(ref.day + offset * 7);
    else if (noun === 'month') {
      const { year, month } = fromEpochDay(addMonths(toEpochDay(ref.ymd.year, ref.ymd.month, 1), offset));
      value = gregorianMonth(year, month);
    } else value = gregorianYear(ref.ymd.year + offset);
    return { start: i, end: j, prefix, value };
  }

  /** منذ/قبل/بعد + N units, N units مضت, من أسبوع: the reference shifted, as a day. */
  private ruleAgo(i: number, ref: Reference): RawMatch | undefined {
    const trigger = this.formIn(i, AGO_TRIGGERS);
    let j = i;
    let sign: -1 | 1 | undefined;
    let prefix = 0;
    if (trigger) {
      sign = AGO_TRIGGERS.get(trigger.text)!;
      prefix = trigger.prefix;
      j++;
      if (this.is(j, APPROXIMATELY)) j++;
    } else if (this.word(i) === 'من') {
      // Colloquial "من أسبوع / من يومين / من 3 أيام" = ago; not after a comparison or a count
      // (أكثر من أسبوع، مكون من ثلاثة أيام), which make it a duration.
      const before = this.word(i - 1) ?? '';
      if (NOT_A_WEEK_OF.has(before) || this.tok(i - 1)?.kind === 'number') return undefined;
      const amount = this.readAmount(i + 1);
      const unitAt = amount ? amount.end : i + 1;
      const unitForm = this.formIn(unitAt, UNITS);
      if (!unitForm || unitForm.prefix !== 0) return undefined;
      const unit = UNITS.get(unitForm.text)!;
      const end = unitAt + 1;
      // "من أربع سنوات إلى خمس" compares amounts.
      if (this.tok(end)?.kind === 'number' || this.word(end) === 'من' || this.word(end) === 'على' || RANGE_TO.has(this.word(end) ?? '')) return undefined;
      if (amount && unit.plural && amount.amount >= 2) return { start: i, end, prefix: 0, value: shiftReference(ref, -amount.amount, unit.unit) };
      if (!amount && unit.dual) return { start: i, end, prefix: 0, value: shiftReference(ref, -2, unit.unit) };
      if (!amount && !unit.plural && !unit.dual && unit.unit === 'week') return { start: i, end, prefix: 0, value: shiftReference(ref, -1, 'week') };
      return undefined;
    }
    const amount = this.readAmount(j);
    let count: number;
    let unitAt: number;
    if (amount) {
      count = amount.amount;
      unitAt = amount.end;
    } else {
      count = 1;
      unitAt = j;
    }
    const unitForm = this.formIn(unitAt, UNITS);
    if (!unitForm || unitForm.prefix !== 0) return undefined;
    const unit = UNITS.get(unitForm.text)!;
    if (!amount && unit.plural) return undefined;
    if (unit.dual) {
      if (amount) return undefined;
      count = 2;
    }
    if (amount && unit.dual) return undefined;
    let end = unitAt + 1;
    // "منذ عام 2011", "منذ شهر فبراير" and "منذ يوم الثلاثاء" name a date; "بعد يومين من الهجوم"
    // counts from another event; "يوماً بعد يوم" is an idiom ("day by day").
    if (this.tok(end)?.kind === 'number' || this.phrase(end, MONTHS, 3) || this.formIn(end, WEEKDAYS) || this.bareWeekday(end)) return undefined;
    if (!amount && UNITS.get(this.word(i - 1) ?? '')?.unit === unit.unit) return undefined;
    if (!amount && !unit.dual && this.is(end, ONE_WORDS)) end++;
    const after = this.is(end, ONLY_WORDS) ? end + 1 : end;
    if (this.word(after) === 'من' || this.word(after) === 'على' || this.word(after) === 'علي') return undefined;
    if (!trigger) {
      if (!amount || !this.is(end, AGO_AFTER)) return undefined;
      sign = -1;
      end++;
    }
    return { start: i, end, prefix, value: shiftReference(ref, sign! * count, unit.unit) };
  }

  /** أوائل/منتصف/أواخر + a month (a third of it) or a year (its first quarter, June–July, last quarter). */
  private rulePart(i: number, ref: Reference): RawMatch | undefined {
    let part = this.formIn(i, PARTS);
    let name = part ? PARTS.get(part.text)! : undefined;
    let j = i + 1;
    // العشر الأواخر / الأوائل من رمضان: the last (first) ten days.
    const tenth = this.formIn(i, TEN_DAYS);
    if (!part && tenth) {
      const which = TEN_DAYS_PARTS.get(this.word(i + 1) ?? '');
      if (which === undefined) return undefined;
      part = tenth;
      name = which;
      j = i + 2;
    }
    if (!part || !name) return undefined;
    if (this.word(j) === 'من') j++;
    const month = this.readMonth(j, ref, false);
    if (month && (month.month !== undefined || month.relativeOnly !== undefined)) {
      const value = this.monthValue(month, ref);
      return this.withYear({ start: i, end: month.end, prefix: part.prefix, value: value ? partOfMonth(value, name) : null }, month.year?.year, (y) => {
        const v = this.monthValue({ ...month, year: { end: 0, prefix: 0, year: y, explicit: true } }, ref);
        return v ? partOfMonth(v, name) : null;
      });
    }
    const year = this.readYear(j, true, ref);
    if (year) return { start: i, end: year.end, prefix: part.prefix, value: this.partOfYearRead(year, name) };
    if (this.word(j) === 'العام' || this.word(j) === 'السنه') return { start: i, end: j + 1, prefix: part.prefix, value: partOfYear(ref.ymd.year, name) };
    // بداية الشهر with no other word: the reference's month.
    if (this.word(j) === 'الشهر') return { start: i, end: j + 1, prefix: part.prefix, value: partOfMonth(gregorianMonth(ref.ymd.year, ref.ymd.month), name) };
    return undefined;
  }

  private partOfYearRead(year: YearRead, name: PartName): Resolved | null {
    if (year.calendar === 'hijri') {
      const whole = hijriYearValue(year.year);
      return whole ? interval(whole.first, whole.last, 'range', whole.hijri) : null;
    }
    return partOfYear(year.year, name);
  }

  /** الربع الثالث / النصف الثاني من عام 2024 (or العام الماضي). */
  private ruleQuarter(i: number, ref: Reference): RawMatch | undefined {
    const lead = this.formIn(i, QUARTER_WORDS);
    if (!lead) return undefined;
    const ordinal = this.readDay(i + 1);
    if (!ordinal || !ordinal.ordinal) return undefined;
    const max = lead.text === 'الربع' ? 4 : 2;
    if (ordinal.day < 1 || ordinal.day > max) return undefined;
    let j = ordinal.end;
    if (this.is(j, PREPOSITIONS)) j++;
    const year = this.readYear(j, true, ref);
    let yearValue: number;
    let end: number;
    if (year) {
      yearValue = year.year;
      end = year.end;
    } else if (this.word(j) === 'العام' || this.word(j) === 'السنه') {
      yearValue = ref.ymd.year;
      end = j + 1;
    } else return undefined;
    const value = lead.text === 'الربع' ? quarterOf(yearValue, ordinal.day) : halfOf(yearValue, ordinal.day);
    return { start: i, end, prefix: lead.prefix, value };
  }

  /** صيف 2023، الصيف الماضي، هذا الشتاء. A bare season needs a year or a modifier (not الربيع العربي). */
  private ruleSeason(i: number, ref: Reference): RawMatch | undefined {
    let j = i;
    let prefix = 0;
    const coming = this.is(j, THIS_WORDS);
    if (coming) j++;
    const form = this.formIn(j, SEASONS);
    if (!form) return undefined;
    if (!coming) prefix = form.prefix;
    const season: Season = SEASONS.get(form.text)!;
    j++;
    if (coming) return { start: i, end: j, prefix, value: this.seasonAround(ref, season, 0) };
    const relation = this.readModifier(j);
    if (relation !== undefined && form.text.startsWith('ال')) return { start: i, end: this.afterModifier(j), prefix, value: this.seasonAround(ref, season, relation) };
    let y = j;
    if (this.is(y, PREPOSITIONS)) y++;
    const year = this.readYear(y, true, ref);
    if (year && year.calendar !== 'hijri') return { start: i, end: year.end, prefix, value: seasonOf(year.year, season), year: year.year };
    return undefined;
  }

  private seasonAround(ref: Reference, season: Season, relation: -1 | 0 | 1): Resolved | null {
    const candidates = [-2, -1, 0, 1].map((k) => seasonOf(ref.ymd.year + k, season));
    if (relation === -1) return [...candidates].reverse().find((s) => s.last < ref.day) ?? null;
    if (relation === 1) return candidates.find((s) => s.first > ref.day) ?? null;
    return candidates.find((s) => s.first <= ref.day && s.last >= ref.day) ?? seasonOf(ref.ymd.year, season);
  }

  /** التسعينيات، ثمانينيات القرن الماضي: the most recent such decade unless a century is named. */
  private ruleDecade(i: number, ref: Reference): RawMatch | undefined {
    let j = i;
    let prefix = 0;
    const decadeNoun = this.formIn(j, DECADE_NOUN);
    if (decadeNoun) {
      prefix = decadeNoun.prefix;
      j++;
    }
    const form = this.formIn(j, DECADES);
    if (!form) return undefined;
    if (!decadeNoun) prefix = form.prefix;
    const tens = DECADES.get(form.text)!;
    j++;
    // في الثمانينيات من العمر / من عمره is an age, not a decade.
    if (this.word(j) === 'من' && (this.word(j + 1) ?? '').replace(/^ال/, '').startsWith('عمر')) return undefined;
    let century: number | undefined;
    let c = j;
    if (this.word(c) === 'من' || this.word(c) === 'في') c++;
    if (this.word(c) === 'القرن') {
      const relation = this.readModifier(c + 1);
      const named = CENTURY_WORDS.get(this.word(c + 1) ?? '');
      const refCentury = Math.floor(ref.ymd.year / 100) * 100;
      if (relation !== undefined) {
        century = refCentury + relation * 100;
        j = c + 2;
      } else if (named !== undefined) {
        century = named;
        j = c + 2;
        if (this.word(j) === 'عشر' || this.word(j)?.startsWith('و')) j++;
      }
    }
    if (century === undefined) {
      const refCentury = Math.floor(ref.ymd.year / 100) * 100;
      century = refCentury + tens * 10 <= ref.ymd.year ? refCentury : refCentury - 100;
    }
    return { start: i, end: j, prefix, value: decadeOf(century + tens * 10) };
  }

  private ruleHoliday(i: number, ref: Reference): RawMatch | undefined {
    const found = this.phrase(i, HOLIDAYS, 4);
    if (!found) return undefined;
    const holiday = found.value;
    const year = this.readYear(found.end, true, ref);
    const relation = year ? undefined : this.readModifier(found.end);
    const end = year ? year.end : relation !== undefined ? this.afterModifier(found.end) : found.end;
    const inYear = (y: number, calendar: Calendar | undefined): Resolved | null => this.holidayIn(holiday, y, calendar);
    let value: Resolved | null;
    if (year) value = inYear(year.year, year.calendar);
    else {
      const calendar: Calendar = holiday.calendar === 'hijri' ? 'hijri' : 'gregorian';
      const shifted: Reference = relation === undefined ? ref : { ...ref, future: relation === 1 };
      value = pickYear(shifted, calendar, (y) => this.holidayIn(holiday, y, calendar));
      if (value && relation === -1 && value.first >= ref.day) value = pickYear({ ...ref, day: ref.day - 1, future: false }, calendar, (y) => this.holidayIn(holiday, y, calendar));
    }
    return { start: i, end, prefix: found.prefix, value };
  }

  private holidayIn(holiday: Holiday, year: number, calendar: Calendar | undefined): Resolved | null {
    if (holiday.calendar === 'easter') return dayValue(easterSunday(year));
    if (holiday.calendar === 'gregorian') return dayOf('gregorian', year, holiday.month, holiday.day);
    if (calendar === 'hijri' || (calendar === undefined && year < 1700)) return dayOf('hijri', year, holiday.month, holiday.day);
    const first = toEpochDay(year, 1, 1);
    const hy = toHijri(first).year;
    for (const candidate of [hy, hy + 1]) {
      const value = dayOf('hijri', candidate, holiday.month, holiday.day);
      if (value && fromEpochDay(value.first).year === year) return value;
    }
    return null;
  }

  /** عام 2024، سنة 1445 هـ، 2019 after في/منذ/حتى, 1445هـ. */
  private ruleYear(i: number, ref: Reference, inRange: boolean): RawMatch | undefined {
    const before = this.word(i - 1);
    const bareOk = inRange || (before !== undefined && (YEAR_CONTEXT.has(before) || (before.length > 2 && YEAR_CONTEXT.has(before.slice(1)))));
    const year = this.readYear(i, bareOk, ref);
    if (!year || year.end <= i) return undefined;
    if (this.formIn(i, THIS_WORDS) || this.formIn(i, YEAR_NOUNS)?.text.startsWith('ال')) {
      // العام الماضي / هذا العام are the relative-period rule's; العام 2024 is a year.
      if (this.tok(i + 1)?.kind !== 'number') return undefined;
    }
    // Without an era mark, عام 1436 in the Hijri range is a Hijri year (Gulf news writes it so);
    // a bare 1436 after في/منذ is too uncertain either way and is left alone.
    const hijri = year.calendar === 'hijri' || (year.calendar === undefined && year.year >= 1300 && year.year <= 1500);
    if (hijri && year.calendar === undefined && !this.formIn(i, YEAR_NOUNS)) return undefined;
    const value = hijri ? hijriYearValue(year.year) : gregorianYear(year.year);
    // A skipped preposition (من عام 1993) stays outside the span.
    const start = year.start ?? i;
    // عامي 2016 و2017 (not after بين, where it is a range): one mention per year.
    const dual = this.formIn(start, YEAR_NOUNS)?.text.endsWith('ي');
    if (dual && !hijri && this.word(start - 1) !== 'بين' && this.word(year.end) === 'و' && this.digits(year.end + 1) === 4) {
      const second = this.num(year.end + 1)!;
      const first: RawMatch = { start, end: year.end, prefix: year.prefix, value, year: year.year };
      return { start, end: year.end + 2, prefix: year.prefix, value, parts: [first, { start: year.end + 1, end: year.end + 2, prefix: 0, value: gregorianYear(second), year: second }] };
    }
    return { start, end: year.end, prefix: start === i || year.start !== undefined ? year.prefix : 0, value, year: hijri ? undefined : year.year };
  }

  /** 14/03/2024، 2024-03-14، 14-09-1432 هـ، 2/2013, and DD/MM after a weekday. */
  private ruleNumeric(i: number, ref: Reference, weekday?: number, afterDayNoun = false): RawMatch | undefined {
    const a = this.num(i);
    if (a === undefined) return undefined;
    const sep = this.punct(i + 1);
    if (sep !== '/' && sep !== '-' && sep !== '.') return undefined;
    // Slashes are often spaced in news (19 / 10 / 1436هـ); dashes and dots must be tight.
    const tight = (k: number): boolean => sep === '/' || !this.tok(k)?.spaceBefore;
    if (!tight(i + 1) || !tight(i + 2)) return undefined;
    const b = this.num(i + 2);
    if (b === undefined) return undefined;
    const aDigits = this.digits(i);
    const bDigits = this.digits(i + 2);
    const hasThird = this.punct(i + 3) === sep && tight(i + 3) && tight(i + 4) && this.num(i + 4) !== undefined;
    let end: number;
    let year: number;
    let month: number;
    let day: number | undefined;
    if (hasThird) {
      const c = this.num(i + 4)!;
      const cDigits = this.digits(i + 4);
      end = i + 5;
      // Another separator and number after would make this a version or phone number.
      if ((this.punct(end) === sep || this.punct(end) === '.') && this.tok(end + 1)?.kind === 'number' && tight(end) && tight(end + 1)) return { start: i, end: end + 2, prefix: 0, value: null };
      if (aDigits === 4 && bDigits <= 2 && cDigits <= 2) [year, month, day] = [a, b, c];
      else if (cDigits === 4 && aDigits <= 2 && bDigits <= 2) [year, month, day] = [c, b, a];
      else return { start: i, end, prefix: 0, value: null };
    } else {
      end = i + 3;
      if (sep === '/' && aDigits <= 2 && bDigits === 4 && b >= 1900 && b <= 2199) {
        if (a < 1 || a > 12) return undefined;
        return { start: i, end, prefix: 0, value: gregorianMonth(b, a), year: b };
      }
      if ((weekday !== undefined || afterDayNoun) && sep === '/' && aDigits <= 2 && bDigits <= 2) {
        // DD/MM without a year only after a weekday or يوم (alone, 1/3 is as likely a fraction).
        if (!dayOf('gregorian', 2024, b, a)) return { start: i, end, prefix: 0, value: null };
        const value = weekday !== undefined ? nearestMatchingWeekday(ref, weekday, a, b) : pickYear(ref, 'gregorian', (y) => dayOf('gregorian', y, b, a));
        return { start: i, end, prefix: 0, value };
      }
      return undefined;
    }
    let calendar: Calendar = year >= 1300 && year <= 1500 ? 'hijri' : 'gregorian';
    const era = this.word(end);
    if (era !== undefined && HIJRI_ERA.has(era)) {
      calendar = 'hijri';
      end++;
    } else if (era !== undefined && GREGORIAN_ERA.has(era)) {
      calendar = 'gregorian';
      end++;
    }
    return { start: i, end, prefix: 0, value: dayOf(calendar, year, month, day!), year };
  }

  /** من X إلى Y، بين X و Y: both ends, the first taking the year (or month) the second states. */
  private ruleRange(i: number): RawMatch | undefined {
    const lead = this.formIn(i, RANGE_FROM);
    if (!lead) return undefined;
    // من is very common: go on only when a date can start right after it.
    const next = i + 1;
    const nextKind = this.scanned.kinds[next];
    if (!(nextKind === 1 || (nextKind === 0 && this.start.signatures.has(this.scanned.signatures[next]!) && this.canStart(next)))) return undefined;
    const between = lead.text === 'بين';
    const ref = this.reference(i);
    let first: RawMatch | undefined = between ? this.ruleDayMonth(i + 1, ref, true) : undefined;
    if (first && first.value) return { ...first, start: i, prefix: lead.prefix };
    first = this.best(i + 1, true);
    if (!first) return undefined;
    // "من 10 إلى 12 شباط": the day rule already read both ends; من belongs to the range.
    if (first.value?.grain === 'range') return { ...first, start: i, prefix: lead.prefix };
    const connector = this.punct(first.end) === '-' ? '-' : this.word(first.end);
    if (connector === undefined || !(connector === '-' || RANGE_TO.has(connector) || (between && connector === 'و'))) {
      return undefined;
    }
    const second = this.best(first.end + 1, true);
    if (!second || !second.value || !first.value) return undefined;
    let from = first.value;
    if (first.year === undefined && second.year !== undefined && first.inYear) from = first.inYear(second.year) ?? from;
    const value = span(from, second.value);
    return { start: i, end: second.end, prefix: lead.prefix, value };
  }

  // ---- after a match ----

  /** Double dating (… هـ الموافق … م), a pair written "1445 هـ / 2024 م", a range after a date, and a clock time. */
  private extend(match: RawMatch): RawMatch {
    let m = match;
    if (m.value) {
      let k = m.end;
      if (['،', ',', '-', '(', '/'].includes(this.punct(k) ?? '')) k++;
      const concordant = this.is(k, CONCORDANT);
      if (concordant) k++;
      if (this.word(k) === 'ل') k++;
      if (concordant || k > m.end) {
        const other = this.tok(k) ? this.best(k, true) : undefined;
        if (other && other.value && (concordant || Boolean(other.value.hijri) !== Boolean(m.value.hijri))) {
          const hijri = m.value.hijri ? m.value : other.value.hijri ? other.value : undefined;
          const gregorian = m.value.hijri ? other.value : m.value;
          const merged: Resolved = { ...gregorian };
          if (hijri && hijri !== gregorian && hijri.hijri) merged.hijri = hijri.hijri;
          let end = other.end;
          if (this.punct(end) === ')' && this.punct(m.end) === '(') end++;
          m = { ...m, end, value: merged };
        }
      }
      // A range after a complete first date: 13 تموز إلى 15 تموز، 2014 - 2018.
      const connector = this.punct(m.end) === '-' ? '-' : this.word(m.end);
      if (connector !== undefined && (connector === '-' || RANGE_TO.has(connector)) && this.word(match.start) !== 'من') {
        const second = this.tok(m.end + 1) ? this.best(m.end + 1, true) : undefined;
        if (second && second.value && m.value && (second.value.kind === m.value.kind || m.value.grain === second.value.grain)) {
          let from = m.value;
          if (m.year === undefined && second.year !== undefined && m.inYear) from = m.inYear(second.year) ?? from;
          const value = span(from, second.value);
          if (value) m = { ...m, end: second.end, value };
        }
      }
    }
    return { ...m, end: this.clockTimeEnd(m.end) };
  }

  /** `[،] الساعة 10:30 صباحاً` after a date joins its span (the time itself is not resolved). */
  private clockTimeEnd(end: number): number {
    let k = end;
    if (this.punct(k) === '،' || this.punct(k) === ',') k++;
    const hasHourWord = this.formIn(k, HOUR_NOUN);
    if (hasHourWord) k++;
    const hour = this.num(k);
    if (hour === undefined || hour > 24 || this.digits(k) > 2) return end;
    k++;
    if (this.punct(k) === ':' && this.num(k + 1) !== undefined && this.digits(k + 1) === 2 && this.num(k + 1)! < 60) k += 2;
    else if (!hasHourWord) return end;
    if (this.formIn(k, TIME_OF_DAY)) k++;
    return k;
  }
}

