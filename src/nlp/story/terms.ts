/**
 * Content terms and sparse vectors for comparing sentences. Similarity needs the same word to
 * match across its spellings and attached clitics (`والحكومة`, `الحكومة`, `حكومة`), and needs
 * function words out of the way, so terms are normalised, lightly de-prefixed and filtered.
 * This is deliberately light (no stemming of suffixes): it is only used to compare sentences.
 */
import { normalizeArabic } from '../text/normalize';

/** Frequent Arabic function words (normalised forms): they say nothing about the topic. */
const STOPWORDS = new Set(
  (
    'في من الي علي عن مع ان او ام ثم بل لكن لم لن ما لا لا هل قد كان كانت يكون تكون كانوا ' +
    'هذا هذه ذلك تلك هولاء اولئك الذي التي الذين اللذان اللتان اللواتي هو هي هم هن انا نحن انت ' +
    'كل بعض غير بين عند عندما حيث اذا اذ حتي منذ خلال بعد قبل فوق تحت امام حول ضد دون ' +
    'وقد وكان وكانت وهو وهي وهذا وهذه وفي ومن والي وعلي وعن ومع وان ولا ولم ولكن فان فقد ' +
    'كما اي ايضا فقط لقد انه انها انهم عليه عليها عليهم اليه اليها منه منها فيه فيها لها له لهم ' +
    'به بها بهم التي الذي وقال قال قالت وقالت اضاف واضاف اكد واكد وفق وفقا حسب نحو ' +
    'يوم اليوم امس عام العام سنه شهر مساء صباح الان حاليا مثل جدا عده عدد اكثر اقل احد ' +
    'the of and to in a is for on that with by as at from'
  ).split(/\s+/),
);

/** Prefix clusters (conjunction + preposition + article) peeled before comparing words. */
const PREFIXES = ['وبال', 'وكال', 'فبال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

/** The comparable form of one word, or '' when it carries no content. */
export function termOf(word: string): string {
  let w = normalizeArabic(word).toLowerCase();
  if (w.length < 2 || STOPWORDS.has(w) || /^\d+$/.test(w)) return '';
  for (const p of PREFIXES) {
    // Keep at least three letters: `ولد` must not become `لد`.
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  return STOPWORDS.has(w) ? '' : w;
}

/*
 * Words are runs of `[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*` (a letter or digit, then letters,
 * marks, digits, tatweel). None of those characters is whitespace, so matching that pattern over a
 * whole text finds exactly the words that splitting on whitespace and matching each chunk finds;
 * the scanner below does it on character codes, without the regex, the split or any substring.
 */
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{M}\p{N}\u0640]$/u;
const NONE = 1;
const PART = 2;
const START = 3;
/** High surrogates: the class depends on the next unit (see `slowClass`). */
const SURROGATE = 4;
const CLASS = 7;
/** Flags above the class bits: a digit /[0-9٠-٩]/, a quote mark /[«»“”"]/ (counted by the scanner). */
const DIGIT = 8;
const QUOTE = 16;
/** Class (and flags) of each BMP code unit (0 = not looked at yet), filled on first sight by the regexes above. */
const unitClass = new Uint8Array(0x10000).fill(SURROGATE, 0xd800, 0xdc00);
for (const c of [...'0123456789٠١٢٣٤٥٦٧٨٩'].map((ch) => ch.charCodeAt(0))) unitClass[c] = classOfPoint(c) | DIGIT;
for (const c of [...'«»“”"'].map((ch) => ch.charCodeAt(0))) unitClass[c] = classOfPoint(c) | QUOTE;

const astralClass = new Map<number, number>();

function classOfPoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return WORD_START.test(ch) ? START : WORD_PART.test(ch) ? PART : NONE;
}

/**
 * Word → term id, remembered across calls: normalising (`termOf`) is the costly part, and news
 * repeats its words (within an article and across a batch). An open-addressing table keyed by the
 * word's characters (FNV-1a hash), compared in place against the text, so a known word costs no
 * allocation; the keys' characters live in one pool (no string kept alive, no slice of a big
 * article retained). Ids index `termStrings`; -1 = no term. Bounded: once it holds WORD_LIMIT
 * words it is emptied, but only between calls (`beginTermCall`), so ids stay valid for a whole call.
 */
const WORD_LIMIT = 50_000;
const INITIAL_SLOTS = 1024;
/**
 * Slot k is slots[4k…4k+3]: key length (0 = empty), hash, term id, start of the key in `pool`;
 * one array so a probe touches one cache line.
 */
let slots = new Int32Array(4 * INITIAL_SLOTS);
let pool = new Uint16Array(8192);
let poolUsed = 0;
let tableSize = 0;
const termIds = new Map<string, number>();
const termStrings: string[] = [];

