/**
 * `npm run compare:dates [-- --examples]`: our recogniser side by side with chrono-node 2.10.3's
 * Arabic parser (`chrono.ar.casual`) on (a) chrono's own Arabic tests, (b) the other peers' suites,
 * (c) real articles from ../shared/data/texts/saudinewsnet-sample-300.jsonl, and (d) our
 * hand-checked news-style sample (test/fixtures/dates/news-sample.json, our own sentences).
 * chrono's results are mapped to contract values (a range → interval, certain day → day, certain
 * month → month, certain year → year) so both are scored by the same set-equality rule.
 * Speed is not measured here: see `npm run bench dates`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { findDates } from '../src/nlp/dates/index';
import { loadCases, type DateCase } from './eval-dates';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/data');
const showExamples = process.argv.includes('--examples');

interface Found {
  start: number;
  end: number;
  text: string;
  value: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const localDay = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function chronoFind(text: string, ref: string): Found[] {
  const [y, m, d] = ref.split('-').map(Number) as [number, number, number];
  return chrono.ar.casual.parse(text, new Date(y, m - 1, d, 12)).map((r) => {
    const s = r.start;
    let value: string;
    if (r.end) value = `${localDay(s.date())}/${localDay(r.end.date())}`;
    else if (s.isCertain('day') || s.isCertain('weekday')) value = localDay(s.date());
    else if (s.isCertain('month')) value = localDay(s.date()).slice(0, 7);
    else if (s.isCertain('year')) value = String(s.date().getFullYear());
    else value = localDay(s.date());
    return { start: r.index, end: r.index + r.text.length, text: r.text, value };
  });
}

export function oursFind(text: string, ref: string): Found[] {
  return findDates(text, ref);
}

const TOOLS = [
  ['ours', oursFind],
  ['chrono', chronoFind],
] as const;

function sameSet(got: Found[], c: DateCase): boolean {
  const a = [...new Set(got.map((f) => f.value))].sort();
  const b = [...new Set(c.expected.map((e) => e.value))].sort();
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const out: string[] = [];
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');

function suiteTable(title: string, cases: DateCase[]): void {
  out.push(`\n## ${title}: ${cases.length} cases (${cases.reduce((n, c) => n + c.expected.length, 0)} expected expressions)`);
  out.push('tool     expressions found   cases passed (same value set)');
  for (const [name, find] of TOOLS) {
    let found = 0;
    let passed = 0;
    for (const c of cases) {
      const got = find(c.text, c.ref);
      found += got.length;
      if (sameSet(got, c)) passed++;
    }
    out.push(`${name.padEnd(8)} ${String(found).padStart(17)}   ${passed}/${cases.length} (${pct(passed, cases.length)})`);
  }
}

// (a) chrono's own Arabic tests, as written by chrono, and as restated in the contract's terms.
const chronoRaw = join(shared, 'dates/chrono-ar.json');
const normalizedDir = join(shared, 'dates/normalized');
if (existsSync(chronoRaw)) {
  const raw = JSON.parse(readFileSync(chronoRaw, 'utf8')) as Array<{ text: string; reference_date: string }>;
  out.push(`\n## (a) chrono's Arabic tests (${chronoRaw}): ${raw.length} test texts`);
  out.push('tool     expressions found   texts with ≥1 found');
  for (const [name, find] of TOOLS) {
    let found = 0;
    let texts = 0;
    for (const t of raw) {
      const got = find(t.text, t.reference_date.slice(0, 10));
      found += got.length;
      if (got.length) texts++;
    }
    out.push(`${name.padEnd(8)} ${String(found).padStart(17)}   ${texts}/${raw.length}`);
  }
} else out.push(`\n(a) skipped: ${chronoRaw} is absent`);

if (existsSync(normalizedDir)) {
  suiteTable('(a) chrono suite in contract terms (normalized/chrono.json)', loadCases(normalizedDir, (f) => f === 'chrono.json'));
  suiteTable('(b) Duckling suite (normalized/duckling.json)', loadCases(normalizedDir, (f) => f === 'duckling.json'));
  suiteTable('(b) dateparser suite (normalized/dateparser.json)', loadCases(normalizedDir, (f) => f === 'dateparser.json'));
} else out.push(`\n(a, b) skipped: ${normalizedDir} is absent`);

// (c) real articles: how many expressions each finds, and how far they agree.
const articlesPath = join(shared, 'texts/saudinewsnet-sample-300.jsonl');
if (existsSync(articlesPath)) {
  const articles = readFileSync(articlesPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { content: string; date_extracted: string });
  let ours = 0;
  let theirs = 0;
  let overlapping = 0;
  let sameValue = 0;
  const onlyChrono: string[] = [];
  const onlyOurs: string[] = [];
  for (const a of articles) {
    const ref = a.date_extracted.slice(0, 10);
    const o = oursFind(a.content, ref);
    const c = chronoFind(a.content, ref);
    ours += o.length;
    theirs += c.length;
    for (const m of o) {
      const match = c.find((x) => x.start < m.end && m.start < x.end);
      if (match) {
        overlapping++;
        if (match.value === m.value) sameValue++;
      } else onlyOurs.push(`${m.text} → ${m.value}`);
    }
    for (const m of c) if (!o.some((x) => x.start < m.end && m.start < x.end)) onlyChrono.push(`${m.text} → ${m.value}`);
  }
  out.push(`\n## (c) real articles (${articlesPath}): ${articles.length} texts, reference = crawl date`);
  out.push(`ours     ${ours} expressions`);
  out.push(`chrono   ${theirs} expressions`);
  out.push(`ours overlapping a chrono expression: ${overlapping} (same value: ${sameValue}); only ours: ${onlyOurs.length}; only chrono: ${onlyChrono.length}`);
  if (showExamples) {
    out.push('first 40 chrono-only:', ...onlyChrono.slice(0, 40).map((s) => '  ' + s));
    out.push('first 40 ours-only:', ...onlyOurs.slice(0, 40).map((s) => '  ' + s));
  }
} else out.push(`\n(c) skipped: ${articlesPath} is absent`);

// (d) the hand-checked sample: our own news-style sentences with the values a reader gives them.
const sample = JSON.parse(readFileSync(join(root, 'test/fixtures/dates/news-sample.json'), 'utf8')) as DateCase[];
const expectedTotal = sample.reduce((n, c) => n + c.expected.length, 0);
out.push(`\n## (d) hand-checked news-style sample (test/fixtures/dates/news-sample.json): ${sample.length} sentences, ${expectedTotal} dates`);
out.push('tool     found   right (value as expected)   wrong or not a date   sentences fully right');
for (const [name, find] of TOOLS) {
  let found = 0;
  let right = 0;
  let whole = 0;
  for (const c of sample) {
    const got = find(c.text, c.ref);
    found += got.length;
    const want = new Set(c.expected.map((e) => e.value));
    right += got.filter((g) => want.has(g.value)).length;
    if (sameSet(got, c)) whole++;
  }
  out.push(`${name.padEnd(8)} ${String(found).padStart(5)}   ${String(right).padStart(5)}/${expectedTotal}${' '.repeat(20)}${String(found - right).padStart(5)}   ${whole}/${sample.length}`);
}
process.stdout.write(out.join('\n') + '\n');
