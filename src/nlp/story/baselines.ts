/**
 * Reference summarisers the real one is measured against (scripts/eval-summary.ts): the lead
 * (first sentences) and TextRank (Mihalcea & Tarau 2004: PageRank over word-overlap similarity,
 * no position prior). Both pick from the same candidate sentences as `summarize`, so the
 * comparison is about choosing, not about splitting or furniture removal.
 */
import type { Span } from '../types';
import type { Sentence } from './sentences';
import { summaryCandidates, lexRank } from './summary';
import { contentTerms, documentIdf, termCounts, weightedUnit } from './terms';

export interface BaselineOptions {
  maxSentences?: number;
  wordBudget?: number;
}

function toSpans(text: string, picked: readonly Sentence[]): Span[] {
  return [...picked]
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ start: s.bodyStart, end: s.end, text: text.slice(s.bodyStart, s.end) }));
}

/** Takes sentences in the given preference order until the count or word budget is reached. */
function takeInOrder(order: readonly Sentence[], options: BaselineOptions): Sentence[] {
  const max = options.maxSentences ?? (options.wordBudget ? Infinity : 3);
  const picked: Sentence[] = [];
  let words = 0;
  for (const s of order) {
    if (picked.length >= max || (options.wordBudget !== undefined && words >= options.wordBudget)) break;
    picked.push(s);
    words += s.words;
  }
  return picked;
}

export function leadSummary(text: string, sentences: readonly Sentence[], options: BaselineOptions = {}): Span[] {
  return toSpans(text, takeInOrder(summaryCandidates(sentences), options));
}

/** TextRank: similarity = shared terms / (log|a| + log|b|), PageRank with damping 0.85. */
export function textRankSummary(text: string, sentences: readonly Sentence[], options: BaselineOptions = {}): Span[] {
  const candidates = summaryCandidates(sentences);
  const termSets = candidates.map((s) => new Set(contentTerms(text.slice(s.bodyStart, s.end))));
  const n = candidates.length;
  const sim: number[][] = termSets.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = termSets[i]!;
      const b = termSets[j]!;
      if (a.size < 2 || b.size < 2) continue;
      let shared = 0;
      for (const t of a) if (b.has(t)) shared++;
      const s = shared / (Math.log(a.size) + Math.log(b.size));
      sim[i]![j] = s;
      sim[j]![i] = s;
    }
  }
  const rank = pageRank(sim);
  const order = candidates.map((s, i) => ({ s, r: rank[i]! })).sort((x, y) => y.r - x.r || x.s.start - y.s.start);
  return toSpans(text, takeInOrder(order.map((o) => o.s), options));
}

/** LexRank alone (TF-IDF cosine centrality, no position prior): the centrality part of `summarize`. */
export function lexRankSummary(text: string, sentences: readonly Sentence[], options: BaselineOptions = {}): Span[] {
  const candidates = summaryCandidates(sentences);
  const counts = candidates.map((s) => termCounts(contentTerms(text.slice(s.bodyStart, s.end))));
  const idf = documentIdf(counts);
  const rank = lexRank(counts.map((c) => weightedUnit(c, idf)));
  const order = candidates.map((s, i) => ({ s, r: rank[i]! })).sort((x, y) => y.r - x.r || x.s.start - y.s.start);
  return toSpans(text, takeInOrder(order.map((o) => o.s), options));
}

function pageRank(sim: readonly number[][], iterations = 30, d = 0.85): number[] {
  const n = sim.length;
  const rowSum = sim.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - d) / n);
    for (let j = 0; j < n; j++) {
      const sj = rowSum[j]!;
      const row = sim[j]!;
      for (let i = 0; i < n; i++) next[i]! += sj === 0 ? (d * rank[j]!) / n : (d * rank[j]! * row[i]!) / sj;
    }
    rank = next;
  }
  return rank;
}
