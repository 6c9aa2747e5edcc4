/**
 * Sentence features for the learned summary scorer (see summaryWeights.ts for how the weights
 * were trained and evaluated). Every feature is a number in about [0, 1], computed from the
 * article alone (plus its title, actors and events when known), so the same code serves the
 * extension, the CLI and the training/evaluation script (scripts/eval-summary.ts).
 */
import type { StoryEvent, KeyActor, Actor } from '../types';
import type { Sentence } from './sentences';
import { contentTerms, documentIdf, dot, termCounts, weightedUnit, type SparseVector } from './terms';

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

const QUOTE = /[«»“”"]/;
/** Reported speech opening a sentence: `وقال`, `وأضاف`, `وأكد`, `وأوضح`, `وتابع`, `وأشار` … (normalised or not). */
const REPORTING = /^\s*(و|ف)?(قال|قالت|أضاف|اضاف|أضافت|اضافت|أكد|اكد|أكدت|اكدت|أوضح|اوضح|أوضحت|اوضحت|تابع|تابعت|أشار|اشار|أشارت|اشارت|لفت|لفتت|ذكر|ذكرت|نقل|نقلت|رأى|راي|اعتبر|اعتبرت)\s/;
const DIGITS = /[0-9٠-٩]/g;

export function sentenceFeatures(text: string, candidates: readonly Sentence[], context: FeatureContext = {}): SentenceFeatures {
  const n = candidates.length;
  if (n === 0) return { features: [], vectors: [] };
  const bodies = candidates.map((s) => text.slice(s.bodyStart, s.end));
  const counts = bodies.map((b) => termCounts(contentTerms(b)));
  const idf = documentIdf(counts);
  const vectors = counts.map((c) => weightedUnit(c, idf));
  const centrality = lexRank(vectors);
  const titleVector = context.title ? weightedUnit(termCounts(contentTerms(context.title)), idf) : undefined;
  const centroid = unit(sum(vectors));
  const actorWeight = actorCoverage(candidates, context);
  const eventWeight = eventCoverage(candidates, context.events ?? []);
  const mainEvent = candidates.map(() => 0);
  for (const e of context.events ?? []) {
    if (!e.main) continue;
    const i = indexOfSpan(candidates, e.start);
    if (i >= 0) mainEvent[i] = 1;
  }

  const features = candidates.map((s, i) => {
    const body = bodies[i]!;
    const digits = body.match(DIGITS)?.length ?? 0;
    const previous = candidates[i - 1];
    return [
      1,
      i === 0 ? 1 : 0,
      1 / Math.sqrt(1 + i),
      n > 1 ? i / (n - 1) : 0,
      !previous || previous.paragraph !== s.paragraph ? 1 : 0,
      Math.min(1, Math.log(1 + s.words) / Math.log(100)),
      s.words < 8 ? 1 : 0,
      centrality[i]!,
      titleVector ? dot(vectors[i]!, titleVector) : 0,
      i === 0 ? 1 : dot(vectors[i]!, vectors[0]!),
      dot(vectors[i]!, centroid),
      actorWeight[i]!,
      eventWeight[i]!,
      mainEvent[i]!,
      QUOTE.test(body) ? 1 : 0,
      REPORTING.test(body) ? 1 : 0,
      Math.min(1, digits / 8),
    ];
  });
  return { features, vectors };
}

function sum(vectors: readonly SparseVector[]): SparseVector {
  const total: SparseVector = new Map();
  for (const v of vectors) for (const [t, w] of v) total.set(t, (total.get(t) ?? 0) + w);
  return total;
}

function unit(v: SparseVector): SparseVector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/**
 * LexRank with continuous weights: the stationary distribution of a random walk over the
 * cosine-similarity graph (damping 0.85), scaled so the most central sentence is 1.
 */
export function lexRank(vectors: readonly SparseVector[], iterations = 30): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const sim: number[][] = vectors.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(vectors[i]!, vectors[j]!);
      sim[i]![j] = s;
      sim[j]![i] = s;
    }
  }
  const rowSum = sim.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  const d = 0.85;
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - d) / n);
    for (let j = 0; j < n; j++) {
      const sj = rowSum[j]!;
      if (sj === 0) {
        // A sentence linked to nothing spreads its weight evenly.
        for (let i = 0; i < n; i++) next[i]! += (d * rank[j]!) / n;
        continue;
      }
      const row = sim[j]!;
      for (let i = 0; i < n; i++) if (row[i]) next[i]! += (d * rank[j]! * row[i]!) / sj;
    }
    rank = next;
  }
  const max = Math.max(...rank);
  return rank.map((r) => (max > 0 ? r / max : 0));
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
      const i = indexOfSpan(candidates, m.start);
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
    const i = indexOfSpan(candidates, e.start);
    if (i >= 0) cover[i]! += (e.score ?? 1) + (e.main ? 1 : 0);
  }
  return scaleToMax(cover);
}

function scaleToMax(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return max > 0 ? values.map((v) => v / max) : values;
}

/** Index of the candidate sentence containing `offset`, by binary search (candidates are in order). */
function indexOfSpan(candidates: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = candidates[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
