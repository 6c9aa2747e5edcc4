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
 * Learning the summary's sentence scorer (src/nlp/story/features.ts, summaryWeights.ts):
 *   --cv K [--anchor-lead] [--l2 X] [--lambda X] [--listwise] [--duplicate X]
 *       K-fold cross-validated ROUGE of the learned scorer (document i in fold i mod K), within
 *       each set, pooled, and across sets (train on BBC → score EASC and the reverse), beside the lead;
 *   --train easc|bbc|all [--anchor-lead] [--l2 X]
 *       weights trained on all of the chosen dev data, printed as the table to ship.
 * See docs/summary-eval.md.
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
import { summarize, summaryCandidates, type SummaryTuning } from '../src/nlp/story/summary';
import { FEATURE_NAMES, sentenceFeatures, type FeatureContext } from '../src/nlp/story/features';
import { DEFAULT_TUNING } from '../src/nlp/story/summary';

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

// ---------- learning the sentence scorer (--cv K, --train) ----------
/**
 * One dev document prepared for learning: its analysis context (actors, key actors, events:
 * computed once), the candidate features and a soft label per candidate.
 * Label = bigram precision of the sentence against the references (share of its token bigrams
 * found in a reference, averaged over the references): ~1 for a sentence a human extracted
 * (EASC), the density of abstract content for BBC. At equal length that density is what ROUGE rewards.
 */
interface Prepared {
  doc: Doc;
  budget: number;
  refs: string[][];
  context: FeatureContext;
  features: number[][];
  labels: number[];
}

function prepare(docs: readonly Doc[]): Prepared[] {
  return docs.map((doc) => {
    const refs = doc.refs.map(rougeTokens);
    const budget = Math.max(1, Math.round(refs.reduce((a, r) => a + r.length, 0) / Math.max(1, refs.length)));
    const a = analyzeText({ text: doc.text, title: doc.title }, { model }, { summary: { maxSentences: 1 } });
    const context: FeatureContext = { title: doc.title, actors: a.actors, keyActors: a.keyActors, events: a.events };
    const candidates = summaryCandidates(splitSentences(doc.text));
    const { features } = sentenceFeatures(doc.text, candidates, context);
    const refBigrams = refs.map((r) => ngrams(r, 2));
    const labels = candidates.map((c) => {
      const bigrams = ngrams(rougeTokens(doc.text.slice(c.bodyStart, c.end)), 2);
      let total = 0;
      for (const k of bigrams.values()) total += k;
      if (!total) return 0;
      let sum = 0;
      for (const rb of refBigrams) {
        let hit = 0;
        for (const [g, k] of bigrams) hit += Math.min(k, rb.get(g) ?? 0);
        sum += hit / total;
      }
      return sum / Math.max(1, refBigrams.length);
    });
    return { doc, budget, refs, context, features, labels };
  });
}

/**
 * Logistic regression with soft labels and an L2 penalty, fitted by Newton's method. Every
 * document weighs the same within a set (its sentences share its weight); see `docWeight`.
 */
function trainLogistic(groups: readonly { docs: readonly Prepared[]; weight: number }[], l2 = 1): number[] {
  const d = FEATURE_NAMES.length;
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 15; iter++) {
    const g = w.map((x, k) => (k === 0 ? 0 : l2 * x));
    const h: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? l2 : i === j ? 1e-6 : 0)));
    for (const { docs, weight } of groups) {
      const perDoc = docWeight(weight, docs.length);
      for (const p of docs) {
        if (listwise) {
          addListwise(p, w, perDoc, g, h);
          continue;
        }
        const ws = perDoc / Math.max(1, p.features.length);
        p.features.forEach((x, i) => {
          if (anchorLead && i === 0) return;
          let z = 0;
          for (let k = 0; k < d; k++) z += w[k]! * x[k]!;
          const q = 1 / (1 + Math.exp(-z));
          const r = ws * (q - p.labels[i]!);
          const v = ws * q * (1 - q);
          for (let a = 0; a < d; a++) {
            g[a]! += r * x[a]!;
            if (!x[a]) continue;
            for (let b = 0; b < d; b++) h[a]![b]! += v * x[a]! * x[b]!;
          }
        });
      }
    }
    const step = solve(h, g);
    // Damped Newton: halve the step until the objective does not increase.
    const before = objective(groups, w, l2);
    let t = 1;
    let next = w.map((x, k) => x - step[k]!);
    while (t > 1e-4 && !(objective(groups, next, l2) <= before)) {
      t /= 2;
      next = w.map((x, k) => x - t * step[k]!);
    }
    w = next;
    if (t * Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}

/** Each set weighs as much as 100 documents whatever its size (EASC has 77, BBC 800), each document the same within a set. */
const docWeight = (setWeight: number, docs: number) => (setWeight * 100) / Math.max(1, docs);

