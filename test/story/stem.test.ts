import { describe, expect, it } from 'vitest';
import { stemOf } from '../../src/nlp/story/events';

/** The definition stemOf follows: the regex's match, cut when three letters or more remain. */
const SUFFIX = /(?:يين|يون|يه|ين|ون|ات|ها|هم|ه|ي)$/u;
function byRegex(t: string): string {
  const m = SUFFIX.exec(t);
  return m && m.index >= 3 ? t.slice(0, m.index) : t;
}

describe('stemOf', () => {
  it('cuts what the ending regex finds', () => {
    for (const t of ['وفدين', 'الوفد', 'ايرانيين', 'الايرانيه', 'الحوثيون', 'المسلحون', 'السياسات', 'قيادتها', 'قادتهم', 'كتابه', 'عربي', 'بين', 'هي', 'ي', 'ين', 'يين', 'ابيين', 'ابيون', 'ابيون1', 'ابات', 'اهم', 'abc']) {
      expect(stemOf(t), t).toBe(byRegex(t));
    }
  });

  it('agrees with the regex on every short word over the letters that matter', () => {
    const letters = ['ي', 'و', 'ن', 'ه', 'ا', 'ت', 'م', 'ب'];
    const words = [''];
    for (let length = 1; length <= 5; length++) {
      for (const w of words.filter((x) => x.length === length - 1)) for (const l of letters) words.push(w + l);
    }
    for (const t of words.filter((w) => w.length > 0)) expect(stemOf(t), t).toBe(byRegex(t));
  });
});
