/**
 * `npm run train:ner [-- options]`: trains the named-entity tagger (averaged structured
 * perceptron, hashed features, constrained Viterbi) and writes the model file.
 * Deterministic: fixed seed, fixed corpus order, seeded shuffles. Progress goes to stderr.
 *
 *   --baseline         no unlabeled-data lexicon and no gazetteer features (ablation baseline)
 *   --epochs N         passes over the training data (default 12)
 *   --seed N           shuffle and dropout seed (default 7)
 *   --seeds N          average the weights of N runs with seeds seed, seed+1, … (default 1)
 *   --out FILE         output path (default public/models/ner-model.bin; baseline: a temp path)
 *   --hash-bits N      feature hash space 2^N (default 20)
 *   --prune X          drop weight rows whose largest |weight| is below X (default 1.0)
 *   --dropout P        hide a token's word-identity features with probability P in training (default 0.4)
 *   --corpora LIST     comma-separated subset of anercorp,aqmar,wojood (default all)
 *   --char-ngrams N    character n-grams of each word as features (0 = none)
 *   --doc-window W     document features from a first pass over ±W sentences (0 = none; default 15)
 *   --doc-folds K      folds of the jackknifed first pass that labels the training data (default 5)
 *   --doc-dropout P    hide a sentence's document features with probability P (default 0.3)
 *   --no-self-labels   no self-labelled types in the lexicon (see scripts/ner/self-labels.ts)
 *   --self-words N     unlabeled words the self-labelling taggers read (default 3,000,000)
 *   --dict-folds K     entity-dictionary features (src/nlp/entities/dictionary.ts), jackknifed over
 *                      K contiguous folds for the training sentences (0 = none, the default)
 *   --holdout-tail F   research only: leave out the last fraction F of each corpus's sentences
 *                      (0 = none, the default), as if the corpora ended there; the neural-tagger
 *                      experiment (scripts/ner/neural/) scores on that tail
 *   --holdout-head     with --holdout-tail: leave out the FIRST fraction F instead (a second split)
 *
 * Self-labels come from taggers trained on the labelled corpora, so the training sentences
 * must not see labels their own gold taught: the corpora are cut into two halves (alternating
 * blocks of 50 sentences), a tagger trained on each half labels the unlabeled text, and each
 * half's sentences read the self-labels of the OTHER half's tagger. The shipped lexicon sums
 * both taggers' counts.
 *
 * Document features (src/nlp/entities/document.ts) say how other occurrences of a word nearby
 * were tagged by a first pass. At training time that first pass must be honest: each training
 * sentence is labelled by a model trained on the other folds (contiguous blocks, so a fold's
 * articles are unseen by its labeller). The shipped model is one set of weights: tagging runs
 * it once without document features, then adds them and decodes again; the dropout keeps it
 * good at the first pass too. That first pass is also a cross-validation on train: its
 * PERS/ORG/LOC P/R/F1 against the gold labels is logged (compare feature sets with it, not dev).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Gazetteer } from '../src/nlp/entities/gazetteer';
import { seededRandom } from '../src/nlp/entities/hash';
import { LABEL_COUNT, LABELS, labelIndex } from '../src/nlp/entities/labels';
import { addSentence, micro, newScores, prf } from './ner/conlleval';
import { Lexicon } from '../src/nlp/entities/lexicon';
import { quantiseWeights, serializeModel, type ModelParts } from '../src/nlp/entities/model';
import { DROPPABLE_TEMPLATES, FeatureExtractor, sentenceFeatures, type FeatureOptions, type SentenceFeatures } from '../src/nlp/entities/features';
import { documentFeatures } from '../src/nlp/entities/document';
import { buildDictionary, EntityDictionary, type DictionaryArrays } from '../src/nlp/entities/dictionary';
import { constrain, viterbi } from '../src/nlp/entities/viterbi';
import { CORPUS_FILES, readConll, readWojood, type Sentence } from './ner/corpora';
import { mergeCounts, selfLabelCounts, withSelfCodes, type SelfCounts } from './ner/self-labels';
import { parseNerModel } from '../src/nlp/entities/model';
import { unpackLexiconEntry } from '../src/nlp/entities/lexicon';
import type { LexiconArrays } from './ner/build-lexicon';
import { buildGazetteer } from './ner/build-gazetteer';
import { buildLexicon } from './ner/build-lexicon';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_MODEL_PATH = join(ROOT, 'public', 'models', 'ner-model.bin');
export const BASELINE_MODEL_PATH = join(tmpdir(), 'arabic-news-lens-ner-baseline.bin');

export interface TrainOptions {
  baseline: boolean;
  epochs: number;
  hashBits: number;
  prune: number;
  out: string;
  seed: number;
  /** Runs (seeds seed, seed+1, …) whose averaged weights are averaged again. */
  seeds: number;
  /** Probability of hiding a token's word-identity features in a training pass. */
  identityDropout: number;
  /** Which training corpora to use (default all three). */
  corpora: string[];
  /** Character n-gram features of this length (0: none). */
  charNgrams: number;
  /** Feature templates left out (features.ts DROPPABLE_TEMPLATES; for the cost/benefit ablation). */
  dropTemplates: string[];
  /** Document features over ±docWindow sentences (0: none). */
  docWindow: number;
  docFolds: number;
  docDropout: number;
  selfLabels: boolean;
  selfWords: number;
  /** Folds of the jackknifed entity dictionary (0: no dictionary features). */
  dictFolds: number;
  /** Fraction of each corpus's last sentences left out of everything (0: none). */
  holdoutTail: number;
  /** Hold out the first fraction instead of the last. */
  holdoutHead: boolean;
}

