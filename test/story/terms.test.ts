import { describe, expect, it } from 'vitest';
import { beginTermCall, contentTerms, idList, scanTermIds, termOf, termString } from '../../src/nlp/story/terms';
import { seededRandom } from '../../src/nlp/entities/hash';

/** The definition: the words of the text (a letter or digit, then letters, marks, digits, tatweel), each through termOf. */
function reference(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu)].map((m) => termOf(m[0])).filter((t) => t !== '');
}

// contentTerms scans into one reused id list; each call must still get its own text's terms.
describe('contentTerms, called again and again', () => {
  it('gives each text its own terms, after a long text and a short one', () => {
    const long = Array.from({ length: 20_000 }, (_, k) => `كلمة${k % 97} الحكومة`).join(' ');
    for (const text of ['قال الوزير إن الحكومة', long, 'في المدينة', '', 'الحكومة والوزير', long.slice(0, 5000)]) {
      expect(contentTerms(text)).toEqual(reference(text));
    }
  });
});

describe('scanTermIds over ranges (words found first, then looked up)', () => {
  it('gives the terms, digit and quote counts of the plain definition over any range', () => {
    const random = seededRandom(17);
    const pieces = [
      'الحكومة', 'والوزير', 'قَالَ', 'الـــوزير', 'في', '٢٠٢٤', '2024', '١٢٣abc', 'Biden', 'بايدن', '«', '»', '“', '”', '"', '،', '.', ' ', '\n',
      '😀', 'ن😀ص', '\uD800', 'مـ', 'ﻻ', 'كلمة٣', 'Ünïcode', '٫', 'x', '', 'أإآ', 'ى', 'ة',
    ];
    const words = Array.from({ length: 400 }, (_, k) => `كلمة${k}`);
    for (let trial = 0; trial < 300; trial++) {
      const count = Math.floor(random() * (trial % 10 === 0 ? 900 : 40));
      const parts = Array.from({ length: count }, () => (random() < 0.3 ? words[Math.floor(random() * words.length)]! : pieces[Math.floor(random() * pieces.length)]!));
      const text = parts.join(random() < 0.5 ? ' ' : '');
      const from = Math.floor(random() * (text.length + 1));
      const to = from + Math.floor(random() * (text.length - from + 1));
      beginTermCall();
      const list = idList(4);
      scanTermIds(text, from, to, list);
      const slice = text.slice(from, to);
      expect(Array.from(list.ids.subarray(0, list.length), termString)).toEqual(reference(slice));
      expect(list.digits).toBe([...slice.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu)].reduce((n, m) => n + (m[0].match(/[0-9٠-٩]/g)?.length ?? 0), 0));
      expect(list.quotes).toBe((slice.replace(/[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu, '').match(/[«»“”"]/g) ?? []).length);
    }
  });
});