/** Call before scanning for one computation; term ids are stable until the next call. */
export function beginTermCall(): void {
  if (tableSize < WORD_LIMIT) return;
  slots = new Int32Array(4 * INITIAL_SLOTS);
  pool = new Uint16Array(8192);
  poolUsed = 0;
  tableSize = 0;
  termIds.clear();
  termStrings.length = 0;
}

/** Number of term ids handed out so far (ids are below it). */
export function termIdCount(): number {
  return termStrings.length;
}

/** The term of an id from `scanTermIds`. */
export function termString(id: number): string {
  return termStrings[id]!;
}

function growTable(): void {
  const old = slots;
  const capacity = old.length / 2;
  const mask = capacity - 1;
  const table = new Int32Array(4 * capacity);
  for (let k = 0; k < old.length; k += 4) {
    if (old[k] === 0) continue;
    let slot = old[k + 1]! & mask;
    while (table[4 * slot] !== 0) slot = (slot + 1) & mask;
    table.set(old.subarray(k, k + 4), 4 * slot);
  }
  slots = table;
}

/** Term id of the word text[from, to) whose hash is `hash`. */
function wordId(text: string, from: number, to: number, hash: number): number {
  const table = slots;
  const chars = pool;
  const mask = (table.length >> 2) - 1;
  const length = to - from;
  let slot = hash & mask;
  for (;;) {
    const at = slot << 2;
    const keyLength = table[at]!;
    if (keyLength === 0) break;
    if (keyLength === length && table[at + 1] === hash) {
      const start = table[at + 3]!;
      let k = 0;
      while (k < length && chars[start + k] === text.charCodeAt(from + k)) k++;
      if (k === length) return table[at + 2]!;
    }
    slot = (slot + 1) & mask;
  }
  return addWord(text, from, to, hash, slot);
}

/** A word not seen yet: its term, stored in the empty slot the probe ended on. */
function addWord(text: string, from: number, to: number, hash: number, slot: number): number {
  const length = to - from;
  const term = termOf(text.slice(from, to));
  let id = -1;
  if (term) {
    id = termIds.get(term) ?? -1;
    if (id < 0) {
      id = termStrings.length;
      termStrings.push(term);
      termIds.set(term, id);
    }
  }
  if (poolUsed + length > pool.length) {
    const bigger = new Uint16Array(Math.max(pool.length * 2, poolUsed + length));
    bigger.set(pool.subarray(0, poolUsed));
    pool = bigger;
  }
  for (let k = 0; k < length; k++) pool[poolUsed + k] = text.charCodeAt(from + k);
  const at = slot << 2;
  slots[at] = length;
  slots[at + 1] = hash;
  slots[at + 2] = id;
  slots[at + 3] = poolUsed;
  poolUsed += length;
  if (++tableSize * 2 > slots.length >> 2) growTable();
  return id;
}

/** A growable list of term ids (the scanner's output). */
export interface IdList {
  ids: Int32Array;
  length: number;
  /**
   * What the last `scanTermIds` call into this list saw besides words, counted on the way (the features need
   * them and the characters are being read anyway): digits [0-9٠-٩] and quote marks [«»“”"].
   */
  digits: number;
  quotes: number;
}

export function idList(capacity = 256): IdList {
  return { ids: new Int32Array(capacity), length: 0, digits: 0, quotes: 0 };
}

/**
 * Appends the term ids of the words of text[from, to) to `out`, in order (words without a term
 * are left out): the same terms, as ids, as `contentTerms(text.slice(from, to))`.
 */
export function scanTermIds(text: string, from: number, to: number, out: IdList): void {
  const classes = unitClass;
  let digits = 0;
  let quotes = 0;
  // First the words' bounds and hashes; then their slots and keys are read once, all of them,
  // before any is resolved: those reads are independent, so their cache misses (the table is
  // large and a word is seldom in cache) overlap instead of following one another word by word.
  let words = 0;
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    let flags = classes[c]!;
    let cls = flags & CLASS;
    let width = 1;
    if (cls === 0 || cls === SURROGATE) {
      cls = slowClass(text, i, to);
      width = slowWidth;
    }
    if (cls !== START) {
      if (flags & QUOTE) quotes++;
      i += width;
      continue;
    }
    // A word starts at i: extend it over word characters, hashing (FNV-1a) as it goes.
    let hash = 0x811c9dc5 | 0;
    let j = i;
    for (;;) {
      if (flags & DIGIT) digits++;
      hash = Math.imul(hash ^ c, 0x01000193);
      if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(j + 1), 0x01000193);
      j += width;
      if (j >= to) break;
      c = text.charCodeAt(j);
      flags = classes[c]!;
      cls = flags & CLASS;
      width = 1;
      if (cls === 0 || cls === SURROGATE) {
        cls = slowClass(text, j, to);
        width = slowWidth;
      }
      if (cls === NONE) break;
    }
    if (3 * words + 3 > wordBounds.length) wordBounds = growInt32(wordBounds, 3 * words + 3);
    wordBounds[3 * words] = i;
    wordBounds[3 * words + 1] = j;
    wordBounds[3 * words + 2] = hash;
    words++;
    i = j;
  }
  touchSlots(wordBounds, words);
  for (let w = 0; w < words; w++) {
    const id = wordId(text, wordBounds[3 * w]!, wordBounds[3 * w + 1]!, wordBounds[3 * w + 2]!);
    if (id >= 0) {
      if (out.length === out.ids.length) {
        const bigger = new Int32Array(out.ids.length * 2);
        bigger.set(out.ids);
        out.ids = bigger;
      }
      out.ids[out.length++] = id;
    }
  }
  out.digits = digits;
  out.quotes = quotes;
  // One grown past MAX_KEPT_BOUNDS by a huge range is not kept.
  if (wordBounds.length > MAX_KEPT_BOUNDS) wordBounds = new Int32Array(3 * 256);
}

