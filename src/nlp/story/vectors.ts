/**
 * One article's candidate sentences (and its title) as packed TF-IDF unit vectors, and what is computed over them:
 * exact dot products, the centroid, LexRank centrality. Split from features.ts, which turns these into the
 * summary scorer's features. Everything here reproduces the Map-based definitions of terms.ts (documentIdf,
 * weightedUnit, dot, and `lexRank` below) bit for bit: test/story/summary-equivalence.test.ts holds them together.
 */
import type { Sentence } from './sentences';
import { beginTermCall, idList, scanTermIds, termIdCount, termString, type SparseVector } from './terms';

/**
 * The TF-IDF unit vectors of one article's candidate sentences (rows 0…n-1) and of its title
 * (row n, empty without a title), packed: row r is ids/weights[offsets[r], offsets[r+1]), its
 * terms in order of first occurrence in the sentence (the order the Map vectors of terms.ts have,
 * which fixes the order dot products are summed in). Ids are local to the article: 0…vocabulary-1.
 * The arrays are reused buffers: valid until the next article is packed.
 */
export interface ArticleVectors {
  rows: number;
  offsets: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  vocabulary: number;
  /** Per candidate sentence: its digits [0-9٠-٩] and quote marks [«»“”"], counted by the scanner on the way. */
  digits: Int32Array;
  quotes: Int32Array;
  /** Local id → term; only filled for `sentenceFeatures`, which hands out Map vectors. */
  terms?: string[];
}

/** The rows alone: what dot products, the centroid and LexRank read. */
export type PackedRows = Pick<ArticleVectors, 'rows' | 'offsets' | 'ids' | 'weights' | 'vocabulary'>;

/**
 * Term counts → TF-IDF unit vectors, as `weightedUnit(termCounts(contentTerms(body)), documentIdf(counts))`
 * does for each candidate, and the title with the same IDF (its own terms missing from the
 * article get document frequency 0).
 */
