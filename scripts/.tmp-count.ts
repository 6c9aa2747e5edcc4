import { readFileSync } from 'node:fs';
import { scan, tokenAt } from '../src/nlp/dates/scan';
import { DateParser } from '../src/nlp/dates/parse';
const arts = readFileSync('../shared/data/texts/saudinewsnet-sample-300.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { content: string; date_extracted: string });
const counts = new Map<string, number>();
let tokens = 0;
const proto = DateParser.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const origBest = proto['best']!;
let bestCalls = 0;
proto['best'] = function (this: unknown, ...args: unknown[]) { bestCalls++; const s = (this as { scanned: Parameters<typeof tokenAt>[0] }).scanned; const t = tokenAt(s, args[0] as number)!; counts.set(t.kind === 'number' ? '<num>' : t.text, (counts.get(t.kind === 'number' ? '<num>' : t.text) ?? 0) + 1); return origBest.apply(this, args); };
for (const a of arts) { const s = scan(a.content); tokens += s.count; new DateParser(s, 16000).run(); }
console.log('tokens', tokens, 'best calls', bestCalls);
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${k}:${v}`).join('  '));
