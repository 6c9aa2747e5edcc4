import { describe, expect, it } from 'vitest';
import { originalSpan, scan, tokenAt } from '../../src/nlp/dates/scan';
import { foldLetters } from '../../src/nlp/text/normalize';

describe('date scan', () => {
  it('folds letters exactly as the shared foldLetters does (marks and tatweel aside)', () => {
    const text = 'أإآٱ ى ة ؤ ئ ک ی ۀ ١٢٣ ۴۵ ABC';
    const s = scan(text);
    expect(s.normalized).toBe(foldLetters(text).replace(/[A-Z]/g, (c) => c.toLowerCase()));
  });

  it('drops diacritics and tatweel but maps spans back over them', () => {
    const text = 'غداً وبعـــد';
    const s = scan(text);
    expect(s.normalized).toBe('غدا وبعد');
    const first = tokenAt(s, 0)!;
    expect(first.text).toBe('غدا');
    const span = originalSpan(s, first.start, first.end);
    expect(text.slice(span.start, span.end)).toBe('غداً');
    const second = tokenAt(s, 1)!;
    const span2 = originalSpan(s, second.start, second.end);
    expect(text.slice(span2.start, span2.end)).toBe('وبعـــد');
  });

  it('splits words, numbers and punctuation and counts sentences', () => {
    const s = scan('في 2024م. ثم');
    const tokens = Array.from({ length: s.count }, (_, i) => tokenAt(s, i)!);
    expect(tokens.map((t) => [t.text, t.kind, t.sentence])).toEqual([
      ['في', 'word', 0],
      ['2024', 'number', 0],
      ['م', 'word', 0],
      ['.', 'punct', 0],
      ['ثم', 'word', 1],
    ]);
  });
});
