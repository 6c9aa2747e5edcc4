import { describe, expect, it } from 'vitest';
import { buildDictionary, EntityDictionary } from '../../src/nlp/entities/dictionary';

// Tag ids: position (B 0, I 16) + type (PERS 0, ORG 1, LOC 2, MISC 3) × 4 + reliability class (0–3).
const training = [
  { cores: ['مجلس', 'الأمن', 'الدولي', 'قال'], labels: ['B-ORG', 'I-ORG', 'I-ORG', 'O'] },
  { cores: ['الأمن', 'مهم'], labels: ['O', 'O'] },
  { cores: ['إيران', 'و', 'الأمن'], labels: ['B-LOC', 'O', 'B-ORG'] },
];

describe('entity dictionary', () => {
  const arrays = buildDictionary(training);
  const dictionary = new EntityDictionary(arrays.keys, arrays.values);

  it('stores every entity string and each proper prefix of a longer one', () => {
    // مجلس, مجلس الأمن (prefixes), مجلس الأمن الدولي, إيران, الأمن
    expect(arrays.keys.length).toBe(5);
    expect(Array.from(arrays.keys)).toEqual([...arrays.keys].sort((a, b) => a - b));
  });

  it('takes the longest match, with type and reliability', () => {
    const tags = dictionary.match(['في', 'مجلس', 'الأمن', 'الدولي', 'و', 'إيران', 'الأمن', 'مجلس', 'الأمن']);
    // مجلس الأمن الدولي: ORG, always a gold entity (class 3); إيران: LOC, class 3;
    // الأمن: ORG, a gold entity in 1 of its 2 matches (class 2); a trailing prefix (مجلس) matches nothing.
    expect(Array.from(tags!)).toEqual([-1, 7, 23, 23, -1, 11, 6, -1, 6]);
  });

  it('gives no features to a sentence without matches', () => {
    expect(dictionary.match(['قال', 'مهم'])).toBeUndefined();
    expect(dictionary.features(['قال', 'مهم'])).toBeUndefined();
  });

  it('lists features of the matched words and of their neighbours', () => {
    const f = dictionary.features(['قال', 'إيران', 'مهم'])!;
    // قال: next word's tag; إيران: its own tag (full and by type); مهم: previous word's tag.
    expect(Array.from(f.offsets)).toEqual([0, 1, 3, 4]);
  });
});
