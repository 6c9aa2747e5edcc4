import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphSpans, splitSentences, type Sentence } from '../../src/nlp/story/sentences';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'story', name), 'utf8');
const bodies = (text: string, sentences: Sentence[]) => sentences.map((s) => text.slice(s.bodyStart, s.end));

describe('splitSentences', () => {
  it('ends sentences at . ! ؟ ؛ but not at the Arabic comma', () => {
    const text = 'وصل الوفد، ثم بدأت الجلسة. هل انتهت المفاوضات؟ لم تنته بعد؛ ستستأنف غداً! وهذا كل شيء.';
    expect(bodies(text, splitSentences(text))).toEqual([
      'وصل الوفد، ثم بدأت الجلسة.',
      'هل انتهت المفاوضات؟',
      'لم تنته بعد؛',
      'ستستأنف غداً!',
      'وهذا كل شيء.',
    ]);
  });

  it('keeps offsets into the original text', () => {
    const text = '  أعلنت الوزارة الخطة.\n\nوقال المتحدث إنها جاهزة؟  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(text).map((s) => s.paragraph)).toEqual([0, 1]);
  });

  it('does not split decimals, one-letter abbreviations or agency initials', () => {
    const text = 'بلغ النمو 2.5 في المئة بحسب أ.ف.ب. وقال د. محمد علي إن الرقم جيد.';
    expect(bodies(text, splitSentences(text))).toEqual(['بلغ النمو 2.5 في المئة بحسب أ.ف.ب.', 'وقال د. محمد علي إن الرقم جيد.']);
  });

  it('ends a sentence after an era mark that follows a year', () => {
    const text = 'ولد عام 1770 م. وتوفي عام 1827م. ودفن في فيينا.';
    expect(splitSentences(text)).toHaveLength(3);
  });

  it('keeps a quote that holds several sentences whole, and takes the closing quote with it', () => {
    const text = 'قال الوزير: «لن نتراجع. سنواصل العمل حتى النهاية». وغادر القاعة.';
    expect(bodies(text, splitSentences(text))).toEqual(['قال الوزير: «لن نتراجع. سنواصل العمل حتى النهاية».', 'وغادر القاعة.']);
  });

  it('stops protecting a runaway quote that never closes', () => {
    const sentence = 'هذه جملة طويلة نسبياً داخل اقتباس لم يغلق أبداً في النص المنسوخ. ';
    const text = '«' + sentence.repeat(40);
    const parts = splitSentences(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.some((s) => !s.balancedQuotes)).toBe(true);
  });

  it('attaches a dateline to the first sentence and marks where the sentence proper starts', () => {
    const text = 'طهران - (وكالات): أعلنت الحكومة خطة جديدة للنقل العام.\nالقاهرة – رويترز: قال مسؤول إن الاتفاق قريب.';
    const [first, second] = splitSentences(text);
    expect(first!.dateline?.text).toBe('طهران - (وكالات):');
    expect(text.slice(first!.bodyStart, first!.end)).toBe('أعلنت الحكومة خطة جديدة للنقل العام.');
    expect(first!.start).toBe(0);
    expect(second!.dateline?.text).toBe('القاهرة – رويترز:');
  });

  it('takes a lone SOURCE – PLACE line as the dateline of the next paragraph', () => {
    const text = 'عين اليوم – سان فرانسيسكو\nأطلقت الشركة ميزات جديدة للرسائل أمس.';
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(1);
    expect(sentences[0]!.dateline?.text).toBe('عين اليوم – سان فرانسيسكو');
    expect(text.slice(sentences[0]!.bodyStart, sentences[0]!.end)).toBe('أطلقت الشركة ميزات جديدة للرسائل أمس.');
  });

  it('makes each bullet its own sentence without the bullet mark', () => {
    const text = 'وتشمل الخطة ما يلي:\n• توسيع الطرق الرئيسية\n• إنشاء مسارات للحافلات.';
    const b = bodies(text, splitSentences(text));
    expect(b).toContain('توسيع الطرق الرئيسية');
    expect(b).toContain('إنشاء مسارات للحافلات.');
  });

  it('marks page furniture and headings in a copied page', () => {
    const text = fixture('port-agreement.txt');
    const sentences = splitSentences(text);
    const furniture = sentences.filter((s) => s.furniture).map((s) => s.text);
    expect(furniture).toEqual(['تابعونا على تويتر', 'اقرأ أيضاً: أسعار النفط ترتفع في الأسواق العالمية', 'زر الذهاب إلى الأعلى']);
    expect(sentences.find((s) => s.text.startsWith('ميناء جديد'))!.heading).toBe(true);
    expect(sentences.find((s) => s.text.includes('وقّعت'))!.heading).toBe(false);
  });

  it('joins the lines of hard-wrapped print text into sentences', () => {
    const text = fixture('wrapped-print.txt');
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(3);
    expect(sentences[0]!.text.endsWith('ساعات الذروة.')).toBe(true);
    expect(paragraphSpans(text)).toHaveLength(1);
  });

  it('keeps ordinary one-paragraph-per-line text as it is', () => {
    const text = 'السطر الأول جملة كاملة.\nوالسطر الثاني جملة أخرى.\nوالثالث كذلك.';
    expect(paragraphSpans(text)).toHaveLength(3);
  });

  it('bounds a text without punctuation by cutting it into pieces of limited length', () => {
    const text = 'كلمة أخرى في نص بلا نقاط '.repeat(5000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(10);
    for (const s of sentences) expect(s.end - s.start).toBeLessThanOrEqual(1200);
    // Every word is still in some sentence.
    expect(sentences.reduce((a, s) => a + s.words, 0)).toBe(6 * 5000);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });
});

describe('datelines without an agency', () => {
  it('takes a bare `PLACE - ` opening as a dateline', () => {
    const text = 'عمّان - أعلنت وزارة الخارجية أمس أن جولة جديدة من المحادثات ستعقد قريباً.';
    const [first] = splitSentences(text);
    expect(first!.dateline?.text).toBe('عمّان -');
    expect(text.slice(first!.bodyStart, first!.end).startsWith('أعلنت وزارة الخارجية')).toBe(true);
  });
  it('takes `PLACE- SOURCE-`, `PLACE - (SOURCE) -` and `BYLINE- SOURCE- PLACE:` whole, with or without spaces before the dashes', () => {
    for (const [text, dateline] of [
      ['عمان- الرأي- أعلنت وزارة الخارجية أمس أن جولة جديدة ستعقد قريباً.', 'عمان- الرأي-'],
      ['عمان - الرأي - أعلنت وزارة الخارجية أمس أن جولة جديدة ستعقد قريباً.', 'عمان - الرأي -'],
      ['الدوحة - (اف ب) - أعلنت وزارة الخارجية أمس أن جولة جديدة ستعقد قريباً.', 'الدوحة - (اف ب) -'],
      ['عبدالله البرقاوي- سبق- الرياض: أعلنت وزارة الخارجية أمس أن جولة جديدة ستعقد قريباً.', 'عبدالله البرقاوي- سبق- الرياض:'],
    ] as const) {
      const [first] = splitSentences(text);
      expect(first!.dateline?.text, text).toBe(dateline);
      expect(text.slice(first!.bodyStart, first!.end).startsWith('أعلنت وزارة الخارجية'), text).toBe(true);
    }
  });
  it('leaves a dash later in the sentence alone', () => {
    const text = 'أعلنت الحكومة الخطة الجديدة - وهي الثالثة هذا العام - أمام البرلمان.';
    expect(splitSentences(text)[0]!.dateline).toBeUndefined();
  });
});
