/**
 * NER bench: tagging throughput in Node (median tokens/s) side by side with the training-set
 * lookup baseline on the same sentences, model load time (read + parse), and the model's
 * size on disk and gzipped.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { compare, formatComparison, measure, formatMeasurement, report, type BenchSuite } from './harness';
import { parseNerModel } from '../../src/nlp/entities/index';
import { NER_MODEL_PATH } from '../../src/cli/loadModel';
import { CORPUS_FILES, readConll } from '../ner/corpora';
import { DictionaryTagger } from '../ner/dictionary-baseline';
import { trainingSentences } from '../train-ner';

export const suite: BenchSuite = {
  name: 'ner',
  skip() {
    if (!existsSync(NER_MODEL_PATH)) return `no model at ${NER_MODEL_PATH} (npm run train:ner)`;
    if (!existsSync(CORPUS_FILES.anercorpDev)) return `${CORPUS_FILES.anercorpDev} absent (../shared not here)`;
    return undefined;
  },
  async run() {
    const bytes = readFileSync(NER_MODEL_PATH);
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
    const load = await measure('load: read file + parseNerModel', () => parseNerModel(readFileSync(NER_MODEL_PATH)), { runs: 11, warmup: 1 });
    report('ner: model', [
      `file ${NER_MODEL_PATH}`,
      `size on disk ${mb(statSync(NER_MODEL_PATH).size)}, gzipped (level 9) ${mb(gzipped)}`,
      formatMeasurement(load),
    ]);

    const model = parseNerModel(bytes);
    const sentences = readConll(CORPUS_FILES.anercorpDev).map((s) => s.tokens);
    const tokens = sentences.reduce((n, s) => n + s.length, 0);
    const dictionary = new DictionaryTagger(trainingSentences().flatMap((c) => c.sentences));
    const r = await compare(
      { name: 'model: tagTokens (features + Viterbi)', fn: () => sentences.forEach((s) => model.tag(s)) },
      { name: 'baseline: training-set lookup', fn: () => sentences.forEach((s) => dictionary.tag(s)) },
      { runs: 7, warmup: 1, unitsPerRun: tokens, unit: 'tokens' },
    );
    report(`ner: tagging ANERcorp dev (${sentences.length} sentences, ${tokens.toLocaleString('en')} tokens)`, formatComparison(r));
  },
};
