/**
 * Sentence features for the learned summary scorer (see summaryWeights.ts for how the weights
 * were trained and evaluated). Every feature is a number in about [0, 1], computed from the
 * article alone (plus its title, actors and events when known), so the same code serves the
 * extension, the CLI and the training/evaluation script (scripts/eval-summary.ts).
 */
import type { StoryEvent, KeyActor, Actor } from '../types';
import type { Sentence } from './sentences';
import type { SparseVector } from './terms';
import { articleVectors, centroidOf, grow64, lexRankRows, toSparse, type ArticleVectors } from './vectors';
import { rangeIndexAt } from '../text/spans';

export interface FeatureContext {
  title?: string;
  actors?: readonly Actor[];
  keyActors?: readonly KeyActor[];
  events?: readonly StoryEvent[];
}

/** Names of the features, in the order of the vectors `sentenceFeatures` returns (index 0 is the bias). */
export const FEATURE_NAMES = [
  'bias',
  'lead',
  'position',
  'relativePosition',
  'paragraphStart',
  'length',
  'short',
  'centrality',
  'titleSimilarity',
  'leadSimilarity',
  'centroidSimilarity',
  'actorCoverage',
  'eventCoverage',
  'mainEvent',
  'quote',
  'reportingVerb',
  'numbers',
] as const;

export interface SentenceFeatures {
  /** One vector per candidate, FEATURE_NAMES.length long. */
  features: number[][];
  /** TF-IDF unit vectors of the candidates (for redundancy). */
  vectors: SparseVector[];
}

/** Reported speech opening a sentence: `وقال`, `وأضاف`, `وأكد`, `وأوضح`, `وتابع`, `وأشار` … (normalised or not). */
const REPORTING = /^\s*(و|ف)?(قال|قالت|أضاف|اضاف|أضافت|اضافت|أكد|اكد|أكدت|اكدت|أوضح|اوضح|أوضحت|اوضحت|تابع|تابعت|أشار|اشار|أشارت|اشارت|لفت|لفتت|ذكر|ذكرت|نقل|نقلت|رأى|راي|اعتبر|اعتبرت)\s/;

export interface ArticleFeatures {
  /** One vector per candidate, FEATURE_NAMES.length long. */
  features: number[][];
  vectors: ArticleVectors;
}

export function sentenceFeatures(text: string, candidates: readonly Sentence[], context: FeatureContext = {}): SentenceFeatures {
  const { features, vectors } = featuresOf(text, candidates, context, true);
  return { features, vectors: candidates.map((_, i) => toSparse(vectors, i)) };
}

/**
 * The features of `sentenceFeatures`, with the vectors packed. Every figure is computed with the
 * same floating-point operations in the same order as the Map-based functions of terms.ts
 * (documentIdf, weightedUnit, dot), so the features are bit-identical to theirs.
 */
export function articleFeatures(text: string, candidates: readonly Sentence[], context: FeatureContext = {}): ArticleFeatures {
  return featuresOf(text, candidates, context, false);
}

/** Dense rows (zeros outside a row's terms) of the lead, the title and one candidate; wiped after each use. */
let leadDenseBuffer = new Float64Array(1024);
let titleDenseBuffer = new Float64Array(1024);
let rowDenseBuffer = new Float64Array(1024);

