import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/story/sentences';
import { summarize, summaryCandidates, lexRank } from '../../src/nlp/story/summary';
import { leadSummary, textRankSummary } from '../../src/nlp/story/baselines';
import { contentTerms, termOf } from '../../src/nlp/story/terms';
import { FEATURE_NAMES, sentenceFeatures } from '../../src/nlp/story/features';
import { SUMMARY_WEIGHTS } from '../../src/nlp/story/summaryWeights';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'story', name), 'utf8');

describe('terms', () => {
  it('compares words across clitics and spellings, and drops function words', () => {
    expect(termOf('والحكومة')).toBe(termOf('الحكومه'));
    expect(termOf('بالحكومة')).toBe('حكومه');
    expect(termOf('ولد')).toBe('ولد');
    expect(contentTerms('قال إن الحكومة في عمّان')).toEqual(['حكومه', 'عمان']);
  });
});

describe('summarize', () => {
  const text = fixture('port-agreement.txt');
  const sentences = splitSentences(text);

  it('returns 2–3 whole sentences in article order, without dateline, headings or furniture', () => {
    const summary = summarize(text, sentences);
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < summary.length; i++) expect(summary[i]!.start).toBeGreaterThan(summary[i - 1]!.start);
    for (const s of summary) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).not.toMatch(/تابعونا|اقرأ أيضاً|زر الذهاب|وكالات|ميناء جديد على ساحل/);
    }
    // The lead is the news: it is in, without its dateline.
    expect(summary[0]!.text.startsWith('وقّعت الحكومة الأردنية')).toBe(true);
  });

  it('never cuts a quote in half: the quoted sentences stay one candidate', () => {
    const quoted = summaryCandidates(sentences).find((s) => s.text.includes('«'));
    expect(quoted!.text).toContain('«سيوفر آلاف فرص العمل. وسيبدأ التنفيذ خلال أشهر»');
  });

  it('respects a word budget', () => {
    const short = summarize(text, sentences, { wordBudget: 10 });
    expect(short).toHaveLength(1);
    const long = summarize(text, sentences, { wordBudget: 60 });
    expect(long.length).toBeGreaterThan(1);
  });

  it('prefers a sentence that adds something over one that repeats the first', () => {
    const repeated =
      'أعلنت الحكومة خطة لبناء ميناء جديد على الساحل الجنوبي.\n' +
      'وأعلنت الحكومة الخطة لبناء الميناء الجديد على الساحل الجنوبي.\n' +
      'وقال وزير المالية إن تمويل الميناء الجديد سيأتي من صندوق الاستثمار الوطني.\n' +
      'ويتوقع خبراء أن يخفف الميناء الضغط على الموانئ القديمة.';
    const summary = summarize(repeated, splitSentences(repeated), { maxSentences: 2 });
    expect(summary.map((s) => s.text)).not.toContain('وأعلنت الحكومة الخطة لبناء الميناء الجديد على الساحل الجنوبي.');
    expect(summary[0]!.text).toBe('أعلنت الحكومة خطة لبناء ميناء جديد على الساحل الجنوبي.');
  });

  it('still says something for a one-line article, and nothing for furniture alone', () => {
    const one = 'الحكومة تعلن خطة جديدة للنقل';
    expect(summarize(one, splitSentences(one)).map((s) => s.text)).toEqual([one]);
    const furniture = 'تابعونا على فيسبوك\nزر الذهاب إلى الأعلى';
    expect(summarize(furniture, splitSentences(furniture))).toEqual([]);
    expect(summarize('', [])).toEqual([]);
  });
});

describe('learned sentence scorer', () => {
  const text =
    'أعلنت الحكومة خطة لبناء ميناء جديد على الساحل الجنوبي.\n' +
    'وأعلنت الحكومة الخطة لبناء الميناء الجديد على الساحل الجنوبي.\n' +
    'وقال وزير المالية إن «تمويل الميناء سيأتي من صندوق الاستثمار الوطني».\n' +
    'ويتوقع خبراء أن يخفف الميناء الضغط على 3 موانئ قديمة.';
  const candidates = summaryCandidates(splitSentences(text));
  const { features } = sentenceFeatures(text, candidates);
  const f = (i: number, name: (typeof FEATURE_NAMES)[number]) => features[i]![FEATURE_NAMES.indexOf(name)]!;

  it('ships one weight per feature', () => {
    expect(SUMMARY_WEIGHTS).toHaveLength(FEATURE_NAMES.length);
    for (const row of features) expect(row).toHaveLength(FEATURE_NAMES.length);
  });

  it('describes each sentence: lead, position, similarity to the lead, quotes, reported speech, numbers', () => {
    expect(candidates.map((_, i) => f(i, 'lead'))).toEqual([1, 0, 0, 0]);
    expect(f(1, 'position')).toBeLessThan(f(0, 'position'));
    expect(f(1, 'leadSimilarity')).toBeGreaterThan(0.9);
    expect(f(3, 'leadSimilarity')).toBeLessThan(0.3);
    expect(f(2, 'quote')).toBe(1);
    expect(f(2, 'reportingVerb')).toBe(1);
    expect(f(3, 'quote')).toBe(0);
    expect(f(3, 'numbers')).toBeGreaterThan(0);
  });

  it('opens with the lead even when asked for one sentence, and skips a repeat of it', () => {
    expect(summarize(text, splitSentences(text), { maxSentences: 1 }).map((s) => s.text)).toEqual([candidates[0]!.text]);
    const three = summarize(text, splitSentences(text), { maxSentences: 3 }).map((s) => s.text);
    expect(three).toHaveLength(3);
    expect(three).not.toContain(candidates[1]!.text);
  });
});

describe('baselines', () => {
  const text = fixture('port-agreement.txt');
  const sentences = splitSentences(text);
  it('lead takes the first candidate sentences', () => {
    expect(leadSummary(text, sentences, { maxSentences: 1 })[0]!.text.startsWith('وقّعت الحكومة الأردنية')).toBe(true);
  });
  it('TextRank returns the requested number of sentences in article order', () => {
    const tr = textRankSummary(text, sentences, { maxSentences: 2 });
    expect(tr).toHaveLength(2);
    expect(tr[1]!.start).toBeGreaterThan(tr[0]!.start);
  });
  it('LexRank puts the sentence most similar to the others on top', () => {
    const v = (terms: string[]) => new Map(terms.map((t) => [t, 1 / Math.sqrt(terms.length)]));
    const ranks = lexRank([v(['a', 'b']), v(['a', 'b', 'c']), v(['c', 'd']), v(['x'])]);
    expect(Math.max(...ranks)).toBe(ranks[1]);
    expect(Math.min(...ranks)).toBe(ranks[3]);
  });
});
