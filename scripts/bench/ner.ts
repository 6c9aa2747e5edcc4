/**
 * NER bench: tagging throughput in Node (median tokens/s) side by side with the training-set
 * lookup baseline on the same sentences, model load time (read + parse), and the model's
 * size on disk and gzipped. Then, on the SaudiNewsNet sample texts that `bench analyze`
 * reads, the tagger alone (tokens looked up + tagged sentence by sentence, as the NER stage
 * does) and the whole NER stage (`recogniseActors`) each side by side with chrono-node's
 * Arabic date pass over the same texts: issue #6 wants the NER stage a fraction of that pass.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { compare, formatComparison, measure, formatMeasurement, report, type BenchSuite } from './harness';
import { parseNerModel } from '../../src/nlp/entities/index';
import { NER_MODEL_PATH } from '../../src/cli/loadModel';
import { CORPUS_FILES, readConll } from '../ner/corpora';
import { DictionaryTagger } from '../ner/dictionary-baseline';
import { trainingSentences } from '../train-ner';
import * as chrono from 'chrono-node';
import { join } from 'node:path';
import { recogniseActors } from '../../src/nlp/entities/index';
import { textTokens } from '../../src/nlp/entities/mentions';
import { SHARED_DATA } from '../ner/corpora';

const NEWS = join(SHARED_DATA, 'texts', 'saudinewsnet-sample-300.jsonl');

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

    if (!existsSync(NEWS)) return;
    const articles = readFileSync(NEWS, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { content?: string; date_extracted?: string })
      .filter((a) => typeof a.content === 'string' && a.content.trim())
      .map((a) => ({ text: a.content!, ref: new Date(`${(a.date_extracted ?? '2015-01-01').slice(0, 10)}T12:00:00Z`) }));
    const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
    const peer = { name: 'chrono-node ar.casual: dates only', fn: () => articles.forEach((a) => chrono.ar.casual.parse(a.text, a.ref)) };
    // The tagger's share of the NER stage: tokens looked up, then the article's sentences
    // tagged as one document (both passes when the model has document features).
    const tagOnly = (): void => {
      for (const a of articles) {
        const { tokens, words: looked } = textTokens(a.text, model);
        const sentences = [];
        for (let s = 0; s < tokens.length; ) {
          let e = s;
          while (e < tokens.length && tokens[e]!.sentence === tokens[s]!.sentence) e++;
          sentences.push(looked.slice(s, e));
          s = e;
        }
        model.decodeDocument(sentences);
      }
    };
    const t = await compare({ name: 'tagger: tokens + word lookup + decode', fn: tagOnly }, peer, { runs: 7, warmup: 1, unitsPerRun: words, unit: 'words' });
    report(`ner: tagger vs chrono-node Arabic dates, ${articles.length} SaudiNewsNet texts (${words.toLocaleString('en')} words)`, formatComparison(t));
    const stage = await compare({ name: 'NER stage: recogniseActors', fn: () => articles.forEach((a) => recogniseActors(model, a.text)) }, peer, {
      runs: 7,
      warmup: 1,
      unitsPerRun: words,
      unit: 'words',
    });
    report('ner: whole NER stage vs chrono-node Arabic dates, same texts', formatComparison(stage));
  },
};
