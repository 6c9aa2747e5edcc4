/**
 * Document features (src/nlp/entities/document.ts): each token hears how the OTHER occurrences
 * of its stem within the window were tagged by the first pass, never its own label.
 */
import { describe, expect, it } from 'vitest';
import { documentFeatures } from '../../src/nlp/entities/document';
import { fnv1a } from '../../src/nlp/entities/hash';
import { labelIndex } from '../../src/nlp/entities/labels';

const labels = (...ls: string[]): Uint8Array => Uint8Array.from(ls, labelIndex);
const names = (hashes: Iterable<number>): string[] => {
  const known = new Map<number, string>();
  for (const t of ['O', 'PERS', 'ORG', 'LOC', 'MISC']) {
    known.set(fnv1a(`doc-maj=${t}`), `maj=${t}`);
    known.set(fnv1a(`doc-any=${t}`), `any=${t}`);
  }
  known.set(fnv1a('doc-multi'), 'multi');
  return [...hashes].map((h) => known.get(h) ?? '?').sort();
};

describe('document features', () => {
  const keys = [['جو', 'بايدن', 'قال'], ['بايدن', 'قال'], ['', 'بايدن']];
  const first = [labels('B-PERS', 'I-PERS', 'O'), labels('O', 'O'), labels('O', 'B-LOC')];

  it('votes from the other occurrences only, with majority, every entity type and multi-word', () => {
    const doc = documentFeatures(keys, first, 5);
    const at = (s: number, i: number): string[] => names(doc[s]!.hashes.subarray(doc[s]!.offsets[i]!, doc[s]!.offsets[i + 1]!));
    // بايدن in sentence 2: the others were PERS (in a two-word name) and LOC; O once.
    expect(at(1, 0)).toEqual(['any=LOC', 'any=PERS', 'maj=PERS', 'multi']);
    // جو occurs once: no votes. The empty key takes none either.
    expect(at(0, 0)).toEqual([]);
    expect(at(2, 0)).toEqual([]);
    // قال: the other occurrence was O.
    expect(at(0, 2)).toEqual(['maj=O']);
  });

  it('only hears sentences within the window', () => {
    const doc = documentFeatures(keys, first, 0);
    for (const d of doc) expect(d.hashes.length).toBe(0);
    const near = documentFeatures(keys, first, 1);
    // Sentence 3's بايدن hears sentence 2 (O) but not sentence 1 (PERS).
    const d = near[2]!;
    expect(names(d.hashes.subarray(d.offsets[1]!, d.offsets[2]!))).toEqual(['maj=O']);
  });

  it('copes with no sentences and empty ones', () => {
    expect(documentFeatures([], [], 15)).toEqual([]);
    const doc = documentFeatures([[], ['x']], [new Uint8Array(0), labels('O')], 15);
    expect(doc[0]!.offsets).toEqual(new Uint32Array([0]));
  });
});
