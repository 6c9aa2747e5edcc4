/**
 * A small Collobert-style window tagger, research only (see run.ts): every token gets a word
 * vector (learned embedding of its clitic-free core, mean of hashed character n-gram
 * embeddings, a fine-cluster embedding, a shape embedding and a few binary indicators); the
 * vectors of positions −2…+2 are concatenated, go through one ReLU hidden layer, and a linear
 * layer gives one score per label. Trained with token-level softmax cross-entropy; tagging
 * decodes the log-probabilities with the same IOB2-constrained Viterbi as the perceptron.
 *
 * Plain Float32Array math, no dependencies. Dense layers learn with Adam per mini-batch, the
 * embedding tables with sparse AdaGrad (only the rows a batch touched are read or written,
 * so a 2^16-row n-gram table costs nothing per step).
 */
import { seededRandom } from '../../../src/nlp/entities/hash';
import { LABEL_COUNT } from '../../../src/nlp/entities/labels';

/** Binary indicators per token (see inputs.ts for what each one means). */
export const INDICATORS = 20;
/** Window positions −WINDOW…+WINDOW. */
export const WINDOW = 2;

export interface NetShape {
  /** Word vocabulary size, ids 0 (padding) and 1 (unknown) included. */
  words: number;
  /** Hashed character n-gram buckets. */
  ngramBuckets: number;
  clusters: number;
  shapes: number;
  wordDim: number;
  ngramDim: number;
  clusterDim: number;
  shapeDim: number;
  hidden: number;
}

/** One token as the network reads it (ids into the embedding tables, indicators 0/1). */
export interface TokenInput {
  word: number;
  ngrams: Int32Array;
  cluster: number;
  shape: number;
  indicators: Float32Array;
}

/** Parameters, and (same layout) their gradients. */
export interface Params {
  Ew: Float32Array;
  Ec: Float32Array;
  Ek: Float32Array;
  Es: Float32Array;
  W1: Float32Array;
  b1: Float32Array;
  W2: Float32Array;
  b2: Float32Array;
}

export const EMBEDDINGS = ['Ew', 'Ec', 'Ek', 'Es'] as const;
export const DENSE = ['W1', 'b1', 'W2', 'b2'] as const;

export function vectorDim(shape: NetShape): number {
  return shape.wordDim + shape.ngramDim + shape.clusterDim + shape.shapeDim + INDICATORS;
}

export function inputDim(shape: NetShape): number {
  return (2 * WINDOW + 1) * vectorDim(shape);
}

function rowDim(shape: NetShape, table: (typeof EMBEDDINGS)[number]): number {
  return { Ew: shape.wordDim, Ec: shape.ngramDim, Ek: shape.clusterDim, Es: shape.shapeDim }[table];
}

export function zeroParams(shape: NetShape): Params {
  const I = inputDim(shape);
  return {
    Ew: new Float32Array(shape.words * shape.wordDim),
    Ec: new Float32Array(shape.ngramBuckets * shape.ngramDim),
    Ek: new Float32Array(shape.clusters * shape.clusterDim),
    Es: new Float32Array(shape.shapes * shape.shapeDim),
    W1: new Float32Array(shape.hidden * I),
    b1: new Float32Array(shape.hidden),
    W2: new Float32Array(LABEL_COUNT * shape.hidden),
    b2: new Float32Array(LABEL_COUNT),
  };
}

/** Seeded initialisation: Glorot-uniform dense layers, small uniform embeddings. */
export function initParams(shape: NetShape, seed: number): Params {
  const p = zeroParams(shape);
  const random = seededRandom(seed);
  const fill = (a: Float32Array, r: number): void => {
    for (let i = 0; i < a.length; i++) a[i] = (2 * random() - 1) * r;
  };
  fill(p.Ew, 0.1);
  fill(p.Ec, 0.1);
  fill(p.Ek, 0.1);
  fill(p.Es, 0.1);
  fill(p.W1, Math.sqrt(6 / (inputDim(shape) + shape.hidden)));
  fill(p.W2, Math.sqrt(6 / (shape.hidden + LABEL_COUNT)));
  // The padding word has no meaning to learn: it stays zero (its gradient is dropped too).
  p.Ew.fill(0, 0, shape.wordDim);
  return p;
}

