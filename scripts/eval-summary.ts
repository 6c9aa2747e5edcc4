/**
 * `npm run eval:summary [-- --only easc|bbc] [--limit N] [--tuning JSON]`: ROUGE-1/2/L F1 of the extractive
 * summary against human summaries, beside the lead and TextRank/LexRank baselines and (EASC)
 * the humans' agreement with each other.
 *
 * ROUGE as issue 6 specifies: tokens are NFKC, without diacritics and tatweel, أإآٱ→ا, ى→ي,
 * ة→ه, split on anything that is not a letter or digit, no stemming. Each candidate is scored
 * against each reference separately and the F1 values averaged; documents are macro-averaged.
 * ROUGE-L is the LCS of the whole token sequences.
 *
 * Equal length: for each document a word budget B is fixed from the references (EASC: the mean
 * token count of its five human extracts, rounded; BBC: the abstract's token count). Every
 * system picks sentences until it has at least B words, and its output is then cut to exactly
 * its first B ROUGE tokens (in article order), so all systems are scored at the same length.
 * Human agreement (leave-one-out) scores each human extract, uncut, against the other four.
 *
 * Reads ../shared/data/summaries (resolved from this file); nothing is copied into the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../src/nlp/types';
import { analyzeText } from '../src/nlp/analyze';
import { splitSentences } from '../src/nlp/story/sentences';
import { leadSummary, lexRankSummary, textRankSummary } from '../src/nlp/story/baselines';
import { loadAnalysisModel } from '../src/cli/commands/analyze';
import type { SummaryTuning } from '../src/nlp/story/summary';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'summaries');

// ---------- ROUGE ----------
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

export function rougeTokens(s: string): string[] {
  const folded = s
    .normalize('NFKC')
    .replace(MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function f1(overlap: number, candTotal: number, refTotal: number): number {
  if (!overlap || !candTotal || !refTotal) return 0;
  const p = overlap / candTotal;
  const r = overlap / refTotal;
  return (2 * p * r) / (p + r);
}

function rougeN(cand: readonly string[], ref: readonly string[], n: number): number {
  const c = ngrams(cand, n);
  const r = ngrams(ref, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return f1(overlap, Math.max(0, cand.length - n + 1), Math.max(0, ref.length - n + 1));
}

function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

interface Rouge {
  r1: number;
  r2: number;
  rl: number;
}

/** Candidate against each reference separately, averaged. */
function rouge(cand: readonly string[], refs: readonly (readonly string[])[]): Rouge {
  const sum = { r1: 0, r2: 0, rl: 0 };
  for (const ref of refs) {
    sum.r1 += rougeN(cand, ref, 1);
    sum.r2 += rougeN(cand, ref, 2);
    sum.rl += f1(lcs(cand, ref), cand.length, ref.length);
  }
  const k = Math.max(1, refs.length);
  return { r1: sum.r1 / k, r2: sum.r2 / k, rl: sum.rl / k };
}

