import { describe, expect, it } from 'vitest';
import { identifyLanguage } from '../../src/nlp/text/language';

/** The function-word count from the evidence line ("Arabic: 5 function words of 13, …"). */
function functionWords(text: string): { lang: string; hits: number; words: number } {
  const guess = identifyLanguage(text);
  const m = /: (\d+) function words of (\d+)/.exec(guess.evidence);
  if (!m) throw new Error(`no word counts in "${guess.evidence}"`);
  return { lang: guess.lang, hits: Number(m[1]), words: Number(m[2]) };
}

// Function words are matched in place by shape (length, first letter); these pin what counts.
describe('identifyLanguage function words', () => {
  it('counts each function word once, and no other word', () => {
    // قال في إن على من are Arabic function words; the other eight words are not.
    expect(functionWords('قال الوزير في بيان إن الحكومة ستعمل على دعم المشروع من أجل التنمية')).toEqual({ lang: 'ar', hits: 5, words: 13 });
  });

  it('reads a function word through harakat and keyboard variants (ی ک ى)', () => {
    expect(functionWords('قال الوزير فِي بيان إن الحكومة ستعمل علی دعم المشروع من أجل التنمية')).toEqual({ lang: 'ar', hits: 5, words: 13 });
  });

  it('does not count a word that only shares a function word’s length and first letter', () => {
    // فن، مع (a function word), عن (one), then words shaped like في/من/على but different: فم، مد، علم.
    expect(functionWords('الفن مع الناس عن المدينة فم مد علم الجديدة في الكتابة العربية والثقافة')).toEqual({ lang: 'ar', hits: 3, words: 13 });
  });

  it('credits the words of other languages to them', () => {
    expect(functionWords('یہ ایک اردو جملہ ہے جو کہ ٹیسٹ کے لیے ہے اور میں نے لکھا')).toMatchObject({ lang: 'ur', hits: 11, words: 15 });
    expect(functionWords('دا د پښتو متن دی چې ته او په کې سره')).toMatchObject({ lang: 'ps', hits: 8, words: 11 });
  });
});
