/**
 * Feature extraction for the tagger. Each token gets a list of hashed feature ids (bucket
 * numbers in [0, 2^hashBits)); the model holds one weight row per bucket. Templates: the
 * normalised word and its clitic-free forms in a ±2 window, affixes, shape, word bigrams,
 * trigger classes, and — unless switched off for the ablation baseline — corpus-learned
 * word clusters, mined name flags and frequency (lexicon) and gazetteer matches.
 *
 * Speed: everything about a token that does not depend on its neighbours (normalisation,
 * clitic split, stem, lexicon entry, shape, and the bucket of every one-word template in
 * each window position) is computed once per distinct token string and kept in a bounded
 * cache (`FeatureExtractor`); news text repeats its words a lot. Two-word templates keep the
 * FNV-1a state of their first half per word and hash only the second half. Bound to a model,
 * the extractor also sums, once per word, the weights of its one-word features for each
 * window position it can hold (itself, ±1, ±2), the bias included, so scoring a token adds
 * five cached vectors for all one-word templates. Templates over small classes (coarse
 * cluster pairs, shape and cluster triples) take their rows from tables filled on first use;
 * only the word-pair templates over open vocabulary (raw, core, stem) hash a string per
 * token, once per adjacent pair for both words' templates. Nothing is allocated per token.
 *
 * The buckets are exactly those of the plain definition (template and parts joined by `|`,
 * hashed with FNV-1a), and the scores are their weights' sums (test/entities/features-cache.test.ts).
 * Summing in another order gives the same numbers: the weights are int8 × a float32 row
 * scale ≥ prune/127, stored as float32, so every one is a multiple of 2^-30 far below 2^23,
 * and float64 adds such numbers exactly whatever the grouping.
 */
import { normalizeArabic, stripMarks } from '../text/normalize';
import { fnv1a, fnv1aBucket } from './hash';
import { lightStem, splitClitics, withoutArticle, type CliticSplit, type FormFrequency } from './clitics';
import type { Gazetteer } from './gazetteer';
import { LEXICON_FLAG, unpackLexiconEntry, type Lexicon } from './lexicon';
import { triggerClass } from './triggers';
import { STOP_WORDS } from './stopwords';
import { LABEL_COUNT } from './labels';
import { MISSING, RowCache } from './rowcache';

/**
 * A model's weights as the extractor reads them: a bucket's LABEL_COUNT scores are
 * `weights[at]` … `weights[at + LABEL_COUNT - 1]` for `at = scoresAt(bucket)`.
 */
export interface RowWeights {
  /** Where the bucket's scores start in `weights`, or -1 when the bucket has no weights. */
  scoresAt(bucket: number): number;
  readonly weights: Float32Array;
}

export interface FeatureOptions {
  hashBits: number;
  /**
   * Character n-grams of the clitic-free word (with ^ and $ marking its ends) as features of
   * the word itself, for this n (absent: none). Transliterated foreign names share letter
   * sequences (…ز، …س، …فيتش، ـو) that affixes alone do not see.
   */
  charNgrams?: number;
  lexicon?: Lexicon;
  gazetteer?: Gazetteer;
  /**
   * Templates left out (names from DROPPABLE_TEMPLATES; absent or empty: all on). For measuring
   * what each per-token template costs in tagging time and buys in accuracy.
   */
  dropTemplates?: readonly string[];
}

/**
 * The templates that read two or three neighbouring words, which `scores` looks up per token
 * rather than per distinct word (one-word templates are summed once per word and cost a
 * tagged token nothing): r-1|r0, c-1|c0, c0|c+1, t-1|p0, k-1|k0, k0|k+1, s-1|k0, k0|s+1,
 * shape-1|shape0|shape+1, k-1|k0|k+1.
 */
export const DROPPABLE_TEMPLATES = ['rPair', 'cPrev', 'cNext', 'tPair', 'kPrev', 'kNext', 'sk', 'ks', 'shape3', 'k3'] as const;
type DroppableTemplate = (typeof DROPPABLE_TEMPLATES)[number];

/** Which droppable templates are on, from the options (throws on an unknown name: a model must not silently tag with other features than it was trained with). */
function templatesOn(options: FeatureOptions): Record<DroppableTemplate, boolean> {
  const drop = options.dropTemplates ?? [];
  for (const name of drop) {
    if (!(DROPPABLE_TEMPLATES as readonly string[]).includes(name)) throw new Error(`unknown feature template ${name}; known: ${DROPPABLE_TEMPLATES.join(', ')}`);
  }
  const on = {} as Record<DroppableTemplate, boolean>;
  for (const name of DROPPABLE_TEMPLATES) on[name] = !drop.includes(name);
  return on;
}

/** What is computed once per token and read by the window templates. */
interface TokenView {
  /** Marks stripped but letters not folded: keeps على (on) apart from علي (Ali), hamza seats. */
  raw: string;
  norm: string;
  core: string;
  stem: string;
  prefix: string;
  shape: string;
  trigger: string;
  coarse: string;
  fine: string;
  flags: number;
  freqClass: number;
  nisba: boolean;
  /** Self-labelled type code of the form in the lexicon, as a string ('' = none). */
  self: string;
}

const PAD: TokenView = {
  raw: '<s>', norm: '<s>', core: '<s>', stem: '<s>', prefix: '', shape: 'pad', trigger: '', coarse: 'pad', fine: 'pad',
  flags: 0, freqClass: 0, nisba: false, self: '',
};

function wordShape(word: string): string {
  let shape = '';
  for (const ch of word) {
    const c = shapeClass(ch);
    if (!shape.endsWith(c)) shape += c;
    if (shape.length > 4) break;
  }
  return shape;
}

