/**
 * Where the mention rules must hold back from what the tagger found. Both cases lit up words all
 * over real articles: a person called علي turned every preposition على into a person (the two
 * are one word once ى/ي are folded), the preposition أمام read as the title إمام made a person of
 * the next two words, and a place inside a named cup became a place actor.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNerModelFromDisk, NER_MODEL_PATH } from '../../src/cli/loadModel';
import { findMentions } from '../../src/nlp/entities/index';

describe.skipIf(!existsSync(NER_MODEL_PATH))('mention rules that must hold back', () => {
  const model = loadNerModelFromDisk();

  it('does not spread a surname that is also a common word (علي / على) over the article', () => {
    const text =
      'استقبل رئيس الوزراء محمد علي أمس وفدا من رجال الأعمال، واتفق الجانبان على تعزيز التعاون. ' +
      'وشدد على أهمية الاستثمار. وقال إن الاتفاق يقوم على أسس واضحة.';
    const persons = findMentions(model, text).mentions.filter((m) => m.type === 'PERSON');
    expect(persons.map((m) => m.text)).toEqual(['محمد علي']);
  });

  it('still spreads a rare surname: بايدن after جو بايدن', () => {
    const text = 'قال الرئيس الأمريكي جو بايدن إن المحادثات مستمرة. وأضاف بايدن أن واشنطن لن تتراجع.';
    const persons = findMentions(model, text).mentions.filter((m) => m.type === 'PERSON').map((m) => m.text);
    expect(persons).toContain('جو بايدن');
    expect(persons).toContain('بايدن');
  });

  it('reads أمام as the preposition, not the title إمام, and no clitic-bearing common word as a name', () => {
    for (const text of [
      'وأكد الوزير أن البلاد تقف أمام مستقبل ملتبس في ظل الأزمة .',
      'وأكد المدرب أن الفريق خسر أمام منافس عنيد في الجولة الأخيرة .',
      'وقال المسؤول عضو وأعضاء سفارة الدولة حاضرون .',
    ]) {
      expect(findMentions(model, text).mentions.filter((m) => m.type === 'PERSON')).toEqual([]);
    }
  });

  it('leaves the words of a name the tagger calls MISC to it (no place inside دوري أبطال أوروبا)', () => {
    const text = 'وفاز ريال مدريد بلقب دوري أبطال أوروبا للمرة الخامسة عشرة في باريس .';
    const found = findMentions(model, text).mentions.map((m) => `${m.type} ${m.text}`);
    expect(found).toEqual(['ORG ريال مدريد', 'LOC باريس']);
  });
});
