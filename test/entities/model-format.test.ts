import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/nlp/entities/hash';
import { LABEL_COUNT, labelIndex } from '../../src/nlp/entities/labels';
import { ModelFormatError, parseNerModel, quantiseWeights, serializeModel, type ModelParts } from '../../src/nlp/entities/model';
import { tagTokens } from '../../src/nlp/entities/index';
import { normalizeArabic } from '../../src/nlp/text/normalize';

const HASH_BITS = 14;

/** A hand-made model: one feature votes B-LOC for the word باريس, O leans slightly positive. */
function tinyModel(changes: Partial<ModelParts> = {}): Uint8Array {
  const buckets = 1 << HASH_BITS;
  const dense = new Float32Array(buckets * LABEL_COUNT);
  const mask = buckets - 1;
  const paris = fnv1a('w0=' + normalizeArabic('باريس')) & mask;
  const bias = fnv1a('bias') & mask;
  dense[paris * LABEL_COUNT + labelIndex('B-LOC')] = 4;
  dense[bias * LABEL_COUNT + labelIndex('O')] = 1;
  const q = quantiseWeights(dense, buckets, 0.01);
  return serializeModel({
    header: { hashBits: HASH_BITS, featureSet: 'baseline', gazetteer: [] },
    ...q,
    transitions: new Float32Array(LABEL_COUNT * LABEL_COUNT),
    start: new Float32Array(LABEL_COUNT),
    lexiconKeys: new Uint32Array(0),
    lexiconValues: new Uint32Array(0),
    ...changes,
  });
}

describe('model file format', () => {
  it('round-trips: serialised weights tag as they were trained', () => {
    const bytes = tinyModel();
    const model = parseNerModel(bytes.buffer);
    expect(tagTokens(model, ['زار', 'الوزير', 'باريس', 'أمس'])).toEqual(['O', 'O', 'B-LOC', 'O']);
  });

  it('reads a Node Buffer at an unaligned offset (as fs may hand it over)', () => {
    const bytes = tinyModel();
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const model = parseNerModel(shifted.subarray(1));
    expect(tagTokens(model, ['باريس'])).toEqual(['B-LOC']);
  });

  it('refuses bytes that are not a model with a clear error', () => {
    expect(() => parseNerModel(new TextEncoder().encode('hello world, not a model'))).toThrow(ModelFormatError);
    expect(() => parseNerModel('a string')).toThrow(/ArrayBuffer/);
    const truncated = tinyModel().slice(0, 200);
    expect(() => parseNerModel(truncated)).toThrow(/truncated|JSON/);
  });

  it('refuses sections that disagree in size, and a hash space no trained model has', () => {
    const header = { hashBits: HASH_BITS, featureSet: 'baseline' as const, gazetteer: [] };
    expect(() => parseNerModel(tinyModel({ lexiconKeys: Uint32Array.of(1, 2), lexiconValues: Uint32Array.of(1) }))).toThrow(/lexicon sections disagree/);
    expect(() => parseNerModel(tinyModel({ dictionaryKeys: Uint32Array.of(1, 2), dictionaryValues: Uint32Array.of(1) }))).toThrow(/dictionary sections disagree/);
    expect(() => parseNerModel(tinyModel({ header: { ...header, hashBits: 31 } }))).toThrow(/hashBits/);
    expect(parseNerModel(tinyModel({ dictionaryKeys: Uint32Array.of(1), dictionaryValues: Uint32Array.of(1) })).isFallback).toBe(false);
  });

  it('an empty buffer gives the fallback model, which still finds countries', () => {
    const model = parseNerModel(new ArrayBuffer(0));
    expect(model.isFallback).toBe(true);
    expect(tagTokens(model, ['زار', 'الولايات', 'المتحدة', 'وإيران', 'أمس'])).toEqual(['O', 'B-LOC', 'I-LOC', 'B-LOC', 'O']);
    expect(tagTokens(model, ['في', 'الأردن'])).toEqual(['O', 'B-LOC']);
  });

  it('tags an empty sentence as nothing', () => {
    expect(tagTokens(parseNerModel(tinyModel()), [])).toEqual([]);
  });
});
