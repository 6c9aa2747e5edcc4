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

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu;

/**
 * Whitespace-separated chunk → its terms, remembered: normalising and the Unicode word regex
 * are the costly part, and news repeats its words (within an article and across a batch).
 * Bounded so a long-running worker does not grow without end.
 */
const chunkCache = new Map<string, readonly string[]>();
const CHUNK_CACHE_LIMIT = 50_000;
const NO_TERMS: readonly string[] = [];

function chunkTerms(chunk: string): readonly string[] {
  let terms = chunkCache.get(chunk);
  if (terms === undefined) {
    const found: string[] = [];
    for (const word of chunk.match(WORD) ?? []) {
      const t = termOf(word);
      if (t) found.push(t);
    }
    terms = found.length ? found : NO_TERMS;
    if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.clear();
    chunkCache.set(chunk, terms);
  }
  return terms;
}

/** Content terms of a text, in order. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (!chunk) continue;
    for (const t of chunkTerms(chunk)) terms.push(t);
  }
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
