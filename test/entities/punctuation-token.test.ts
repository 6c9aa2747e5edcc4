/**
 * Role phrases stop at punctuation; `isPunctuationToken` asks the regex once per character
 * instead of once per token, and must agree with it on every token the tokenizer makes.
 */
import { describe, expect, it } from 'vitest';
import { isPunctuationToken } from '../../src/nlp/entities/actors';
import { tokenize } from '../../src/nlp/text/tokenize';

const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

const TEXTS = [
  '',
  'قال الرئيس، «نعم»؟ (لا) - وزيــر ١٢٣٫٥ $100 ٪ 50% — … ؛ : ! " \' / \\ [ ] { } @ # & * + = < > | ~ ^ `',
  'emoji 😀👍🏽 math 𝐀𝐁 flags 🇸🇦 lone \ud800 and \udc00 ok ©®™ € £ ¥ § ¶ • · ‹ › ‘ ’ “ ” ٭ ۔ ۞',
  'مُحَمَّد بْنُ سَلْمَان و Latin-words and mixed كلمةword 3.5 1,000 ـــ',
];

describe('isPunctuationToken', () => {
  it('agrees with the punctuation regex on every token, asked twice', () => {
    for (const text of TEXTS) {
      for (const round of [0, 1]) {
        for (const t of tokenize(text)) expect(isPunctuationToken(t.text), `${round} ${JSON.stringify(t.text)}`).toBe(PUNCTUATION.test(t.text));
      }
    }
  });

  it('finds punctuation and symbols, and no words', () => {
    expect(['،', '«', '؟', '$', '😀', '—'].every(isPunctuationToken)).toBe(true);
    expect(['و', 'في', 'قال', '𝐀', '١٢٣', 'ـ'].some(isPunctuationToken)).toBe(false);
  });
});