const log = (msg: string): void => {
  process.stderr.write(`[train:ner] ${msg}\n`);
};

function parseOptions(argv: string[]): TrainOptions {
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--baseline') options.baseline = true;
    else if (arg === '--epochs') options.epochs = Number.parseInt(value(), 10);
    else if (arg === '--seed') options.seed = Number.parseInt(value(), 10);
    else if (arg === '--seeds') options.seeds = Number.parseInt(value(), 10);
    else if (arg === '--hash-bits') options.hashBits = Number.parseInt(value(), 10);
    else if (arg === '--prune') options.prune = Number.parseFloat(value());
    else if (arg === '--out') options.out = resolve(value());
    else if (arg === '--corpora') options.corpora = value().split(',');
    else if (arg === '--dropout') options.identityDropout = Number.parseFloat(value());
    else if (arg === '--char-ngrams') options.charNgrams = Number.parseInt(value(), 10);
    else if (arg === '--drop-templates') options.dropTemplates = value().split(',').filter((t) => t !== '');
    else if (arg === '--doc-window') options.docWindow = Number.parseInt(value(), 10);
    else if (arg === '--doc-folds') options.docFolds = Number.parseInt(value(), 10);
    else if (arg === '--doc-dropout') options.docDropout = Number.parseFloat(value());
    else if (arg === '--no-self-labels') options.selfLabels = false;
    else if (arg === '--self-words') options.selfWords = Number.parseInt(value(), 10);
    else if (arg === '--dict-folds') options.dictFolds = Number.parseInt(value(), 10);
    else if (arg === '--holdout-tail') options.holdoutTail = Number.parseFloat(value());
    else if (arg === '--holdout-head') options.holdoutHead = true;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.epochs >= 1 && options.epochs <= 100)) throw new Error('--epochs must be 1–100');
  if (!(options.hashBits >= 12 && options.hashBits <= 24)) throw new Error('--hash-bits must be 12–24');
  if (!(Number.isInteger(options.seed) && options.seed >= 0)) throw new Error('--seed must be a whole number ≥ 0');
  if (!(Number.isInteger(options.seeds) && options.seeds >= 1 && options.seeds <= 20)) throw new Error('--seeds must be 1–20');
  if (!(options.docWindow >= 0 && options.docFolds >= 2)) throw new Error('--doc-window must be ≥ 0 and --doc-folds ≥ 2');
  if (!(options.dictFolds === 0 || options.dictFolds >= 2)) throw new Error('--dict-folds must be 0 or ≥ 2');
  if (!(options.holdoutTail >= 0 && options.holdoutTail < 1)) throw new Error('--holdout-tail must be in [0, 1)');
  for (const t of options.dropTemplates) {
    if (!(DROPPABLE_TEMPLATES as readonly string[]).includes(t)) throw new Error(`--drop-templates: unknown template ${t}; known: ${DROPPABLE_TEMPLATES.join(', ')}`);
  }
  if (!options.out) options.out = options.baseline ? BASELINE_MODEL_PATH : DEFAULT_MODEL_PATH;
  return options;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  baseline: false,
  epochs: 12,
  hashBits: 20,
  prune: 1.0,
  out: '',
  seed: 7,
  seeds: 1,
  identityDropout: 0.4,
  corpora: ['anercorp', 'aqmar', 'wojood'],
  charNgrams: 0,
  dropTemplates: [],
  docWindow: 15,
  docFolds: 5,
  docDropout: 0.3,
  selfLabels: true,
  selfWords: 3_000_000,
  dictFolds: 0,
  holdoutTail: 0,
  holdoutHead: false,
};