/** The shape letter of one character (a code point). */
function shapeClassUncached(ch: string): string {
  return /\p{Script=Arabic}/u.test(ch) ? 'a' : /[A-Za-z]/.test(ch) ? (ch === ch.toUpperCase() ? 'L' : 'l') : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'x' : 'p';
}

/** Shape letters of the BMP code units seen so far (0 = not yet): up to four regex tests per character otherwise, for every new word. */
const SHAPE_OF_UNIT = new Uint8Array(0x10000);

function shapeClass(ch: string): string {
  if (ch.length !== 1) return shapeClassUncached(ch);
  const u = ch.charCodeAt(0);
  let k = SHAPE_OF_UNIT[u]!;
  if (k === 0) {
    k = shapeClassUncached(ch).charCodeAt(0);
    SHAPE_OF_UNIT[u] = k;
  }
  return String.fromCharCode(k);
}

const PIPE = 0x7c;
const FNV_PRIME = 0x01000193;

/** FNV-1a state after `template` (the seed every feature of that template starts from). */
const seed = (template: string): number => fnv1a(template);

/** Continues an FNV-1a state with `|` and then `s`. */
function pipeThen(h: number, s: string): number {
  h = Math.imul((h ^ PIPE) >>> 0, FNV_PRIME) >>> 0;
  return fnv1a(s, h);
}

/** Continues an FNV-1a state with `|`. */
function pipe(h: number): number {
  return Math.imul((h ^ PIPE) >>> 0, FNV_PRIME) >>> 0;
}

const FLAG_NAMES = Object.keys(LEXICON_FLAG) as (keyof typeof LEXICON_FLAG)[];
const FLAG_BITS = FLAG_NAMES.map((n) => LEXICON_FLAG[n]);

// Slots of the per-word table: the bucket (or model row) of each one-word template, -1 when
// the template does not fire for this word (or, bound to a model, has no weights there).
const S = {
  w0: 0, r0: 1, c0: 2, s0: 3, p0: 4, shape: 5,
  /** pre1 suf1 pre2 suf2 pre3 suf3 pre4 suf4 */
  affix: 6,
  t0: 14, k0: 15, f0: 16, f0p0: 17, freq0: 18, freq0p0: 19,
  wm1: 20, wp1: 21, sm1: 22, sp1: 23, sm2: 24, sp2: 25, tm1: 26, tm2: 27, tp1: 28,
  km1: 29, kp1: 30, fm1: 31, fp1: 32, km2: 33, kp2: 34,
  /** mined0 per flag (4), then mined-1 (4), then mined+1 (4) */
  mined0: 35, minedM1: 39, minedP1: 43,
  nisba0: 47, nisbaP1: 48, nisbaM1: 49,
  self0: 50, selfM1: 51, selfP1: 52,
} as const;
const SLOT_COUNT = 53;
const NO_SLOTS = new Int32Array(0);

const T = {
  w0: seed('w0='), r0: seed('r0='), rPair: seed('r-1|r0='), c0: seed('c0='), s0: seed('s0='), cPrev: seed('c-1|c0='), cNext: seed('c0|c+1='),
  bias: seed('bias'), wm1: seed('w-1='), wp1: seed('w+1='), sm1: seed('s-1='), sp1: seed('s+1='), sm2: seed('s-2='), sp2: seed('s+2='),
  p0: seed('p0='), shape: seed('shape='), shape3: seed('shape-1|shape0|shape+1='),
  pre: [1, 2, 3, 4].map((k) => seed(`pre${k}=`)), suf: [1, 2, 3, 4].map((k) => seed(`suf${k}=`)),
  t0: seed('t0='), tm1: seed('t-1='), tm2: seed('t-2='), tp1: seed('t+1='), tp0: seed('t-1|p0='),
  k0: seed('k0='), f0: seed('f0='), km1: seed('k-1='), kp1: seed('k+1='), fm1: seed('f-1='), fp1: seed('f+1='),
  k3: seed('k-1|k0|k+1='), kPrev: seed('k-1|k0='), kNext: seed('k0|k+1='), f0p0: seed('f0|p0='), km2: seed('k-2='), kp2: seed('k+2='),
  sk: seed('s-1|k0='), ks: seed('k0|s+1='), freq0: seed('freq0='), freq0p0: seed('freq0|p0='),
  mined0: seed('mined0='), minedM1: seed('mined-1='), minedP1: seed('mined+1='),
  nisba0: seed('nisba0'), nisbaP1: seed('nisba+1'), nisbaM1: seed('nisba-1'),
  g0: seed('g0='), gm1: seed('g-1='), gp1: seed('g+1='),
  ngram: seed('ng='),
  self0: seed('self0='), selfM1: seed('self-1='), selfP1: seed('self+1='),
};

