/**
 * The per-text indexes `textTokens` builds as it reads the tokens (norms, sentence starts, the
 * tokens with rule bits) stand in for plain sweeps over the token records in the mention rules:
 * they must be exactly what those sweeps give.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNerModelFromDisk, NER_MODEL_PATH } from '../../src/cli/loadModel';
import { cliticCandidates } from '../../src/nlp/entities/clitics';
import { endingKey, RULE_BIT_COUNT, textTokens, type TextToken } from '../../src/nlp/entities/mentions';
import { fallbackModel, type NerModel } from '../../src/nlp/entities/model';

const TEXTS = [
  '',
  ' \n\n ',
  'قال وزير الخارجية السعودي، الأمير فيصل بن فرحان، إن الفصائل اليمنية ستلتقي. وأكدت وزارة الصحة ذلك!',
  'سجّلت الشركةُ أرباحاً بلغت ١٢٣٫٥ مليون ريال في عام ٢٠٢٣؟ نعم…\nوزيــــر الدفاع',
  'حركة «لواء الفجر» المسلحة; Hamas and the IDF — mixed كلمات with Latin 3.5 and 1,000 units.',
  'المتحدث الرسمي، اللواء تركي المالكي:\n\n\nالحدود الأردنية والأراضي السورية؛ ميليشيات الحوثي',
  'إمام المسجد أمام الناس 😀 ثم ‏الرئيس‎ الأمريكي جو بايدن.\r\nانتهى',
];

/** The plain definitions the indexes replace. */
function plainSentenceStarts(tokens: readonly TextToken[]): number[] {
  const starts: number[] = [];
  for (let s = 0; s < tokens.length; ) {
    let e = s;
    while (e < tokens.length && tokens[e]!.sentence === tokens[s]!.sentence) e++;
    starts.push(s);
    s = e;
  }
  return starts;
}

function checkIndexes(model: NerModel): void {
  for (const text of TEXTS) {
    // Twice: the second time every word comes from the per-model cache.
    for (let round = 0; round < 2; round++) {
      const { tokens, rules, norms, sentenceStarts, ruled } = textTokens(text, model);
      expect(norms).toEqual(tokens.map((t) => t.norm));
      expect(sentenceStarts).toEqual(plainSentenceStarts(tokens));
      const ruleMask = (1 << RULE_BIT_COUNT) - 1;
      expect(ruled).toEqual(rules.flatMap((bits, i) => ((bits & ruleMask) !== 0 ? [i] : [])));
      expect(rules.map((bits) => bits >>> RULE_BIT_COUNT)).toEqual(tokens.map((t) => endingKey(t.norm)));
    }
  }
}

describe('endingKey', () => {
  it('is the same for a word and each of its clitic readings, and for equal words', () => {
    const words = ['وللولايات', 'بالعراق', 'وبايدن', 'لماكغورك', 'فكاني', 'كاني', 'و', 'ب', '', 'ل1', 'وABC', 'للمدن', 'بـ'];
    for (const w of words) {
      for (const c of cliticCandidates(w)) expect(endingKey(c.core), `${w} → ${c.core}`).toBe(endingKey(w));
      expect(endingKey(w)).toBe(endingKey(w.slice(0)));
      expect(endingKey(w)).toBeLessThan(1 << 16);
    }
  });
});

describe('textTokens indexes', () => {
  it('match the plain sweeps with the fallback model', () => {
    checkIndexes(fallbackModel());
  });

  it.skipIf(!existsSync(NER_MODEL_PATH))('match the plain sweeps with the shipped model, and some words have rule bits', () => {
    const model = loadNerModelFromDisk();
    checkIndexes(model);
    expect(textTokens(TEXTS[2]!, model).ruled.length).toBeGreaterThan(0);
  });
});