function featuresOf(text: string, candidates: readonly Sentence[], context: FeatureContext, withTerms: boolean): ArticleFeatures {
  const n = candidates.length;
  const vectors = articleVectors(text, candidates, context.title ?? '', withTerms);
  if (n === 0) return { features: [], vectors };
  const centrality = lexRankRows(vectors, n);
  const hasTitle = Boolean(context.title);
  const centroid = centroidOf(vectors, n);
  const actorWeight = actorCoverage(candidates, context);
  const eventWeight = eventCoverage(candidates, context.events ?? []);
  const mainEvent = new Array<number>(n).fill(0);
  for (const e of context.events ?? []) {
    if (!e.main) continue;
    const i = rangeIndexAt(candidates, e.start);
    if (i >= 0) mainEvent[i] = 1;
  }
  const { offsets, ids, weights } = vectors;

  // The lead and the title, dense (zeros elsewhere), for their cosines with every candidate;
  // wiped before returning. A candidate larger than the lead (or title) is the one made dense
  // instead, since `dot` sums over the smaller vector, in its order.
  const leadDense = (leadDenseBuffer = grow64(leadDenseBuffer, vectors.vocabulary));
  const titleDense = (titleDenseBuffer = grow64(titleDenseBuffer, vectors.vocabulary));
  const rowDense = (rowDenseBuffer = grow64(rowDenseBuffer, vectors.vocabulary));
  for (let k = offsets[0]!; k < offsets[1]!; k++) leadDense[ids[k]!] = weights[k]!;
  for (let k = offsets[n]!; k < offsets[n + 1]!; k++) titleDense[ids[k]!] = weights[k]!;
  const leadSize = offsets[1]! - offsets[0]!;
  const titleSize = offsets[n + 1]! - offsets[n]!;

  const features = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const s = candidates[i]!;
    const body = text.slice(s.bodyStart, s.end);
    const previous = candidates[i - 1];
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    const size = to - from;
    const dense = size > leadSize || (hasTitle && size > titleSize);
    if (dense) for (let k = from; k < to; k++) rowDense[ids[k]!] = weights[k]!;
    // Cosine to the centroid: the centroid holds every term of the sentence, so the sentence is
    // the smaller vector of the pair and its terms are summed in its own order (as `dot` does).
    let toCentroid = 0;
    for (let k = from; k < to; k++) toCentroid += weights[k]! * centroid[ids[k]!]!;
    let toLead = 0;
    if (size <= leadSize) for (let k = from; k < to; k++) toLead += weights[k]! * leadDense[ids[k]!]!;
    else for (let k = offsets[0]!; k < offsets[1]!; k++) toLead += weights[k]! * rowDense[ids[k]!]!;
    let toTitle = 0;
    if (hasTitle) {
      if (size <= titleSize) for (let k = from; k < to; k++) toTitle += weights[k]! * titleDense[ids[k]!]!;
      else for (let k = offsets[n]!; k < offsets[n + 1]!; k++) toTitle += weights[k]! * rowDense[ids[k]!]!;
    }
    if (dense) for (let k = from; k < to; k++) rowDense[ids[k]!] = 0;
    // Digits as /[0-9٠-٩]/g counts them and quote marks /[«»“”"]/, counted by the scanner.
    const digits = vectors.digits[i]!;
    features[i] = [
      1,
      i === 0 ? 1 : 0,
      1 / Math.sqrt(1 + i),
      n > 1 ? i / (n - 1) : 0,
      !previous || previous.paragraph !== s.paragraph ? 1 : 0,
      Math.min(1, Math.log(1 + s.words) / Math.log(100)),
      s.words < 8 ? 1 : 0,
      centrality[i]!,
      toTitle,
      i === 0 ? 1 : toLead,
      toCentroid,
      actorWeight[i]!,
      eventWeight[i]!,
      mainEvent[i]!,
      vectors.quotes[i]! > 0 ? 1 : 0,
      REPORTING.test(body) ? 1 : 0,
      Math.min(1, digits / 8),
    ];
  }
  for (let k = offsets[0]!; k < offsets[1]!; k++) leadDense[ids[k]!] = 0;
  for (let k = offsets[n]!; k < offsets[n + 1]!; k++) titleDense[ids[k]!] = 0;
  return { features, vectors };
}


/** How much of the key actors' weight each sentence mentions, scaled to the best sentence. */
function actorCoverage(candidates: readonly Sentence[], context: FeatureContext): number[] {
  const weights = new Map((context.keyActors ?? []).map((k) => [k.id, k.score]));
  const cover = candidates.map(() => 0);
  if (!context.actors?.length || !weights.size) return cover;
  for (const actor of context.actors) {
    const w = weights.get(actor.id) ?? 0;
    if (!w) continue;
    const seen = new Set<number>();
    for (const m of actor.mentions) {
      const i = rangeIndexAt(candidates, m.start);
      if (i >= 0 && !seen.has(i)) {
        seen.add(i);
        cover[i]! += w;
      }
    }
  }
  return scaleToMax(cover);
}

function eventCoverage(candidates: readonly Sentence[], events: readonly StoryEvent[]): number[] {
  const cover = candidates.map(() => 0);
  for (const e of events) {
    const i = rangeIndexAt(candidates, e.start);
    if (i >= 0) cover[i]! += (e.score ?? 1) + (e.main ? 1 : 0);
  }
  return scaleToMax(cover);
}

function scaleToMax(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return max > 0 ? values.map((v) => v / max) : values;
}