export function articleVectors(text: string, candidates: readonly Sentence[], title: string, withTerms: boolean): ArticleVectors {
  const n = candidates.length;
  beginTermCall();
  // Term ids of every candidate, then of the title, back to back.
  const found = scanned;
  found.length = 0;
  const rowEnd = (rowEndBuffer = grow32(rowEndBuffer, n + 1));
  // The scanner also counts each body's digits and quote marks, for the features.
  const digits = (rowDigitsBuffer = grow32(rowDigitsBuffer, n));
  const quotes = (rowQuotesBuffer = grow32(rowQuotesBuffer, n));
  for (let i = 0; i < n; i++) {
    const s = candidates[i]!;
    scanTermIds(text, s.bodyStart, s.end, found);
    rowEnd[i] = found.length;
    digits[i] = found.digits;
    quotes[i] = found.quotes;
  }
  if (title) scanTermIds(title, 0, title.length, found);
  rowEnd[n] = found.length;
  const total = found.length;

  // Global term id → local id (in order of first occurrence); a global id is known in this call
  // when its stamp is this call's.
  const globalIds = termIdCount();
  if (localOfBuffer.length < globalIds) {
    localOfBuffer = new Int32Array(Math.max(globalIds, 2 * localOfBuffer.length));
    stampOfBuffer = new Int32Array(localOfBuffer.length);
  }
  if (++stamp === 0x7fffffff) {
    stampOfBuffer.fill(0);
    stamp = 1;
  }
  const terms: string[] | undefined = withTerms ? [] : undefined;
  let vocabulary = 0;
  // Per row: distinct terms in order of first occurrence, with their counts (scratch, cleared below).
  // (Module buffers are read through locals: cheaper than module variables in the loops.)
  const entryIds = (entryIdsBuffer = grow32(entryIdsBuffer, total));
  const entryCounts = (entryCountsBuffer = grow32(entryCountsBuffer, total));
  const lastRow = (lastRowBuffer = grow32(lastRowBuffer, total));
  const entryOf = (entryOfBuffer = grow32(entryOfBuffer, total));
  const df = (dfBuffer = grow32(dfBuffer, total));
  const localOf = localOfBuffer;
  const stampOf = stampOfBuffer;
  const thisCall = stamp;
  const foundIds = found.ids;
  // Plain loops rather than TypedArray#fill: on a few hundred entries the call costs more than the loop.
  for (let k = 0; k < total; k++) {
    lastRow[k] = -1;
    df[k] = 0;
  }
  const offsets = (offsetsBuffer = grow32(offsetsBuffer, n + 2));
  let entries = 0;
  let from = 0;
  for (let r = 0; r <= n; r++) {
    offsets[r] = entries;
    for (let k = from; k < rowEnd[r]!; k++) {
      const g = foundIds[k]!;
      let id: number;
      if (stampOf[g] === thisCall) id = localOf[g]!;
      else {
        stampOf[g] = thisCall;
        id = localOf[g] = vocabulary++;
        terms?.push(termString(g));
      }
      if (lastRow[id] === r) entryCounts[entryOf[id]!]!++;
      else {
        lastRow[id] = r;
        entryOf[id] = entries;
        entryIds[entries] = id;
        entryCounts[entries] = 1;
        entries++;
        if (r < n) df[id]!++;
      }
    }
    from = rowEnd[r]!;
  }
  offsets[n + 1] = entries;

  // weightedUnit with documentIdf: (1 + log count) · log((n + 1) / (df + 0.5)), df over the
  // candidates only, non-positive weights dropped, then L2-normalised. Both logarithms depend on
  // a small integer only (count; df ≤ n), so each distinct one is computed once (same value).
  const idfByDf = (idfBuffer = grow64(idfBuffer, n + 1));
  for (let k = 0; k <= n; k++) idfByDf[k] = NaN;
  const idfOf = (d: number): number => {
    let x = idfByDf[d]!;
    if (x !== x) idfByDf[d] = x = Math.log((n + 1) / (d + 0.5));
    return x;
  };
  const ids = (idsBuffer = grow32(idsBuffer, entries));
  const weights = (weightsBuffer = grow64(weightsBuffer, entries));
  let kept = 0;
  for (let r = 0; r <= n; r++) {
    const begin = offsets[r]!;
    const end = offsets[r + 1]!;
    offsets[r] = kept;
    const rowStart = kept;
    let norm = 0;
    for (let k = begin; k < end; k++) {
      const id = entryIds[k]!;
      const w = logCount(entryCounts[k]!) * idfOf(df[id]!);
      if (w <= 0) continue;
      ids[kept] = id;
      weights[kept++] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = rowStart; k < kept; k++) weights[k] = weights[k]! / norm;
  }
  offsets[n + 1] = kept;
  return { rows: n + 1, offsets, ids, weights, vocabulary, digits, quotes, ...(terms ? { terms } : {}) };
}

/*
 * Scratch buffers reused from call to call (grown when an article needs more): allocating and
 * zeroing a dozen typed arrays per article cost more than the arithmetic on short articles.
 * Each function clears what it reads before use. The packed vectors themselves (offsets, ids,
 * weights) live in such buffers too: an ArticleVectors is valid until the next article is packed
 * (`summarize` uses it within its call; `sentenceFeatures` copies it into Maps at once).
 */
const scanned = idList(1024);
let rowEndBuffer = new Int32Array(256);
let rowDigitsBuffer = new Int32Array(256);
let rowQuotesBuffer = new Int32Array(256);
let offsetsBuffer = new Int32Array(256);
let idsBuffer = new Int32Array(4096);
let weightsBuffer = new Float64Array(4096);
let localOfBuffer = new Int32Array(4096);
let stampOfBuffer = new Int32Array(4096);
let stamp = 0;
let entryIdsBuffer = new Int32Array(1024);
let entryCountsBuffer = new Int32Array(1024);
let lastRowBuffer = new Int32Array(1024);
let entryOfBuffer = new Int32Array(1024);
let dfBuffer = new Int32Array(1024);
let postingStartBuffer = new Int32Array(1024);
let postingFillBuffer = new Int32Array(1024);
let postingRowBuffer = new Int32Array(1024);
let postingWeightBuffer = new Float64Array(1024);
let similarityBuffer = new Float64Array(1024);
let accumulatedBuffer = new Float64Array(256);
let touchedBuffer = new Int32Array(256);
let isTouchedBuffer = new Uint8Array(256);
let rowSumBuffer = new Float64Array(256);
let rowStartBuffer = new Int32Array(257);
let columnBuffer = new Int32Array(1024);
let valueBuffer = new Float64Array(1024);
let zeroRowsBuffer = new Int32Array(256);
let senderSumBuffer = new Float64Array(1024);
let sentBuffer = new Float64Array(256);
let rankBufferA = new Float64Array(256);
let rankBufferB = new Float64Array(256);

