/**
 * Place names the tagger and the actor grouping can rely on without training data: countries
 * and world regions in Arabic from CLDR (through `Intl.DisplayNames` when the model is built),
 * cities from CLDR's Arabic exemplar cities, and a small table of common short forms, seas
 * and capitals that CLDR does not carry. The list is baked into the model file at training
 * time so every browser tags alike, whatever ICU data it ships.
 */
import { normalizeArabic } from '../text/normalize';
import { cliticCandidates, splitClitics, withoutArticle, type FormFrequency } from './clitics';

export type PlaceKind = 'country' | 'region' | 'city' | 'water';

export interface GazetteerEntry {
  /** The name as CLDR (or our table) writes it, e.g. `الولايات المتحدة`. */
  name: string;
  kind: PlaceKind;
  /** ISO 3166 code for countries (and for capitals: the country they stand for). */
  code?: string;
  /** For a capital: the ISO code of its country. */
  capitalOf?: string;
}

/** Common Arabic short or variant names that CLDR's display names do not give. */
export const COUNTRY_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  US: ['أمريكا', 'أميركا', 'الولايات المتحدة الأمريكية', 'الولايات المتحدة الأميركية'],
  GB: ['بريطانيا', 'المملكة المتحدة'],
  PS: ['فلسطين', 'دولة فلسطين'],
  SA: ['السعودية', 'المملكة العربية السعودية'],
  AE: ['الإمارات', 'الإمارات العربية المتحدة'],
  SY: ['سوريا', 'سورية'],
  OM: ['سلطنة عمان'],
  RU: ['روسيا', 'روسيا الاتحادية'],
  KR: ['كوريا الجنوبية'],
  KP: ['كوريا الشمالية'],
  NL: ['هولندا'],
  CN: ['الصين'],
  IR: ['إيران', 'الجمهورية الإسلامية الإيرانية'],
  EG: ['مصر', 'جمهورية مصر العربية'],
  LY: ['ليبيا'],
  TR: ['تركيا'],
  IL: ['إسرائيل'],
  VA: ['الفاتيكان'],
  CD: ['الكونغو الديمقراطية'],
};

/** Capitals, for a capital standing for its government (`طهران` for Iran). */
export const CAPITALS: Readonly<Record<string, readonly string[]>> = {
  US: ['واشنطن'], IR: ['طهران'], OM: ['مسقط'], YE: ['صنعاء'], IQ: ['بغداد'], SY: ['دمشق'],
  LB: ['بيروت'], EG: ['القاهرة'], SA: ['الرياض'], AE: ['أبوظبي', 'أبو ظبي'],
  QA: ['الدوحة'], KW: ['الكويت'], BH: ['المنامة'], TR: ['أنقرة'], RU: ['موسكو'], CN: ['بكين'],
  GB: ['لندن'], FR: ['باريس'], DE: ['برلين'], IT: ['روما'], ES: ['مدريد'], JP: ['طوكيو'],
  IL: ['تل أبيب'], PS: ['رام الله'], LY: ['طرابلس'], TN: ['تونس'], DZ: ['الجزائر'], MA: ['الرباط'],
  SD: ['الخرطوم'], AF: ['كابول'], PK: ['إسلام أباد', 'إسلام آباد'], IN: ['نيودلهي'], UA: ['كييف'],
  BE: ['بروكسل'], HU: ['بودابست'], KP: ['بيونغ يانغ'], KR: ['سيول'], CA: ['أوتاوا'], MR: ['نواكشوط'],
};

/** Seas, gulfs and macro-regions news names constantly and CLDR's region list lacks. */
export const EXTRA_PLACES: readonly GazetteerEntry[] = [
  ...['البحر الأحمر', 'البحر المتوسط', 'البحر الأبيض المتوسط', 'البحر الأسود', 'البحر الميت', 'بحر العرب',
    'الخليج العربي', 'الخليج الفارسي', 'خليج عدن', 'مضيق هرمز', 'باب المندب', 'المحيط الهندي',
    'المحيط الأطلسي', 'المحيط الهادئ', 'قناة السويس', 'نهر النيل', 'نهر الفرات', 'نهر دجلة'].map(
    (name): GazetteerEntry => ({ name, kind: 'water' }),
  ),
  ...['الشرق الأوسط', 'الشرق الأدنى', 'شمال أفريقيا', 'المغرب العربي', 'الخليج', 'البلقان', 'القوقاز',
    'آسيا الوسطى', 'الضفة الغربية', 'قطاع غزة', 'شبه الجزيرة العربية', 'سيناء', 'كردستان'].map(
    (name): GazetteerEntry => ({ name, kind: 'region' }),
  ),
];