/** [start, end, hash] of each word of the range `scanTermIds` is reading. */
let wordBounds: Int32Array = new Int32Array(3 * 256);
const MAX_KEPT_BOUNDS = 3 * (1 << 14);
/** Where `touchSlots` leaves what it read, so the reads are not optimised away. */
let touched = 0;

function growInt32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * Reads the first table slot of every word, then the first key unit of those whose slot holds a
 * key of its length and hash: changes nothing, but brings them into cache together (see
 * `scanTermIds`); `wordId` then finds them there.
 */
function touchSlots(bounds: Int32Array, words: number): void {
  const table = slots;
  const chars = pool;
  const mask = (table.length >> 2) - 1;
  let sum = 0;
  for (let w = 0; w < words; w++) sum += table[(bounds[3 * w + 2]! & mask) << 2]!;
  for (let w = 0; w < words; w++) {
    const at = (bounds[3 * w + 2]! & mask) << 2;
    if (table[at] === bounds[3 * w + 1]! - bounds[3 * w]! && table[at + 1] === bounds[3 * w + 2]) sum += chars[table[at + 3]!]!;
  }
  touched = sum;
}

/**
 * The class of the character at text[k] when the table cannot tell at once: a code unit not
 * classified yet (classified now), or a high surrogate (a pair inside [k, to) is one astral code
 * point, two units wide; otherwise it is a lone surrogate, not a word character). Sets `slowWidth`.
 */
let slowWidth = 1;
function slowClass(text: string, k: number, to: number): number {
  const c = text.charCodeAt(k);
  slowWidth = 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    if (k + 1 < to && isLowSurrogate(text.charCodeAt(k + 1))) {
      slowWidth = 2;
      return astralClassOf(codePoint(c, text.charCodeAt(k + 1)));
    }
    return NONE;
  }
  const cls = classOfPoint(c);
  unitClass[c] = cls;
  return cls;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function codePoint(high: number, low: number): number {
  return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
}

function astralClassOf(cp: number): number {
  let cls = astralClass.get(cp);
  if (cls === undefined) {
    cls = classOfPoint(cp);
    // Emoji and other astral characters are few in news; a hostile page full of distinct ones must not grow this
    // for the worker's whole life.
    if (astralClass.size >= 4096) astralClass.clear();
    astralClass.set(cp, cls);
  }
  return cls;
}

/**
 * The id list `contentTerms` scans into, reused (its ids are copied out before it returns): the
 * events ask for the terms of sentence after sentence, and a typed array per call cost more than
 * the scan of a short one. One grown past MAX_KEPT_IDS by a huge text is not kept.
 */
let contentIds = idList(64);
const MAX_KEPT_IDS = 1 << 14;

/** Content terms of a text, in order. */
export function contentTerms(text: string): string[] {
  beginTermCall();
  const list = contentIds;
  list.length = 0;
  scanTermIds(text, 0, text.length, list);
  const terms = new Array<string>(list.length);
  for (let k = 0; k < list.length; k++) terms[k] = termStrings[list.ids[k]!]!;
  if (list.ids.length > MAX_KEPT_IDS) contentIds = idList(64);
  return terms;
}

export type SparseVector = Map<string, number>;

export function termCounts(terms: readonly string[]): SparseVector {
  const v: SparseVector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

/** TF-IDF weighted and L2-normalised, so the dot product is the cosine. */
export function weightedUnit(counts: SparseVector, idf: (term: string) => number): SparseVector {
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [t, c] of counts) {
    const w = (1 + Math.log(c)) * idf(t);
    if (w <= 0) continue;
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function dot(a: SparseVector, b: SparseVector): number {
  // No [small, large] pair array: LexRank calls this for every pair of sentences.
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

/** Smoothed inverse document frequency over the given documents (here: the article's sentences). */
export function documentIdf(docs: readonly SparseVector[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
}
