/**
 * Page detection and extraction (issue 3), in Node over linkedom:
 *  - readArticle (detection + extraction) per Arabic page against @mozilla/readability's own
 *    parse of the same page (each on a fresh clone, as both must work on a copy), side by side;
 *  - firstLook (the every-page check) on a large non-Arabic page and on an Arabic article,
 *    against reading the whole body text once (what a naive check would do).
 * The real-browser figures for firstLook belong to the e2e suite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { compare, formatComparison, median, report, type BenchSuite } from './harness';
import { parseHtmlDocument } from '../../src/cli/readPage';
import { readArticle } from '../../src/page/article/index';
import { firstLook } from '../../src/page/firstLook';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'pages');
const MANIFEST = join(PAGES, 'manifest.json');

interface Entry {
  file: string;
  canonical_url?: string | null;
  gt_url?: string | null;
}

function readabilityParse(doc: Document): unknown {
  return new Readability(doc.cloneNode(true) as Document).parse();
}

function wholeBodyText(doc: Document): number {
  return (doc.body?.textContent ?? '').length;
}

/** A large English page: 1.2 MB of news-like paragraphs and links. */
function largeEnglishPage(): string {
  const block =
    '<div class="story"><h2><a href="/news/x">Council approves the new budget for roads and schools</a></h2>' +
    '<p>The city council voted on Tuesday to approve a budget that raises spending on road repairs, school buildings and public parks, after a long debate.</p></div>\n';
  return `<!DOCTYPE html><html lang="en"><head><title>City news</title></head><body>${block.repeat(Math.ceil(1_200_000 / block.length))}</body></html>`;
}

export const suite: BenchSuite = {
  name: 'pages',
  skip: () => (existsSync(MANIFEST) ? undefined : `${MANIFEST} absent`),
  async run() {
    const entries = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Entry[]).filter(
      (e) => e.file.startsWith('positive/') || e.file.startsWith('negative_arabic_nonarticle/'),
    );
    const lines: string[] = [];
    const ratios: number[] = [];
    const oursMs: number[] = [];
    const theirsMs: number[] = [];
    for (const entry of entries) {
      const path = join(PAGES, entry.file);
      if (!existsSync(path)) continue;
      const doc = parseHtmlDocument(readFileSync(path, 'utf8'));
      const url = entry.gt_url ?? entry.canonical_url ?? '';
      const r = await compare(
        { name: 'readArticle (detect + extract + map)', fn: () => readArticle(doc, url) },
        { name: '@mozilla/readability parse()', fn: () => readabilityParse(doc) },
        { runs: 7, warmup: 1 },
      );
      ratios.push(r.ratio);
      oursMs.push(r.candidate.medianMs);
      theirsMs.push(r.baseline.medianMs);
      lines.push(
        `${entry.file.replace(/^.*\//, '').padEnd(66)} ours ${r.candidate.medianMs.toFixed(1).padStart(7)} ms  readability ${r.baseline.medianMs.toFixed(1).padStart(7)} ms  ratio ${r.ratio.toFixed(2)}×`,
      );
    }
    lines.push(
      `${'median over pages'.padEnd(66)} ours ${median(oursMs).toFixed(1).padStart(7)} ms  readability ${median(theirsMs).toFixed(1).padStart(7)} ms  ratio ${median(ratios).toFixed(2)}× (median of per-page ratios)`,
    );
    report(`pages: readArticle vs Readability on ${ratios.length} Arabic pages (linkedom, medians of 7 interleaved runs)`, lines);

    const english = parseHtmlDocument(largeEnglishPage());
    const englishResult = await compare(
      { name: 'firstLook, 1.2 MB English page', fn: () => firstLook(english) },
      { name: 'baseline: body.textContent once', fn: () => wholeBodyText(english) },
      { runs: 21, warmup: 3 },
    );
    report('firstLook on a large non-Arabic page (linkedom)', formatComparison(englishResult));

    const arabicFile = entries.find((e) => e.file.includes('bbc-com-arabic')) ?? entries.find((e) => e.file.startsWith('positive/'));
    if (arabicFile) {
      const arabic = parseHtmlDocument(readFileSync(join(PAGES, arabicFile.file), 'utf8'));
      const arabicResult = await compare(
        { name: 'firstLook, Arabic article page', fn: () => firstLook(arabic) },
        { name: 'baseline: body.textContent once', fn: () => wholeBodyText(arabic) },
        { runs: 21, warmup: 3 },
      );
      report(`firstLook on an Arabic article (${arabicFile.file.replace(/^.*\//, '')}, linkedom)`, formatComparison(arabicResult));
    }
  },
};
