/**
 * Checks against read-only material in ../shared (never copied here): the Muscat sample article
 * and the peers' normalised suites. Each block skips, saying which path is missing, when absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/nlp/dates/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const muscatPath = resolve(root, '../shared/samples/muscat-talks.txt');
const suitesDir = resolve(root, '../shared/data/dates/normalized');

if (!existsSync(muscatPath)) console.warn(`skipping the Muscat sample checks: ${muscatPath} is absent`);
describe.skipIf(!existsSync(muscatPath))('muscat-talks.txt, published 2024-03-14', () => {
  const text = existsSync(muscatPath) ? readFileSync(muscatPath, 'utf8') : '';
  const found = findDates(text, '2024-03-14');
  /** The mention whose span sits at the given phrase (the phrase may carry context around the date). */
  const at = (phrase: string, date: string) => {
    const base = text.indexOf(phrase);
    expect(base, `phrase "${phrase}" in the sample`).toBeGreaterThanOrEqual(0);
    const start = base + phrase.indexOf(date);
    return found.find((d) => d.start === start && d.text === date);
  };

  it('يوم 10 من كانون الثاني الماضي → 2024-01-10', () => {
    expect(at('يوم 10 من كانون الثاني الماضي', 'يوم 10 من كانون الثاني الماضي')?.value).toBe('2024-01-10');
  });
  it('11 كانون الثاني → 2024-01-11', () => {
    expect(at('في 11 كانون الثاني', '11 كانون الثاني')?.value).toBe('2024-01-11');
  });
  it('أوائل شباط → early February 2024', () => {
    expect(at('أوائل شباط', 'أوائل شباط')).toMatchObject({ value: '2024-02-01/2024-02-10', grain: 'part-of-month' });
  });
  it('كانون الثاني in منذ التقيا في كانون الثاني → 2024-01', () => {
    expect(at('منذ التقيا في كانون الثاني', 'كانون الثاني')).toMatchObject({ value: '2024-01', grain: 'month' });
  });
  it('finds nothing else to put on the timeline', () => {
    expect(found.map((d) => d.value).sort()).toEqual(['2024-01', '2024-01-10', '2024-01-11', '2024-02-01/2024-02-10']);
  });
});

if (!existsSync(suitesDir)) console.warn(`skipping the peers' date suites: ${suitesDir} is absent`);
describe.skipIf(!existsSync(suitesDir))("peers' normalised suites (Duckling, dateparser, chrono)", () => {
  const cases = existsSync(suitesDir)
    ? readdirSync(suitesDir)
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => JSON.parse(readFileSync(join(suitesDir, f), 'utf8')) as Array<{ id: string; text: string; ref: string; expected: Array<{ value: string }> }>)
    : [];
  it('gives the expected set of values for at least 95% of the cases', () => {
    const failed = cases.filter((c) => {
      const got = [...new Set(findDates(c.text, c.ref).map((d) => d.value))].sort();
      const want = [...new Set(c.expected.map((e) => e.value))].sort();
      return got.join('|') !== want.join('|');
    });
    expect(cases.length).toBeGreaterThan(100);
    expect(failed.map((c) => c.id).length / cases.length).toBeLessThanOrEqual(0.05);
  });
});