let idfBuffer = new Float64Array(256);
/** 1 + log(count) for counts below 64 (computed once; the same values as computing each time). */
const LOG_COUNT = Float64Array.from({ length: 64 }, (_, c) => 1 + Math.log(c));
function logCount(count: number): number {
  return count < 64 ? LOG_COUNT[count]! : 1 + Math.log(count);
}

function grow32(buffer: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  return buffer.length >= size ? buffer : new Int32Array(Math.max(size, 2 * buffer.length));
}

export function grow64(buffer: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  return buffer.length >= size ? buffer : new Float64Array(Math.max(size, 2 * buffer.length));
}

/** Row `r` as the Map vector terms.ts would have built (same entries, same order, same weights). */
export function toSparse(v: ArticleVectors, r: number): SparseVector {
  const out: SparseVector = new Map();
  const terms = v.terms!;
  for (let k = v.offsets[r]!; k < v.offsets[r + 1]!; k++) out.set(terms[v.ids[k]!]!, v.weights[k]!);
  return out;
}

/**
 * `dot(row a, row b)` exactly: the products of the smaller row's terms (the first on a tie) with
 * the other's weights, summed in the smaller row's order. Terms missing from the other row add
 * w · 0 = 0, which leaves the sum unchanged bit for bit.
 */
let dotScratch = new Float64Array(1024);

export function rowDot(v: PackedRows, a: number, b: number): number {
  const { offsets, ids, weights } = v;
  // Zeros, one per local id: the larger row is written here densely and wiped after use.
  if (dotScratch.length < v.vocabulary) dotScratch = new Float64Array(Math.max(v.vocabulary, 2 * dotScratch.length));
  const scratch = dotScratch;
  let small = a;
  let large = b;
  if (offsets[a + 1]! - offsets[a]! > offsets[b + 1]! - offsets[b]!) {
    small = b;
    large = a;
  }
  const largeEnd = offsets[large + 1]!;
  for (let k = offsets[large]!; k < largeEnd; k++) scratch[ids[k]!] = weights[k]!;
  let s = 0;
  for (let k = offsets[small]!; k < offsets[small + 1]!; k++) s += weights[k]! * scratch[ids[k]!]!;
  for (let k = offsets[large]!; k < largeEnd; k++) scratch[ids[k]!] = 0;
  return s;
}

/**
 * The unit centroid of rows 0…n-1, dense over local ids: sums in row order (as `sum` over the
 * Map vectors did), then the norm over the terms in order of first occurrence (the Map's order).
 */
let centroidBuffer = new Float64Array(1024);
let orderBuffer = new Int32Array(1024);
let seenBuffer = new Uint8Array(1024);

export function centroidOf(v: PackedRows, n: number): Float64Array {
  const { offsets, ids, weights } = v;
  // Reused buffers: the centroid is read before the next article is looked at.
  const total = (centroidBuffer = grow64(centroidBuffer, v.vocabulary));
  const order = (orderBuffer = grow32(orderBuffer, v.vocabulary));
  if (seenBuffer.length < v.vocabulary) seenBuffer = new Uint8Array(Math.max(v.vocabulary, 2 * seenBuffer.length));
  const seen = seenBuffer;
  for (let id = 0; id < v.vocabulary; id++) {
    total[id] = 0;
    seen[id] = 0;
  }
  let distinct = 0;
  for (let k = 0; k < offsets[n]!; k++) {
    const id = ids[k]!;
    if (!seen[id]) {
      seen[id] = 1;
      order[distinct++] = id;
    }
    total[id] = total[id]! + weights[k]!;
  }
  let norm = 0;
  for (let k = 0; k < distinct; k++) norm += total[order[k]!]! * total[order[k]!]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < distinct; k++) total[order[k]!] = total[order[k]!]! / norm;
  return total;
}

