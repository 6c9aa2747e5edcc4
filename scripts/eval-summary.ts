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
 *   --cv K [--anchor-lead] [--l2 X] [--lambda X] [--listwise | --pairwise | --direct] [--duplicate X] [--only easc|bbc]
 *       K-fold cross-validated ROUGE of the learned scorer (document i in fold i mod K), within
 *       each set, pooled, and across sets (train on BBC → score EASC and the reverse), beside the lead;
 *       --pairwise trains on sentence pairs, --direct climbs the training documents' ROUGE-1 itself;
 *   --probe
 *       how much room the lead leaves: oracles, edits of the lead, and (EASC) the other humans'
 *       choices scored against a held-out human;
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
import { contentTerms, documentIdf, dot, termCounts, weightedUnit } from '../src/nlp/story/terms';
import { clauseBoundaries } from '../src/nlp/story/clauses';

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
  /** Relative weight of each row within its document (pairwise training); equal when absent. */
  rowWeights?: number[];
  /** For `--direct`: each candidate's word count and ROUGE tokens, and which pairs are repeats. */
  words: number[];
  tokens: string[][];
  repeats: Set<number>[];
}

/**
 * `--pairwise`: RankNet-style training. Each document becomes its pairs of candidates (after the
 * anchored lead) whose labels differ: the row is the feature difference of the better minus the
 * worse sentence, its label 1, its weight the label gap. A logistic fit on these rows learns only
 * the ordering within an article, which is all the selection uses (λ = 1).
 */
const pairwise = cliArgs.includes('--pairwise');
function toPairs(p: Prepared): Prepared {
  const from = anchorLead ? 1 : 0;
  const features: number[][] = [];
  const rowWeights: number[] = [];
  for (let i = from; i < p.features.length; i++) {
    for (let j = from; j < p.features.length; j++) {
      const gap = p.labels[i]! - p.labels[j]!;
      if (gap <= 0.05) continue;
      features.push(p.features[i]!.map((v, k) => v - p.features[j]![k]!));
      rowWeights.push(gap);
    }
  }
  const total = rowWeights.reduce((a, b) => a + b, 0) || 1;
  return { ...p, features, labels: features.map(() => 1), rowWeights: rowWeights.map((w) => (w * features.length) / total) };
}

function prepare(docs: readonly Doc[]): Prepared[] {
  return docs.map((doc) => {
    const refs = doc.refs.map(rougeTokens);
    const budget = Math.max(1, Math.round(refs.reduce((a, r) => a + r.length, 0) / Math.max(1, refs.length)));
    const a = analyzeText({ text: doc.text, title: doc.title }, { model }, { summary: { maxSentences: 1 } });
    const context: FeatureContext = { title: doc.title, actors: a.actors, keyActors: a.keyActors, events: a.events };
    const candidates = summaryCandidates(splitSentences(doc.text));
    const { features, vectors } = sentenceFeatures(doc.text, candidates, context);
    const duplicate = DEFAULT_TUNING.duplicate;
    const repeats = vectors.map((v, i) => new Set(vectors.map((u, j) => (j !== i && dot(u, v) >= duplicate ? j : -1)).filter((j) => j >= 0)));
    const words = candidates.map((c) => c.words);
    const tokens = candidates.map((c) => rougeTokens(doc.text.slice(c.bodyStart, c.end)));
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
    return { doc, budget, refs, context, features, labels, words, tokens, repeats };
  });
}

/**
 * Logistic regression with soft labels and an L2 penalty, fitted by Newton's method. Every
 * document weighs the same within a set (its sentences share its weight); see `docWeight`.
 */
function trainLogistic(groups: readonly { docs: readonly Prepared[]; weight: number }[], l2 = 1): number[] {
  if (direct && directOn) return directAscent(groups, withoutDirect(() => trainLogistic(groups, l2)));
  // Pairwise rows are differences: the lead is already left out of them, and nothing else changes.
  if (pairwise) return withoutAnchor(() => trainLogisticRows(groups.map((g) => ({ ...g, docs: g.docs.map(toPairs) })), l2));
  return trainLogisticRows(groups, l2);
}

