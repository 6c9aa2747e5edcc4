import { describe, expect, it } from 'vitest';
import { cliticCandidates, lightStem, rawOffsetAfterLetters, splitClitics } from '../../src/nlp/entities/clitics';
import { normalizeArabic } from '../../src/nlp/text/normalize';

const n = normalizeArabic;

describe('splitClitics without corpus frequencies', () => {
  it('strips conjunction and preposition before the article', () => {
    expect(splitClitics(n('والولايات')).core).toBe(n('الولايات'));
    expect(splitClitics(n('بالعراق')).core).toBe(n('العراق'));
    expect(splitClitics(n('وبالعراق')).prefix).toBe('وب');
  });

  it('reads لل as ل + article and restores the article in the core', () => {
    const split = splitClitics(n('للولايات'));
    expect(split.fusedArticle).toBe(true);
    expect(split.prefixLength).toBe(2);
    expect(split.core).toBe(n('الولايات'));
  });

  it('leaves words that merely start with a clitic letter alone', () => {
    expect(splitClitics(n('وزير')).prefixLength).toBe(0);
    expect(splitClitics(n('واشنطن')).prefixLength).toBe(0);
    expect(splitClitics(n('بغداد')).prefixLength).toBe(0);
  });
});

describe('splitClitics with corpus frequencies', () => {
  const counts: Record<string, number> = { [n('إيران')]: 2048, [n('وإيران')]: 64, [n('وزير')]: 4096, [n('زير')]: 8 };
  const frequency = (form: string): number => counts[form] ?? 0;

  it('splits when the remainder is far more common than the whole word', () => {
    expect(splitClitics(n('وإيران'), frequency).core).toBe(n('إيران'));
  });

  it('keeps a frequent word whole', () => {
    expect(splitClitics(n('وزير'), frequency).prefixLength).toBe(0);
  });
});

describe('helpers', () => {
  it('lists readings longest prefix first', () => {
    const prefixes = cliticCandidates(n('وبالمدينة')).map((c) => c.prefix);
    expect(prefixes[0]).toBe('وب');
    expect(prefixes).toContain('و');
  });

  it('maps letters counted on the normalised form back to the raw token, skipping marks', () => {
    expect(rawOffsetAfterLetters('وَإِيرَان', 1)).toBe(2);
    expect(rawOffsetAfterLetters('وإيران', 1)).toBe(1);
  });

  it('light stem drops the article and one pronoun suffix', () => {
    expect(lightStem(n('الكتاب'))).toBe(n('كتاب'));
    expect(lightStem(n('حكومتها'))).toBe(n('حكومت'));
  });
});
