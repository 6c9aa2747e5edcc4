/**
 * The summary's fast paths (packed vectors, inverted-index LexRank, character scanner, skipped
 * scoring) must give exactly what the plain definitions give. These tests keep the plain
 * definitions as references: terms by splitting on whitespace and matching words with a regex,
 * vectors by the Map functions of terms.ts (termCounts, documentIdf, weightedUnit, dot), LexRank
 * by the dense power iteration. Equality is exact (toBe / toEqual on numbers), not approximate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences, type Sentence } from '../../src/nlp/story/sentences';
import { summarize, summaryCandidates, MAX_CANDIDATES } from '../../src/nlp/story/summary';
import { sentenceFeatures } from '../../src/nlp/story/features';
import { lexRank } from '../../src/nlp/story/vectors';
import { contentTerms, documentIdf, dot, termCounts, termOf, weightedUnit, type SparseVector } from '../../src/nlp/story/terms';
import { referenceLexRank } from './referenceLexRank';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'story', name), 'utf8');

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu;
function referenceTerms(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    for (const w of chunk.match(WORD) ?? []) {
      const t = termOf(w);
      if (t) out.push(t);
    }
  }
  return out;
}

const texts = [fixture('port-agreement.txt'), fixture('wrapped-print.txt')];

describe('term scanner', () => {
  it('finds the same terms as splitting on whitespace and matching words', () => {
    const odd = [
      '',
      'والحكومة\u200bالجديدة',
      'كلمة\u00a0أخرى\ufeffثالثة\u3000رابعة',
      'مـــصر ٣٤٥ 12ab x\u064Ey',
      'ab\uD835\uDC00cd 𝐀𝐁 lone\uD800high \uDC00low x\uD835',
      'THE Government, in Amman; «الحكومة» (وزارة-النقل)',
    ];
    for (const s of [...odd, ...texts]) expect(contentTerms(s)).toEqual(referenceTerms(s));
  });
});

describe('packed features', () => {
  it('equal the Map-vector definitions bit for bit', () => {
    for (const text of texts) {
      const candidates = summaryCandidates(splitSentences(text));
      const title = 'الحكومة توقع اتفاقية ميناء جديد';
      const { features, vectors } = sentenceFeatures(text, candidates, { title });
      const counts = candidates.map((c) => termCounts(referenceTerms(text.slice(c.bodyStart, c.end))));
      const idf = documentIdf(counts);
      const expected = counts.map((c) => weightedUnit(c, idf));
      // Same entries, same order, same weights.
      expect(vectors.map((v) => [...v])).toEqual(expected.map((v) => [...v]));
      const centrality = referenceLexRank(expected);
      const titleVector = weightedUnit(termCounts(referenceTerms(title)), idf);
      features.forEach((f, i) => {
        const body = text.slice(candidates[i]!.bodyStart, candidates[i]!.end);
        expect(f[14]).toBe(/[«»“”"]/.test(body) ? 1 : 0);
        expect(f[16]).toBe(Math.min(1, (body.match(/[0-9٠-٩]/g)?.length ?? 0) / 8));
        expect(f[7]).toBe(centrality[i]);
        expect(f[8]).toBe(dot(expected[i]!, titleVector));
        expect(f[9]).toBe(i === 0 ? 1 : dot(expected[i]!, expected[0]!));
      });
    }
  });

  it('LexRank over Map vectors equals the dense power iteration', () => {
    const v = (pairs: [string, number][]) => new Map(pairs);
    const vectors = [
      v([['a', 0.6], ['b', 0.8]]),
      v([['b', 0.6], ['a', 0.8]]),
      v([['c', 1]]),
      v([]),
      v([['a', 0.3], ['c', 0.4], ['d', 0.866]]),
    ];
    expect(lexRank(vectors)).toEqual(referenceLexRank(vectors));
    expect(lexRank([])).toEqual([]);
  });
});

describe('summary shortcuts', () => {
  it('returns the lead alone, without scoring, when it fills the summary', () => {
    const text = texts[0]!;
    const sentences = splitSentences(text);
    const lead = summaryCandidates(sentences)[0]!;
    expect(summarize(text, sentences, { maxSentences: 1 }).map((s) => s.start)).toEqual([lead.bodyStart]);
    expect(summarize(text, sentences, { wordBudget: 1 }).map((s) => s.start)).toEqual([lead.bodyStart]);
    expect(summarize(text, sentences, { maxSentences: 0 })).toEqual([]);
    // Wrong weights are still refused, as scoring would refuse them.
    expect(() => summarize(text, sentences, { maxSentences: 1, tuning: { weights: [1] } })).toThrow(/weights/);
  });

  it('keeps a huge article bounded: at most MAX_CANDIDATES sentences are scored', () => {
    const sentence = (i: number) => `أعلنت الوزارة رقم ${i} خطة جديدة لتطوير الموانئ والطرق في المنطقة ${i % 7}.`;
    const text = Array.from({ length: 12_000 }, (_, i) => sentence(i)).join(' ');
    expect(text.length).toBeGreaterThan(700_000);
    const sentences: Sentence[] = splitSentences(text);
    expect(summaryCandidates(sentences)).toHaveLength(MAX_CANDIDATES);
    const summary = summarize(text, sentences);
    expect(summary.length).toBeGreaterThan(0);
    for (const s of summary) expect(s.end).toBeLessThanOrEqual(summaryCandidates(sentences)[MAX_CANDIDATES - 1]!.end);
  });
});
