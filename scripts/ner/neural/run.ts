/**
 * `npm run experiment:neural-ner -- [options]`: research only, nothing here ships. Does a
 * small neural window tagger (mlp.ts), alone or added to the perceptron's label scores,
 * beat the perceptron?
 *
 * Held-out mode (default): the last 10 % of the sentences of each training corpus (ANERcorp
 * train, AQMAR train, Wojood train+val) is held out; the window tagger trains on the rest, and
 * the perceptron it is compared and combined with must not have seen the tail either:
 *
 *   npm run train:ner -- --holdout-tail 0.1 --out /tmp/ner4/p90.bin
 *   npm run experiment:neural-ner -- --perceptron /tmp/ner4/p90.bin --seed 1
 *
 * It prints, on the held-out tail (ANERcorp's apart from the other two), entity-level P/R/F1
 * (conlleval rules) of the perceptron alone, the window tagger alone and the hybrid
 * (perceptron scores + α × the tagger's log-probabilities, in both of the perceptron's passes,
 * then its Viterbi), α chosen on the held-out tail (and, to show how much that choice flatters
 * it, chosen on even sentences and scored on odd ones and vice versa); time per epoch; tagging
 * speed of the three side by side; the size of the weights.
 *
 * Dev mode (`--dev --alpha A`, one look only, after the held-out result justified it): trains
 * on all the training sentences, combines with the shipped model and scores ANERcorp dev and
 * AQMAR dev.
 *
 * Options: --seed N (default 1), --epochs N (default 8), --hidden N (default 128),
 * --perceptron FILE, --dev, --alpha A, --save FILE (weights as float32, for the size figure),
 * --load FILE (weights saved by --save from the same data and settings: no training),
 * --head (hold out the FIRST 10 % instead, with a perceptron from `train:ner -- --holdout-tail 0.1
 * --holdout-head`: a second split, to see whether the tail's result is a property of the tail).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseNerModel, type NerModel } from '../../../src/nlp/entities/model';
import { LABEL_COUNT, LABELS, labelIndex } from '../../../src/nlp/entities/labels';
import { addSentence, micro, newScores, prf, type Scores } from '../conlleval';
import { CORPUS_FILES, readConll, type Sentence } from '../corpora';
import { DEFAULT_MODEL_PATH, splitHoldout, trainingSentences } from '../../train-ner';
import { Encoder, Vocabulary, CLUSTERS, SHAPES } from './inputs';
import { DENSE, EMBEDDINGS, parameterCount, zeroParams, type NetShape, type Params } from './mlp';
import { DEFAULT_SETTINGS, NeuralTagger, trainNet, type Example } from './train';

const HOLDOUT = 0.1;
const ALPHAS = [0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16];
const TYPES = ['PERS', 'ORG', 'LOC'] as const;

const log = (msg: string): void => {
  process.stderr.write(`[neural-ner] ${msg}\n`);
};

interface Options {
  seed: number;
  epochs: number;
  hidden: number;
  perceptron: string;
  dev: boolean;
  alpha: number | undefined;
  save: string | undefined;
  load: string | undefined;
  /** Hold out the first 10 % of each corpus instead of the last (pair with a perceptron trained with --holdout-head). */
  head: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { seed: 1, epochs: DEFAULT_SETTINGS.epochs, hidden: 128, perceptron: '/tmp/ner4/p90.bin', dev: false, alpha: undefined, save: undefined, load: undefined, head: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--seed') o.seed = Number.parseInt(v(), 10);
    else if (a === '--epochs') o.epochs = Number.parseInt(v(), 10);
    else if (a === '--hidden') o.hidden = Number.parseInt(v(), 10);
    else if (a === '--perceptron') o.perceptron = resolve(v());
    else if (a === '--dev') o.dev = true;
    else if (a === '--alpha') o.alpha = Number.parseFloat(v());
    else if (a === '--save') o.save = resolve(v());
    else if (a === '--load') o.load = resolve(v());
    else if (a === '--head') o.head = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (o.dev && o.alpha === undefined) throw new Error('--dev needs --alpha (chosen on the held-out tail)');
  return o;
}

function netShape(words: number, hidden: number): NetShape {
  return { words, ngramBuckets: 1 << 16, clusters: CLUSTERS, shapes: SHAPES, wordDim: 48, ngramDim: 32, clusterDim: 16, shapeDim: 8, hidden };
}