/**
 * A corpus's sentences without its held-out block (the last fraction `tail`, or the first with
 * `head`), and that block.
 */
export function splitHoldout<T>(sentences: readonly T[], tail: number, head = false): { train: T[]; held: T[] } {
  const cut = Math.floor(sentences.length * tail);
  if (head) return { train: sentences.slice(cut), held: sentences.slice(0, cut) };
  return { train: sentences.slice(0, sentences.length - cut), held: sentences.slice(sentences.length - cut) };
}

/** A form needs this many tagged occurrences (per tagger) for a self-label. */
const SELF_MIN_COUNT = 3;
/** Sentences per block of the two-way split for self-labelling. */
const SELF_BLOCK = 50;

export function trainingSentences(corpora: readonly string[] = DEFAULT_TRAIN_OPTIONS.corpora): { name: string; sentences: Sentence[] }[] {
  const all = {
    anercorp: () => ({ name: 'ANERcorp train (CAMeL split)', sentences: readConll(CORPUS_FILES.anercorpTrain) }),
    aqmar: () => ({ name: 'AQMAR train', sentences: readConll(CORPUS_FILES.aqmarTrain) }),
    wojood: () => ({
      name: 'Wojood sample train+val (PERS/ORG/GPE/LOC)',
      sentences: [...readWojood(CORPUS_FILES.wojoodTrain), ...readWojood(CORPUS_FILES.wojoodVal)],
    }),
  };
  return corpora.map((c) => {
    const read = all[c as keyof typeof all];
    if (!read) throw new Error(`unknown corpus ${c} (anercorp, aqmar, wojood)`);
    return read();
  });
}

interface Encoded extends SentenceFeatures {
  gold: Uint8Array;
  /** Per token, where its document features start among its ids (= its end when it has none). */
  docFrom?: Uint32Array;
}

interface Weights {
  w: Float32Array;
  trans: Float32Array;
  start: Float32Array;
}

/**
 * Averaged structured perceptron over the sentences `use` (indices into `data`), in a seeded
 * order per epoch. Word-identity dropout hides a token's identity features; document dropout
 * hides a sentence's document features (when it has any).
 */
function perceptron(data: readonly Encoded[], use: readonly number[], options: TrainOptions, label: string): Weights {
  if (options.seeds <= 1) return perceptronRun(data, use, options, label);
  let sum: Weights | undefined;
  for (let k = 0; k < options.seeds; k++) {
    const run = perceptronRun(data, use, { ...options, seed: options.seed + k }, `${label} (seed ${options.seed + k})`);
    if (!sum) {
      sum = run;
      continue;
    }
    for (const part of ['w', 'trans', 'start'] as const) {
      const a = sum[part];
      const b = run[part];
      for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
    }
  }
  for (const part of ['w', 'trans', 'start'] as const) {
    const a = sum![part];
    for (let i = 0; i < a.length; i++) a[i] = a[i]! / options.seeds;
  }
  return sum!;
}