/**
 * `--direct`: start from the logistic fit, then coordinate ascent on the training documents' mean
 * ROUGE-1 itself (the selection replayed exactly as `summarize` does it: anchored lead, then by
 * score, repeats skipped, until B words, cut to B tokens in article order). Asks whether the
 * surrogate loss is what keeps the scorer at the lead.
 */
const direct = cliArgs.includes('--direct');
let directOn = true;
function withoutDirect<T>(f: () => T): T {
  directOn = false;
  try {
    return f();
  } finally {
    directOn = true;
  }
}

function selectFast(p: Prepared, w: readonly number[]): number {
  const n = p.features.length;
  if (!n) return 0;
  const z = p.features.map((x) => x.reduce((a, v, k) => a + v * w[k]!, 0));
  const chosen: number[] = [];
  const left = new Set(Array.from({ length: n }, (_, i) => i));
  let words = 0;
  if (anchorLead) {
    chosen.push(0);
    left.delete(0);
    words += p.words[0]!;
  }
  while (left.size && words < p.budget) {
    let best = -1;
    for (const i of left) {
      if (chosen.some((c) => p.repeats[c]!.has(i))) continue;
      if (best < 0 || z[i]! > z[best]!) best = i;
    }
    if (best < 0) break;
    left.delete(best);
    chosen.push(best);
    words += p.words[best]!;
  }
  chosen.sort((a, b) => a - b);
  const cand = chosen.flatMap((i) => p.tokens[i]!).slice(0, p.budget);
  return p.refs.reduce((a, r) => a + rougeN(cand, r, 1), 0) / Math.max(1, p.refs.length);
}

