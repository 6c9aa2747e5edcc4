/**
 * Extractive summary: the few sentences that carry the story, in article order.
 *
 * Each candidate sentence gets an importance score mixing
 *  - centrality: LexRank-style stationary weight over TF-IDF cosine similarities between
 *    sentences (what the article keeps coming back to);
 *  - a position prior: Arabic news front-loads, the lead is usually the best single sentence;
 *  - similarity to the title, when there is one;
 *  - coverage of the key actors and of the dated events.
 * Sentences are then picked greedily by maximal marginal relevance, so a second sentence that
 * repeats the first loses to one that adds something. Page furniture, headings, datelines and
 * half quotes are never candidates.
 */
import type { Span, StoryEvent, KeyActor, Actor } from '../types';
import type { Sentence } from './sentences';
import { contentTerms, documentIdf, dot, termCounts, weightedUnit, type SparseVector } from './terms';

export interface SummaryOptions {
  /** Most sentences to return; default depends on article length (2–3). */
  maxSentences?: number;
  /** Stop once the chosen sentences reach this many words (for equal-length evaluation). */
  wordBudget?: number;
  title?: string;
  actors?: readonly Actor[];
  keyActors?: readonly KeyActor[];
  events?: readonly StoryEvent[];
  /** Overrides of the scoring constants, for evaluation experiments only. */
  tuning?: Partial<SummaryTuning>;
}

export interface SummaryTuning {
  centrality: number;
  position: number;
  title: number;
  actors: number;
  events: number;
  /** Position prior = 1 / (1 + i)^positionDecay for the i-th candidate. */
  positionDecay: number;
  /** MMR trade-off between importance (1) and novelty (0). */
  lambda: number;
  /** Bonus added to the lead sentence's score (relative to the best score): Arabic news states its story first. */
  leadBonus: number;
}

/** Sentences beyond this many candidates are not considered: bounds the quadratic similarity graph. */
export const MAX_CANDIDATES = 200;
const MIN_WORDS = 4;

export const DEFAULT_TUNING: SummaryTuning = {
  centrality: 0.35,
  position: 0.6,
  title: 0.15,
  actors: 0.03,
  events: 0.05,
  positionDecay: 0.5,
  lambda: 0.7,
  leadBonus: 0.3,
};

export interface ScoredSentence {
  sentence: Sentence;
  score: number;
  vector: SparseVector;
}

/** Candidate sentences for a summary: article text proper, not furniture, headings or half quotes. */
export function summaryCandidates(sentences: readonly Sentence[]): Sentence[] {
  const good = sentences.filter((s) => !s.furniture && !s.heading && s.balancedQuotes && s.words >= MIN_WORDS);
  if (good.length) return good.slice(0, MAX_CANDIDATES);
  // One-line or headline-only text: still say something, but never furniture.
  return sentences.filter((s) => !s.furniture && s.words >= 2).slice(0, MAX_CANDIDATES);
}

export function defaultSentenceCount(candidates: number): number {
  if (candidates <= 2) return 1;
  if (candidates <= 8) return 2;
  return 3;
}

export function scoreSentences(text: string, candidates: readonly Sentence[], options: SummaryOptions = {}): ScoredSentence[] {
  const n = candidates.length;
  if (n === 0) return [];
  const counts = candidates.map((s) => termCounts(contentTerms(text.slice(s.bodyStart, s.end))));
  const idf = documentIdf(counts);
  const vectors = counts.map((c) => weightedUnit(c, idf));

  const centrality = lexRank(vectors);
  const titleVector = options.title ? weightedUnit(termCounts(contentTerms(options.title)), idf) : undefined;
  const actorWeight = actorCoverage(candidates, options);
  const eventWeight = eventCoverage(candidates, options.events ?? []);
  const w = { ...DEFAULT_TUNING, ...options.tuning };

  return candidates.map((sentence, i) => {
    // The lead counts most, but the second half of a long article is not worthless.
    const position = 1 / Math.pow(1 + i, w.positionDecay);
    const titleSim = titleVector ? dot(vectors[i]!, titleVector) : 0;
    let score =
      w.centrality * centrality[i]! +
      w.position * position +
      w.title * titleSim +
      w.actors * actorWeight[i]! +
      w.events * eventWeight[i]!;
    // Very short sentences carry little; very long ones cost a reader too much.
    if (sentence.words < 7) score *= 0.6 + 0.4 * (sentence.words / 7);
    if (sentence.words > 70) score *= 0.85;
    if (i === 0 && sentence.words >= 8) score += w.leadBonus;
    return { sentence, score, vector: vectors[i]! };
  });
}

/** Picks the summary sentences and returns their spans (without datelines), in article order. */
export function summarize(text: string, sentences: readonly Sentence[], options: SummaryOptions = {}): Span[] {
  const candidates = summaryCandidates(sentences);
  const scored = scoreSentences(text, candidates, options);
  const lambda = options.tuning?.lambda ?? DEFAULT_TUNING.lambda;
  const maxSentences = options.maxSentences ?? (options.wordBudget ? Infinity : defaultSentenceCount(candidates.length));
  const chosen = selectByMmr(scored, maxSentences, options.wordBudget, lambda);
  return chosen
    .sort((a, b) => a.sentence.start - b.sentence.start)
    .map(({ sentence }) => ({ start: sentence.bodyStart, end: sentence.end, text: text.slice(sentence.bodyStart, sentence.end) }));
}

export function selectByMmr(
  scored: readonly ScoredSentence[],
  maxSentences: number,
  wordBudget?: number,
  lambda = DEFAULT_TUNING.lambda,
): ScoredSentence[] {
  const maxScore = Math.max(1e-9, ...scored.map((s) => s.score));
  const chosen: ScoredSentence[] = [];
  const left = new Set(scored.map((_, i) => i));
  let words = 0;
  while (chosen.length < maxSentences && left.size && (wordBudget === undefined || words < wordBudget)) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of left) {
      const s = scored[i]!;
      let redundancy = 0;
      for (const c of chosen) redundancy = Math.max(redundancy, dot(s.vector, c.vector));
      const value = lambda * (s.score / maxScore) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    left.delete(best);
    const pick = scored[best]!;
    chosen.push(pick);
    words += pick.sentence.words;
  }
  return chosen;
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
function actorCoverage(candidates: readonly Sentence[], options: SummaryOptions): number[] {
  const weights = new Map((options.keyActors ?? []).map((k) => [k.id, k.score]));
  const cover = candidates.map(() => 0);
  if (!options.actors?.length || !weights.size) return cover;
  for (const actor of options.actors) {
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
