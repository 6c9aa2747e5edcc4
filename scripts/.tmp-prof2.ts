import { readFileSync } from 'node:fs';
import { findDates } from '../src/nlp/dates/index';
const arts = readFileSync('../shared/data/texts/saudinewsnet-sample-300.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { content: string; date_extracted: string });
for (let r = 0; r < 15; r++) for (const a of arts) findDates(a.content, a.date_extracted.slice(0, 10));
