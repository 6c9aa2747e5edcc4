/**
 * `npm run bench summary`: the summary step alone (`summarize`, src/nlp/story/summary.ts) per
 * article over the 300 SaudiNewsNet texts (../shared/data/texts/saudinewsnet-sample-300.jsonl),
 * with the inputs it gets inside the analysis (sentences, actors, key actors, ranked events)
 * computed beforehand. Side by side in one process, interleaved article by article:
 *   - the shipped summary,
 *   - the previous implementation (Map vectors, dense LexRank), kept below as `baselineSummarize`
 *     for this comparison only (issue #6: the summary step must get much cheaper, same output),
 *   - the lead baseline (first candidate sentences: the floor for any summary step).
 * Also reports the summary's share of the whole analysis (analyzeTextTimed) of the same texts.
 * The bench first checks the two implementations choose the same sentences on every article.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { compare, formatComparison, median, report, type BenchSuite } from './harness';
import type { Actor, KeyActor, Span, StoryEvent } from '../../src/nlp/types';
import { analyzeTextTimed } from '../../src/nlp/analyze';
import { recogniseActors } from '../../src/nlp/entities/index';
import { findDates } from '../../src/nlp/dates/index';
import { splitSentences, type Sentence } from '../../src/nlp/story/sentences';
import { findEvents, rankEvents } from '../../src/nlp/story/events';
import { rankKeyActors } from '../../src/nlp/story/keyActors';
import { DEFAULT_TUNING, defaultSentenceCount, summarize, summaryCandidates, type SummaryOptions } from '../../src/nlp/story/summary';
import { leadSummary } from '../../src/nlp/story/baselines';
import { FEATURE_NAMES, type FeatureContext } from '../../src/nlp/story/features';
import { documentIdf, dot, termCounts, termOf, weightedUnit, type SparseVector } from '../../src/nlp/story/terms';
import { loadAnalysisModel } from '../../src/cli/commands/analyze';
import { referenceLexRank } from '../../test/story/referenceLexRank';

const TEXTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'texts', 'saudinewsnet-sample-300.jsonl');

interface Prepared {
  text: string;
  title: string;
  published?: string;
  sentences: Sentence[];
  actors: Actor[];
  keyActors: KeyActor[];
  events: StoryEvent[];
}

export const suite: BenchSuite = {
  name: 'summary',
  skip: () => (existsSync(TEXTS) ? undefined : `${TEXTS} is absent`),
  async run() {
    const model = await loadAnalysisModel();
    const articles = readFileSync(TEXTS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { content?: string; title?: string; date_extracted?: string })
      .filter((r) => typeof r.content === 'string' && r.content.trim())
      .map((r) => ({ text: r.content!, title: r.title ?? '', published: (r.date_extracted ?? '').slice(0, 10) || undefined }));
    // What tellStory (src/nlp/analyze.ts) hands to the summary.
    const prepared: Prepared[] = articles.map((a) => {
      const reference = a.published ?? '2015-01-01';
      const actors = recogniseActors(model, a.text);
      const dates = findDates(a.text, reference);
      const sentences = splitSentences(a.text);
      const drafts = findEvents({ text: a.text, sentences, dates, actors, reference });
      const keyActors = rankKeyActors({ text: a.text, title: a.title, sentences, actors, events: drafts });
      const events = rankEvents(drafts, keyActors, sentences.length);
      return { ...a, sentences, actors, keyActors, events };
    });
    const options = (p: Prepared): SummaryOptions => ({ title: p.title, actors: p.actors, keyActors: p.keyActors, events: p.events });
    const shipped = (p: Prepared) => summarize(p.text, p.sentences, options(p));
    const previous = (p: Prepared) => baselineSummarize(p.text, p.sentences, options(p));
    const lead = (p: Prepared) => leadSummary(p.text, p.sentences);

    const key = (spans: Span[]) => spans.map((s) => `${s.start}-${s.end}`).join(',');
    const differ = prepared.filter((p) => key(shipped(p)) !== key(previous(p))).length;

    // Per article, interleaved (shipped, previous, lead), 7 passes; the first warms up and is dropped.
    const times = { shipped: [] as number[], previous: [] as number[], lead: [] as number[] };
    const totals = { shipped: 0, previous: 0, lead: 0 };
    for (let pass = 0; pass < 7; pass++) {
      for (const p of prepared) {
        for (const [name, fn] of [['shipped', shipped], ['previous', previous], ['lead', lead]] as const) {
          const t0 = performance.now();
          fn(p);
          const dt = performance.now() - t0;
          if (pass === 0) continue;
          times[name].push(dt);
          totals[name] += dt;
        }
      }
    }
    const passes = 6;
    const line = (label: string, xs: number[], total: number) =>
      `${label.padEnd(48)} median ${median(xs).toFixed(4)} ms  (mean ${(total / xs.length).toFixed(4)} ms, p90 ${percentile(xs, 0.9).toFixed(4)} ms, n=${xs.length})`;
    report(`summary: ${prepared.length} SaudiNewsNet articles, per article (same sentences chosen by both: ${prepared.length - differ}/${prepared.length})`, [
      line('summarize (shipped)', times.shipped, totals.shipped),
      line('summarize (previous implementation)', times.previous, totals.previous),
      line('lead baseline', times.lead, totals.lead),
      `${'shipped / previous'.padEnd(48)} ${(median(times.shipped) / median(times.previous)).toFixed(3)}× median, ${(totals.shipped / totals.previous).toFixed(3)}× total`,
      `${'shipped / lead'.padEnd(48)} ${(median(times.shipped) / median(times.lead)).toFixed(2)}× median, ${(totals.shipped / totals.lead).toFixed(2)}× total`,
    ]);

    const r = await compare(
      { name: 'summarize (shipped), all texts', fn: () => prepared.forEach(shipped) },
      { name: 'summarize (previous), all texts', fn: () => prepared.forEach(previous) },
      { runs: 11, warmup: 2 },
    );
    report('summary step over all texts, interleaved runs', formatComparison(r));

    // Share of the whole analysis: the analysis of every text, timed as the analyze bench does,
    // against the summary step's total for one pass (from the per-article runs above).
    let whole = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (const a of articles) {
        const { times: t } = analyzeTextTimed(a, { model });
        if (pass > 0) whole += t.ner + t.dates + t.story;
      }
    }
    whole /= 2;
    const shippedPass = totals.shipped / passes;
    const previousPass = totals.previous / passes;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    report('summary share of the whole analysis (one pass over all texts)', [
      `${'whole analysis (NER + dates + story)'.padEnd(48)} ${whole.toFixed(1)} ms`,
      `${'summary step, shipped'.padEnd(48)} ${shippedPass.toFixed(1)} ms = ${pct(shippedPass / whole)}`,
      `${'summary step, previous (in its place)'.padEnd(48)} ${previousPass.toFixed(1)} ms = ${pct(previousPass / (whole - shippedPass + previousPass))}`,
    ]);
  },
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

// ---------------------------------------------------------------------------------------------
// BASELINE ONLY: the summary step as it was before issue #6 (commit 8ff1329), copied here so the
// bench can time it beside the shipped one. Map vectors built per feature, the chunk-cached
// regex tokeniser, a dense n×n LexRank. Not used by the extension.
// ---------------------------------------------------------------------------------------------

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u0640]*/gu;
const chunkCache = new Map<string, readonly string[]>();
const NO_TERMS: readonly string[] = [];

