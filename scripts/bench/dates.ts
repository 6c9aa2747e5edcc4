/**
 * `npm run bench dates`: findDates against chrono-node's Arabic parser (chrono.ar.casual) on the
 * same 300 real articles, interleaved in one process. Throughput is each tool's own count of
 * expressions resolved per second (median run); the ratio is of median times for the same texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { findDates } from '../../src/nlp/dates/index';
import { compare, formatComparison, report, type BenchSuite } from './harness';

const articlesPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/texts/saudinewsnet-sample-300.jsonl');

export const suite: BenchSuite = {
  name: 'dates',
  skip: () => (existsSync(articlesPath) ? undefined : `${articlesPath} is absent`),
  async run() {
    const articles = readFileSync(articlesPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { content: string; date_extracted: string })
      .map((a) => {
        const ref = a.date_extracted.slice(0, 10);
        const [y, m, d] = ref.split('-').map(Number) as [number, number, number];
        return { text: a.content, ref, refDate: new Date(y, m - 1, d, 12) };
      });
    const ours = (): number => articles.reduce((n, a) => n + findDates(a.text, a.ref).length, 0);
    const theirs = (): number => articles.reduce((n, a) => n + chrono.ar.casual.parse(a.text, a.refDate).length, 0);
    const ourCount = ours();
    const chronoCount = theirs();
    const chars = articles.reduce((n, a) => n + a.text.length, 0);
    const r = await compare({ name: 'findDates (ours)', fn: ours }, { name: 'chrono.ar.casual.parse', fn: theirs }, { runs: 15, warmup: 5 });
    r.candidate.unitsPerRun = ourCount;
    r.candidate.unit = 'expressions';
    r.baseline.unitsPerRun = chronoCount;
    r.baseline.unit = 'expressions';
    const charRate = (ms: number): string => `${Math.round((chars / ms) * 1000).toLocaleString('en')} chars/s`;
    report(`dates: ${articles.length} SaudiNewsNet articles, ${chars.toLocaleString('en')} chars (ours finds ${ourCount}, chrono ${chronoCount} expressions)`, [
      ...formatComparison(r),
      `${'text throughput'.padEnd(48)} ours ${charRate(r.candidate.medianMs)}, chrono ${charRate(r.baseline.medianMs)}`,
    ]);
  },
};
