import { readFileSync } from 'node:fs';
import { scan } from '../src/nlp/dates/scan';
import { DateParser } from '../src/nlp/dates/parse';
const arts = readFileSync('../shared/data/texts/saudinewsnet-sample-300.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { content: string; date_extracted: string });
for (let r = 0; r < 30; r++) for (const a of arts) new DateParser(scan(a.content), 16000).run();
