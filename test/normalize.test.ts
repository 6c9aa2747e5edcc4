import { describe, expect, it } from 'vitest';
import { foldLetters, normalizeArabic, toAsciiDigits } from '../src/nlp/text/normalize';
import { TOKEN, tokenize } from '../src/nlp/text/tokenize';

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
  it('gives what NFKC, mark removal and folding give, on the fast path and off it', () => {
    // The reference: the definition of normalizeArabic, step by step.
    const reference = (s: string) =>
      foldLetters(s.normalize('NFKC').replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g, '').replace(/\u0640/g, ''));
    // Units of the fast path, and neighbours that must leave it (composing hamza above, Persian
    // letters, presentation forms, no-break space, combining marks, surrogates).
    const units =
      'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة٠١٢٣٤٥٦٧٨٩،؛؟٪٫٬٭ـًٌٍَُِّْ aZ09.,;:-()«»“”‘’—\n\t\r' +
      '\u0653\u0654\u0655\u0670\u0671\u06CC\u06A9\u06C0\u06F3\uFEFB\uFE8D\u00A0\u0301\u2013\u2015\u201A\u201E\u2026\u200C\uD83D\uDE00\u0610\u063B\u0600';
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const n = Math.floor(next() * 12);
      for (let i = 0; i < n; i++) s += units[Math.floor(next() * units.length)];
      expect(normalizeArabic(s)).toBe(reference(s));
    }
    for (const s of ['', 'الإمارات', 'مسؤولي القاهرة', 'الرئيس: «سنرد»، قال.', 'آمنة ٢٠٢٤ مُحَمَّـــد', 'ﻻ', 'گ', 'ا\u0654']) expect(normalizeArabic(s)).toBe(reference(s));
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

describe('tokenize follows its regex', () => {
  const byRegex = (text: string) => [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  it('on random text over letters, marks, digits, joiners, spaces, symbols and surrogates', () => {
    const units = [
      ...'ابتـًّ ١٢3٫٬\'’.,،؛؟!«»-aZé\u0301\n\t\u00A0\u2003\u200C\u200F\uFEFF\u3000',
      '\uD835\uDFCE', // 𝟎, an astral digit
      '\uD835\uDC00', // 𝐀, an astral letter
      '\uD83D\uDE00', // 😀
      '\uD800', // a lone high surrogate
      '\uDC00', // a lone low surrogate
      '٣', '۴', 'Ⅻ', '²',
    ];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 4000; k++) {
      let s = '';
      const n = Math.floor(next() * 16);
      for (let i = 0; i < n; i++) s += units[Math.floor(next() * units.length)];
      expect(tokenize(s)).toEqual(byRegex(s));
    }
  });
  it('on news text', () => {
    const s = 'قال الرئيس، في 3.5 بالمئة و1,000 دولار: «لن نقبل» 😀 (أ.ف.ب) — هل؟\nNew York’s 2nd 12’30 ٢٠٢٤٫٥';
    expect(tokenize(s)).toEqual(byRegex(s));
  });
});
