/**
 * `npm run eval:pages [-- --failures] [-- --no-url]`: article detection and extraction over the
 * real saved pages in ../shared/data/pages (manifest.json). Reports accuracy, precision/recall
 * of isArticle, false positives on Persian/Urdu pages and on Arabic non-articles, title and date
 * exactness, and body-text word-overlap F1 against the expected texts.
 *
 * The URL a browser would know is passed (the manifest's canonical/ground-truth URL); --no-url
 * reads the pages without it, to see what the page alone gives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { parseHtmlDocument, readPageFile, type PageSummary } from '../src/cli/readPage';
import { firstLook, type FirstLook } from '../src/page/firstLook';
import { localDateOf } from '../src/page/article/published';
import { normalizeArabic } from '../src/nlp/text/normalize';
import { tokenize } from '../src/nlp/text/tokenize';

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'pages');

interface ManifestEntry {
  file: string;
  language?: string;
  kind?: string;
  gt_title?: string | null;
  gt_publish_date?: string | null;
  date_in_url?: string | null;
  jsonld_datePublished?: string | null;
  published_meta?: string | null;
  gt_text_file?: string | null;
  gt_url?: string | null;
  canonical_url?: string | null;
}

interface PageResult {
  file: string;
  expectedArticle: boolean;
  group: 'positive' | 'persian-urdu' | 'other-language' | 'arabic-nonarticle';
  reading: PageSummary;
  look: FirstLook;
  ms: number;
  titleExpected?: string;
  titleOk?: boolean;
  dateExpected?: string;
  dateOk?: boolean;
  f1?: number;
}

function groupOf(entry: ManifestEntry): PageResult['group'] {
  if (entry.file.startsWith('positive/')) return 'positive';
  if (entry.file.startsWith('negative_arabic_nonarticle/')) return 'arabic-nonarticle';
  return /^(fa|ur)\b/.test(entry.language ?? '') ? 'persian-urdu' : 'other-language';
}

function expectedDate(entry: ManifestEntry): string {
  for (const v of [entry.gt_publish_date, entry.date_in_url, entry.jsonld_datePublished, entry.published_meta]) {
    if (typeof v === 'string' && v.trim()) {
      const d = localDateOf(v.trim().split(' (')[0]!);
      if (d) return d;
    }
  }
  return '';
}

/** The expected body text, from whichever format the source project stored it in. */
function expectedText(path: string): string {
  const raw = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) {
    const data = JSON.parse(raw) as { body?: { summary?: string[]; sections?: Array<{ headline?: string[]; paragraphs?: string[] }> } };
    const body = data.body ?? {};
    return [...(body.summary ?? []), ...(body.sections ?? []).flatMap((s) => [...(s.headline ?? []), ...(s.paragraphs ?? [])])].join('\n');
  }
  if (path.endsWith('.html')) {
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${raw}</body></html>`);
    return document.body?.textContent ?? '';
  }
  return raw;
}

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of tokenize(text)) {
    if (!/[\p{L}\p{N}]/u.test(t.text)) continue;
    const w = normalizeArabic(t.text).toLowerCase();
    bag.set(w, (bag.get(w) ?? 0) + 1);
  }
  return bag;
}

/** Bag-of-words F1 between extracted and expected text. */
function wordF1(got: string, expected: string): number {
  const a = words(got);
  const b = words(expected);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const [w, c] of a) {
    na += c;
    overlap += Math.min(c, b.get(w) ?? 0);
  }
  for (const c of b.values()) nb += c;
  if (!na || !nb) return 0;
  const p = overlap / na;
  const r = overlap / nb;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a (0 pages)');

function main(): number {
  const args = process.argv.slice(2);
  const showFailures = args.includes('--failures');
  const useUrl = !args.includes('--no-url');
  const manifestPath = join(PAGES_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    process.stderr.write(`eval:pages: ${manifestPath} is absent (the shared data lives beside the repository); nothing to evaluate\n`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestEntry[];
  const results: PageResult[] = [];
  for (const entry of manifest) {
    const path = join(PAGES_DIR, entry.file);
    if (!existsSync(path)) {
      process.stderr.write(`skipping ${entry.file}: file absent\n`);
      continue;
    }
    const html = readFileSync(path, 'utf8');
    const url = useUrl ? (entry.gt_url ?? entry.canonical_url ?? '') : '';
    const t0 = performance.now();
    const reading = readPageFile(html, url);
    const ms = performance.now() - t0;
    const group = groupOf(entry);
    // The every-page gate: an Arabic article it turns away is never read in the browser.
    const look = firstLook(parseHtmlDocument(html));
    const result: PageResult = { file: entry.file, expectedArticle: group === 'positive', group, reading, look, ms };
    if (group === 'positive') {
      if (entry.gt_title) {
        result.titleExpected = collapse(entry.gt_title);
        result.titleOk = collapse(reading.title) === result.titleExpected;
      }
      const date = expectedDate(entry);
      if (date) {
        result.dateExpected = date;
        result.dateOk = reading.published === date;
      }
    }
    if (entry.gt_text_file && existsSync(join(PAGES_DIR, entry.gt_text_file))) {
      result.f1 = wordF1(reading.text, expectedText(join(PAGES_DIR, entry.gt_text_file)));
    }
    results.push(result);
  }

  const tp = results.filter((r) => r.expectedArticle && r.reading.isArticle).length;
  const fp = results.filter((r) => !r.expectedArticle && r.reading.isArticle).length;
  const fn = results.filter((r) => r.expectedArticle && !r.reading.isArticle).length;
  const correct = results.filter((r) => r.expectedArticle === r.reading.isArticle).length;
  const inGroup = (g: PageResult['group']) => results.filter((r) => r.group === g);
  const fpIn = (g: PageResult['group']) => inGroup(g).filter((r) => r.reading.isArticle).length;
  const titled = results.filter((r) => r.titleOk !== undefined);
  const dated = results.filter((r) => r.dateOk !== undefined);
  const f1Positive = results.filter((r) => r.group === 'positive' && r.f1 !== undefined);
  const f1Other = results.filter((r) => r.group !== 'positive' && r.f1 !== undefined);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const times = results.map((r) => r.ms).sort((a, b) => a - b);

  const lines = [
    `pages: ${results.length} (${inGroup('positive').length} Arabic articles, ${inGroup('arabic-nonarticle').length} Arabic non-articles, ${inGroup('persian-urdu').length} Persian/Urdu, ${inGroup('other-language').length} other languages); URLs ${useUrl ? 'given' : 'withheld (--no-url)'}`,
    `accuracy (isArticle):              ${pct(correct, results.length)}`,
    `precision:                         ${pct(tp, tp + fp)}`,
    `recall:                            ${pct(tp, tp + fn)}`,
    `false positives, Persian/Urdu:     ${fpIn('persian-urdu')} of ${inGroup('persian-urdu').length} (target 0)`,
    `false positives, Arabic non-articles: ${fpIn('arabic-nonarticle')} of ${inGroup('arabic-nonarticle').length}`,
    `false positives, other languages:  ${fpIn('other-language')} of ${inGroup('other-language').length}`,
    `first look says Arabic: ${inGroup('positive').filter((r) => r.look.arabic).length} of ${inGroup('positive').length} Arabic articles, ${inGroup('arabic-nonarticle').filter((r) => r.look.arabic).length} of ${inGroup('arabic-nonarticle').length} Arabic non-articles, ${inGroup('persian-urdu').filter((r) => r.look.arabic).length} of ${inGroup('persian-urdu').length} Persian/Urdu, ${inGroup('other-language').filter((r) => r.look.arabic).length} of ${inGroup('other-language').length} other`,
    `title exact (articles with a ground-truth title): ${pct(titled.filter((r) => r.titleOk).length, titled.length)}`,
    `date exact (articles with a known date):         ${pct(dated.filter((r) => r.dateOk).length, dated.length)}`,
    `body word-overlap F1, Arabic articles: mean ${mean(f1Positive.map((r) => r.f1!)).toFixed(3)} over ${f1Positive.length} pages (${f1Positive.map((r) => r.f1!.toFixed(2)).join(', ')})`,
    `body word-overlap F1, other pages with expected text: mean ${mean(f1Other.map((r) => r.f1!)).toFixed(3)} over ${f1Other.length} pages`,
    `time per page (parse + read, linkedom): median ${(times[times.length >> 1] ?? NaN).toFixed(0)} ms, max ${(times[times.length - 1] ?? NaN).toFixed(0)} ms`,
  ];
  process.stdout.write(lines.join('\n') + '\n');

  if (showFailures) {
    process.stdout.write('\nfailures:\n');
    let any = false;
    for (const r of results) {
      const problems: string[] = [];
      if (r.expectedArticle && !r.look.arabic) problems.push(`first look turned it away: ${r.look.reason}`);
      if (r.expectedArticle !== r.reading.isArticle) problems.push(`isArticle ${r.reading.isArticle}, expected ${r.expectedArticle} — ${r.reading.reason}`);
      if (r.titleOk === false) problems.push(`title «${r.reading.title}» expected «${r.titleExpected}»`);
      if (r.dateOk === false) problems.push(`date '${r.reading.published}' (${r.reading.publishedSource}) expected ${r.dateExpected}`);
      if (r.group === 'positive' && r.f1 !== undefined && r.f1 < 0.8) problems.push(`body F1 ${r.f1.toFixed(2)}`);
      if (problems.length) {
        any = true;
        process.stdout.write(`- ${r.file}\n${problems.map((p) => `    ${p}`).join('\n')}\n`);
      }
    }
    if (!any) process.stdout.write('  none\n');
  }
  return 0;
}

process.exitCode = main();