/** The penalised loss `trainLogistic` minimises (cross-entropy against the soft labels). */
function objective(groups: readonly { docs: readonly Prepared[]; weight: number }[], w: readonly number[], l2: number): number {
  let loss = 0;
  for (let k = 1; k < w.length; k++) loss += 0.5 * l2 * w[k]! * w[k]!;
  for (const { docs, weight: setWeight } of groups) {
    const weight = docWeight(setWeight, docs.length);
    for (const p of docs) {
      const z = p.features.map((x) => x.reduce((a, v, k) => a + v * w[k]!, 0));
      if (listwise) {
        const from = anchorLead ? 1 : 0;
        const zs = z.slice(from);
        const labels = p.labels.slice(from);
        const total = labels.reduce((a, b) => a + b, 0);
        if (!total || zs.length < 2) continue;
        const zmax = Math.max(...zs);
        const lse = zmax + Math.log(zs.reduce((a, v) => a + Math.exp(v - zmax), 0));
        zs.forEach((v, i) => (loss -= weight * (labels[i]! / total) * (v - lse)));
      } else {
        const ws = weight / Math.max(1, z.length);
        z.forEach((v, i) => {
          if (anchorLead && i === 0) return;
          const y = p.labels[i]!;
          // log(1 + e^v) computed stably.
          const softplus = v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
          loss += ws * (softplus - y * v);
        });
      }
    }
  }
  return loss;
}

/**
 * Listwise (ListNet) alternative: per document, softmax over its sentences against the labels
 * normalised to a distribution; only the ranking within a document matters (no bias).
 */
const listwise = cliArgs.includes('--listwise');
/** `--anchor-lead`: the summary always opens with the lead; the scorer learns (and is scored on) what follows it. */
const anchorLead = cliArgs.includes('--anchor-lead');
function addListwise(p: Prepared, w: readonly number[], weight: number, g: number[], h: number[][]): void {
  const d = w.length;
  const from = anchorLead ? 1 : 0;
  p = { ...p, features: p.features.slice(from), labels: p.labels.slice(from) };
  const total = p.labels.reduce((a, b) => a + b, 0);
  if (!total || p.features.length < 2) return;
  const z = p.features.map((x) => x.reduce((a, v, k) => a + v * w[k]!, 0));
  const zmax = Math.max(...z);
  const e = z.map((v) => Math.exp(v - zmax));
  const es = e.reduce((a, b) => a + b, 0);
  const q = e.map((v) => v / es);
  const mean = new Array<number>(d).fill(0);
  p.features.forEach((x, i) => x.forEach((v, k) => (mean[k]! += q[i]! * v)));
  p.features.forEach((x, i) => {
    const t = p.labels[i]! / total;
    for (let a = 0; a < d; a++) {
      g[a]! += weight * (q[i]! - t) * x[a]!;
      for (let b = 0; b < d; b++) h[a]![b]! += weight * q[i]! * (x[a]! - mean[a]!) * (x[b]! - mean[b]!);
    }
  });
}

