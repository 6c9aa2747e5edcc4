import { describe, expect, it } from 'vitest';
import { countWords, splitSentences } from '../../src/nlp/story/sentences';

// Character kinds are remembered per code unit (surrogates excepted); these pin the counts.
const SAMPLES: Array<[string, number]> = [
  ['قال الوزيرُ إن ٢٠١٥ كان عاماً صعباً', 7],
  ['hello, world 3.5 x', 5],
  ['😀 word 😀word', 2],
  ['𝐀𝐁𝐂 abc', 3 + 1], // each astral letter counts as a word of its own, as it always has
  ['ـا ـ ـــ', 1],
  ['َ ُ كتاب', 1],
  ['a\u0301b c', 2],
  ['\ud835 x', 1],
  ['x \udc00y', 2],
  ['«نص» — “quote” 12:30', 4],
];

describe('countWords', () => {
  it('counts runs of letters and digits, with marks and tatweel inside them', () => {
    for (const [text, words] of SAMPLES) expect(countWords(text), text).toBe(words);
  });

  it('gives the same counts however often a character has been seen', () => {
    for (let round = 0; round < 2; round++) {
      for (const [text, words] of [...SAMPLES].reverse()) expect(countWords(text), text).toBe(words);
    }
    expect(splitSentences(SAMPLES.map(([t]) => t).join('\n')).map((s) => s.words)).toEqual(SAMPLES.map(([, w]) => w));
  });
});