/**
 * LexRank with continuous weights: the stationary distribution of a random walk over the
 * cosine-similarity graph (damping 0.85), scaled so the most central sentence is 1.
 */
export function lexRank(vectors: readonly SparseVector[], iterations = 30): number[] {
  // Pack the Map vectors (their entries in their order) and rank the packed rows.
  const local = new Map<string, number>();
  const offsets = new Int32Array(vectors.length + 1);
  let entries = 0;
  for (let i = 0; i < vectors.length; i++) {
    entries += vectors[i]!.size;
    offsets[i + 1] = entries;
  }
  const ids = new Int32Array(entries);
  const weights = new Float64Array(entries);
  let k = 0;
  for (const v of vectors) {
    for (const [t, w] of v) {
      let id = local.get(t);
      if (id === undefined) local.set(t, (id = local.size));
      ids[k] = id;
      weights[k++] = w;
    }
  }
  const packed: PackedRows = { rows: vectors.length, offsets, ids, weights, vocabulary: local.size };
  return lexRankRows(packed, vectors.length, iterations);
}

/**
 * LexRank over rows 0…n-1. Same arithmetic, in the same order, as the dense version it replaces
 * (pairwise `dot`, row sums, 30 pushes of rank along the rows), so the result is bit-identical;
 * what changed is the bookkeeping:
 * - similarities come from an inverted index (term → rows holding it), so only pairs that share
 *   a term are visited; each pair is summed over the terms of its smaller row (the first on a
 *   tie), in that row's order, exactly as `dot(vectors[i], vectors[j])` with i < j sums;
 * - the walk pushes rank along the non-zero similarities only (the dense loop skipped zeros too).
 */
