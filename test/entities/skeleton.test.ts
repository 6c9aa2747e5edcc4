/**
 * `skeleton` reads a word in place before cutting it; it must give what the plain definition
 * (inner ا، و، ي removed from words of four units or more) gives.
 */
import { describe, expect, it } from 'vitest';
import { skeleton } from '../../src/nlp/entities/actors';

function plainSkeleton(word: string): string {
  if (word.length < 4) return word;
  const inner = word.slice(1, -1);
  return /[اوي]/.test(inner) ? word[0]! + inner.replace(/[اوي]/g, '') + word[word.length - 1]! : word;
}

describe('skeleton', () => {
  it('equals the plain definition on varied words', () => {
    const words = [
      '', 'ا', 'اوي', 'اويا', 'بوشنيل', 'بوشنل', 'ماسيميليانو', 'ماسيمليانو', 'سلمان', 'سليمان', 'محمد', 'يوسف', 'وليد', 'ايران',
      'مُحَمَّد', 'بـــايدن', '١٢٣٤', 'Biden', 'Bوايدن', 'عبدالعزيز', 'ووو', 'وووو', 'ياي', 'يايي', 'ترامب',
    ];
    for (const w of words) expect(skeleton(w), w).toBe(plainSkeleton(w));
  });
});
