/**
 * `npm run train:ner [-- options]`: trains the named-entity tagger (averaged structured
 * perceptron, hashed features, constrained Viterbi) and writes the model file.
 * Deterministic: fixed seed, fixed corpus order, seeded shuffles. Progress goes to stderr.
 *
 *   --baseline         no unlabeled-data lexicon and no gazetteer features (ablation baseline)
 *   --epochs N         passes over the training data (default 12)
 *   --out FILE         output path (default public/models/ner-model.bin; baseline: a temp path)
 *   --hash-bits N      feature hash space 2^N (default 20)
 *   --prune X          drop weight rows whose largest |weight| is below X (default 1.0)
 *   --dropout P        hide a token's word-identity features with probability P in training (default 0.4)
 *   --corpora LIST     comma-separated subset of anercorp,aqmar,wojood (default all)
 *   --char-ngrams N    character n-grams of each word as features (0 = none)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Gazetteer } from '../src/nlp/entities/gazetteer';
import { seededRandom } from '../src/nlp/entities/hash';
import { LABEL_COUNT, labelIndex } from '../src/nlp/entities/labels';
import { Lexicon } from '../src/nlp/entities/lexicon';
import { quantiseWeights, serializeModel, type ModelParts } from '../src/nlp/entities/model';
import { sentenceFeatures, type FeatureOptions, type SentenceFeatures } from '../src/nlp/entities/features';
import { constrain, viterbi } from '../src/nlp/entities/viterbi';
import { CORPUS_FILES, readConll, readWojood, type Sentence } from './ner/corpora';
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
  /** Probability of hiding a token's word-identity features in a training pass. */
  identityDropout: number;
  /** Which training corpora to use (default all three). */
  corpora: string[];
  /** Character n-gram features of this length (0: none). */
  charNgrams: number;
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
    else if (arg === '--hash-bits') options.hashBits = Number.parseInt(value(), 10);
    else if (arg === '--prune') options.prune = Number.parseFloat(value());
    else if (arg === '--out') options.out = resolve(value());
    else if (arg === '--corpora') options.corpora = value().split(',');
    else if (arg === '--dropout') options.identityDropout = Number.parseFloat(value());
    else if (arg === '--char-ngrams') options.charNgrams = Number.parseInt(value(), 10);
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.epochs >= 1 && options.epochs <= 100)) throw new Error('--epochs must be 1–100');
  if (!(options.hashBits >= 12 && options.hashBits <= 24)) throw new Error('--hash-bits must be 12–24');
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
  identityDropout: 0.4,
  corpora: ['anercorp', 'aqmar', 'wojood'],
  charNgrams: 0,
};

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
}

export async function train(options: TrainOptions): Promise<Uint8Array> {
  const t0 = Date.now();
  const corpora = trainingSentences(options.corpora);
  for (const c of corpora) log(`${c.name}: ${c.sentences.length} sentences, ${c.sentences.reduce((n, s) => n + s.tokens.length, 0)} tokens`);
  const gazetteerEntries = options.baseline ? [] : buildGazetteer();
  const lexiconArrays = options.baseline ? { keys: new Uint32Array(0), values: new Uint32Array(0) } : await buildLexicon();
  const lexicon = new Lexicon(lexiconArrays.keys, lexiconArrays.values);
  const features: FeatureOptions = options.baseline
    ? { hashBits: options.hashBits }
    : { hashBits: options.hashBits, lexicon, gazetteer: new Gazetteer(gazetteerEntries) };
  if (options.charNgrams > 0) features.charNgrams = options.charNgrams;
  log(`gazetteer ${gazetteerEntries.length} names, lexicon ${lexicon.size} forms`);

  const data: Encoded[] = [];
  for (const c of corpora) {
    for (const s of c.sentences) {
      data.push({ ...sentenceFeatures(s.tokens, features), gold: Uint8Array.from(s.labels, labelIndex) });
    }
  }
  log(`features extracted for ${data.length} sentences (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const L = LABEL_COUNT;
  const buckets = 1 << options.hashBits;
  const w = new Float32Array(buckets * L);
  const u = new Float64Array(buckets * L);
  const trans = new Float32Array(L * L);
  const transU = new Float64Array(L * L);
  const start = new Float32Array(L);
  const startU = new Float64Array(L);
  let step = 1;
  const order = Array.from(data.keys());
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
      for (let i = 0; i < n; i++) {
        for (let j = from[i]!; j < s.offsets[i + 1]!; j++) {
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
        for (let j = from[i]!; j < s.offsets[i + 1]!; j++) {
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
    log(`epoch ${epoch}/${options.epochs}: token errors ${errors} / ${tokens} (${((100 * errors) / tokens).toFixed(2)}%) (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  // Averaged weights: w − u / step.
  const avg = new Float32Array(buckets * L);
  for (let k = 0; k < avg.length; k++) avg[k] = w[k]! - u[k]! / step;
  const avgTrans = Float32Array.from(trans, (v, k) => v - transU[k]! / step);
  const avgStart = Float32Array.from(start, (v, k) => v - startU[k]! / step);
  const q = quantiseWeights(avg, buckets, options.prune);
  log(`kept ${q.rows.length} of ${buckets} weight rows (prune < ${options.prune})`);
  const parts: ModelParts = {
    header: {
      hashBits: options.hashBits,
      featureSet: options.baseline ? 'baseline' : 'full',
      ...(options.charNgrams > 0 ? { charNgrams: options.charNgrams } : {}),
      gazetteer: gazetteerEntries,
      trainedOn: {
        corpora: corpora.map((c) => c.name),
        unlabeled: options.baseline ? [] : ['Arabic Wikipedia 2017 slice (CC BY-SA 4.0)', 'ANT corpus Jawhara FM (Apache-2.0)'],
        epochs: options.epochs,
        hashBits: options.hashBits,
        seed: options.seed,
        prune: options.prune,
        identityDropout: options.identityDropout,
        ...(options.charNgrams > 0 ? { charNgrams: options.charNgrams } : {}),
      },
    },
    ...q,
    transitions: avgTrans,
    start: avgStart,
    lexiconKeys: lexiconArrays.keys,
    lexiconValues: lexiconArrays.values,
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