/** One averaged-perceptron run (see perceptron). */
function perceptronRun(data: readonly Encoded[], use: readonly number[], options: TrainOptions, label: string): Weights {
  const t0 = Date.now();
  const L = LABEL_COUNT;
  const buckets = 1 << options.hashBits;
  const w = new Float32Array(buckets * L);
  const u = new Float64Array(buckets * L);
  const trans = new Float32Array(L * L);
  const transU = new Float64Array(L * L);
  const start = new Float32Array(L);
  const startU = new Float64Array(L);
  let step = 1;
  const order = [...use];
  const random = seededRandom(options.seed);

  const bump = (f: number, label: number, v: number): void => {
    const k = f * L + label;
    w[k] = w[k]! + v;
    u[k] = u[k]! + step * v;
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const index of order) {
      const s = data[index]!;
      const n = s.gold.length;
      const emissions = new Float32Array(n * L);
      // Word-identity dropout: some tokens are seen as if unknown, so context, affix and
      // cluster weights learn to recognise names the training data never showed.
      const from = new Uint32Array(n);
      for (let i = 0; i < n; i++) from[i] = s.offsets[i]! + (random() < options.identityDropout ? s.identityCounts[i]! : 0);
      // Document dropout: the sentence as the first pass sees it, without document features.
      const hideDoc = s.docFrom !== undefined && random() < options.docDropout;
      const to = new Uint32Array(n);
      for (let i = 0; i < n; i++) to[i] = hideDoc ? s.docFrom![i]! : s.offsets[i + 1]!;
      for (let i = 0; i < n; i++) {
        for (let j = from[i]!; j < to[i]!; j++) {
          const base = s.ids[j]! * L;
          for (let l = 0; l < L; l++) emissions[i * L + l]! += w[base + l]!;
        }
      }
      const c = constrain(trans, start);
      const pred = viterbi(emissions, n, c.transitions, c.start);
      tokens += n;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i]!;
        const p = pred[i]!;
        if (g === p) continue;
        wrong = true;
        errors++;
        for (let j = from[i]!; j < to[i]!; j++) {
          bump(s.ids[j]!, g, 1);
          bump(s.ids[j]!, p, -1);
        }
      }
      if (wrong) {
        start[s.gold[0]!]! += 1;
        startU[s.gold[0]!]! += step;
        start[pred[0]!]! -= 1;
        startU[pred[0]!]! -= step;
        for (let i = 1; i < n; i++) {
          const gk = s.gold[i - 1]! * L + s.gold[i]!;
          const pk = pred[i - 1]! * L + pred[i]!;
          trans[gk]! += 1;
          transU[gk]! += step;
          trans[pk]! -= 1;
          transU[pk]! -= step;
        }
      }
      step++;
    }
    if (epoch === options.epochs || label === 'final') {
      log(`${label} epoch ${epoch}/${options.epochs}: token errors ${errors} / ${tokens} (${((100 * errors) / tokens).toFixed(2)}%) (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
  // Averaged weights: w − u / step (in place: the running sums are no longer needed).
  for (let k = 0; k < w.length; k++) w[k] = w[k]! - u[k]! / step;
  return {
    w,
    trans: Float32Array.from(trans, (v, k) => v - transU[k]! / step),
    start: Float32Array.from(start, (v, k) => v - startU[k]! / step),
  };
}

/** Labels of sentence `s` under dense weights, from its first `docFrom` features only (no document features). */
function decodeDense(s: Encoded, weights: Weights): Uint8Array {
  const L = LABEL_COUNT;
  const n = s.gold.length;
  const emissions = new Float32Array(n * L);
  for (let i = 0; i < n; i++) {
    const end = s.docFrom ? s.docFrom[i]! : s.offsets[i + 1]!;
    for (let j = s.offsets[i]!; j < end; j++) {
      const base = s.ids[j]! * L;
      for (let l = 0; l < L; l++) emissions[i * L + l]! += weights.w[base + l]!;
    }
  }
  const c = constrain(weights.trans, weights.start);
  return viterbi(emissions, n, c.transitions, c.start);
}

/**
 * Adds document features to every training sentence: a jackknifed first pass (contiguous
 * folds) labels each sentence with a model that never saw its fold, and document.ts turns
 * those labels into features over ±window sentences, within each corpus.
 */
function addDocumentFeatures(data: Encoded[], keys: readonly string[][], corpusOf: readonly number[], options: TrainOptions): void {
  const K = options.docFolds;
  const firstPass: Uint8Array[] = new Array<Uint8Array>(data.length);
  const foldOf = (i: number): number => Math.min(K - 1, Math.floor((i * K) / data.length));
  for (let k = 0; k < K; k++) {
    const use = data.map((_, i) => i).filter((i) => foldOf(i) !== k);
    const weights = perceptron(data, use, options, `first pass, fold ${k + 1}/${K}`);
    for (let i = 0; i < data.length; i++) if (foldOf(i) === k) firstPass[i] = decodeDense(data[i]!, weights);
  }
  // Cross-validation on train for free: every sentence was labelled by a model that never saw it.
  const cv = newScores();
  data.forEach((s, i) => addSentence(cv, Array.from(s.gold, (l) => LABELS[l]!), Array.from(firstPass[i]!, (l) => LABELS[l]!)));
  const f = (x: { precision: number; recall: number; f1: number }): string => `${x.precision.toFixed(2)}/${x.recall.toFixed(2)}/${x.f1.toFixed(2)}`;
  log(`held-out first pass (${K}-fold CV on train): PERS+ORG+LOC P/R/F1 ${f(micro(cv, ['PERS', 'ORG', 'LOC']))}; ` +
    ['PERS', 'ORG', 'LOC'].map((t) => `${t} ${f(prf(cv.byType.get(t) ?? { tp: 0, fp: 0, fn: 0 }))}`).join(', '));
  const mask = (1 << options.hashBits) - 1;
  for (let c = 0; c <= Math.max(...corpusOf); c++) {
    const members = data.map((_, i) => i).filter((i) => corpusOf[i] === c);
    const doc = documentFeatures(members.map((i) => keys[i]!), members.map((i) => firstPass[i]!), options.docWindow);
    members.forEach((i, m) => {
      const s = data[i]!;
      const f = doc[m]!;
      const n = s.gold.length;
      const ids: number[] = [];
      const offsets = new Uint32Array(n + 1);
      const docFrom = new Uint32Array(n);
      for (let t = 0; t < n; t++) {
        offsets[t] = ids.length;
        for (let j = s.offsets[t]!; j < s.offsets[t + 1]!; j++) ids.push(s.ids[j]!);
        docFrom[t] = ids.length;
        for (let j = f.offsets[t]!; j < f.offsets[t + 1]!; j++) ids.push((f.hashes[j]! & mask) >>> 0);
      }
      offsets[n] = ids.length;
      data[i] = { ...s, offsets, ids: Uint32Array.from(ids), docFrom };
    });
  }
}

/**
 * Appends entity-dictionary features to every training sentence's own features (before any
 * document features): each of K contiguous folds reads the dictionary of the other folds, so
 * no sentence sees its own labels. Returns the dictionary of all sentences, which ships.
 */
function addDictionaryFeatures(data: Encoded[], cores: readonly string[][], options: TrainOptions): DictionaryArrays {
  const K = options.dictFolds;
  const mask = (1 << options.hashBits) - 1;
  const labelled = data.map((s, i) => ({ cores: cores[i]!, labels: Array.from(s.gold, (l) => LABELS[l]!) }));
  const foldOf = (i: number): number => Math.min(K - 1, Math.floor((i * K) / data.length));
  let matched = 0;
  for (let k = 0; k < K; k++) {
    const arrays = buildDictionary(labelled.filter((_, i) => foldOf(i) !== k));
    const dictionary = new EntityDictionary(arrays.keys, arrays.values);
    for (let i = 0; i < data.length; i++) {
      if (foldOf(i) !== k) continue;
      const found = dictionary.features(cores[i]!);
      if (!found) continue;
      const s = data[i]!;
      const n = s.gold.length;
      const ids: number[] = [];
      const offsets = new Uint32Array(n + 1);
      for (let t = 0; t < n; t++) {
        offsets[t] = ids.length;
        for (let j = s.offsets[t]!; j < s.offsets[t + 1]!; j++) ids.push(s.ids[j]!);
        for (let j = found.offsets[t]!; j < found.offsets[t + 1]!; j++) ids.push((found.hashes[j]! & mask) >>> 0);
        if (found.offsets[t + 1]! > found.offsets[t]!) matched++;
      }
      offsets[n] = ids.length;
      data[i] = { ...s, offsets, ids: Uint32Array.from(ids) };
    }
  }
  const shipped = buildDictionary(labelled);
  log(`entity dictionary: ${shipped.keys.length} keys shipped; ${matched} training tokens carry jackknifed dictionary features (${K} folds)`);
  return shipped;
}

/**
 * Self-labelled lexicons: for each half of the training sentences, the lexicon whose
 * self-labels come from the tagger trained on the other half; and the shipped one.
 */
async function selfLabelledLexicons(options: TrainOptions, base: LexiconArrays): Promise<{ byHalf: LexiconArrays[]; shipped: LexiconArrays }> {
  const lexicon = new Lexicon(base.keys, base.values);
  const counts: SelfCounts[] = [];
  for (const half of [0, 1]) {
    log(`self-labels: training the tagger of half ${half + 1}/2`);
    const bytes = await train({ ...options, selfLabels: false, docWindow: 0, dictFolds: 0 }, (i) => Math.floor(i / SELF_BLOCK) % 2 === half);
    counts.push(await selfLabelCounts(parseNerModel(bytes), lexicon, options.selfWords));
  }
  const byHalf = [withSelfCodes(base, counts[1]!, SELF_MIN_COUNT), withSelfCodes(base, counts[0]!, SELF_MIN_COUNT)];
  const shipped = withSelfCodes(base, mergeCounts(counts[0]!, counts[1]!), 2 * SELF_MIN_COUNT);
  const coded = (l: LexiconArrays): number => l.values.reduce((n, v) => n + (unpackLexiconEntry(v).self ? 1 : 0), 0);
  log(`self-labels: ${coded(byHalf[0]!)} / ${coded(byHalf[1]!)} forms coded for the halves, ${coded(shipped)} shipped`);
  return { byHalf, shipped };
}

export async function train(options: TrainOptions, only?: (sentence: number) => boolean): Promise<Uint8Array> {
  const t0 = Date.now();
  // The held-out tail is cut before anything else, so halves, folds and document windows
  // are laid out exactly as if the corpora ended there.
  const corpora = trainingSentences(options.corpora).map((c) =>
    options.holdoutTail > 0 ? { name: c.name, sentences: splitHoldout(c.sentences, options.holdoutTail, options.holdoutHead).train } : c);
  for (const c of corpora) log(`${c.name}: ${c.sentences.length} sentences, ${c.sentences.reduce((n, s) => n + s.tokens.length, 0)} tokens`);
  const gazetteerEntries = options.baseline ? [] : buildGazetteer();
  let lexiconArrays: LexiconArrays = options.baseline ? { keys: new Uint32Array(0), values: new Uint32Array(0) } : await buildLexicon();
  const gazetteer = new Gazetteer(gazetteerEntries);
  const optionsFor = (arrays: LexiconArrays): FeatureOptions => {
    const f: FeatureOptions = options.baseline ? { hashBits: options.hashBits } : { hashBits: options.hashBits, lexicon: new Lexicon(arrays.keys, arrays.values), gazetteer };
    if (options.charNgrams > 0) f.charNgrams = options.charNgrams;
    if (options.dropTemplates.length > 0) f.dropTemplates = options.dropTemplates;
    return f;
  };
  let byHalf: FeatureOptions[] | undefined;
  if (!options.baseline && options.selfLabels) {
    const self = await selfLabelledLexicons(options, lexiconArrays);
    byHalf = self.byHalf.map(optionsFor);
    lexiconArrays = self.shipped;
  }
  const features = optionsFor(lexiconArrays);
  log(`gazetteer ${gazetteerEntries.length} names, lexicon ${lexiconArrays.keys.length} forms`);

  const data: Encoded[] = [];
  const keys: string[][] = [];
  const corpusOf: number[] = [];
  const words = new FeatureExtractor(features);
  let index = 0;
  corpora.forEach((c, k) => {
    for (const s of c.sentences) {
      if (only && !only(index++)) continue;
      const f = byHalf ? byHalf[Math.floor(data.length / SELF_BLOCK) % 2]! : features;
      data.push({ ...sentenceFeatures(s.tokens, f), gold: Uint8Array.from(s.labels, labelIndex) });
      keys.push(s.tokens.map((t) => words.word(t).docKey));
      corpusOf.push(k);
    }
  });
  log(`features extracted for ${data.length} sentences (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  let dictionary: DictionaryArrays | undefined;
  if (!options.baseline && options.dictFolds > 0) {
    const cores = corpora.flatMap((c) => c.sentences).filter((_, i) => !only || only(i)).map((s) => s.tokens.map((t) => words.word(t).view.core));
    dictionary = addDictionaryFeatures(data, cores, options);
  }
  if (options.docWindow > 0) addDocumentFeatures(data, keys, corpusOf, options);

  const buckets = 1 << options.hashBits;
  const final = perceptron(data, Array.from(data.keys()), options, 'final');
  const avg = final.w;
  const avgTrans = final.trans;
  const avgStart = final.start;
  const q = quantiseWeights(avg, buckets, options.prune);
  log(`kept ${q.rows.length} of ${buckets} weight rows (prune < ${options.prune})`);
  const parts: ModelParts = {
    header: {
      hashBits: options.hashBits,
      featureSet: options.baseline ? 'baseline' : 'full',
      ...(options.charNgrams > 0 ? { charNgrams: options.charNgrams } : {}),
      ...(options.dropTemplates.length > 0 ? { dropTemplates: options.dropTemplates } : {}),
      ...(options.docWindow > 0 ? { docWindow: options.docWindow } : {}),
      gazetteer: gazetteerEntries,
      trainedOn: {
        corpora: corpora.map((c) => c.name),
        unlabeled: options.baseline ? [] : ['Arabic Wikipedia 2017 slice (CC BY-SA 4.0)', 'ANT corpus Jawhara FM (Apache-2.0)'],
        ...(!options.baseline && options.selfLabels ? { selfLabels: { words: options.selfWords, minCount: SELF_MIN_COUNT, halves: `blocks of ${SELF_BLOCK} sentences` } } : {}),
        epochs: options.epochs,
        hashBits: options.hashBits,
        seed: options.seed,
        ...(options.seeds > 1 ? { seeds: options.seeds } : {}),
        prune: options.prune,
        identityDropout: options.identityDropout,
        ...(options.charNgrams > 0 ? { charNgrams: options.charNgrams } : {}),
        ...(options.docWindow > 0 ? { docWindow: options.docWindow, docFolds: options.docFolds, docDropout: options.docDropout } : {}),
        ...(dictionary ? { dictionaryFolds: options.dictFolds } : {}),
        ...(options.holdoutTail > 0 ? { holdoutTail: options.holdoutTail, ...(options.holdoutHead ? { holdoutHead: true } : {}) } : {}),
      },
    },
    ...q,
    transitions: avgTrans,
    start: avgStart,
    lexiconKeys: lexiconArrays.keys,
    lexiconValues: lexiconArrays.values,
    ...(dictionary ? { dictionaryKeys: dictionary.keys, dictionaryValues: dictionary.values } : {}),
  };
  return serializeModel(parts);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const bytes = await train(options);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, bytes);
  log(`wrote ${options.out} (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`train:ner failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