/** Word vectors of a sentence (n × vectorDim), padding excluded. */
function wordVectors(shape: NetShape, p: Params, tokens: readonly TokenInput[], wordIds: Int32Array, out: Float32Array): void {
  const D = vectorDim(shape);
  const { wordDim, ngramDim, clusterDim, shapeDim } = shape;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const o = t * D;
    const w = wordIds[t]! * wordDim;
    for (let d = 0; d < wordDim; d++) out[o + d] = p.Ew[w + d]!;
    const c0 = o + wordDim;
    for (let d = 0; d < ngramDim; d++) out[c0 + d] = 0;
    const g = tok.ngrams;
    if (g.length) {
      const inv = 1 / g.length;
      for (let k = 0; k < g.length; k++) {
        const r = g[k]! * ngramDim;
        for (let d = 0; d < ngramDim; d++) out[c0 + d]! += p.Ec[r + d]! * inv;
      }
    }
    const k0 = c0 + ngramDim;
    const kr = tok.cluster * clusterDim;
    for (let d = 0; d < clusterDim; d++) out[k0 + d] = p.Ek[kr + d]!;
    const s0 = k0 + clusterDim;
    const sr = tok.shape * shapeDim;
    for (let d = 0; d < shapeDim; d++) out[s0 + d] = p.Es[sr + d]!;
    const i0 = s0 + shapeDim;
    for (let d = 0; d < INDICATORS; d++) out[i0 + d] = tok.indicators[d]!;
  }
}

/** Reusable per-sentence buffers (grown as needed). */
export class Scratch {
  vectors = new Float32Array(0);
  hidden = new Float32Array(0);
  mask = new Uint8Array(0);
  dVectors = new Float32Array(0);
  wordIds = new Int32Array(0);

  ensure(shape: NetShape, n: number): void {
    const D = vectorDim(shape);
    if (this.vectors.length < n * D) {
      this.vectors = new Float32Array(n * D);
      this.dVectors = new Float32Array(n * D);
    }
    if (this.hidden.length < n * shape.hidden) {
      this.hidden = new Float32Array(n * shape.hidden);
      this.mask = new Uint8Array(n * shape.hidden);
    }
    if (this.wordIds.length < n) this.wordIds = new Int32Array(n);
  }
}

/** The vector of the padding position: zero embeddings, only the "padding" indicator set. */
function padVector(shape: NetShape): Float32Array {
  const v = new Float32Array(vectorDim(shape));
  v[vectorDim(shape) - INDICATORS] = 1;
  return v;
}
const padCache = new WeakMap<NetShape, Float32Array>();
function pad(shape: NetShape): Float32Array {
  let v = padCache.get(shape);
  if (!v) padCache.set(shape, (v = padVector(shape)));
  return v;
}

/**
 * Hidden activations of token t (after ReLU and, in training, dropout), written to
 * `hidden[t·H …]`; returns nothing. Reads the window of word vectors.
 */
function hiddenAt(shape: NetShape, p: Params, vectors: Float32Array, n: number, t: number, out: Float32Array, o: number): void {
  const D = vectorDim(shape);
  const I = inputDim(shape);
  const H = shape.hidden;
  const padV = pad(shape);
  for (let h = 0; h < H; h++) out[o + h] = p.b1[h]!;
  for (let j = -WINDOW; j <= WINDOW; j++) {
    const u = t + j;
    const src = u < 0 || u >= n ? padV : vectors;
    const so = u < 0 || u >= n ? 0 : u * D;
    const col = (j + WINDOW) * D;
    for (let h = 0; h < H; h++) {
      const row = h * I + col;
      let sum = 0;
      for (let d = 0; d < D; d++) sum += p.W1[row + d]! * src[so + d]!;
      out[o + h]! += sum;
    }
  }
  for (let h = 0; h < H; h++) if (out[o + h]! < 0) out[o + h] = 0;
}

/**
 * Label log-probabilities (n × LABEL_COUNT) of a sentence, no dropout: what tagging uses.
 */
