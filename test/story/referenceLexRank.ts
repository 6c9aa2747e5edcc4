/**
 * LexRank as first written: dense similarity matrix, power iteration. The definition the packed, inverted-index
 * version in src/nlp/story/vectors.ts must reproduce bit for bit (summary-equivalence.test.ts), and the baseline
 * `npm run bench summary` times it against.
 */
import { dot, type SparseVector } from '../../src/nlp/story/terms';

export function referenceLexRank(vectors: readonly SparseVector[], iterations = 30): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const sim = vectors.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sim[i]![j] = sim[j]![i] = dot(vectors[i]!, vectors[j]!);
  }
  const rowSum = sim.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  const d = 0.85;
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - d) / n);
    for (let j = 0; j < n; j++) {
      const sj = rowSum[j]!;
      if (sj === 0) {
        for (let i = 0; i < n; i++) next[i]! += (d * rank[j]!) / n;
        continue;
      }
      for (let i = 0; i < n; i++) if (sim[j]![i]) next[i]! += (d * rank[j]! * sim[j]![i]!) / sj;
    }
    rank = next;
  }
  const max = Math.max(...rank);
  return rank.map((r) => (max > 0 ? r / max : 0));
}