export function lexRankRows(v: PackedRows, n: number, iterations = 30): number[] {
  if (n === 0) return [];
  const { offsets, ids, weights, vocabulary } = v;

  // Postings: for each local id, the rows (ascending) holding it and its weight there.
  const rowsEnd = offsets[n]!;
  const postingStart = (postingStartBuffer = grow32(postingStartBuffer, vocabulary + 1));
  const postingFill = (postingFillBuffer = grow32(postingFillBuffer, vocabulary));
  const postingRow = (postingRowBuffer = grow32(postingRowBuffer, rowsEnd));
  const postingWeight = (postingWeightBuffer = grow64(postingWeightBuffer, rowsEnd));
  for (let id = 0; id <= vocabulary; id++) postingStart[id] = 0;
  for (let k = 0; k < rowsEnd; k++) postingStart[ids[k]! + 1]!++;
  for (let id = 0; id < vocabulary; id++) {
    postingStart[id + 1] = postingStart[id + 1]! + postingStart[id]!;
    postingFill[id] = postingStart[id]!;
  }
  for (let r = 0; r < n; r++) {
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const p = postingFill[ids[k]!]!++;
      postingRow[p] = r;
      postingWeight[p] = weights[k]!;
    }
  }

  // Similarities: sim[s][u] = sim[u][s] is summed while visiting the pair's smaller row s.
  const sim = (similarityBuffer = grow64(similarityBuffer, n * n));
  for (let k = 0; k < n * n; k++) sim[k] = 0;
  const acc = (accumulatedBuffer = grow64(accumulatedBuffer, n));
  const touched = (touchedBuffer = grow32(touchedBuffer, n));
  if (isTouchedBuffer.length < n) isTouchedBuffer = new Uint8Array(Math.max(n, 2 * isTouchedBuffer.length));
  const isTouched = isTouchedBuffer;
  for (let k = 0; k < n; k++) acc[k] = 0;
  for (let s = 0; s < n; s++) {
    const sizeS = offsets[s + 1]! - offsets[s]!;
    let count = 0;
    for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
      const id = ids[k]!;
      const w = weights[k]!;
      for (let p = postingStart[id]!; p < postingStart[id + 1]!; p++) {
        const u = postingRow[p]!;
        if (u === s) continue;
        // Is s the row dot() iterates for the pair (min, max)? The smaller one, the first on a tie.
        const sizeU = offsets[u + 1]! - offsets[u]!;
        if (s < u ? sizeS > sizeU : sizeS >= sizeU) continue;
        if (!isTouched[u]) {
          isTouched[u] = 1;
          touched[count++] = u;
        }
        acc[u] = acc[u]! + w * postingWeight[p]!;
      }
    }
    for (let t = 0; t < count; t++) {
      const u = touched[t]!;
      sim[s * n + u] = acc[u]!;
      sim[u * n + s] = acc[u]!;
      acc[u] = 0;
      isTouched[u] = 0;
    }
  }

  // Row sums over whole rows (zeros included, as the dense reduce did).
  const rowSum = (rowSumBuffer = grow64(rowSumBuffer, n));
  let nonZero = 0;
  let linkless = 0;
  for (let j = 0; j < n; j++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const x = sim[j * n + i]!;
      total += x;
      if (x) nonZero++;
    }
    rowSum[j] = total;
    if (total === 0) linkless++;
  }
  // The walk is computed by pulling rather than pushing: next[i] gathers, in ascending j, what
  // each row j sends to i: (d·rank[j]·sim[j][i]) / rowSum[j] for a linked row with sim ≠ 0, or
  // d·rank[j] / n for a row linked to nothing. These are the very terms the push loop added to
  // next[i], in the same order, so the sums are bit-identical; each is now kept in a register.
  // Column i's senders: rows j (ascending) with sim[j][i] ≠ 0 that are linked (sim is symmetric).
  const rowStart = (rowStartBuffer = grow32(rowStartBuffer, n + 1));
  const column = (columnBuffer = grow32(columnBuffer, nonZero));
  const value = (valueBuffer = grow64(valueBuffer, nonZero));
  // The sender's row sum, per entry (read once per entry per step, without the indirection).
  const senderSum = (senderSumBuffer = grow64(senderSumBuffer, nonZero));
  const zeroRows = (zeroRowsBuffer = grow32(zeroRowsBuffer, linkless));
  let e = 0;
  let z = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = e;
    if (rowSum[i] === 0) zeroRows[z++] = i;
    for (let j = 0; j < n; j++) {
      const x = sim[i * n + j]!;
      if (x && rowSum[j] !== 0) {
        column[e] = j;
        senderSum[e] = rowSum[j]!;
        value[e++] = x;
      }
    }
  }
  rowStart[n] = e;

  const d = 0.85;
  let rank = (rankBufferA = grow64(rankBufferA, n));
  let next = (rankBufferB = grow64(rankBufferB, n));
  const sent = (sentBuffer = grow64(sentBuffer, n));
  for (let i = 0; i < n; i++) rank[i] = 1 / n;
  for (let it = 0; it < iterations; it++) {
    // What each row sends: d·rank[j] for linked rows (then times sim, over the row sum),
    // d·rank[j] / n (to everyone) for rows linked to nothing.
    for (let j = 0; j < n; j++) sent[j] = rowSum[j] === 0 ? (d * rank[j]!) / n : d * rank[j]!;
    for (let i = 0; i < n; i++) {
      let total = (1 - d) / n;
      let p = rowStart[i]!;
      const end = rowStart[i + 1]!;
      if (linkless === 0) {
        // Every row linked (the usual case): no merge needed.
        for (; p < end; p++) total += (sent[column[p]!]! * value[p]!) / senderSum[p]!;
      } else {
        let q = 0;
        while (p < end || q < linkless) {
          if (q < linkless && (p >= end || zeroRows[q]! < column[p]!)) total += sent[zeroRows[q++]!]!;
          else {
            total += (sent[column[p]!]! * value[p]!) / senderSum[p]!;
            p++;
          }
        }
      }
      next[i] = total;
    }
    const previous = rank;
    rank = next;
    next = previous;
  }
  // Math.max semantics (NaN wins), without spreading a long array into arguments.
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, rank[i]!);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = max > 0 ? rank[i]! / max : 0;
  return out;
}
