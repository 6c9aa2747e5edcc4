/**
 * Our own cases (test/fixtures/dates/cases-own.json, sentences written for this project) for what
 * the peers' suites miss: Maghrebi months, Arabic-Indic/Persian digits, side-by-side month names,
 * Hijri double dating, and the "not a date" cases. Each must give exactly the expected values,
 * with the expected span text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/nlp/dates/index';

interface Case {
  id: string;
  text: string;
  ref: string;
  expected: Array<{ text: string; value: string }>;
  phenomena: string[];
}

const cases = JSON.parse(readFileSync(new URL('../fixtures/dates/cases-own.json', import.meta.url), 'utf8')) as Case[];

describe('own date fixtures', () => {
  it.each(cases.map((c) => [`${c.id} ${c.phenomena.join(',')}: ${c.text}`, c] as const))('%s', (_name, c) => {
    const found = findDates(c.text, c.ref);
    expect(found.map((d) => ({ text: d.text, value: d.value }))).toEqual(c.expected);
    for (const d of found) expect(c.text.slice(d.start, d.end)).toBe(d.text);
  });
});
