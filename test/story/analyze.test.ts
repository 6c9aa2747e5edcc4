import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText, isIsoDay } from '../../src/nlp/analyze';
import { fallbackModel, type NerModel } from '../../src/nlp/entities/index';
import { loadNerModelFromDisk } from '../../src/cli/loadModel';
import { splitSentences } from '../../src/nlp/story/sentences';
import { findEvents, rankEvents } from '../../src/nlp/story/events';
import { rankKeyActors } from '../../src/nlp/story/keyActors';
import { summarize } from '../../src/nlp/story/summary';
import type { Analysis, DateMention } from '../../src/nlp/types';

function model(): NerModel {
  try {
    return loadNerModelFromDisk();
  } catch {
    return fallbackModel();
  }
}
const deps = { model: model() };
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'story', name), 'utf8');

/** Every span of the analysis points at its own text. */
function expectConsistentOffsets(a: Analysis): void {
  for (const s of a.summary) expect(a.text.slice(s.start, s.end)).toBe(s.text);
  for (const e of a.events) expect(a.text.slice(e.start, e.end)).toBe(e.text);
  for (const d of a.dates) expect(a.text.slice(d.start, d.end)).toBe(d.text);
  const ids = new Set(a.actors.map((x) => x.id));
  for (const e of a.events) for (const id of e.actors) expect(ids.has(id)).toBe(true);
  for (const k of a.keyActors ?? []) expect(ids.has(k.id)).toBe(true);
}

describe('analyzeText', () => {
  it('returns the whole Analysis, with the text exactly as given', () => {
    const text = fixture('port-agreement.txt');
    const a = analyzeText({ text, published: '2024-05-02', title: 'اتفاق لبناء ميناء', url: 'https://example.org/a' }, deps);
    expect(a.text).toBe(text);
    expect(a).toMatchObject({ isArticle: true, lang: 'ar', title: 'اتفاق لبناء ميناء', published: '2024-05-02', url: 'https://example.org/a' });
    expect(a.summary.length).toBeGreaterThanOrEqual(2);
    expect(a.events.some((e) => e.main)).toBe(true);
    expect(a.events[0]!.main).toBe(true);
    expectConsistentOffsets(a);
  });

  it('resolves dates against the publication date, or the given "today" when there is none', () => {
    const text = 'أعلنت الوزارة أمس خطة جديدة للنقل العام في المدن الكبرى.';
    const withDate = analyzeText({ text, published: '2024-05-02' }, deps);
    const withoutDate = analyzeText({ text }, deps, { today: '2025-01-10' });
    expect(withoutDate.published).toBe('');
    // Whatever the date recogniser finds, the two references must not give the same values.
    if (withDate.dates.length) expect(withDate.dates.map((d) => d.value)).not.toEqual(withoutDate.dates.map((d) => d.value));
    const main = withoutDate.events.find((e) => e.main);
    expect(main?.date === '2025-01-10' || main?.date === '2025-01-09').toBe(true);
  });

  it('ignores a publication date that is not a real day', () => {
    const a = analyzeText({ text: 'خبر قصير عن اجتماع الحكومة اليوم.', published: '2024-02-30' }, deps, { today: '2024-06-01' });
    expect(a.published).toBe('');
  });

  it('gives sensible output for an empty text, a one-line article and text without punctuation', () => {
    const empty = analyzeText({ text: '' }, deps, { today: '2024-06-01' });
    expect(empty).toMatchObject({ text: '', actors: [], dates: [], events: [], summary: [] });
    const one = analyzeText({ text: 'الحكومة تعلن خطة جديدة للنقل العام' }, deps, { today: '2024-06-01' });
    expect(one.summary.map((s) => s.text)).toEqual(['الحكومة تعلن خطة جديدة للنقل العام']);
    const noPunctuation = analyzeText({ text: 'قال الوزير إن الحكومة ستبني طرقاً جديدة '.repeat(400) }, deps, { today: '2024-06-01' });
    expect(noPunctuation.summary.length).toBeGreaterThan(0);
    for (const s of noPunctuation.summary) expect(s.text.length).toBeLessThanOrEqual(1200);
    expectConsistentOffsets(noPunctuation);
  });

  it('handles an article with a hundred dates', () => {
    const text = Array.from({ length: 100 }, (_, i) => `وفي ${(i % 28) + 1} آذار ${2000 + (i % 20)} اجتمع المجلس لبحث الميزانية.`).join(' ');
    const a = analyzeText({ text, published: '2024-03-14' }, deps);
    expectConsistentOffsets(a);
    expect(a.summary.length).toBeLessThanOrEqual(3);
    expect(a.events.length).toBeLessThanOrEqual(a.dates.length + 1);
  });

  it('validates calendar days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-3-1')).toBe(false);
  });
});

describe('the story on 1 MB of text', () => {
  it('stays bounded: sentences cut, dates capped, summary short', () => {
    const unit = fixture('port-agreement.txt');
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    // Hand-made dates every 2,000 characters stand in for the recogniser (tested elsewhere).
    const dates: DateMention[] = [];
    for (let start = text.indexOf('3 آذار'); start >= 0; start = text.indexOf('3 آذار', start + 2000)) {
      dates.push({ text: '3 آذار', start, end: start + 6, value: '2024-03-03', grain: 'day' });
    }
    const sentences = splitSentences(text);
    const drafts = findEvents({ text, sentences, dates, actors: [], reference: '2024-05-02' });
    const keyActors = rankKeyActors({ text, sentences, actors: [], events: drafts });
    const events = rankEvents(drafts, keyActors, sentences.length);
    const summary = summarize(text, sentences, { events });
    expect(summary.length).toBeLessThanOrEqual(3);
    expect(summary.reduce((a, s) => a + s.text.length, 0)).toBeLessThan(2000);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(301);
  });
});