function baselineChunkTerms(chunk: string): readonly string[] {
  let terms = chunkCache.get(chunk);
  if (terms === undefined) {
    const found: string[] = [];
    for (const word of chunk.match(WORD) ?? []) {
      const t = termOf(word);
      if (t) found.push(t);
    }
    terms = found.length ? found : NO_TERMS;
    if (chunkCache.size >= 50_000) chunkCache.clear();
    chunkCache.set(chunk, terms);
  }
  return terms;
}

function baselineContentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (!chunk) continue;
    for (const t of baselineChunkTerms(chunk)) terms.push(t);
  }
  return terms;
}

const QUOTE = /[«»“”"]/;
const REPORTING = /^\s*(و|ف)?(قال|قالت|أضاف|اضاف|أضافت|اضافت|أكد|اكد|أكدت|اكدت|أوضح|اوضح|أوضحت|اوضحت|تابع|تابعت|أشار|اشار|أشارت|اشارت|لفت|لفتت|ذكر|ذكرت|نقل|نقلت|رأى|راي|اعتبر|اعتبرت)\s/;
const DIGITS = /[0-9٠-٩]/g;

function baselineFeatures(text: string, candidates: readonly Sentence[], context: FeatureContext): { features: number[][]; vectors: SparseVector[] } {
  const n = candidates.length;
  if (n === 0) return { features: [], vectors: [] };
  const bodies = candidates.map((s) => text.slice(s.bodyStart, s.end));
  const counts = bodies.map((b) => termCounts(baselineContentTerms(b)));
  const idf = documentIdf(counts);
  const vectors = counts.map((c) => weightedUnit(c, idf));
  const centrality = referenceLexRank(vectors);
  const titleVector = context.title ? weightedUnit(termCounts(baselineContentTerms(context.title)), idf) : undefined;
  const centroid = baselineUnit(baselineSum(vectors));
  const actorWeight = baselineActorCoverage(candidates, context);
  const eventWeight = baselineEventCoverage(candidates, context.events ?? []);
  const mainEvent = candidates.map(() => 0);
  for (const e of context.events ?? []) {
    if (!e.main) continue;
    const i = baselineIndexOfSpan(candidates, e.start);
    if (i >= 0) mainEvent[i] = 1;
  }
  const features = candidates.map((s, i) => {
    const body = bodies[i]!;
    const digits = body.match(DIGITS)?.length ?? 0;
    const previous = candidates[i - 1];
    return [
      1,
      i === 0 ? 1 : 0,
      1 / Math.sqrt(1 + i),
      n > 1 ? i / (n - 1) : 0,
      !previous || previous.paragraph !== s.paragraph ? 1 : 0,
      Math.min(1, Math.log(1 + s.words) / Math.log(100)),
      s.words < 8 ? 1 : 0,
      centrality[i]!,
      titleVector ? dot(vectors[i]!, titleVector) : 0,
      i === 0 ? 1 : dot(vectors[i]!, vectors[0]!),
      dot(vectors[i]!, centroid),
      actorWeight[i]!,
      eventWeight[i]!,
      mainEvent[i]!,
      QUOTE.test(body) ? 1 : 0,
      REPORTING.test(body) ? 1 : 0,
      Math.min(1, digits / 8),
    ];
  });
  return { features, vectors };
}

function baselineSum(vectors: readonly SparseVector[]): SparseVector {
  const total: SparseVector = new Map();
  for (const v of vectors) for (const [t, w] of v) total.set(t, (total.get(t) ?? 0) + w);
  return total;
}

function baselineUnit(v: SparseVector): SparseVector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

function baselineActorCoverage(candidates: readonly Sentence[], context: FeatureContext): number[] {
  const weights = new Map((context.keyActors ?? []).map((k) => [k.id, k.score]));
  const cover = candidates.map(() => 0);
  if (!context.actors?.length || !weights.size) return cover;
  for (const actor of context.actors) {
    const w = weights.get(actor.id) ?? 0;
    if (!w) continue;
    const seen = new Set<number>();
    for (const m of actor.mentions) {
      const i = baselineIndexOfSpan(candidates, m.start);
      if (i >= 0 && !seen.has(i)) {
        seen.add(i);
        cover[i]! += w;
      }
    }
  }
  return baselineScaleToMax(cover);
}

function baselineEventCoverage(candidates: readonly Sentence[], events: readonly StoryEvent[]): number[] {
  const cover = candidates.map(() => 0);
  for (const e of events) {
    const i = baselineIndexOfSpan(candidates, e.start);
    if (i >= 0) cover[i]! += (e.score ?? 1) + (e.main ? 1 : 0);
  }
  return baselineScaleToMax(cover);
}

function baselineScaleToMax(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return max > 0 ? values.map((v) => v / max) : values;
}

function baselineIndexOfSpan(candidates: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = candidates[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

interface BaselineScored {
  sentence: Sentence;
  score: number;
  vector: SparseVector;
}

function baselineSummarize(text: string, sentences: readonly Sentence[], options: SummaryOptions = {}): Span[] {
  const candidates = summaryCandidates(sentences);
  let scored: BaselineScored[] = [];
  if (candidates.length) {
    const { features, vectors } = baselineFeatures(text, candidates, options);
    const weights = options.tuning?.weights ?? DEFAULT_TUNING.weights;
    if (weights.length !== FEATURE_NAMES.length) throw new Error('summary: weights');
    scored = candidates.map((sentence, i) => {
      const f = features[i]!;
      let z = 0;
      for (let k = 0; k < f.length; k++) z += weights[k]! * f[k]!;
      return { sentence, score: 1 / (1 + Math.exp(-z)), vector: vectors[i]! };
    });
  }
  const lambda = options.tuning?.lambda ?? DEFAULT_TUNING.lambda;
  const maxSentences = options.maxSentences ?? (options.wordBudget ? Infinity : defaultSentenceCount(candidates.length));
  const anchorLead = options.tuning?.anchorLead ?? DEFAULT_TUNING.anchorLead;
  const duplicate = options.tuning?.duplicate ?? DEFAULT_TUNING.duplicate;
  const forced = anchorLead && scored.length ? [0] : [];
  const maxScore = Math.max(1e-9, ...scored.map((s) => s.score));
  const chosen: BaselineScored[] = [];
  const left = new Set(scored.map((_, i) => i));
  let words = 0;
  for (const i of forced) {
    if (chosen.length >= maxSentences || !left.has(i)) continue;
    left.delete(i);
    chosen.push(scored[i]!);
    words += scored[i]!.sentence.words;
  }
  while (chosen.length < maxSentences && left.size && (options.wordBudget === undefined || words < options.wordBudget)) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of left) {
      const s = scored[i]!;
      let redundancy = 0;
      for (const c of chosen) redundancy = Math.max(redundancy, dot(s.vector, c.vector));
      if (redundancy >= duplicate) continue;
      const value = lambda * (s.score / maxScore) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    left.delete(best);
    const pick = scored[best]!;
    chosen.push(pick);
    words += pick.sentence.words;
  }
  return chosen
    .sort((a, b) => a.sentence.start - b.sentence.start)
    .map(({ sentence }) => ({ start: sentence.bodyStart, end: sentence.end, text: text.slice(sentence.bodyStart, sentence.end) }));
}