/** Everything about one written token that does not depend on its neighbours. */
export interface WordInfo {
  /** `normalizeArabic` of the token (case kept), its clitic split and bare core: what mentions read. */
  readonly norm: string;
  readonly split: CliticSplit;
  readonly bare: string;
  readonly view: TokenView;
  /**
   * What the document features group occurrences by (see document.ts): the light stem, or ''
   * for tokens that neither give nor take a vote (no letter, one letter, function words).
   */
  readonly docKey: string;
  /**
   * `docKey` as an integer: equal keys get equal ids within one epoch of the extractor's key
   * table (`docEpoch`); -1 for ''. Read through `FeatureExtractor.docIdOf`, which resolves a
   * word from an earlier epoch by its key.
   */
  readonly docId: number;
  readonly docEpoch: number;
  /** Lower-cased normalised form: what the gazetteer features match on. */
  readonly featureNorm: string;
  /** Whether a gazetteer entry may start at `norm` / at `featureNorm` (see Gazetteer.mayStartMatch). */
  readonly placeStart: boolean;
  readonly featurePlaceStart: boolean;
  readonly slots: Int32Array;
  /** Character n-gram features (bucket ids or rows, -1 = no weights), when the options ask for them. */
  readonly ngrams: Int32Array;
  /** Small ids (1…MAX_CLASS, 0 = too many distinct values) of the shape and of the coarse cluster, for the three-word templates. */
  readonly shapeClass: number;
  readonly coarseClass: number;
  /**
   * FNV-1a states of two-word templates after this word's half (and the `|`), kept as int32
   * (`| 0`, the same 32 bits): a uint32 above 2^31 is not a small integer, so reading it out of
   * the record and handing it to a call boxed a fresh heap number per pair template per token;
   * an int32 stays a small integer. Every consumer starts with `>>> 0` or bit operations.
   */
  readonly rPrev: number;
  readonly cPrev: number;
  readonly cNext: number;
  readonly shapePrev: number;
  readonly k3Prev: number;
  readonly kPrev: number;
  readonly kNext: number;
  readonly skPrev: number;
  readonly ksNext: number;
  readonly tPrev: number;
  /**
   * Bound to a model: the summed scores of this word's one-word features in each window
   * position (PART_SELF, PART_PREV, PART_NEXT, PART_PREV2, PART_NEXT2), LABEL_COUNT each,
   * at `partial[at …]`. Cached words share one block of memory per CHUNK_WORDS words, so a
   * sentence's words sit close together rather than in separate small buffers.
   */
  readonly partial?: Float64Array;
  readonly at: number;
}

/** Document keys the extractor numbers before its table starts over (see WordInfo.docId). */
const DOC_KEY_LIMIT = 1 << 16;
/** Words whose partial sums share one allocated block (about 360 KB). */
const CHUNK_WORDS = 1024;

const PART_SELF = 0;
const PART_PREV = 1;
const PART_NEXT = 2;
const PART_PREV2 = 3;
const PART_NEXT2 = 4;
/** Which slots make up each partial sum (a word's features by the position it holds). */
const PART_SLOTS: readonly (readonly number[])[] = [
  [S.w0, S.r0, S.c0, S.s0, S.p0, S.shape, ...Array.from({ length: 8 }, (_, k) => S.affix + k), S.t0, S.k0, S.f0, S.f0p0, S.freq0, S.freq0p0,
    S.mined0, S.mined0 + 1, S.mined0 + 2, S.mined0 + 3, S.nisba0, S.self0],
  [S.wm1, S.sm1, S.tm1, S.km1, S.fm1, S.minedM1, S.minedM1 + 1, S.minedM1 + 2, S.minedM1 + 3, S.nisbaM1, S.selfM1],
  [S.wp1, S.sp1, S.tp1, S.kp1, S.fp1, S.minedP1, S.minedP1 + 1, S.minedP1 + 2, S.minedP1 + 3, S.nisbaP1, S.selfP1],
  [S.sm2, S.tm2, S.km2],
  [S.sp2, S.kp2],
];

/** Words longer than this are computed afresh each time rather than cached. */
export const MAX_CACHED_LENGTH = 48;
/** Distinct token strings kept per extractor; the cache is emptied when it fills. */
export const WORD_CACHE_SIZE = 1 << 15;
/** Class ids fit 10 bits, so three make one small-integer key. */
const MAX_CLASS = 1023;
/**
 * Coarse clusters take about 130 values (a lexicon id, none, padding): classes below this
 * index the per-pair tables directly (2 × 256 KB).
 */
const COARSE_TABLE = 256;
const UNKNOWN_ROW = MISSING;
/** Slots (2^bits) of the direct-mapped row caches of the three-word templates (64 KB each: the common triples stay in cache). */
const TRIPLE_CACHE_BITS = 13;

export interface SentenceFeatures {
  offsets: Uint32Array;
  ids: Uint32Array;
  /** How many of each token's ids (they come first) describe the word itself. */
  identityCounts: Uint8Array;
}

/**
 * Feature extraction with a per-word cache. Unbound it lists bucket ids (`extract`,
 * `sentenceFeatures`), as training needs; bound to a model's weights it computes label scores
 * (`scores`) from each word's partial sums and the rows of the two-word templates.
 */
export class FeatureExtractor {
  private readonly cache = new Map<string, WordInfo>();
  private readonly frequency: FormFrequency | undefined;
  private readonly mask: number;
  private readonly useLexicon: boolean;
  private readonly pad: WordInfo;
  private readonly constants = new Map<string, number>();
  private buffer = new Int32Array(1024);
  private readonly shapeClasses = new Map<string, number>();
  private readonly coarseClasses = new Map<string, number>();
  /**
   * Bound only: rows of `k-1|k0` and `k0|k+1` per pair of coarse-cluster classes, of the
   * shape and coarse three-word templates per class triple, of gazetteer features per tag.
   */
  private readonly kPrevRows = new Int32Array(COARSE_TABLE * COARSE_TABLE).fill(UNKNOWN_ROW);
  private readonly kNextRows = new Int32Array(COARSE_TABLE * COARSE_TABLE).fill(UNKNOWN_ROW);
  /** `build`'s slot table when bound to a model (see there). */
  private readonly slotScratch = new Int32Array(SLOT_COUNT);
  private readonly shapeTriples = new RowCache(TRIPLE_CACHE_BITS);
  private readonly coarseTriples = new RowCache(TRIPLE_CACHE_BITS);
  private readonly gazetteerRows = new Map<string, Int32Array>();
  /** Document key → id (see WordInfo.docId), and which table it is (it starts over when full). */
  private readonly docIds = new Map<string, number>();
  private docEpoch = 0;
  /** The block the next cached words' partial sums go to, and how much of it is used. */
  private chunk = new Float64Array(0);
  private chunkUsed = 0;

  private readonly rowOf?: (bucket: number) => number;
  /** Droppable templates switched on (see DROPPABLE_TEMPLATES); the lexicon ones also need `useLexicon`. */
  private readonly on: Record<DroppableTemplate, boolean>;

