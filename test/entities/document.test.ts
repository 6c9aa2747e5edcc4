/**
 * Document features (src/nlp/entities/document.ts): each token hears how the OTHER occurrences
 * of its stem within the window were tagged by the first pass, never its own label.
 */
import { describe, expect, it } from 'vitest';
import { documentFeatures, documentFeaturesInto, documentFeaturesOfIds, DocumentScratch } from '../../src/nlp/entities/document';
import { FeatureExtractor } from '../../src/nlp/entities/features';
import { fnv1a, seededRandom } from '../../src/nlp/entities/hash';
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

describe('document features into a reused scratch', () => {
  const TYPES = ['O', 'PERS', 'ORG', 'LOC', 'MISC'];
  const typeOf = (l: number): number => (l === 0 ? 0 : TYPES.indexOf(LABEL_NAMES[l]!.slice(2)));
  const inside = (l: number): boolean => LABEL_NAMES[l]!.startsWith('I-');
  const LABEL_NAMES = ['O', 'B-PERS', 'I-PERS', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

  /** The definition, token by token: the other occurrences of its key within the window. */
  function plain(keys: string[][], first: Uint8Array[], window: number): number[][][] {
    const multi = (s: number, i: number): boolean => {
      const l = first[s]!;
      return l[i] !== 0 && ((i > 0 && inside(l[i]!)) || (i + 1 < l.length && inside(l[i + 1]!)));
    };
    const occurrences = new Map<string, [number, number][]>();
    keys.forEach((sentence, s) => sentence.forEach((key, i) => occurrences.set(key, [...(occurrences.get(key) ?? []), [s, i]])));
    return keys.map((sentence, s) =>
      sentence.map((key, i) => {
        if (!key) return [];
        const counts = [0, 0, 0, 0, 0];
        let multiCount = 0;
        for (const [s2, i2] of occurrences.get(key)!) {
          if (Math.abs(s2 - s) > window || (s2 === s && i2 === i)) continue;
          counts[typeOf(first[s2]![i2]!)]!++;
          if (multi(s2, i2)) multiCount++;
        }
        const out: number[] = [];
        for (let t = 1; t < 5; t++) if (counts[t]! > 0) out.push(fnv1a(`doc-any=${TYPES[t]}`));
        if (counts.every((c) => c === 0)) return out;
        let best = 0;
        for (let t = 1; t < 5; t++) if (counts[t]! > counts[best]!) best = t;
        out.push(fnv1a(`doc-maj=${TYPES[best]}`));
        if (multiCount > 0) out.push(fnv1a('doc-multi'));
        return out;
      }),
    );
  }

  it('gives the plain definition text after text, in one reused scratch', () => {
    const random = seededRandom(5);
    const vocabulary = ['بايدن', 'قال', 'الرياض', 'وزير', 'ترامب', 'x', 'Biden', '١٢', 'بـايدن', 'بَايدن', ''];
    const scratch = new DocumentScratch();
    let unique = 0;
    for (let text = 0; text < 260; text++) {
      const sentences = 1 + Math.floor(random() * 12);
      // Every 40th text brings thousands of new keys: the scratch grows.
      const fresh = text % 40 === 39 ? 12000 : 0;
      const keys = Array.from({ length: sentences }, (_, s) =>
        Array.from({ length: Math.floor(random() * 9) + (s === 0 ? fresh : 0) }, (_, i) =>
          i < (s === 0 ? fresh : 0) ? `k${unique++}` : vocabulary[Math.floor(random() * vocabulary.length)]!,
        ),
      );
      const first = keys.map((k) => Uint8Array.from(k, () => Math.floor(random() * 9)));
      const window = Math.floor(random() * 4);
      const flat = keys.flat();
      const starts = new Uint32Array(sentences + 1);
      keys.forEach((k, s) => (starts[s + 1] = starts[s]! + k.length));
      documentFeaturesInto(flat, starts, first, window, scratch);
      const expected = plain(keys, first, window);
      keys.forEach((k, s) =>
        k.forEach((_, i) => {
          const g = starts[s]! + i;
          expect(Array.from(scratch.hashes.subarray(scratch.offsets[g]!, scratch.offsets[g + 1]!))).toEqual(expected[s]![i]);
        }),
      );
    }
  });
});

describe('document features from key ids', () => {
  it('gives what the key strings give, whatever numbers the ids are', () => {
    const random = seededRandom(9);
    const vocabulary = ['بايدن', 'قال', 'الرياض', 'وزير', 'ترامب', 'x', ''];
    const fromStrings = new DocumentScratch();
    const fromIds = new DocumentScratch();
    for (let text = 0; text < 300; text++) {
      const sentences = Math.floor(random() * 10);
      const keys = Array.from({ length: sentences }, () => Array.from({ length: Math.floor(random() * 9) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!));
      const first = keys.map((k) => Uint8Array.from(k, () => Math.floor(random() * 9)));
      const window = Math.floor(random() * 4);
      const flat = keys.flat();
      const starts = new Uint32Array(sentences + 1);
      keys.forEach((k, s) => (starts[s + 1] = starts[s]! + k.length));
      // Ids scattered over a range that changes from text to text, as a long-lived table's are.
      const limit = 50 + Math.floor(random() * 5000);
      const idOf = new Map(vocabulary.map((v) => [v, Math.floor(random() * limit)]));
      if (new Set(idOf.values()).size < vocabulary.length) continue;
      const ids = Int32Array.from(flat, (k) => (k ? idOf.get(k)! : -1));
      documentFeaturesInto(flat, starts, first, window, fromStrings);
      documentFeaturesOfIds(ids, flat.length, limit, starts, first, window, fromIds);
      const n = flat.length;
      expect(Array.from(fromIds.offsets.subarray(0, n + 1))).toEqual(Array.from(fromStrings.offsets.subarray(0, n + 1)));
      expect(Array.from(fromIds.hashes.subarray(0, fromIds.offsets[n]))).toEqual(Array.from(fromStrings.hashes.subarray(0, fromStrings.offsets[n])));
    }
  });

  it('the extractor numbers equal keys alike, across its table starting over', () => {
    const extractor = new FeatureExtractor({ hashBits: 20 });
    const early = extractor.word('والحكومة');
    const earlyOther = extractor.word('الرئيس');
    // Over 65,536 distinct keys: the table starts over; words made before keep working by their key.
    const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهي';
    for (let k = 0; k < 70_000; k++) {
      let w = 'ا';
      for (let x = k; x > 0; x = Math.floor(x / letters.length)) w += letters[x % letters.length];
      extractor.word(w + 'ة');
    }
    const late = extractor.word('بالحكومة');
    expect(late.docKey).toBe(early.docKey);
    expect(late.docEpoch).toBeGreaterThan(early.docEpoch);
    expect(extractor.docIdOf(early)).toBe(extractor.docIdOf(late));
    expect(extractor.docIdOf(earlyOther)).not.toBe(extractor.docIdOf(late));
    expect(extractor.docIdOf(extractor.word('،'))).toBe(-1);
    for (const w of [early, earlyOther, late]) expect(extractor.docIdOf(w)).toBeLessThan(extractor.docIdLimit);
  });
});
