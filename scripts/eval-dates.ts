/**
 * `npm run eval:dates [-- --failures] [--fixtures]`: runs every case of
 * ../shared/data/dates/normalized/*.json (and, with --fixtures, our own test/fixtures/dates/cases-*.json)
 * through findDates. A case passes when the SET of values found equals the expected set
 * (negatives expect none). Prints pass rates per peer and per phenomenon; --failures lists the misses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDates } from '../src/nlp/dates/index';

export interface DateCase {
  id: string;
  peer: string;
  text: string;
  ref: string;
  expected: Array<{ text: string | null; value: string }>;
  negative?: boolean;
  phenomena?: string[];
  note?: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(root, '../shared/data/dates/normalized');
const fixtureDir = join(root, 'test/fixtures/dates');

export function loadCases(dir: string, filter: (file: string) => boolean = () => true): DateCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && filter(f))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DateCase[]);
}

export function evaluateCase(c: DateCase): { pass: boolean; got: string[]; want: string[] } {
  const got = [...new Set(findDates(c.text, c.ref).map((d) => d.value))].sort();
  const want = [...new Set(c.expected.map((e) => e.value))].sort();
  return { pass: got.length === want.length && got.every((v, i) => v === want[i]), got, want };
}

function main(): void {
  const args = process.argv.slice(2);
  const cases: DateCase[] = [];
  if (existsSync(sharedDir)) cases.push(...loadCases(sharedDir));
  else process.stderr.write(`eval:dates: ${sharedDir} is absent; only our own fixtures can run\n`);
  if (args.includes('--fixtures') || !existsSync(sharedDir)) cases.push(...loadCases(fixtureDir, (f) => f.startsWith('cases-')));
  if (cases.length === 0) {
    process.stderr.write('eval:dates: no cases found\n');
    process.exitCode = 1;
    return;
  }
  const byPeer = new Map<string, [number, number]>();
  const byPhenomenon = new Map<string, [number, number]>();
  const failures: string[] = [];
  const tally = (map: Map<string, [number, number]>, key: string, pass: boolean): void => {
    const t = map.get(key) ?? [0, 0];
    t[0] += pass ? 1 : 0;
    t[1] += 1;
    map.set(key, t);
  };
  for (const c of cases) {
    const r = evaluateCase(c);
    tally(byPeer, c.peer, r.pass);
    tally(byPeer, 'ALL', r.pass);
    for (const p of c.phenomena?.length ? c.phenomena : [c.negative ? 'negative' : 'other']) tally(byPhenomenon, p, r.pass);
    if (!r.pass) failures.push(`${c.id}  ${JSON.stringify(c.text)} ref ${c.ref}\n    want ${JSON.stringify(r.want)}\n    got  ${JSON.stringify(r.got)}${c.note ? `\n    note ${c.note}` : ''}`);
  }
  const line = (key: string, [pass, total]: [number, number]): string =>
    `${key.padEnd(24)} ${String(pass).padStart(4)}/${String(total).padEnd(4)} ${((100 * pass) / total).toFixed(1).padStart(5)}%`;
  const out: string[] = ['per peer:'];
  for (const [k, v] of [...byPeer].sort()) out.push('  ' + line(k, v));
  out.push('per phenomenon:');
  for (const [k, v] of [...byPhenomenon].sort()) out.push('  ' + line(k, v));
  if (args.includes('--failures')) out.push('', `failures (${failures.length}):`, ...failures);
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
