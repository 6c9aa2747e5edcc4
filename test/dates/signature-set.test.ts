import { describe, expect, it } from 'vitest';
import { SignatureSet, signatureOf } from '../../src/nlp/dates/scan';
import { seededRandom } from '../../src/nlp/entities/hash';

describe('SignatureSet', () => {
  it('answers as a Set of the same signatures does', () => {
    const random = seededRandom(23);
    const words = ['في', 'يناير', 'وفي', 'بعد', 'الماضي', '٢٠٢٤', 'ـ', 'قَبل', 'Jan', '', 'ال', 'و', 'للعام', 'مُحرّم'];
    for (let trial = 0; trial < 200; trial++) {
      const members = Array.from({ length: Math.floor(random() * 300) }, (_, k) =>
        k % 3 === 0 ? signatureOf(words[Math.floor(random() * words.length)]!) : (Math.floor(random() * 2 ** 32) | 1),
      );
      members.push(1, -1, -2147483647, 2147483647);
      const plain = new Set(members);
      const set = new SignatureSet(members);
      const probes = [...members, ...Array.from({ length: 500 }, () => Math.floor(random() * 2 ** 32) | 1), ...words.map(signatureOf), 3, 5, -3];
      for (const p of probes) expect(set.has(p), String(p)).toBe(plain.has(p));
    }
  });

  it('takes only signatures (odd int32s)', () => {
    expect(() => new SignatureSet([2])).toThrow();
    expect(() => new SignatureSet([2 ** 32 + 1])).toThrow();
    expect(new SignatureSet([]).has(1)).toBe(false);
  });
});