export function logProbs(shape: NetShape, p: Params, tokens: readonly TokenInput[], scratch: Scratch, out: Float32Array | Float64Array): void {
  const n = tokens.length;
  scratch.ensure(shape, n);
  for (let t = 0; t < n; t++) scratch.wordIds[t] = tokens[t]!.word;
  wordVectors(shape, p, tokens, scratch.wordIds, scratch.vectors);
  const H = shape.hidden;
  const L = LABEL_COUNT;
  for (let t = 0; t < n; t++) {
    hiddenAt(shape, p, scratch.vectors, n, t, scratch.hidden, t * H);
    outputScores(shape, p, scratch.hidden, t * H, out, t * L);
    logSoftmaxInPlace(out, t * L);
  }
}

function outputScores(shape: NetShape, p: Params, hidden: Float32Array, ho: number, out: Float32Array | Float64Array, o: number): void {
  const H = shape.hidden;
  for (let l = 0; l < LABEL_COUNT; l++) {
    let s = p.b2[l]!;
    const row = l * H;
    for (let h = 0; h < H; h++) s += p.W2[row + h]! * hidden[ho + h]!;
    out[o + l] = s;
  }
}

function logSoftmaxInPlace(a: Float32Array | Float64Array, o: number): void {
  let max = -Infinity;
  for (let l = 0; l < LABEL_COUNT; l++) max = Math.max(max, a[o + l]!);
  let z = 0;
  for (let l = 0; l < LABEL_COUNT; l++) z += Math.exp(a[o + l]! - max);
  const lz = max + Math.log(z);
  for (let l = 0; l < LABEL_COUNT; l++) a[o + l] = a[o + l]! - lz;
}

export interface TrainNoise {
  /** Probability of zeroing a hidden unit (inverted dropout). */
  hiddenDropout: number;
  /** Probability of reading a token's word as unknown (id 1), so names never seen are learned from the rest. */
  wordDropout: number;
  random: () => number;
}

/**
 * Summed cross-entropy of a sentence's gold labels; adds the gradients to `grad` (embedding
 * rows touched are recorded in `touched`). `noise` undefined: no dropout (gradient checks).
 */
export function lossAndGrad(
  shape: NetShape,
  p: Params,
  tokens: readonly TokenInput[],
  gold: Uint8Array,
  grad: Params,
  touched: Touched,
  scratch: Scratch,
  noise?: TrainNoise,
): number {
  const n = tokens.length;
  const D = vectorDim(shape);
  const I = inputDim(shape);
  const H = shape.hidden;
  const L = LABEL_COUNT;
  scratch.ensure(shape, n);
  const wordIds = scratch.wordIds;
  for (let t = 0; t < n; t++) wordIds[t] = noise && noise.random() < noise.wordDropout ? 1 : tokens[t]!.word;
  const vectors = scratch.vectors;
  wordVectors(shape, p, tokens, wordIds, vectors);
  const hidden = scratch.hidden;
  const mask = scratch.mask;
  const dV = scratch.dVectors;
  dV.fill(0, 0, n * D);
  const scores = new Float64Array(L);
  const dh = new Float32Array(H);
  const padV = pad(shape);
  const keep = noise ? 1 - noise.hiddenDropout : 1;
  let loss = 0;
  for (let t = 0; t < n; t++) {
    const ho = t * H;
    hiddenAt(shape, p, vectors, n, t, hidden, ho);
    for (let h = 0; h < H; h++) {
      const on = !noise || noise.random() < keep;
      mask[ho + h] = on ? 1 : 0;
      hidden[ho + h] = on ? hidden[ho + h]! / keep : 0;
    }
    outputScores(shape, p, hidden, ho, scores, 0);
    logSoftmaxInPlace(scores, 0);
    const g = gold[t]!;
    loss -= scores[g]!;
    // d loss / d score = softmax − one-hot.
    dh.fill(0);
    for (let l = 0; l < L; l++) {
      const ds = Math.exp(scores[l]!) - (l === g ? 1 : 0);
      grad.b2[l]! += ds;
      const row = l * H;
      for (let h = 0; h < H; h++) {
        grad.W2[row + h]! += ds * hidden[ho + h]!;
        dh[h]! += ds * p.W2[row + h]!;
      }
    }
    // Through dropout and ReLU (a zero activation passes no gradient either way).
    for (let h = 0; h < H; h++) dh[h] = hidden[ho + h]! > 0 && mask[ho + h] ? dh[h]! / keep : 0;
    for (let h = 0; h < H; h++) {
      const d = dh[h]!;
      if (d === 0) continue;
      grad.b1[h]! += d;
      for (let j = -WINDOW; j <= WINDOW; j++) {
        const u = t + j;
        const inside = u >= 0 && u < n;
        const src = inside ? vectors : padV;
        const so = inside ? u * D : 0;
        const row = h * I + (j + WINDOW) * D;
        for (let k = 0; k < D; k++) grad.W1[row + k]! += d * src[so + k]!;
        if (inside) for (let k = 0; k < D; k++) dV[so + k]! += d * p.W1[row + k]!;
      }
    }
  }
  scatterToEmbeddings(shape, tokens, wordIds, dV, grad, touched);
  return loss;
}