  constructor(
    readonly options: FeatureOptions,
    private readonly bound?: RowWeights,
  ) {
    if (bound) this.rowOf = (bucket) => bound.scoresAt(bucket);
    const { lexicon } = options;
    this.frequency = lexicon && lexicon.size > 0 ? (f) => lexicon.frequency(f) : undefined;
    this.mask = options.hashBits >= 32 ? 0xffffffff : (1 << options.hashBits) - 1;
    this.useLexicon = lexicon !== undefined && lexicon.size > 0;
    this.on = templatesOn(options);
    this.pad = this.build(PAD, '<s>', { prefixLength: 0, core: '<s>', fusedArticle: false, prefix: '' }, '<s>', false);
  }

  /** Bucket (or row, -1 if none) of a finished hash. */
  private value(h: number): number {
    const bucket = (h & this.mask) >>> 0;
    return this.rowOf ? this.rowOf(bucket) : bucket;
  }

  private constant(h: number): number {
    const key = String(h);
    let v = this.constants.get(key);
    if (v === undefined) {
      v = this.value(h);
      this.constants.set(key, v);
    }
    return v;
  }

  /** The cached facts about a written token. */
  word(token: string): WordInfo {
    const hit = this.cache.get(token);
    if (hit) return hit;
    const info = this.compute(token);
    if (token.length <= MAX_CACHED_LENGTH) {
      if (this.cache.size >= WORD_CACHE_SIZE) this.cache.clear();
      this.cache.set(token, info);
    }
    return info;
  }

  /** Small id of a string in a bounded table (0 once the table is full: callers then compute directly). */
  private classOf(table: Map<string, number>, s: string): number {
    let id = table.get(s);
    if (id === undefined) {
      if (table.size >= MAX_CLASS) return 0;
      id = table.size + 1;
      table.set(s, id);
    }
    return id;
  }

  private compute(token: string): WordInfo {
    const { lexicon, gazetteer } = this.options;
    const frequency = this.frequency;
    const norm = normalizeArabic(token);
    const featureNorm = norm.toLowerCase();
    const split = splitClitics(featureNorm, frequency);
    const stem = lightStem(split.core);
    const entry = lexicon ? unpackLexiconEntry(lexicon.packed(split.core)) : undefined;
    const raw = stripMarks(token);
    const view: TokenView = {
      raw: raw.length > 40 ? raw.slice(0, 40) : raw,
      norm: featureNorm.length > 40 ? featureNorm.slice(0, 40) : featureNorm,
      core: split.core.length > 40 ? split.core.slice(0, 40) : split.core,
      stem: stem.length > 40 ? stem.slice(0, 40) : stem,
      prefix: split.prefix + (split.core.startsWith('ال') ? '+ال' : ''),
      shape: wordShape(token),
      trigger: triggerClass(stem) ?? '',
      coarse: entry ? String(entry.coarse) : '',
      fine: entry ? String(entry.fine) : '',
      flags: entry ? entry.flags : 0,
      freqClass: entry ? entry.freqClass : 0,
      nisba: gazetteer ? gazetteer.nisbaCountry(split.core) !== undefined : false,
      self: entry && entry.self ? String(entry.self) : '',
    };
    const mentionSplit = featureNorm === norm ? split : splitClitics(norm, frequency);
    return this.build(view, norm, mentionSplit, featureNorm, token.length <= MAX_CACHED_LENGTH);
  }