function directAscent(groups: readonly { docs: readonly Prepared[]; weight: number }[], start: number[]): number[] {
  const objective = (w: readonly number[]) => {
    let total = 0;
    for (const { docs, weight } of groups) for (const p of docs) total += docWeight(weight, docs.length) * selectFast(p, w);
    return total;
  };
  const w = [...start];
  let best = objective(w);
  for (let round = 0; round < 3; round++) {
    let improved = false;
    // The bias never changes a ranking; the lead flag only matters when the lead is not anchored.
    for (let k = anchorLead ? 2 : 1; k < w.length; k++) {
      for (const step of [-1, -0.5, -0.25, 0.25, 0.5, 1]) {
        const trial = [...w];
        trial[k]! += step;
        const value = objective(trial);
        if (value > best + 1e-9) {
          best = value;
          w[k] = trial[k]!;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return w;
}

let anchorSkip = true;
function withoutAnchor<T>(f: () => T): T {
  anchorSkip = false;
  try {
    return f();
  } finally {
    anchorSkip = true;
  }
}

function trainLogisticRows(groups: readonly { docs: readonly Prepared[]; weight: number }[], l2: number): number[] {
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
        const ws0 = perDoc / Math.max(1, p.features.length);
        p.features.forEach((x, i) => {
          if (anchorLead && anchorSkip && i === 0) return;
          const ws = ws0 * (p.rowWeights?.[i] ?? 1);
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
        const ws0 = weight / Math.max(1, z.length);
        z.forEach((v, i) => {
          if (anchorLead && anchorSkip && i === 0) return;
          const ws = ws0 * (p.rowWeights?.[i] ?? 1);
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
  // `--only easc|bbc` prepares one set (faster while iterating); the cross-set rows then need the other.
  const easc = only === 'bbc' ? [] : prepare(loadEasc().slice(0, limit));
  const bbc = only === 'easc' ? [] : prepare(loadBbc().slice(0, limit));
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
  if (easc.length) {
  report('EASC: lead', easc, easc.map(leadPrepared));
  report('EASC: shipped (summaryWeights.ts)', easc, easc.map((p) => scorePrepared(p, { lambda })));
  const inEasc = trainLogistic([{ docs: easc, weight: 1 }], l2);
  report('EASC: in-sample (trained on all EASC; no result)', easc, easc.map((p) => scorePrepared(p, { weights: inEasc, lambda, anchorLead })));
  report(`EASC: ${k}-fold CV, trained on EASC`, easc, cv(easc, undefined));
  if (bbc.length) {
    report(`EASC: ${k}-fold CV, trained on EASC + BBC`, easc, cv(easc, bbc));
    report('EASC: trained on BBC only', easc, easc.map((p) => scorePrepared(p, { weights: trainLogistic([{ docs: bbc, weight: 1 }], l2), lambda, anchorLead })));
  }
  }
  if (!bbc.length) return;
  report('BBC: lead', bbc, bbc.map(leadPrepared));
  report('BBC: shipped (summaryWeights.ts)', bbc, bbc.map((p) => scorePrepared(p, { lambda })));
  const inBbc = trainLogistic([{ docs: bbc, weight: 1 }], l2);
  report('BBC: in-sample (trained on all BBC; no result)', bbc, bbc.map((p) => scorePrepared(p, { weights: inBbc, lambda, anchorLead })));
  report(`BBC: ${k}-fold CV, trained on BBC`, bbc, cv(bbc, undefined));
  if (!easc.length) return;
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

/**
 * `--probe`: how much room the lead leaves, and simple principled edits of it, on each set. All
 * at equal length B (text in article order, cut to B tokens), R-1 against the same references:
 * - oracles: the text from the best starting sentence on; the better of starting at sentence 1 or 2;
 * - start at sentence 2 when it is clearly closer to the title than the lead is (BBC has titles);
 * - deleting what is left of a dateline before the lead (EASC has three), and deleting
 *   non-content from every sentence before the cut: bracketed asides, appositive
 *   clauses (`، وهو …،`), attribution tails (`، حسبما …`);
 * - oracle: the best subset of the lead's clauses (clauses.ts; quotes stay whole), then the rest;
 * - EASC, one human held out: sentences ranked by how much the other four humans extracted them
 *   (label as in `prepare`, over the four), alone or after the lead, scored against the held-out
 *   human, beside the lead scored the same way. No system that learns the humans' choices can
 *   do better on average than knowing the other four humans' choices exactly.
 */
function probe(): void {
  const deletions: Record<string, (s: string, i: number) => string> = {
    // What sentences.ts leaves of a dateline (`عمان- الرأي-`, `الرأي -` after `عمان -`, `الدوحة - (اف ب) -`), lead only.
    'delete dateline leftovers': (s, i) => (i ? s : s.replace(/^\s*(?:[\p{L}]+\s*-\s*)?\(?[\p{L} ]{1,12}\)?\s*-\s*(?=\p{L})/u, (m) => (m.length <= 30 ? '' : m))),
    'delete (asides)': (s) => s.replace(/\s*\([^()]{1,80}\)/g, ''),
    'delete appositives': (s) => s.replace(/،\s*(?:وهو|وهي|وهم|الذي|التي|الذين)\s[^،.]{1,120}،/g, '،'),
    'delete attribution': (s) => s.replace(/،?\s*(?:حسبما|حسب ما|بحسب|وفق ما|وفقا ل|نقلا عن|كما قال|كما ذكر)[^،.]{0,120}(?=[،.]|$)/g, ''),
  };
  const sets: [string, Doc[]][] = [
    ['EASC all', loadEasc()],
    ['EASC news', loadEasc().filter((d) => d.news)],
    ['BBC', loadBbc()],
  ];
  for (const [label, docs] of sets) {
    const rows: Record<string, number[]> = {};
    const add = (name: string, x: number) => (rows[name] ??= []).push(x);
    for (const doc of docs.slice(0, limit)) {
      const refs = doc.refs.map(rougeTokens);
      const budget = Math.max(1, Math.round(refs.reduce((a, r) => a + r.length, 0) / Math.max(1, refs.length)));
      const r1 = (tokens: string[]) => refs.reduce((a, r) => a + rougeN(tokens.slice(0, budget), r, 1), 0) / refs.length;
      const candidates = summaryCandidates(splitSentences(doc.text));
      const bodies = candidates.map((c) => doc.text.slice(c.bodyStart, c.end));
      const tokens = bodies.map(rougeTokens);
      const from = (k: number) => r1(tokens.slice(k).flat());
      const lead = from(0);
      add('lead', lead);
      add('oracle: best start sentence', Math.max(lead, ...tokens.map((_, k) => from(k))));
      add('oracle: start at sentence 1 or 2', Math.max(lead, tokens.length > 1 ? from(1) : lead));
      if (doc.title) {
        const counts = bodies.map((b) => termCounts(contentTerms(b)));
        const idf = documentIdf(counts);
        const title = weightedUnit(termCounts(contentTerms(doc.title)), idf);
        const sim = (i: number) => (counts[i] ? dot(weightedUnit(counts[i]!, idf), title) : 0);
        for (const m of [0, 0.1, 0.2]) add(`start at 2 if title sim > lead's + ${m}`, tokens.length > 1 && sim(1) > sim(0) + m ? from(1) : lead);
      }
      for (const [name, f] of Object.entries(deletions)) add(name, r1(bodies.flatMap((b, i) => rougeTokens(f(b, i)))));
      if (candidates.length) {
        const lead0 = candidates[0]!;
        const cuts = [lead0.bodyStart, ...clauseBoundaries(doc.text, lead0.bodyStart, lead0.end), lead0.end];
        const clauses = cuts.slice(0, -1).map((c, i) => rougeTokens(doc.text.slice(c, cuts[i + 1]!)));
        const rest = tokens.slice(1).flat();
        const k = Math.min(clauses.length, 8);
        let best = lead;
        for (let mask = 1; mask < 1 << k; mask++) best = Math.max(best, r1([...clauses.filter((_, i) => i >= k || mask & (1 << i)).flat(), ...rest]));
        add('oracle: best subset of the lead\'s clauses', best);
      }
      if (refs.length > 1) {
        const precision = (t: readonly string[], ref: readonly string[]) => {
          const a = ngrams(t, 2);
          const b = ngrams(ref, 2);
          let total = 0;
          let hit = 0;
          for (const [g, n] of a) {
            total += n;
            hit += Math.min(n, b.get(g) ?? 0);
          }
          return total ? hit / total : 0;
        };
        const labels = tokens.map((t) => refs.map((r) => precision(t, r)));
        const pick = (score: number[], anchored: boolean) => {
          const order = score.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
          const chosen = anchored ? [0] : [];
          let words = anchored ? candidates[0]!.words : 0;
          for (const i of order) {
            if (words >= budget) break;
            if (chosen.includes(i)) continue;
            chosen.push(i);
            words += candidates[i]!.words;
          }
          return chosen.sort((a, b) => a - b).flatMap((i) => tokens[i]!).slice(0, budget);
        };
        // Against the held-out human only; averaged over the five, the lead's figure is its usual one.
        const heldOut = (anchored: boolean, prior: number) =>
          refs.reduce((sum, held, h) => {
            // The other four humans' votes, plus a position prior 1/√(1+i) weighted `prior`.
            const score = labels.map((ls, i) => ls.reduce((a, x, j) => a + (j === h ? 0 : x), 0) / (refs.length - 1) + prior / Math.sqrt(1 + i));
            return sum + rougeN(pick(score, anchored), held, 1);
          }, 0) / refs.length;
        add('humans held out: other four humans\' choice', heldOut(false, 0));
        add('humans held out: lead + other four\'s choice', heldOut(true, 0));
        add('humans held out: four\'s votes + position ×1', heldOut(false, 1));
        add('humans held out: four\'s votes + position ×4', heldOut(false, 4));
      }
    }
    const lead = rows.lead!;
    process.stdout.write(`\n## probe: ${label}, ${lead.length} documents (R-1; difference from the lead, documents won/lost)\n`);
    for (const [name, xs] of Object.entries(rows)) {
      const diff = xs.map((x, i) => x - lead[i]!);
      const m = diff.reduce((a, b) => a + b, 0) / diff.length;
      process.stdout.write(`${name.padEnd(46)} ${pct(xs.reduce((a, b) => a + b, 0) / xs.length)}  ${(m >= 0 ? '+' : '') + (100 * m).toFixed(2)}  ${diff.filter((x) => x > 1e-9).length}W/${diff.filter((x) => x < -1e-9).length}L\n`);
    }
  }
}

const numberArg = (flag: string, fallback: number) => (cliArgs.includes(flag) ? Number(cliArgs[cliArgs.indexOf(flag) + 1]) : fallback);

if (!existsSync(DATA)) {
  process.stderr.write(`eval:summary: ${DATA} is absent (the shared data lives beside the repo); nothing to evaluate\n`);
  process.exitCode = 1;
} else if (cliArgs.includes('--probe')) {
  probe();
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
