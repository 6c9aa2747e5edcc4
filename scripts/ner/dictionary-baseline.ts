/**
 * Baseline 1 of the evaluation and the bench: the training set's entity strings looked up in
 * new text, longest match first (normalised tokens, each string with its most frequent type).
 */
import { normalizeArabic } from '../../src/nlp/text/normalize';
import { spansFromLabels } from '../../src/nlp/entities/labels';
import type { Sentence } from './corpora';

export class DictionaryTagger {
  private readonly types = new Map<string, string>();
  private maxLength = 1;

  constructor(training: readonly Sentence[]) {
    const counts = new Map<string, Map<string, number>>();
    for (const s of training) {
      for (const span of spansFromLabels(s.labels)) {
        const key = s.tokens.slice(span.start, span.end).map((t) => normalizeArabic(t)).join(' ');
        const byType = counts.get(key) ?? new Map<string, number>();
        byType.set(span.type, (byType.get(span.type) ?? 0) + 1);
        counts.set(key, byType);
        this.maxLength = Math.max(this.maxLength, span.end - span.start);
      }
    }
    for (const [key, byType] of counts) {
      const best = [...byType.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      this.types.set(key, best[0]);
    }
  }

  get size(): number {
    return this.types.size;
  }

  tag(tokens: readonly string[]): string[] {
    const norms = tokens.map((t) => normalizeArabic(t));
    const out = tokens.map(() => 'O');
    for (let i = 0; i < norms.length; ) {
      let matched = 0;
      for (let len = Math.min(this.maxLength, norms.length - i); len >= 1; len--) {
        const type = this.types.get(norms.slice(i, i + len).join(' '));
        if (type) {
          for (let k = 0; k < len; k++) out[i + k] = `${k === 0 ? 'B' : 'I'}-${type}`;
          matched = len;
          break;
        }
      }
      i += matched || 1;
    }
    return out;
  }
}