/** Gaussian elimination with partial pivoting: h · x = g. */
function solve(h: number[][], g: number[]): number[] {
  const n = g.length;
  const m = h.map((row, i) => [...row, g[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      if (f) for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

function scorePrepared(p: Prepared, tuning: Partial<SummaryTuning>): Rouge {
  if (cliArgs.includes('--duplicate')) tuning = { ...tuning, duplicate: numberArg('--duplicate', 1) };
  const spans = summarize(p.doc.text, splitSentences(p.doc.text), { ...p.context, wordBudget: p.budget, tuning });
  return rouge(cut(spans, p.budget), p.refs);
}

function leadPrepared(p: Prepared): Rouge {
  return rouge(cut(leadSummary(p.doc.text, splitSentences(p.doc.text), { wordBudget: p.budget }), p.budget), p.refs);
}

const fmt = (r: Rouge) => `${pct(r.r1)} /${pct(r.r2)} /${pct(r.rl)}`;

/** K-fold cross-validation within each set, cross-set transfer, and the pooled model. */
function crossValidate(k: number, lambda: number, l2: number): void {
  const easc = prepare(loadEasc().slice(0, limit));
  const bbc = prepare(loadBbc().slice(0, limit));
  const fold = (i: number) => i % k;
  /** Scores each document with weights trained without its fold (plus `extra` whole sets). */
  const cv = (set: Prepared[], extra: Prepared[] | undefined): Rouge[] => {
    const out: Rouge[] = new Array(set.length);
    for (let f = 0; f < k; f++) {
      const train = set.filter((_, j) => fold(j) !== f);
      const groups = [{ docs: train, weight: 1 }];
      if (extra) groups.push({ docs: extra.filter((_, j) => fold(j) !== f), weight: 1 });
      const weights = trainLogistic(groups, l2);
      set.forEach((p, j) => {
        if (fold(j) === f) out[j] = scorePrepared(p, { weights, lambda, anchorLead });
      });
    }
    return out;
  };
  /** Mean R-1 difference against the lead with a paired bootstrap 95% interval, and per-document wins/losses. */
  const versusLead = (scores: Rouge[], lead: Rouge[]): string => {
    const diff = scores.map((r, i) => r.r1 - lead[i]!.r1);
    if (!diff.length) return '';
    const wins = diff.filter((d) => d > 1e-9).length;
    const losses = diff.filter((d) => d < -1e-9).length;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const means: number[] = [];
    for (let b = 0; b < 2000; b++) {
      let sum = 0;
      for (let i = 0; i < diff.length; i++) sum += diff[Math.floor(random() * diff.length)]!;
      means.push(sum / diff.length);
    }
    means.sort((a, b) => a - b);
    const m = diff.reduce((a, b) => a + b, 0) / diff.length;
    const sign = (x: number) => (x >= 0 ? '+' : '') + (100 * x).toFixed(1);
    return ` | R-1 vs lead ${sign(m)} [${sign(means[50]!)}, ${sign(means[1949]!)}] ${wins}W/${losses}L`;
  };
  const report = (label: string, set: Prepared[], scores: Rouge[]) => {
    const lead = set.map(leadPrepared);
    const news = set.map((p, i) => [p, i] as const).filter(([p]) => p.doc.news && p.doc.refs.length > 1);
    process.stdout.write(`${label.padEnd(44)} all ${fmt(mean(scores))}${versusLead(scores, lead)}`);
    if (news.length) {
      const ids = news.map(([, i]) => i);
      process.stdout.write(`\n${''.padEnd(44)} news ${fmt(mean(ids.map((i) => scores[i]!)))}${versusLead(ids.map((i) => scores[i]!), ids.map((i) => lead[i]!))}`);
    }
    process.stdout.write('\n');
  };
  process.stdout.write(`\n## cross-validation: ${k} folds (document i in fold i mod ${k}), lambda ${lambda}, l2 ${l2}; R-1 / R-2 / R-L\n`);
  report('EASC: lead', easc, easc.map(leadPrepared));
  report('EASC: shipped (summaryWeights.ts)', easc, easc.map((p) => scorePrepared(p, { lambda })));
  const inEasc = trainLogistic([{ docs: easc, weight: 1 }], l2);
  report('EASC: in-sample (trained on all EASC; no result)', easc, easc.map((p) => scorePrepared(p, { weights: inEasc, lambda, anchorLead })));
  report(`EASC: ${k}-fold CV, trained on EASC`, easc, cv(easc, undefined));
  report(`EASC: ${k}-fold CV, trained on EASC + BBC`, easc, cv(easc, bbc));
  report('EASC: trained on BBC only', easc, easc.map((p) => scorePrepared(p, { weights: trainLogistic([{ docs: bbc, weight: 1 }], l2), lambda, anchorLead })));
  report('BBC: lead', bbc, bbc.map(leadPrepared));
  report('BBC: shipped (summaryWeights.ts)', bbc, bbc.map((p) => scorePrepared(p, { lambda })));
  report(`BBC: ${k}-fold CV, trained on BBC`, bbc, cv(bbc, undefined));
  report(`BBC: ${k}-fold CV, trained on BBC + EASC`, bbc, cv(bbc, easc));
  const fromEasc = trainLogistic([{ docs: easc, weight: 1 }], l2);
  report('BBC: trained on EASC only', bbc, bbc.map((p) => scorePrepared(p, { weights: fromEasc, lambda, anchorLead })));
}

/**
 * `--train easc|bbc|all`: weights trained on all of the chosen dev set(s) (with `all`, EASC and
 * BBC weigh the same), printed as the table to paste into src/nlp/story/summaryWeights.ts.
 */
function trainAll(which: string, l2: number): void {
  const groups = [];
  if (which === 'easc' || which === 'all') groups.push({ docs: prepare(loadEasc()), weight: 1 });
  if (which === 'bbc' || which === 'all') groups.push({ docs: prepare(loadBbc()), weight: 1 });
  const weights = trainLogistic(groups, l2);
  process.stdout.write(`// trained on ${which}, l2 ${l2}${anchorLead ? ', lead anchored' : ''}${listwise ? ', listwise' : ''}\n`);
  process.stdout.write('export const SUMMARY_WEIGHTS: readonly number[] = [\n');
  FEATURE_NAMES.forEach((name, i) => process.stdout.write(`  ${weights[i]!.toFixed(3)}, // ${name}\n`));
  process.stdout.write('];\n');
}

const numberArg = (flag: string, fallback: number) => (cliArgs.includes(flag) ? Number(cliArgs[cliArgs.indexOf(flag) + 1]) : fallback);

if (!existsSync(DATA)) {
  process.stderr.write(`eval:summary: ${DATA} is absent (the shared data lives beside the repo); nothing to evaluate\n`);
  process.exitCode = 1;
} else if (cliArgs.includes('--cv')) {
  crossValidate(numberArg('--cv', 5), numberArg('--lambda', DEFAULT_TUNING.lambda), numberArg('--l2', 1));
} else if (cliArgs.includes('--train')) {
  trainAll(cliArgs[cliArgs.indexOf('--train') + 1] ?? 'all', numberArg('--l2', 1));
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