/** A scored set: sentences tagged as one stream (as eval:ner and the CLI do). */
interface EvalSet {
  name: string;
  sentences: Sentence[];
}

type Tagger = (sentences: readonly Sentence[]) => Uint8Array[];

function score(sentences: readonly Sentence[], predicted: readonly Uint8Array[], keep: (k: number) => boolean = () => true): Scores {
  const s = newScores();
  sentences.forEach((x, k) => {
    if (keep(k)) addSentence(s, x.labels, Array.from(predicted[k]!, (l) => LABELS[l]!));
  });
  return s;
}

const f1 = (s: Scores): number => micro(s, TYPES).f1;
const fmt = (x: { precision: number; recall: number; f1: number }): string => `${x.precision.toFixed(1)} / ${x.recall.toFixed(1)} / **${x.f1.toFixed(1)}**`;

function row(system: string, s: Scores): string {
  const per = TYPES.map((t) => fmt(prf(s.byType.get(t) ?? { tp: 0, fp: 0, fn: 0 })));
  return `| ${system} | ${fmt(micro(s, TYPES))} | ${per.join(' | ')} |`;
}

function merge(a: Scores, b: Scores): Scores {
  const out = newScores();
  for (const src of [a, b]) {
    for (const [t, v] of src.byType) {
      const e = out.byType.get(t) ?? { tp: 0, fp: 0, fn: 0 };
      out.byType.set(t, { tp: e.tp + v.tp, fp: e.fp + v.fp, fn: e.fn + v.fn });
    }
  }
  return out;
}

function loadParams(shape: NetShape, path: string): Params {
  const bytes = readFileSync(path);
  const p = zeroParams(shape);
  let at = 0;
  for (const k of [...EMBEDDINGS, ...DENSE]) {
    const a = p[k];
    a.set(new Float32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * a.length)));
    at += 4 * a.length;
  }
  if (at !== bytes.length) throw new Error(`${path}: ${bytes.length} bytes, the network needs ${at}`);
  return p;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Bytes of the weights as float32, and as int8 with one float32 scale per row (embeddings) or per output unit (dense). */