  private build(v: TokenView, norm: string, split: CliticSplit, featureNorm: string, cached: boolean): WordInfo {
    // Bound to a model the slot table is only read below, into the partial sums, and not
    // kept: one scratch table serves every word then (a small typed array is slow to allocate).
    const slots = (this.bound ? this.slotScratch : new Int32Array(SLOT_COUNT)).fill(-1);
    // The slots get buckets first; bound to a model they become rows afterwards, all in one
    // loop (see below).
    const mask = this.mask;
    const one = (slot: number, template: number, a: string): void => {
      slots[slot] = fnv1aBucket(a, template, mask);
    };
    const two = (slot: number, template: number, a: string, b: string): void => {
      slots[slot] = (pipeThen(fnv1a(a, template), b) & mask) >>> 0;
    };
    one(S.w0, T.w0, v.norm);
    one(S.r0, T.r0, v.raw);
    one(S.c0, T.c0, v.core);
    one(S.s0, T.s0, v.stem);
    one(S.wm1, T.wm1, v.norm);
    one(S.wp1, T.wp1, v.norm);
    one(S.sm1, T.sm1, v.stem);
    one(S.sp1, T.sp1, v.stem);
    one(S.sm2, T.sm2, v.stem);
    one(S.sp2, T.sp2, v.stem);
    one(S.p0, T.p0, v.prefix);
    two(S.shape, T.shape, v.shape, String(Math.min(v.stem.length, 8)));
    for (let k = 1; k <= 4; k++) {
      if (v.stem.length > k) {
        one(S.affix + 2 * (k - 1), T.pre[k - 1]!, v.stem.slice(0, k));
        one(S.affix + 2 * (k - 1) + 1, T.suf[k - 1]!, v.stem.slice(-k));
      }
    }
    if (v.trigger) {
      one(S.t0, T.t0, v.trigger);
      one(S.tm1, T.tm1, v.trigger);
      one(S.tm2, T.tm2, v.trigger);
      one(S.tp1, T.tp1, v.trigger);
    }
    if (this.useLexicon) {
      one(S.k0, T.k0, v.coarse);
      one(S.f0, T.f0, v.fine);
      one(S.km1, T.km1, v.coarse);
      one(S.kp1, T.kp1, v.coarse);
      one(S.fm1, T.fm1, v.fine);
      one(S.fp1, T.fp1, v.fine);
      two(S.f0p0, T.f0p0, v.fine, v.prefix);
      one(S.km2, T.km2, v.coarse);
      one(S.kp2, T.kp2, v.coarse);
      one(S.freq0, T.freq0, String(v.freqClass));
      two(S.freq0p0, T.freq0p0, String(v.freqClass), v.prefix);
      FLAG_NAMES.forEach((name, f) => {
        if (!(v.flags & FLAG_BITS[f]!)) return;
        one(S.mined0 + f, T.mined0, name);
        one(S.minedM1 + f, T.minedM1, name);
        one(S.minedP1 + f, T.minedP1, name);
      });
      if (v.self) {
        one(S.self0, T.self0, v.self);
        one(S.selfM1, T.selfM1, v.self);
        one(S.selfP1, T.selfP1, v.self);
      }
    }
    if (this.options.gazetteer && v.nisba) {
      slots[S.nisba0] = (T.nisba0 & mask) >>> 0;
      slots[S.nisbaP1] = (T.nisbaP1 & mask) >>> 0;
      slots[S.nisbaM1] = (T.nisbaM1 & mask) >>> 0;
    }
    // Buckets to rows (`value`), bound only: each is a lookup in the model's table, nearly always
    // a cache miss and little else, so they are made together in a short loop of independent
    // lookups whose misses the processor overlaps, rather than one after each hash.
    // (A bucket of 2^31 or more would read as negative here and stay unlooked-up; parseNerModel
    // accepts no model with more than 2^24 buckets, the most train:ner makes.)
    const rowOf = this.rowOf;
    if (rowOf) {
      for (let k = 0; k < SLOT_COUNT; k++) {
        const bucket = slots[k]!;
        if (bucket >= 0) slots[k] = rowOf(bucket);
      }
    }
    const n = this.options.charNgrams ?? 0;
    const ngramList: number[] = [];
    if (n > 0 && v !== PAD) {
      const marked = `^${v.core}$`;
      for (let k = 0; k + n <= marked.length; k++) ngramList.push(this.value(fnv1a(marked.slice(k, k + n), T.ngram)));
    }
    const ngrams = this.bound ? NO_SLOTS : Int32Array.from(ngramList);
    const gazetteer = this.options.gazetteer;
    // Uncached: this word's facts are what is cached (see Gazetteer.startsMatch).
    const featurePlaceStart = gazetteer ? gazetteer.startsMatch(featureNorm) : false;
    const placeStart = gazetteer ? (norm === featureNorm ? featurePlaceStart : gazetteer.startsMatch(norm)) : false;
    let partial: Float64Array | undefined;
    let at = 0;
    if (this.bound) {
      const L = LABEL_COUNT;
      const width = PART_SLOTS.length * L;
      const weights = this.bound.weights;
      if (cached) {
        // A word that is not cached (over-long token) gets a buffer of its own, so a stream of
        // them cannot keep blocks alive for the few cached words among them.
        if (this.chunkUsed + width > this.chunk.length) {
          this.chunk = new Float64Array(CHUNK_WORDS * width);
          this.chunkUsed = 0;
        }
        partial = this.chunk;
        at = this.chunkUsed;
        this.chunkUsed += width;
      } else {
        partial = new Float64Array(width);
      }
      const sums = partial;
      PART_SLOTS.forEach((list, part) => {
        for (const slot of list) {
          const row = slots[slot]!;
          if (row < 0) continue;
          for (let l = 0; l < L; l++) sums[at + part * L + l]! += weights[row + l]!;
        }
      });
      for (const row of ngramList) {
        if (row < 0) continue;
        for (let l = 0; l < L; l++) sums[at + PART_SELF * L + l]! += weights[row + l]!;
      }
      // The bias feature fires on every token: carried in the word's own part.
      const bias = this.constant(T.bias);
      if (bias >= 0) for (let l = 0; l < L; l++) sums[at + PART_SELF * L + l]! += weights[bias + l]!;
    }
    return {
      partial,
      at,
      shapeClass: this.classOf(this.shapeClasses, v.shape),
      coarseClass: this.classOf(this.coarseClasses, v.coarse),
      // Bound to a model, only the partial sums are read; the slot table is not kept.
      slots: partial ? NO_SLOTS : slots,
      norm,
      split,
      bare: withoutArticle(split.core),
      view: v,
      ...this.documentKey(v === PAD || v.stem.length < 2 || STOP_WORDS.has(split.core) || !/\p{L}/u.test(v.stem) ? '' : v.stem),
      featureNorm,
      placeStart,
      featurePlaceStart,
      ngrams,
      rPrev: pipe(fnv1a(v.raw, T.rPair)) | 0,
      cPrev: pipe(fnv1a(v.core, T.cPrev)) | 0,
      cNext: pipe(fnv1a(v.core, T.cNext)) | 0,
      shapePrev: pipe(fnv1a(v.shape, T.shape3)) | 0,
      k3Prev: pipe(fnv1a(v.coarse, T.k3)) | 0,
      kPrev: pipe(fnv1a(v.coarse, T.kPrev)) | 0,
      kNext: pipe(fnv1a(v.coarse, T.kNext)) | 0,
      skPrev: pipe(fnv1a(v.stem, T.sk)) | 0,
      ksNext: pipe(fnv1a(v.coarse, T.ks)) | 0,
      tPrev: pipe(fnv1a(v.trigger, T.tp0)) | 0,
    };
  }

  /** A new word's document key with its id in the current epoch (see WordInfo.docId). */
  private documentKey(docKey: string): Pick<WordInfo, 'docKey' | 'docId' | 'docEpoch'> {
    if (!docKey) return { docKey, docId: -1, docEpoch: this.docEpoch };
    // Bounded: once full the table starts over in a new epoch. Only here, between texts or
    // while a text's words are looked up, never while `docIdOf` resolves a text's words.
    if (this.docIds.size >= DOC_KEY_LIMIT && !this.docIds.has(docKey)) {
      this.docIds.clear();
      this.docEpoch++;
    }
    return { docKey, docId: this.docKeyId(docKey), docEpoch: this.docEpoch };
  }