// ---------- data ----------
interface Doc {
  id: string;
  title?: string;
  text: string;
  refs: string[];
  news: boolean;
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** EASC articles from the two newspapers (Alwatan, Alrai) are the news subset; the rest is Wikipedia. */
function loadEasc(): Doc[] {
  return readJsonl(join(DATA, 'easc-dev.jsonl')).map((r) => ({
    id: String(r.id),
    text: String(r.text),
    refs: (r.references as unknown[]).map(String),
    news: /newspaper/i.test(String(r.source)),
  }));
}

function loadBbc(): Doc[] {
  return readJsonl(join(DATA, 'ant-bbc-dev.jsonl')).map((r) => ({
    id: String(r.id),
    title: String(r.title ?? ''),
    text: String(r.text),
    refs: [String(r.abstract)],
    news: true,
  }));
}

// ---------- systems ----------
type System = (doc: Doc, budget: number) => Span[];

const model = await loadAnalysisModel();
const cliArgs = process.argv.slice(2);
/** `--tuning '{"position":0.5}'` overrides summary scoring constants (experiments; the default is what ships). */
const tuning = cliArgs.includes('--tuning') ? (JSON.parse(cliArgs[cliArgs.indexOf('--tuning') + 1] ?? '{}') as Partial<SummaryTuning>) : undefined;

const SYSTEMS: Record<string, System> = {
  'news-lens summary': (doc, budget) =>
    analyzeText({ text: doc.text, title: doc.title }, { model }, { summary: { wordBudget: budget, tuning } }).summary,
  lead: (doc, budget) => leadSummary(doc.text, splitSentences(doc.text), { wordBudget: budget }),
  TextRank: (doc, budget) => textRankSummary(doc.text, splitSentences(doc.text), { wordBudget: budget }),
  LexRank: (doc, budget) => lexRankSummary(doc.text, splitSentences(doc.text), { wordBudget: budget }),
};

function cut(spans: readonly Span[], budget: number): string[] {
  return rougeTokens(spans.map((s) => s.text).join(' ')).slice(0, budget);
}

function mean(xs: readonly Rouge[]): Rouge {
  const k = Math.max(1, xs.length);
  return {
    r1: xs.reduce((a, x) => a + x.r1, 0) / k,
    r2: xs.reduce((a, x) => a + x.r2, 0) / k,
    rl: xs.reduce((a, x) => a + x.rl, 0) / k,
  };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
function line(name: string, r: Rouge, extra = ''): string {
  return `${name.padEnd(30)} R-1 ${pct(r.r1)}  R-2 ${pct(r.r2)}  R-L ${pct(r.rl)}${extra}`;
}

function evaluate(label: string, docs: readonly Doc[], withHumans: boolean): void {
  const refTokens = docs.map((d) => d.refs.map(rougeTokens));
  const budgets = refTokens.map((refs) => Math.max(1, Math.round(refs.reduce((a, r) => a + r.length, 0) / Math.max(1, refs.length))));
  const meanBudget = budgets.reduce((a, b) => a + b, 0) / Math.max(1, budgets.length);
  process.stdout.write(`\n## ${label}: ${docs.length} documents, mean budget ${meanBudget.toFixed(1)} words\n`);
  for (const [name, system] of Object.entries(SYSTEMS)) {
    if (onlySystem && !name.toLowerCase().includes(onlySystem.toLowerCase())) continue;
    const scores = docs.map((d, i) => rouge(cut(system(d, budgets[i]!), budgets[i]!), refTokens[i]!));
    process.stdout.write(line(name, mean(scores)) + '\n');
  }
  if (withHumans && !onlySystem) {
    const scores = refTokens.map((refs) =>
      mean(refs.map((held, i) => rouge(held, refs.filter((_, j) => j !== i)))),
    );
    process.stdout.write(line('humans (leave-one-out)', mean(scores), '  (uncut)') + '\n');
  }
}

const only = cliArgs.includes('--only') ? cliArgs[cliArgs.indexOf('--only') + 1] : undefined;
const limitArg = cliArgs.includes('--limit') ? Number(cliArgs[cliArgs.indexOf('--limit') + 1]) : undefined;
const onlySystem = cliArgs.includes('--system') ? cliArgs[cliArgs.indexOf('--system') + 1] : undefined;
const limit = limitArg && limitArg > 0 ? limitArg : undefined;

if (!existsSync(DATA)) {
  process.stderr.write(`eval:summary: ${DATA} is absent (the shared data lives beside the repo); nothing to evaluate\n`);
  process.exitCode = 1;
} else {
  if (!only || only === 'easc') {
    const easc = loadEasc().slice(0, limit);
    evaluate('EASC dev, all articles', easc, true);
    evaluate('EASC dev, news (Alwatan + Alrai)', easc.filter((d) => d.news), true);
    evaluate('EASC dev, Wikipedia', easc.filter((d) => !d.news), true);
  }
  if (!only || only === 'bbc') {
    evaluate('ANT BBC Arabic dev (abstracts)', loadBbc().slice(0, limit), false);
  }
}
