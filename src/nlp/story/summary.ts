/**
 * Extractive summary: the few sentences that carry the story, in article order.
 *
 * Each candidate sentence is scored by a small logistic model over sentence features
 * (features.ts: position and lead, length, LexRank centrality, similarity to the title, to the
 * lead and to the whole article, coverage of key actors and dated events, quote / reported-speech
 * / number flags). The weights (summaryWeights.ts) were learned from the dev summaries (EASC
 * human extracts, BBC Arabic abstracts) and evaluated by cross-validation; see
 * docs/summary-eval.md. Sentences are then picked greedily by maximal marginal relevance, so a
 * second sentence that repeats the first loses to one that adds something. Page furniture,
 * headings, datelines and half quotes are never candidates.
 */
import type { Span, StoryEvent, KeyActor, Actor } from '../types';
import type { Sentence } from './sentences';
import { FEATURE_NAMES, articleFeatures } from './features';
import { lexRank, rowDot, type ArticleVectors } from './vectors';
import { SUMMARY_ANCHOR_LEAD, SUMMARY_DUPLICATE, SUMMARY_LAMBDA, SUMMARY_WEIGHTS } from './summaryWeights';

export { lexRank };

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
  /** Logistic weights over FEATURE_NAMES (index 0 is the bias). */
  weights: readonly number[];
  /** MMR trade-off between importance (1) and novelty (0). */
  lambda: number;
  /** Always open with the lead sentence; the scorer chooses what follows it. */
  anchorLead: boolean;
  /** A sentence whose cosine similarity to a chosen one reaches this is a repeat and is skipped. */
  duplicate: number;
}

/** Sentences beyond this many candidates are not considered: bounds the quadratic similarity graph. */
export const MAX_CANDIDATES = 200;
const MIN_WORDS = 4;

export const DEFAULT_TUNING: SummaryTuning = { weights: SUMMARY_WEIGHTS, lambda: SUMMARY_LAMBDA, anchorLead: SUMMARY_ANCHOR_LEAD, duplicate: SUMMARY_DUPLICATE };

export interface ScoredSentence {
  sentence: Sentence;
  /** Probability-like importance in (0, 1). */
  score: number;
}

/** The candidates' scores, with their TF-IDF vectors (row i = candidate i) for the redundancy test. */
export interface ScoredCandidates {
  scored: ScoredSentence[];
  vectors: ArticleVectors;
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

/** Only for `summarize`: the packed vectors it returns live in buffers the next article reuses. */
function scoreSentences(text: string, candidates: readonly Sentence[], options: SummaryOptions = {}): ScoredCandidates {
  const { features, vectors } = articleFeatures(text, candidates, options);
  if (candidates.length === 0) return { scored: [], vectors };
  const weights = options.tuning?.weights ?? DEFAULT_TUNING.weights;
  if (weights.length !== FEATURE_NAMES.length) throw new Error(`summary: ${weights.length} weights for ${FEATURE_NAMES.length} features`);
  const scored = candidates.map((sentence, i) => {
    const f = features[i]!;
    let z = 0;
    for (let k = 0; k < f.length; k++) z += weights[k]! * f[k]!;
    return { sentence, score: 1 / (1 + Math.exp(-z)) };
  });
  return { scored, vectors };
}

/** Picks the summary sentences and returns their spans (without datelines), in article order. */
export function summarize(text: string, sentences: readonly Sentence[], options: SummaryOptions = {}): Span[] {
  const candidates = summaryCandidates(sentences);
  if (candidates.length === 0) return [];
  const lambda = options.tuning?.lambda ?? DEFAULT_TUNING.lambda;
  const maxSentences = options.maxSentences ?? (options.wordBudget ? Infinity : defaultSentenceCount(candidates.length));
  const anchorLead = options.tuning?.anchorLead ?? DEFAULT_TUNING.anchorLead;
  const duplicate = options.tuning?.duplicate ?? DEFAULT_TUNING.duplicate;
  const toSpans = (picked: readonly Sentence[]) =>
    [...picked]
      .sort((a, b) => a.start - b.start)
      .map((sentence) => ({ start: sentence.bodyStart, end: sentence.end, text: text.slice(sentence.bodyStart, sentence.end) }));
  // When the anchored lead already fills the summary (one sentence wanted, the word budget met
  // by the lead, or no other candidate), the selection below would stop right after it without
  // looking at a score: skip the scoring. (The weights are still checked, as scoring would.)
  if (anchorLead) {
    const weights = options.tuning?.weights ?? DEFAULT_TUNING.weights;
    if (weights.length !== FEATURE_NAMES.length) throw new Error(`summary: ${weights.length} weights for ${FEATURE_NAMES.length} features`);
    const lead = maxSentences >= 1 ? [candidates[0]!] : [];
    const words = lead.length ? lead[0]!.words : 0;
    const more = lead.length < maxSentences && candidates.length > lead.length && (options.wordBudget === undefined || words < options.wordBudget);
    if (!more) return toSpans(lead);
  }
  const { scored, vectors } = scoreSentences(text, candidates, options);
  const chosen = selectByMmr(scored, vectors, maxSentences, options.wordBudget, lambda, anchorLead ? [0] : [], duplicate);
  return toSpans(chosen.map((i) => scored[i]!.sentence));
}

/**
 * Greedy maximal marginal relevance; returns the indices of the chosen sentences in the order
 * chosen. A candidate's redundancy (its highest cosine to a chosen sentence) is kept up to date
 * as sentences are chosen instead of recomputed against every chosen one in each round: the
 * maximum of the same values, so the same choices.
 */
export function selectByMmr(
  scored: readonly ScoredSentence[],
  vectors: ArticleVectors,
  maxSentences: number,
  wordBudget?: number,
  lambda = DEFAULT_TUNING.lambda,
  /** Indices chosen before any scoring (the anchored lead). */
  forced: readonly number[] = [],
  duplicate = DEFAULT_TUNING.duplicate,
): number[] {
  const n = scored.length;
  let maxScore = 1e-9;
  for (const s of scored) maxScore = Math.max(maxScore, s.score);
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  const redundancy = new Float64Array(n);
  let left = n;
  let words = 0;
  const take = (i: number) => {
    taken[i] = 1;
    left--;
    chosen.push(i);
    words += scored[i]!.sentence.words;
    for (let j = 0; j < n; j++) if (!taken[j]) redundancy[j] = Math.max(redundancy[j]!, rowDot(vectors, j, i));
  };
  for (const i of forced) {
    if (chosen.length >= maxSentences || i < 0 || i >= n || taken[i]) continue;
    take(i);
  }
  while (chosen.length < maxSentences && left > 0 && (wordBudget === undefined || words < wordBudget)) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      const r = redundancy[i]!;
      if (r >= duplicate) continue;
      const value = lambda * (scored[i]!.score / maxScore) - (1 - lambda) * r;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    take(best);
  }
  return chosen;
}