  private docKeyId(key: string): number {
    let id = this.docIds.get(key);
    if (id === undefined) {
      id = this.docIds.size;
      this.docIds.set(key, id);
    }
    return id;
  }

  /**
   * The id of a word's document key in the current epoch: its own, or for a word made before
   * the table last started over, its key's id now (added if need be). Ids stay below
   * `docIdLimit` until the next word is made.
   */
  docIdOf(w: WordInfo): number {
    if (w.docEpoch === this.docEpoch) return w.docId;
    return w.docKey ? this.docKeyId(w.docKey) : -1;
  }

  get docIdLimit(): number {
    return this.docIds.size;
  }

  /** Gazetteer labels (`B-country`, `I-city` …, '' outside) of a sentence's words. */
  private gazetteerTags(words: readonly WordInfo[]): string[] | undefined {
    const { gazetteer } = this.options;
    if (!gazetteer) return undefined;
    let tags: string[] | undefined;
    let norms: string[] | undefined;
    for (let i = 0; i < words.length; ) {
      if (!words[i]!.featurePlaceStart) {
        i++;
        continue;
      }
      norms ??= words.map((w) => w.featureNorm);
      const m = gazetteer.matchAt(norms, i, this.frequency);
      if (!m) {
        i++;
        continue;
      }
      tags ??= new Array<string>(words.length).fill('');
      for (let k = 0; k < m.length; k++) tags[i + k] = `${k === 0 ? 'B' : 'I'}-${m.entry.kind}`;
      i += m.length;
    }
    return tags;
  }

