import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { scan } from '../src/nlp/dates/scan';
import { findDates } from '../src/nlp/dates/index';
const arts = readFileSync('../shared/data/texts/saudinewsnet-sample-300.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { content: string; date_extracted: string });
const t = { scan: [] as number[], find: [] as number[], split: [] as number[] };
for (let r = 0; r < 15; r++) {
  let t0 = performance.now(); for (const a of arts) scan(a.content); t.scan.push(performance.now() - t0);
  t0 = performance.now(); for (const a of arts) findDates(a.content, a.date_extracted.slice(0, 10)); t.find.push(performance.now() - t0);
  t0 = performance.now(); for (const a of arts) a.content.split(/\s+/); t.split.push(performance.now() - t0);
}
for (const [k, v] of Object.entries(t)) { v.sort((a, b) => a - b); console.log(k, v[7]!.toFixed(1)); }