/** Embedding rows with a gradient in the current batch, per table (no duplicates). */
export class Touched {
  readonly rows: Record<(typeof EMBEDDINGS)[number], number[]> = { Ew: [], Ec: [], Ek: [], Es: [] };
  private readonly marks: Record<(typeof EMBEDDINGS)[number], Uint8Array>;

  constructor(shape: NetShape) {
    this.marks = { Ew: new Uint8Array(shape.words), Ec: new Uint8Array(shape.ngramBuckets), Ek: new Uint8Array(shape.clusters), Es: new Uint8Array(shape.shapes) };
  }

  add(table: (typeof EMBEDDINGS)[number], row: number): void {
    if (this.marks[table][row]) return;
    this.marks[table][row] = 1;
    this.rows[table].push(row);
  }

  clear(): void {
    for (const t of EMBEDDINGS) {
      for (const r of this.rows[t]) this.marks[t][r] = 0;
      this.rows[t].length = 0;
    }
  }
}

function scatterToEmbeddings(shape: NetShape, tokens: readonly TokenInput[], wordIds: Int32Array, dV: Float32Array, grad: Params, touched: Touched): void {
  const D = vectorDim(shape);
  const { wordDim, ngramDim, clusterDim, shapeDim } = shape;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const o = t * D;
    const w = wordIds[t]!;
    if (w !== 0) {
      touched.add('Ew', w);
      for (let d = 0; d < wordDim; d++) grad.Ew[w * wordDim + d]! += dV[o + d]!;
    }
    const g = tok.ngrams;
    const inv = g.length ? 1 / g.length : 0;
    for (let k = 0; k < g.length; k++) {
      const r = g[k]!;
      touched.add('Ec', r);
      for (let d = 0; d < ngramDim; d++) grad.Ec[r * ngramDim + d]! += dV[o + wordDim + d]! * inv;
    }
    touched.add('Ek', tok.cluster);
    for (let d = 0; d < clusterDim; d++) grad.Ek[tok.cluster * clusterDim + d]! += dV[o + wordDim + ngramDim + d]!;
    touched.add('Es', tok.shape);
    for (let d = 0; d < shapeDim; d++) grad.Es[tok.shape * shapeDim + d]! += dV[o + wordDim + ngramDim + clusterDim + d]!;
  }
}

export interface OptimiserSettings {
  /** Adam step size of the dense layers. */
  denseRate: number;
  /** AdaGrad step size of the embedding tables. */
  embeddingRate: number;
}

/** Adam moments for the dense layers, AdaGrad sums for the embeddings. */
export class Optimiser {
  private readonly m: Params;
  private readonly v: Params;
  private readonly g2: Params;
  private step = 0;

  constructor(
    private readonly shape: NetShape,
    private readonly settings: OptimiserSettings,
  ) {
    this.m = zeroParams(shape);
    this.v = zeroParams(shape);
    this.g2 = zeroParams(shape);
  }