  /**
   * Feature buckets of every token, back to back: token i owns values[offsets[i]] …
   * values[offsets[i+1]-1] (unbound extractors only). The returned view is reused by the next call.
   */
  extract(words: readonly WordInfo[], offsets: Uint32Array, identityCounts?: Uint8Array): Int32Array {
    if (this.bound) throw new Error('extract() lists buckets: use an extractor that is not bound to a model');
    const n = words.length;
    const pad = this.pad;
    const gaz = this.gazetteerTags(words);
    const useLexicon = this.useLexicon;
    const useGazetteer = this.options.gazetteer !== undefined;
    let out = this.buffer;
    let count = 0;
    const put = (v: number): void => {
      if (v < 0) return;
      if (count === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[count++] = v;
    };
    const hashed = (h: number): void => put(this.value(h));
    const bias = this.constant(T.bias);
    const on = this.on;
    for (let i = 0; i < n; i++) {
      offsets[i] = count;
      const w = words[i]!;
      const prev = i > 0 ? words[i - 1]! : pad;
      const next = i + 1 < n ? words[i + 1]! : pad;
      const prev2 = i > 1 ? words[i - 2]! : pad;
      const next2 = i + 2 < n ? words[i + 2]! : pad;
      const ws = w.slots;
      const v = w.view;
      // Identity features first: training may hide them (see `identityCounts`) so the weights
      // also learn from context, affixes and clusters, which are all an unseen name has.
      put(ws[S.w0]!);
      put(ws[S.r0]!);
      if (on.rPair) hashed(fnv1a(v.raw, prev.rPrev));
      put(ws[S.c0]!);
      put(ws[S.s0]!);
      if (on.cPrev) hashed(fnv1a(v.core, prev.cPrev));
      if (on.cNext) hashed(fnv1a(next.view.core, w.cNext));
      if (identityCounts) identityCounts[i] = count - offsets[i]!;
      put(bias);
      put(prev.slots[S.wm1]!);
      put(next.slots[S.wp1]!);
      put(prev.slots[S.sm1]!);
      put(next.slots[S.sp1]!);
      put(prev2.slots[S.sm2]!);
      put(next2.slots[S.sp2]!);
      put(ws[S.p0]!);
      put(ws[S.shape]!);
      if (on.shape3) hashed(fnv1a(next.view.shape, pipe(fnv1a(v.shape, prev.shapePrev))));
      for (let a = S.affix; a < S.affix + 8; a++) put(ws[a]!);
      for (let k = 0; k < w.ngrams.length; k++) put(w.ngrams[k]!);
      put(ws[S.t0]!);
      put(prev.slots[S.tm1]!);
      put(prev2.slots[S.tm2]!);
      put(next.slots[S.tp1]!);
      if (on.tPair && prev.view.trigger && v.trigger === '') hashed(fnv1a(v.prefix, prev.tPrev));
      if (useLexicon) {
        put(ws[S.k0]!);
        put(ws[S.f0]!);
        put(prev.slots[S.km1]!);
        put(next.slots[S.kp1]!);
        put(prev.slots[S.fm1]!);
        put(next.slots[S.fp1]!);
        if (on.k3) hashed(fnv1a(next.view.coarse, pipe(fnv1a(v.coarse, prev.k3Prev))));
        if (on.kPrev) hashed(fnv1a(v.coarse, prev.kPrev));
        if (on.kNext) hashed(fnv1a(next.view.coarse, w.kNext));
        put(ws[S.f0p0]!);
        put(prev2.slots[S.km2]!);
        put(next2.slots[S.kp2]!);
        if (on.sk) hashed(fnv1a(v.coarse, prev.skPrev));
        if (on.ks) hashed(fnv1a(next.view.stem, w.ksNext));
        put(ws[S.freq0]!);
        put(ws[S.freq0p0]!);
        if (v.flags | prev.view.flags | next.view.flags) {
          for (let f = 0; f < FLAG_BITS.length; f++) {
            put(ws[S.mined0 + f]!);
            put(prev.slots[S.minedM1 + f]!);
            put(next.slots[S.minedP1 + f]!);
          }
        }
        put(ws[S.self0]!);
        put(prev.slots[S.selfM1]!);
        put(next.slots[S.selfP1]!);
      }
      if (useGazetteer) {
        if (gaz) {
          const g0 = gaz[i]!;
          const gm1 = i > 0 ? gaz[i - 1]! : '';
          const gp1 = i + 1 < n ? gaz[i + 1]! : '';
          if (g0) put(this.constant(fnv1a(g0, T.g0)));
          if (gm1) put(this.constant(fnv1a(gm1, T.gm1)));
          if (gp1) put(this.constant(fnv1a(gp1, T.gp1)));
        }
        put(ws[S.nisba0]!);
        put(next.slots[S.nisbaP1]!);
        put(prev.slots[S.nisbaM1]!);
      }
    }
    offsets[n] = count;
    this.buffer = out;
    return out.subarray(0, count);
  }

  /**
   * Bound to a model: the label scores of every token (n × LABEL_COUNT, row-major) — the sum
   * of the weights of all its features, which is what `extract` lists — from each word's
   * partial sums, the cached sums of each adjacent pair, the rows of the three-word templates
   * per class triple, and gazetteer rows. `out` is overwritten.
   */
  scores(words: readonly WordInfo[], out: Float64Array): void {
    const bound = this.bound;
    if (!bound) throw new Error('scores() needs an extractor bound to a model');
    const L = LABEL_COUNT;
    const n = words.length;
    const pad = this.pad;
    // One-word templates of the ±2 window: five cached vectors.
    for (let i = 0; i < n; i++) {
      const wa = words[i]!;
      const wb = i > 0 ? words[i - 1]! : pad;
      const wc = i + 1 < n ? words[i + 1]! : pad;
      const wd = i > 1 ? words[i - 2]! : pad;
      const we = i + 2 < n ? words[i + 2]! : pad;
      const a = wa.partial!;
      const b = wb.partial!;
      const c = wc.partial!;
      const d = wd.partial!;
      const e = we.partial!;
      const ao = wa.at + PART_SELF * L;
      const bo = wb.at + PART_PREV * L;
      const co = wc.at + PART_NEXT * L;
      const dO = wd.at + PART_PREV2 * L;
      const eo = we.at + PART_NEXT2 * L;
      const o = i * L;
      for (let l = 0; l < L; l++) out[o + l] = a[ao + l]! + b[bo + l]! + c[co + l]! + d[dO + l]! + e[eo + l]!;
    }
    // Two-word templates, once per adjacent pair, the sentence padded at both ends.
    this.addPairs(words, out);
    // Three-word templates over shape and coarse cluster.
    const weights = bound.weights;
    const shape3 = this.on.shape3;
    const k3 = this.useLexicon && this.on.k3;
    if (shape3 || k3) for (let i = 0; i < n; i++) {
      const prev = i > 0 ? words[i - 1]! : pad;
      const w = words[i]!;
      const next = i + 1 < n ? words[i + 1]! : pad;
      const o = i * L;
      if (shape3) {
        const row = this.shapeTriple(prev, w, next);
        if (row >= 0) for (let l = 0; l < L; l++) out[o + l]! += weights[row + l]!;
      }
      if (k3) {
        const row = this.coarseTriple(prev, w, next);
        if (row >= 0) for (let l = 0; l < L; l++) out[o + l]! += weights[row + l]!;
      }
    }
    const gaz = this.gazetteerTags(words);
    if (gaz) {
      for (let i = 0; i < n; i++) {
        const o = i * L;
        if (gaz[i]) this.addRow(out, o, this.gazetteerRow(gaz[i]!, 0));
        if (i > 0 && gaz[i - 1]) this.addRow(out, o, this.gazetteerRow(gaz[i - 1]!, 1));
        if (i + 1 < n && gaz[i + 1]) this.addRow(out, o, this.gazetteerRow(gaz[i + 1]!, 2));
      }
    }
  }

  /**
   * Adds the templates that read two adjacent words (a, b): to b those with a before it
   * (r-1|r0, c-1|c0, t-1|p0, k-1|k0, s-1|k0), to a those with b after it (c0|c+1, k0|k+1,
   * k0|s+1). The pure cluster pairs come from a small table per cluster pair; the others read
   * open-vocabulary strings, so they are hashed here: word bigrams seldom repeat within an
   * article (about 8% of them in news), too seldom for a pair cache to pay.
   */
  private addPairs(words: readonly WordInfo[], out: Float64Array): void {
    const L = LABEL_COUNT;
    const n = words.length;
    const pad = this.pad;
    const useLexicon = this.useLexicon;
    const on = this.on;
    for (let j = 0; j <= n; j++) {
      const a = j > 0 ? words[j - 1]! : pad;
      const b = j < n ? words[j]! : pad;
      const av = a.view;
      const bv = b.view;
      if (j < n) {
        const o = j * L;
        if (on.rPair) this.addRow(out, o, this.hashedRow(bv.raw, a.rPrev));
        if (on.cPrev) this.addRow(out, o, this.hashedRow(bv.core, a.cPrev));
        if (on.tPair && av.trigger && bv.trigger === '') this.addRow(out, o, this.hashedRow(bv.prefix, a.tPrev));
        if (useLexicon) {
          if (on.kPrev) this.addRow(out, o, this.coarsePair(this.kPrevRows, a, b, a.kPrev));
          if (on.sk) this.addRow(out, o, this.hashedRow(bv.coarse, a.skPrev));
        }
      }
      if (j > 0) {
        const o = (j - 1) * L;
        if (on.cNext) this.addRow(out, o, this.hashedRow(bv.core, a.cNext));
        if (useLexicon) {
          if (on.kNext) this.addRow(out, o, this.coarsePair(this.kNextRows, a, b, a.kNext));
          if (on.ks) this.addRow(out, o, this.hashedRow(bv.stem, a.ksNext));
        }
      }
    }
  }

  /**
   * Row of a template over the coarse clusters of (a, b), whose hash is `state` (a's half)
   * continued with b's cluster: looked up in a table per cluster pair, filled on first use.
   */
  private coarsePair(table: Int32Array, a: WordInfo, b: WordInfo, state: number): number {
    const x = a.coarseClass;
    const y = b.coarseClass;
    if (x === 0 || y === 0 || x >= COARSE_TABLE || y >= COARSE_TABLE) return this.hashedRow(b.view.coarse, state);
    const k = x * COARSE_TABLE + y;
    let row = table[k]!;
    if (row === UNKNOWN_ROW) {
      row = this.hashedRow(b.view.coarse, state);
      table[k] = row;
    }
    return row;
  }

  /**
   * Where a bucket hash's scores start in the model's weights, -1 when it has none (bound
   * only). Here and below a "row" is such an offset.
   */
  private row(h: number): number {
    return this.bound!.scoresAt((h & this.mask) >>> 0);
  }

  /**
   * `row(fnv1a(s, state))` for the per-pair templates, with the hash kept inside one function:
   * a 32-bit hash handed from call to call is a boxed number when it is not a small integer,
   * one allocation per feature per token; the bucket (hashBits wide) needs none.
   */
  private hashedRow(s: string, state: number): number {
    return this.bound!.scoresAt(fnv1aBucket(s, state, this.mask));
  }

  private addRow(dst: Float64Array, at: number, row: number): void {
    if (row < 0) return;
    const weights = this.bound!.weights;
    for (let l = 0; l < LABEL_COUNT; l++) dst[at + l]! += weights[row + l]!;
  }

  /** Row of `shape-1|shape0|shape+1`, cached per class triple. */
  private shapeTriple(prev: WordInfo, w: WordInfo, next: WordInfo): number {
    return this.cachedTriple(this.shapeTriples, tripleKey(prev.shapeClass, w.shapeClass, next.shapeClass), prev.shapePrev, w.view.shape, next.view.shape);
  }

  /** Row of `k-1|k0|k+1`, cached per class triple. */
  private coarseTriple(prev: WordInfo, w: WordInfo, next: WordInfo): number {
    return this.cachedTriple(this.coarseTriples, tripleKey(prev.coarseClass, w.coarseClass, next.coarseClass), prev.k3Prev, w.view.coarse, next.view.coarse);
  }

  /**
   * The row of a triple feature from `cache` under `key`; on a miss it hashes `next|self` onto the previous word's
   * hash, as the slow path does (no closure: this runs for every token). A negative key is not cached.
   */
  private cachedTriple(cache: RowCache, key: number, prevHash: number, self: string, next: string): number {
    let row = key >= 0 ? cache.get(key) : MISSING;
    if (row === MISSING) {
      row = this.bound!.scoresAt(tripleBucket(prevHash, self, next, this.mask));
      if (key >= 0) cache.set(key, row);
    }
    return row;
  }

  /** Row of a gazetteer tag feature at `position` 0 (the token), 1 (the one before), 2 (the one after). */
  private gazetteerRow(tag: string, position: number): number {
    let rows = this.gazetteerRows.get(tag);
    if (!rows) {
      rows = Int32Array.of(this.row(fnv1a(tag, T.g0)), this.row(fnv1a(tag, T.gm1)), this.row(fnv1a(tag, T.gp1)));
      // Tags are B-/I- × a handful of place kinds: this table stays tiny.
      this.gazetteerRows.set(tag, rows);
    }
    return rows[position]!;
  }

  /** Bucket ids of every token of a sentence (for training). */
  sentenceFeatures(tokens: readonly string[]): SentenceFeatures {
    const words = tokens.map((t) => this.word(t));
    const offsets = new Uint32Array(tokens.length + 1);
    const identityCounts = new Uint8Array(tokens.length);
    const values = this.extract(words, offsets, identityCounts);
    return { offsets, ids: Uint32Array.from(values), identityCounts };
  }
}

/**
 * `(fnv1a(next, pipe(fnv1a(self, state))) & mask) >>> 0`, the bucket of a three-word template
 * whose first word's half is `state`, with the intermediate 32-bit hashes kept inside this one
 * function (handed between calls they would be boxed numbers; see `hashedRow`).
 */
function tripleBucket(state: number, self: string, next: string, mask: number): number {
  let h = state | 0;
  for (let i = 0; i < self.length; i++) h = Math.imul(h ^ self.charCodeAt(i), FNV_PRIME);
  h = Math.imul(h ^ PIPE, FNV_PRIME);
  for (let i = 0; i < next.length; i++) h = Math.imul(h ^ next.charCodeAt(i), FNV_PRIME);
  return (h & mask) >>> 0;
}

/** One small-integer key for three class ids, -1 when one of them has none. */
function tripleKey(a: number, b: number, c: number): number {
  return a === 0 || b === 0 || c === 0 ? -1 : (a << 20) | (b << 10) | c;
}

const extractors = new WeakMap<FeatureOptions, FeatureExtractor>();

/**
 * Feature buckets for every token of a sentence: `ids` holds them back to back, token i owning
 * ids[offsets[i]] … ids[offsets[i+1]-1]. Repeated calls with the same options object share
 * one word cache.
 */
export function sentenceFeatures(tokens: readonly string[], options: FeatureOptions): SentenceFeatures {
  let extractor = extractors.get(options);
  if (!extractor) {
    extractor = new FeatureExtractor(options);
    extractors.set(options, extractor);
  }
  return extractor.sentenceFeatures(tokens);
}