/** Derived nisba stems (`إيران` → `ايراني`), used to read `الإيراني`, `اليمنية`, `أمريكيين`. */
export function nisbaStem(countryName: string): string {
  const base = withoutArticle(normalizeArabic(countryName).split(' ')[0] ?? '');
  if (base.endsWith('يا')) return base.slice(0, -2) + 'ي';
  if (base.endsWith('ا') || base.endsWith('ه')) return base.endsWith('يه') ? base.slice(0, -1) : base.slice(0, -1) + 'ي';
  return base + 'ي';
}

/** Codes that are not places a news text names as such (EU and UN are organisations there). */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'XA', 'XB', 'QO', '001']);

/**
 * Countries (every two-letter ISO code) and UN M.49 areas in Arabic from the platform's CLDR
 * data, plus the tables above. Cities other than capitals need the CLDR package and are added
 * by the training script.
 */
export function platformPlaces(): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  const seen = new Set<string>();
  const push = (e: GazetteerEntry): void => {
    if (!e.name || seen.has(e.name)) return;
    seen.add(e.name);
    entries.push(e);
  };
  let long: Intl.DisplayNames;
  let short: Intl.DisplayNames;
  try {
    long = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
    short = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none', style: 'short' });
  } catch {
    return [...EXTRA_PLACES];
  }
  const nameOf = (names: Intl.DisplayNames, code: string): string | undefined => {
    try {
      const name = names.of(code);
      return name && name !== code ? name : undefined;
    } catch {
      return undefined;
    }
  };
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(65 + i, 65 + j);
      if (NOT_PLACES.has(code)) continue;
      const name = nameOf(long, code);
      if (!name) continue;
      push({ name, kind: 'country', code });
      const shortName = nameOf(short, code);
      if (shortName) push({ name: shortName, kind: 'country', code });
    }
  }
  for (const [code, names] of Object.entries(COUNTRY_VARIANTS)) for (const name of names) push({ name, kind: 'country', code });
  for (let n = 1; n < 1000; n++) {
    const code = String(n).padStart(3, '0');
    if (NOT_PLACES.has(code)) continue;
    const name = nameOf(long, code);
    if (name) push({ name, kind: 'region' });
  }
  for (const [code, names] of Object.entries(CAPITALS)) for (const name of names) push({ name, kind: 'city', capitalOf: code });
  for (const e of EXTRA_PLACES) push(e);
  return entries;
}

const NISBA_ENDINGS = ['', 'ه', 'ين', 'ون', 'ان', 'تان', 'تين'];

export interface GazetteerMatch {
  /** Tokens covered. */
  length: number;
  entry: GazetteerEntry;
  /** The reading of the first token that matched: the word itself or its clitic-free core. */
  firstToken: string;
}

/** Matching structure over normalised, clitic-aware token sequences. */
export class Gazetteer {
  private readonly byFirst = new Map<string, { tokens: string[]; entry: GazetteerEntry }[]>();
  private readonly nisba = new Map<string, string>();
  private readonly countryNames = new Map<string, GazetteerEntry>();
  /** See `startingReadings`. */
  private readonly readingsCache = new Map<string, readonly string[]>();