  /** Applies the batch gradient `grad` (scaled by 1/scale) and zeroes it. */
  apply(p: Params, grad: Params, touched: Touched, scale: number): void {
    this.step++;
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - b1 ** this.step;
    const c2 = 1 - b2 ** this.step;
    const lr = this.settings.denseRate;
    for (const name of DENSE) {
      const w = p[name];
      const g = grad[name];
      const m = this.m[name];
      const v = this.v[name];
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]! / scale;
        m[i] = b1 * m[i]! + (1 - b1) * gi;
        v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
        w[i] = w[i]! - (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + 1e-8);
        g[i] = 0;
      }
    }
    const er = this.settings.embeddingRate;
    for (const name of EMBEDDINGS) {
      const dim = rowDim(this.shape, name);
      const w = p[name];
      const g = grad[name];
      const acc = this.g2[name];
      for (const r of touched.rows[name]) {
        for (let d = r * dim; d < (r + 1) * dim; d++) {
          const gi = g[d]! / scale;
          acc[d]! += gi * gi;
          w[d] = w[d]! - (er * gi) / (Math.sqrt(acc[d]!) + 1e-8);
          g[d] = 0;
        }
      }
    }
    // The padding word stays zero.
    p.Ew.fill(0, 0, this.shape.wordDim);
    touched.clear();
  }
}

/** Parameter count (all tables). */
export function parameterCount(p: Params): number {
  let n = 0;
  for (const k of [...EMBEDDINGS, ...DENSE]) n += p[k].length;
  return n;
}

/**
 * Tagging-time scorer with the Collobert precomputation: a token's word vector does not depend
 * on its neighbours, so its contribution to the hidden layer from each window position
 * (W1 block j × vector) is computed once per distinct token input and kept (5 × hidden floats).
 * A token then costs five vector adds, the ReLU and the output layer, instead of the full
 * input × hidden product. Gives the same log-probabilities as logProbs (up to float rounding).
 */
export class ProjectedScorer {
  private readonly cache = new WeakMap<TokenInput, Float32Array>();
  private readonly padProjection: Float32Array;
  private readonly vector: Float32Array;
  private readonly hidden: Float32Array;

  constructor(
    readonly shape: NetShape,
    readonly params: Params,
  ) {
    this.vector = new Float32Array(vectorDim(shape));
    this.hidden = new Float32Array(shape.hidden);
    this.padProjection = this.project(pad(shape));
  }

  /** W1 block j × v for every window position j, H floats each. */
  private project(v: Float32Array): Float32Array {
    const { hidden: H } = this.shape;
    const D = vectorDim(this.shape);
    const I = inputDim(this.shape);
    const out = new Float32Array((2 * WINDOW + 1) * H);
    for (let j = 0; j <= 2 * WINDOW; j++) {
      for (let h = 0; h < H; h++) {
        const row = h * I + j * D;
        let s = 0;
        for (let d = 0; d < D; d++) s += this.params.W1[row + d]! * v[d]!;
        out[j * H + h] = s;
      }
    }
    return out;
  }

  private projection(token: TokenInput): Float32Array {
    let p = this.cache.get(token);
    if (!p) {
      wordVectors(this.shape, this.params, [token], Int32Array.of(token.word), this.vector);
      this.cache.set(token, (p = this.project(this.vector)));
    }
    return p;
  }

  logProbs(tokens: readonly TokenInput[], out: Float32Array | Float64Array): void {
    const n = tokens.length;
    const H = this.shape.hidden;
    const h = this.hidden;
    const projections = tokens.map((t) => this.projection(t));
    for (let t = 0; t < n; t++) {
      h.set(this.params.b1);
      for (let j = -WINDOW; j <= WINDOW; j++) {
        const u = t + j;
        const src = u < 0 || u >= n ? this.padProjection : projections[u]!;
        const o = (j + WINDOW) * H;
        for (let k = 0; k < H; k++) h[k]! += src[o + k]!;
      }
      for (let k = 0; k < H; k++) if (h[k]! < 0) h[k] = 0;
      outputScores(this.shape, this.params, h, 0, out, t * LABEL_COUNT);
      logSoftmaxInPlace(out, t * LABEL_COUNT);
    }
  }
}
