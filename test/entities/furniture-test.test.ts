/**
 * `furnitureTest` reads only the lines it is asked about; at every offset it must say what
 * `furnitureRanges` (every line cut and tested) says.
 */
import { describe, expect, it } from 'vitest';
import { furnitureRanges, furnitureTest } from '../../src/nlp/entities/furniture';
import { rangeIndexAt } from '../../src/nlp/text/spans';

const TEXTS = [
  '',
  '\n',
  '\n\nاقرأ أيضاً: الرئيس يزور الجزائر\n',
  ['قال الوزير إن الاجتماع كان مثمرا.', 'اقرأ أيضاً: الرئيس الفرنسي يزور الجزائر', 'تابعونا على تويتر', 'زر الذهاب إلى الأعلى', 'شارك الرئيس في القمة.'].join('\n'),
  'شاهد أيضـــاً : رئيس وزراء المجر\r\nللمزيد ١٢٣ Latin words\n   \n« الوسوم » سياسة، اقتصاد\nالمزيد من الأخبار ' + 'كلمة '.repeat(30),
  'Follow us\nاخبار ذات صلة\nتابعونا',
];

describe('furnitureTest', () => {
  it('agrees with furnitureRanges at every offset, asked in order and out of order', () => {
    for (const text of TEXTS) {
      const ranges = furnitureRanges(text);
      const plain = (offset: number): boolean => rangeIndexAt(ranges, offset) >= 0;
      const offsets = Array.from({ length: text.length + 2 }, (_, i) => i);
      const inOrder = furnitureTest(text);
      for (const o of offsets) expect(inOrder(o), `${JSON.stringify(text)} @${o}`).toBe(plain(o));
      const reversed = furnitureTest(text);
      for (const o of offsets.reverse()) expect(reversed(o), `${JSON.stringify(text)} @${o}`).toBe(plain(o));
    }
  });

  it('finds furniture in the sample texts', () => {
    expect(furnitureRanges(TEXTS[3]!).length).toBe(3);
  });
});