  constructor(readonly entries: readonly GazetteerEntry[]) {
    for (const entry of entries) {
      const tokens = normalizeArabic(entry.name).split(/\s+/).filter(Boolean);
      const first = tokens[0];
      if (!first) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push({ tokens, entry });
      this.byFirst.set(first, list);
      if (entry.kind === 'country' && entry.code) {
        this.countryNames.set(tokens.join(' '), entry);
        if (tokens.length === 1 || (entry.code && tokens.length <= 2)) {
          const stem = nisbaStem(entry.name);
          if (stem.length >= 3 && !this.nisba.has(stem)) this.nisba.set(stem, entry.code);
        }
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /**
   * Longest entry starting at token `i` of `norms` (normalised tokens). The first token may
   * carry clitics (`والولايات`); later ones are compared as they are.
   */
  matchAt(norms: readonly string[], i: number, frequency?: FormFrequency): GazetteerMatch | undefined {
    const word = norms[i];
    if (word === undefined) return undefined;
    // The definition tries the word as written, its most plausible clitic split, then every other
    // reading, each once, in that order. That split's core is the word or one of the readings, so
    // only where it comes in the order depends on the frequencies: when one reading at most
    // starts an entry (nearly always) the split is not needed, nor the readings worked out again.
    const firsts = this.startingReadings(word);
    if (firsts.length === 0) return undefined;
    if (firsts.length === 1) return this.matchFrom(norms, i, firsts[0]!);
    const split = splitClitics(word, frequency).core;
    if (firsts[0] === word) {
      const m = this.matchFrom(norms, i, word);
      if (m) return m;
    }
    if (split !== word && firsts.includes(split)) {
      const m = this.matchFrom(norms, i, split);
      if (m) return m;
    }
    for (const first of firsts) {
      if (first === word || first === split) continue;
      const m = this.matchFrom(norms, i, first);
      if (m) return m;
    }
    return undefined;
  }

  /** The longest entry whose first token is `first` and whose other tokens follow token `i`. */
  private matchFrom(norms: readonly string[], i: number, first: string): GazetteerMatch | undefined {
    const list = this.byFirst.get(first);
    if (!list) return undefined;
    for (const { tokens, entry } of list) {
      let ok = true;
      for (let k = 1; k < tokens.length; k++) {
        if (norms[i + k] !== tokens[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: tokens.length, entry, firstToken: first };
    }
    return undefined;
  }

  /**
   * The readings of a word (itself, then the cores of `cliticCandidates` in order), each once,
   * that start some entry, cached per word: matchAt and mayStartMatch run at many words, in the
   * tagger and in the mention rules alike.
   */
  private startingReadings(word: string): readonly string[] {
    const hit = this.readingsCache.get(word);
    if (hit) return hit;
    const readings = [...new Set([word, ...cliticCandidates(word).map((c) => c.core)])].filter((r) => this.byFirst.has(r));
    if (word.length <= 48) {
      if (this.readingsCache.size >= 1 << 15) this.readingsCache.clear();
      this.readingsCache.set(word, readings);
    }
    return readings;
  }

  /**
   * Whether an entry could start at this normalised word (as written or under one of its
   * clitic readings). Cached per word: most words start nothing, and taggers ask for each.
   */
  mayStartMatch(word: string): boolean {
    return this.startingReadings(word).length > 0;
  }

  /**
   * `mayStartMatch` without its cache, for a caller that keeps the answer itself: the tagger's
   * word facts ask once per new word, so there the cache only missed and grew.
   */
  startsMatch(word: string): boolean {
    return this.byFirst.has(word) || cliticCandidates(word).some((c) => this.byFirst.has(c.core));
  }

  /** ISO code of the country a nisba adjective refers to (`الإيرانية` → `IR`). */
  nisbaCountry(normalizedWord: string): string | undefined {
    const direct = this.nisbaOf(normalizedWord);
    if (direct) return direct;
    // وإيرانيون, بالأردنية: try the word without attached clitics.
    for (const c of cliticCandidates(normalizedWord)) {
      const code = this.nisbaOf(c.core);
      if (code) return code;
    }
    return undefined;
  }

  private nisbaOf(normalizedWord: string): string | undefined {
    const w = withoutArticle(normalizedWord);
    for (const ending of NISBA_ENDINGS) {
      if (ending && !w.endsWith(ending)) continue;
      const stem = ending ? w.slice(0, -ending.length) : w;
      const code = this.nisba.get(stem);
      if (code) return code;
    }
    return undefined;
  }

  /** The first (CLDR) name of a country, e.g. `الأردن` for JO. */
  countryName(code: string): string | undefined {
    return this.entries.find((e) => e.kind === 'country' && e.code === code)?.name;
  }

  /** The country entry a normalised name (without clitics) denotes, or undefined. */
  country(normalizedName: string): GazetteerEntry | undefined {
    return this.countryNames.get(normalizedName);
  }
}
