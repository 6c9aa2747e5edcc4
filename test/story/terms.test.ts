import { describe, expect, it } from 'vitest';
import { contentTerms, termOf } from '../../src/nlp/story/terms';

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
