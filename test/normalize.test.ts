import { describe, expect, it } from 'vitest';
import { foldLetters, normalizeArabic, toAsciiDigits } from '../src/nlp/text/normalize';
import { tokenize } from '../src/nlp/text/tokenize';

describe('normalisation', () => {
  it('folds hamza seats, alif maqsura and taa marbuta without changing length', () => {
    const s = 'إيران أمريكا مصطفى القاهرة مسؤول';
    expect(foldLetters(s)).toBe('ايران امريكا مصطفي القاهره مسوول');
    expect(foldLetters(s).length).toBe(s.length);
  });
  it('turns Arabic-Indic and Persian digits into ASCII', () => {
    expect(toAsciiDigits('١٠ شباط ۲۰۲۴')).toBe('10 شباط 2024');
  });
  it('drops diacritics and tatweel for comparison', () => {
    expect(normalizeArabic('مُحَمَّـــد')).toBe('محمد');
  });
});

describe('tokenize', () => {
  it('keeps offsets into the original text and splits punctuation', () => {
    const text = 'قال بايدن، في 10/1: «نعم».';
    const toks = tokenize(text);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(toks.map((t) => t.text)).toEqual(['قال', 'بايدن', '،', 'في', '10', '/', '1', ':', '«', 'نعم', '»', '.']);
  });
  it('keeps decimal numbers whole', () => {
    expect(tokenize('نمو 2.5 بالمئة').map((t) => t.text)).toEqual(['نمو', '2.5', 'بالمئة']);
  });
});
