/**
 * The tagger's fast path (per-word cache, partial sums per window position, row lookups
 * once per word) must score exactly what the plain definition lists: the sum of the weights
 * of every feature bucket of every token. Checked on the shipped model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DROPPABLE_TEMPLATES, FeatureExtractor, sentenceFeatures, WORD_CACHE_SIZE, type FeatureOptions } from '../../src/nlp/entities/features';
import { LABEL_COUNT } from '../../src/nlp/entities/labels';
import { ModelFormatError, parseNerModel } from '../../src/nlp/entities/model';
import { NER_MODEL_PATH } from '../../src/cli/loadModel';
import { tokenize } from '../../src/nlp/text/tokenize';

const model = parseNerModel(readFileSync(NER_MODEL_PATH));
const SAMPLE = 'قال الرئيس الأمريكي جو بايدن إن واشنطن وطهران أجرتا محادثات غير مباشرة في مسقط بوساطة عمانية، وأكدت وكالة رويترز ذلك. 2024 iPhone 😀';
const tokens = tokenize(SAMPLE).map((t) => t.text);

/** The fast path's scores and the sum of the listed buckets' weights, for these feature options over the shipped weights. */
function bothPaths(options: FeatureOptions): { expected: Float64Array; got: Float64Array } {
  const { offsets, ids } = sentenceFeatures(tokens, options);
  const expected = new Float64Array(tokens.length * LABEL_COUNT);
  for (let i = 0; i < tokens.length; i++) {
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
      const at = model.scorer.scoresAt(ids[j]!);
      if (at < 0) continue;
      for (let l = 0; l < LABEL_COUNT; l++) expected[i * LABEL_COUNT + l]! += model.scorer.weights[at + l]!;
    }
  }
  const extractor = new FeatureExtractor(options, model.scorer);
  const got = new Float64Array(tokens.length * LABEL_COUNT);
  extractor.scores(tokens.map((t) => extractor.word(t)), got);
  return { expected, got };
}

describe('tagger fast path', () => {
  it('scores each token as the sum of its feature buckets’ weights', () => {
    const { expected, got } = bothPaths(model.features);
    // Exactly, not just closely: the weights are float32 multiples of 2^-30 (int8 × row
    // scale), which float64 adds exactly in any order, so regrouping the sums changes nothing.
    for (let k = 0; k < got.length; k++) expect(got[k]).toBe(expected[k]!);
  });

  it('leaves out a dropped template alike in both paths (each alone and all together)', () => {
    const full = bothPaths(model.features).got;
    for (const drop of [...DROPPABLE_TEMPLATES.map((t) => [t]), [...DROPPABLE_TEMPLATES]]) {
      // A fresh options object: `sentenceFeatures` keeps one extractor per options object.
      const { expected, got } = bothPaths({ ...model.features, dropTemplates: drop });
      for (let k = 0; k < got.length; k++) expect(got[k]).toBe(expected[k]!);
      // The shipped weights know every template, so leaving one out must change some score
      // (t-1|p0 fires only after a trigger word, which the sample has: الرئيس, وكالة).
      expect(got.some((x, k) => x !== full[k]), drop.join(',')).toBe(true);
    }
    expect(() => new FeatureExtractor({ ...model.features, dropTemplates: ['w0'] })).toThrow(/unknown feature template/);
  });

  it('reads dropTemplates from the model header and refuses names it does not know', () => {
    const bytes = readFileSync(NER_MODEL_PATH);
    const withHeader = (extra: Record<string, unknown>): Uint8Array => {
      const length = bytes.readUInt32LE(8);
      const header = { ...(JSON.parse(bytes.subarray(12, 12 + length).toString('utf8')) as Record<string, unknown>), ...extra };
      let json = JSON.stringify(header);
      json += ' '.repeat((4 - (Buffer.byteLength(json) % 4)) % 4);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(Buffer.byteLength(json));
      return Buffer.concat([bytes.subarray(0, 8), size, Buffer.from(json, 'utf8'), bytes.subarray(12 + length)]);
    };
    expect(model.features.dropTemplates).toBeUndefined();
    const dropped = parseNerModel(withHeader({ dropTemplates: ['rPair', 'k3'] }));
    expect(dropped.features.dropTemplates).toEqual(['rPair', 'k3']);
    expect(parseNerModel(withHeader({ dropTemplates: [] })).tag(tokens)).toEqual(model.tag(tokens));
    expect(() => parseNerModel(withHeader({ dropTemplates: ['nope'] }))).toThrow(ModelFormatError);
  });

  it('tags a 200,000-token sentence, Latin, digits and emoji without trouble, and alike in pieces', () => {
    const words = ['قال', 'الرئيس', 'جو', 'بايدن', 'في', 'واشنطن', 'iPhone', '😀', '2024', '،', 'وزارة', 'الخارجية'];
    const huge = Array.from({ length: 200_000 }, (_, i) => (i % 97 === 0 ? `كلمة${i}` : words[i % words.length]!));
    const before = model.tag(tokens);
    const labels = model.tag(huge);
    expect(labels).toHaveLength(huge.length);
    // Reused buffers must not leak between calls: a short sentence after the huge one tags as it did before it.
    expect(model.tag(tokens)).toEqual(before);
    // The huge sentence's labels over its first words equal those of the same words tagged alone, away from the
    // cut (a first-order tagger's context is ±2 words, so the first 1,000 words cannot see the rest).
    expect(labels.slice(0, 1_000)).toEqual(model.tag(huge.slice(0, 1_200)).slice(0, 1_000));
    expect(model.tag([])).toEqual([]);
  });

  it('tags alike whether words come from the cache, a full cache or a fresh extractor', () => {
    const first = model.tag(tokens);
    expect(model.tag(tokens)).toEqual(first);
    const junk = Array.from({ length: WORD_CACHE_SIZE + 10 }, (_, i) => `كلمة${i}`);
    for (let i = 0; i < junk.length; i += 500) model.tag(junk.slice(i, i + 500));
    expect(model.tag(tokens)).toEqual(first);
    expect(parseNerModel(readFileSync(NER_MODEL_PATH)).tag(tokens)).toEqual(first);
  });
});
