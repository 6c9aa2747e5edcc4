/**
 * `npm run eval:ner [-- --model FILE]`: entity-level exact-match P/R/F1 (conlleval rules) on
 * ANERcorp dev and AQMAR dev (AQMAR's PER/MIS read as PERS/MISC) for four systems run the
 * same way: the shipped model, the same model with the extension's mention rules on top
 * (scripts/ner/mention-tags.ts), baseline 1 (lookup of the training set's entity strings,
 * longest match) and baseline 2 (the same tagger trained without the unlabeled-data lexicon
 * and the gazetteer, as `npm run train:ner -- --baseline` does; trained here each run unless
 * `--baseline-model FILE` names one).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseNerModel, type NerModel } from '../src/nlp/entities/index';
import { CORPUS_FILES, readConll, requireFile, type Sentence } from './ner/corpora';
import { addSentence, micro, newScores, prf, type Scores } from './ner/conlleval';
import { DictionaryTagger } from './ner/dictionary-baseline';
import { mentionTags } from './ner/mention-tags';
import { BASELINE_MODEL_PATH, DEFAULT_MODEL_PATH, DEFAULT_TRAIN_OPTIONS, train, trainingSentences } from './train-ner';

interface System {
  name: string;
  /** Tags of consecutive sentences, read as one stream (as the CLI `tag` reads its input). */
  tag(sentences: string[][]): string[][];
}

function evaluate(system: System, sentences: readonly Sentence[]): Scores {
  const scores = newScores();
  const tags = system.tag(sentences.map((s) => s.tokens));
  sentences.forEach((s, k) => addSentence(scores, s.labels, tags[k]!));
  return scores;
}

const fmt = (x: number): string => x.toFixed(1);

function table(title: string, results: { system: string; scores: Scores }[]): string {
  const lines = [`### ${title}`, '', '| system | P/R/F1 PERS+ORG+LOC | F1 all four (+MISC) | PERS P/R/F1 | ORG P/R/F1 | LOC P/R/F1 | MISC P/R/F1 |', '|---|---|---|---|---|---|---|'];
  for (const { system, scores } of results) {
    const m3 = micro(scores, ['PERS', 'ORG', 'LOC']);
    const m4 = micro(scores, ['PERS', 'ORG', 'LOC', 'MISC']);
    const per = ['PERS', 'ORG', 'LOC', 'MISC'].map((t) => {
      const s = prf(scores.byType.get(t) ?? { tp: 0, fp: 0, fn: 0 });
      return `${fmt(s.precision)} / ${fmt(s.recall)} / **${fmt(s.f1)}** (n=${s.support})`;
    });
    lines.push(`| ${system} | ${fmt(m3.precision)} / ${fmt(m3.recall)} / **${fmt(m3.f1)}** | ${fmt(m4.f1)} | ${per.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Baseline 2 is trained afresh (about a minute) so it always matches the current feature code. */
async function trainBaseline(path: string | undefined): Promise<NerModel> {
  if (path) return parseNerModel(readFileSync(path));
  process.stderr.write('[eval:ner] training baseline 2 (no lexicon, no gazetteer features)\n');
  const bytes = await train({ ...DEFAULT_TRAIN_OPTIONS, baseline: true, out: BASELINE_MODEL_PATH });
  writeFileSync(BASELINE_MODEL_PATH, bytes);
  return parseNerModel(bytes);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? resolve(args[i + 1]!) : undefined;
  };
  const modelPath = option('--model') ?? DEFAULT_MODEL_PATH;
  requireFile(CORPUS_FILES.anercorpDev);
  if (!existsSync(modelPath)) throw new Error(`no model at ${modelPath} (run npm run train:ner)`);
  const model = parseNerModel(readFileSync(modelPath));
  const baseline = await trainBaseline(option('--baseline-model'));
  const dictionary = new DictionaryTagger(trainingSentences().flatMap((c) => c.sentences));
  const systems: System[] = [
    { name: `model (${modelPath.split('/').slice(-2).join('/')})`, tag: (s) => model.tagDocument(s) },
    { name: 'model + mention rules (what the extension highlights)', tag: (s) => mentionTags(model, s) },
    { name: 'baseline 1: training-set lookup', tag: (s) => s.map((t) => dictionary.tag(t)) },
    { name: 'baseline 2: model without lexicon + gazetteer', tag: (s) => baseline.tagDocument(s) },
  ];
  const out: string[] = ['## NER evaluation (entity-level exact match, conlleval rules)', ''];
  for (const [title, path] of [
    ['ANERcorp dev (CAMeL split)', CORPUS_FILES.anercorpDev],
    ['AQMAR dev (Wikipedia, out of domain)', CORPUS_FILES.aqmarDev],
  ] as const) {
    const sentences = readConll(path);
    const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
    out.push(table(`${title}: ${sentences.length} sentences, ${tokens} tokens`, systems.map((s) => ({ system: s.name, scores: evaluate(s, sentences) }))), '');
  }
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`eval:ner failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
