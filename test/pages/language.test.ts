import { describe, expect, it } from 'vitest';
import { identifyLanguage } from '../../src/nlp/text/language';

// Sentences written for these tests.
const ARABIC = 'قالت الحكومة في بيان صدر مساء الأربعاء إن المحادثات مع الجانب الآخر ستستأنف الأسبوع المقبل في العاصمة، وإن الوفد الرسمي سيضم وزيري الخارجية والاقتصاد.';
const PERSIAN = 'وزیر امور خارجه روز چهارشنبه گفت که گفتگوها با طرف مقابل ادامه خواهد داشت و این مذاکرات برای کاهش تنش‌ها در منطقه اهمیت زیادی دارد.';
const URDU = 'وزیر خزانہ نے بدھ کے روز کہا کہ حکومت مہنگائی پر قابو پانے کے لیے ہر ممکن کوشش کر رہی ہے اور اس سلسلے میں نئے اقدامات کیے جا رہے ہیں۔';
const SORANI = 'حکومەتی هەرێمەکە ڕایگەیاند کە پرۆژەی نوێی ئاو لە شارەکە دەست پێدەکات. بەرپرسێک وتی ئەم پرۆژەیە بۆ هەموو خەڵکی شارەکە گرنگە و لە ماوەی دوو ساڵدا تەواو دەبێت.';
const PASHTO = 'د بهرنیو چارو وزیر په پلازمېنه کې وویل چې حکومت د ګاونډیو هېوادونو سره د سوداګرۍ د پراختیا لپاره هڅې کوي. هغه زیاته کړه چې دا خبرې به په راتلونکې اونۍ کې دوام ومومي.';

describe('identifyLanguage', () => {
  it('recognises Arabic', () => {
    const g = identifyLanguage(ARABIC);
    expect(g.lang).toBe('ar');
    expect(g.confidence).toBeGreaterThan(0.8);
  });

  it('tells Persian, Urdu, Sorani and Pashto from Arabic by letters and words', () => {
    expect(identifyLanguage(PERSIAN).lang).toBe('fa');
    expect(identifyLanguage(URDU).lang).toBe('ur');
    expect(identifyLanguage(SORANI).lang).toBe('ckb');
    expect(identifyLanguage(PASHTO).lang).toBe('ps');
  });

  it('recognises Persian typed with the Arabic kaf and yeh', () => {
    const arabicKeyboard = PERSIAN.replace(/ک/g, 'ك').replace(/ی/g, 'ي');
    expect(identifyLanguage(arabicKeyboard).lang).toBe('fa');
  });

  it('keeps Arabic that spells a foreign name with Persian letters', () => {
    const g = identifyLanguage(`${ARABIC} وزار الوفد مدينة گوتنبرغ ثم التقى بالسيد چاندرا في المساء.`);
    expect(g.lang).toBe('ar');
  });

  it("says 'other' for Latin-script text and for text without letters", () => {
    expect(identifyLanguage('The talks will resume next week in the capital, the government said on Wednesday.').lang).toBe('other');
    expect(identifyLanguage('12345 — !!').lang).toBe('other');
    expect(identifyLanguage('').lang).toBe('other');
  });

  it('is less confident on a few words than on a paragraph', () => {
    const short = identifyLanguage('قالت الحكومة إن المحادثات في العاصمة', { minLetters: 10 });
    const long = identifyLanguage(`${ARABIC} ${ARABIC}`);
    expect(short.lang).toBe('ar');
    expect(short.confidence).toBeLessThan(long.confidence);
  });
});