function sizes(shape: NetShape, p: Params): { float32: number; int8: number } {
  const count = parameterCount(p);
  const dims: Record<string, number> = { Ew: shape.wordDim, Ec: shape.ngramDim, Ek: shape.clusterDim, Es: shape.shapeDim };
  let rows = 0;
  for (const t of EMBEDDINGS) rows += p[t].length / dims[t]!;
  for (const t of DENSE) rows += t === 'W1' ? shape.hidden : t === 'W2' ? LABEL_COUNT : 1;
  return { float32: 4 * count, int8: count + 4 * rows };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const perceptronPath = o.dev ? DEFAULT_MODEL_PATH : o.perceptron;
  const model: NerModel = parseNerModel(readFileSync(perceptronPath));
  log(`perceptron ${perceptronPath}; mode ${o.dev ? 'DEV LOOK' : o.head ? 'held-out head' : 'held-out tail'}; seed ${o.seed}, ${o.epochs} epochs, hidden ${o.hidden}`);

  const corpora = trainingSentences();
  const train: Sentence[] = [];
  const sets: EvalSet[] = [];
  for (const c of corpora) {
    const split = splitHoldout(c.sentences, o.dev ? 0 : HOLDOUT, o.head);
    train.push(...split.train);
    if (!o.dev) sets.push({ name: c.name, sentences: split.held });
  }
  if (o.dev) {
    sets.push({ name: 'ANERcorp dev', sentences: readConll(CORPUS_FILES.anercorpDev) });
    sets.push({ name: 'AQMAR dev', sentences: readConll(CORPUS_FILES.aqmarDev) });
  }
  const tokenCount = (ss: readonly Sentence[]): number => ss.reduce((n, s) => n + s.tokens.length, 0);
  log(`train ${train.length} sentences (${tokenCount(train)} tokens); ` + sets.map((s) => `${s.name}: ${s.sentences.length} sentences, ${tokenCount(s.sentences)} tokens`).join('; '));

  const vocabulary = Vocabulary.fromCounts(train.flatMap((s) => s.tokens.map((t) => model.word(t).view.core)), 2);
  const shape = netShape(vocabulary.size, o.hidden);
  const encoder = new Encoder(model, vocabulary, shape.ngramBuckets);
  const data: Example[] = train.map((s) => ({ tokens: encoder.sentence(s.tokens), gold: Uint8Array.from(s.labels, labelIndex) }));
  log(`vocabulary ${vocabulary.size} cores; input ${shape.wordDim}+${shape.ngramDim}+${shape.clusterDim}+${shape.shapeDim}+indicators per position`);

  const epochSeconds: number[] = [];
  const params = o.load ? loadParams(shape, o.load) : trainNet(shape, data, { ...DEFAULT_SETTINGS, seed: o.seed, epochs: o.epochs }, (e) => {
    epochSeconds.push(e.seconds);
    log(`epoch ${e.epoch}: mean token loss ${e.loss.toFixed(4)} (${e.seconds.toFixed(1)} s)`);
  });
  if (o.save) writeFileSync(o.save, Buffer.concat([...EMBEDDINGS, ...DENSE].map((k) => Buffer.from(params[k].buffer))));
  const neural = new NeuralTagger(shape, params);
  const projected = new NeuralTagger(shape, params, true);

  const perceptronTagger: Tagger = (ss) => model.decodeDocument(ss.map((s) => s.tokens.map((t) => model.word(t))));
  const neuralTagger: Tagger = (ss) => ss.map((s) => neural.decode(encoder.sentence(s.tokens)));
  // The α search reuses each sentence's log-probabilities; the speed runs do not (cached = false).
  const memo = new WeakMap<Sentence, Float32Array>();
  const neuralScores = (s: Sentence, cached: boolean): Float32Array => {
    let x = cached ? memo.get(s) : undefined;
    if (!x) memo.set(s, (x = neural.scores(encoder.sentence(s.tokens))));
    return x;
  };
  const hybridTagger = (alpha: number, cached = true): Tagger => (ss) => {
    const lp = ss.map((s) => neuralScores(s, cached));
    return model.decodeDocument(ss.map((s) => s.tokens.map((t) => model.word(t))), (k, e) => {
      const x = lp[k]!;
      for (let i = 0; i < x.length; i++) e[i]! += alpha * x[i]!;
    });
  };

  const out: string[] = [];
  // Groups reported: ANERcorp's set, and the others together.
  const groups = o.dev ? sets.map((s) => [s]) : [[sets[0]!], sets.slice(1)];
  const groupName = (g: EvalSet[]): string => (g.length === 1 ? g[0]!.name : g.map((s) => s.name.split(' ')[0]).join(' + '));
  const run = (tagger: Tagger, g: EvalSet[], keep?: (k: number) => boolean): Scores =>
    g.map((s) => score(s.sentences, tagger(s.sentences), keep)).reduce(merge);

  let alpha = o.alpha;
  if (!o.dev) {
    // α over all held-out sentences; and the honest check: choose on even sentences, score odd, and vice versa.
    const all = sets;
    const curve = ALPHAS.map((a) => ({ a, even: run(hybridTagger(a), all, (k) => k % 2 === 0), odd: run(hybridTagger(a), all, (k) => k % 2 === 1) }));
    const best = (key: 'even' | 'odd'): number => curve.reduce((b, c) => (f1(c[key]) > f1(b[key]) ? c : b)).a;
    const both = curve.map((c) => ({ a: c.a, f: f1(merge(c.even, c.odd)) }));
    alpha = both.reduce((b, c) => (c.f > b.f ? c : b)).a;
    const aEven = best('even');
    const aOdd = best('odd');
    const crossed = merge(curve.find((c) => c.a === aEven)!.odd, curve.find((c) => c.a === aOdd)!.even);
    out.push(`α curve (all held-out, PERS+ORG+LOC F1): ${both.map((c) => `${c.a}: ${c.f.toFixed(2)}`).join(', ')}; chosen α = ${alpha}`);
    out.push(`α chosen on even sentences ${aEven}, on odd ${aOdd}; hybrid scored on the other half each time: F1 ${f1(crossed).toFixed(2)} (perceptron alone ${f1(run(perceptronTagger, all)).toFixed(2)})`);
  }
  for (const g of groups) {
    out.push('', `#### ${groupName(g)} (${g.reduce((n, s) => n + s.sentences.length, 0)} sentences)`, '', '| system | P / R / F1 PERS+ORG+LOC | PERS | ORG | LOC |', '|---|---|---|---|---|');
    out.push(row('perceptron', run(perceptronTagger, g)));
    out.push(row(`neural window tagger (seed ${o.seed})`, run(neuralTagger, g)));
    out.push(row(`hybrid, α = ${alpha}`, run(hybridTagger(alpha!), g)));
  }
  if (!o.dev) {
    out.push('', '#### all held-out', '', '| system | P / R / F1 PERS+ORG+LOC | PERS | ORG | LOC |', '|---|---|---|---|---|');
    out.push(row('perceptron', run(perceptronTagger, sets)));
    out.push(row(`neural (seed ${o.seed})`, run(neuralTagger, sets)));
    out.push(row(`hybrid, α = ${alpha}`, run(hybridTagger(alpha!), sets)));
  }

  // Cost. Warm caches first (both taggers cache per distinct word), then interleaved timed runs.
  const speedSet = sets.flatMap((s) => s.sentences);
  const tokens = tokenCount(speedSet);
  const timers: Record<string, () => void> = {
    perceptron: () => void perceptronTagger(speedSet),
    neural: () => void neuralTagger(speedSet),
    hybrid: () => void hybridTagger(alpha!, false)(speedSet),
    'neural, cached first layer': () => void speedSet.map((s) => projected.decode(encoder.sentence(s.tokens))),
    'hybrid, cached first layer': () => {
      const lp = speedSet.map((s) => projected.scores(encoder.sentence(s.tokens)));
      model.decodeDocument(speedSet.map((s) => s.tokens.map((t) => model.word(t))), (k, e) => {
        const x = lp[k]!;
        for (let i = 0; i < x.length; i++) e[i]! += alpha! * x[i]!;
      });
    },
    // Every word's first-layer projection and n-gram encoding computed afresh (the perceptron's word cache stays warm).
    'hybrid, cached first layer, cold caches': () => {
      const fresh = new NeuralTagger(shape, params, true);
      const enc = new Encoder(model, vocabulary, shape.ngramBuckets);
      const lp = speedSet.map((s) => fresh.scores(enc.sentence(s.tokens)));
      model.decodeDocument(speedSet.map((s) => s.tokens.map((t) => model.word(t))), (k, e) => {
        const x = lp[k]!;
        for (let i = 0; i < x.length; i++) e[i]! += alpha! * x[i]!;
      });
    },
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(timers).map((k) => [k, []]));
  for (const f of Object.values(timers)) f();
  for (let r = 0; r < 7; r++) {
    for (const [k, f] of Object.entries(timers)) {
      const t0 = performance.now();
      f();
      times[k]!.push(performance.now() - t0);
    }
  }
  const size = sizes(shape, params);
  if (epochSeconds.length) out.push('', `train time per epoch: median ${median(epochSeconds).toFixed(1)} s (${data.length} sentences)`);
  // The hybrid through the cached first layer must tag as the plain one does (float rounding aside).
  const plainTags = run(hybridTagger(alpha!), sets);
  const projectedTags = sets.map((s) => {
    const lp = s.sentences.map((x) => projected.scores(encoder.sentence(x.tokens)));
    return score(s.sentences, model.decodeDocument(s.sentences.map((x) => x.tokens.map((t) => model.word(t))), (k, e) => {
      for (let i = 0; i < lp[k]!.length; i++) e[i]! += alpha! * lp[k]![i]!;
    }));
  }).reduce(merge);
  out.push(`hybrid F1 plain vs cached first layer: ${f1(plainTags).toFixed(2)} vs ${f1(projectedTags).toFixed(2)}`);
  out.push(`tagging speed over ${tokens} tokens (median of 7 interleaved runs, warm caches): ` +
    Object.entries(times).map(([k, t]) => `${k} ${Math.round(tokens / (median(t) / 1000)).toLocaleString('en')} tokens/s (${median(t).toFixed(0)} ms)`).join('; '));
  out.push(`weights: ${parameterCount(params).toLocaleString('en')} parameters = ${(size.float32 / 1e6).toFixed(2)} MB float32, ${(size.int8 / 1e6).toFixed(2)} MB int8 (+ per-row scales); n-gram table alone ${((4 * params.Ec.length) / 1e6).toFixed(2)} MB float32`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`neural-ner failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
