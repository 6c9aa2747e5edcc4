/**
 * Tagging time of model variants against a reference model, in one process, on the 300
 * SaudiNewsNet texts: the tagger path of `npm run bench ner` (tokens + word lookup + both
 * decoding passes), which is what leaving out a feature template can speed up.
 *
 *   npx tsx scripts/ner/ablation-bench.ts [--runs N] [--ref FILE] VARIANT.bin …
 *
 * Each round times the reference and every variant once, the order rotated from round to
 * round (so each model runs first, last and in between equally often: the machine is shared
 * and its load drifts); CPU time of this process (user + system), after one warm-up pass per
 * model so every model's word cache holds the texts' words, as it would after a few articles.
 * Reported per variant: median time and the median over rounds of variant / reference, for
 * all rounds and separately for the rounds where the variant ran before / after the reference.
 * The reference file is also loaded a second time as a control: its ratio (ideally 1) shows
 * how far this machine's noise alone moves a ratio in the same run.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseNerModel, type NerModel } from '../../src/nlp/entities/index';
import { textTokens } from '../../src/nlp/entities/mentions';
import { NER_MODEL_PATH } from '../../src/cli/loadModel';
import { SHARED_DATA } from './corpora';
import type { WordInfo } from '../../src/nlp/entities/features';

const NEWS = join(SHARED_DATA, 'texts', 'saudinewsnet-sample-300.jsonl');

function parseArgs(argv: string[]): { runs: number; ref: string; variants: string[] } {
  let runs = 11;
  let ref = NER_MODEL_PATH;
  const variants: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') runs = Number.parseInt(argv[++i] ?? '', 10);
    else if (a === '--ref') ref = argv[++i] ?? '';
    else variants.push(a);
  }
  if (!(runs >= 1) || variants.length === 0 || !ref) throw new Error('usage: ner-ablation.ts [--runs N] [--ref FILE] VARIANT.bin …');
  return { runs, ref, variants };
}

/** The texts' sentences tagged as one document per text, as the NER stage does; returns a checksum of the labels so the work cannot be skipped. */
function tagAll(model: NerModel, texts: readonly string[]): number {
  let sum = 0;
  for (const text of texts) {
    const { tokens, words } = textTokens(text, model);
    const sentences: WordInfo[][] = [];
    for (let s = 0; s < tokens.length; ) {
      let e = s;
      while (e < tokens.length && tokens[e]!.sentence === tokens[s]!.sentence) e++;
      sentences.push(words.slice(s, e));
      s = e;
    }
    for (const labels of model.decodeDocument(sentences)) for (const l of labels) sum += l;
  }
  return sum;
}

function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The q-quantile (nearest rank) of xs. */
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
};

function main(): void {
  const { runs, ref, variants } = parseArgs(process.argv.slice(2));
  const texts = readFileSync(NEWS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { content?: string }).content ?? '')
    .filter((t) => t.trim() !== '');
  const files = [ref, ref, ...variants];
  const models = files.map((f) => parseNerModel(readFileSync(f)));
  for (const m of models) tagAll(m, texts);
  const times: number[][] = files.map(() => []);
  /** Per variant and round: whether it ran before the reference. */
  const before: boolean[][] = files.map(() => []);
  for (let r = 0; r < runs; r++) {
    const order = files.map((_, k) => (k + r) % files.length);
    const position = new Array<number>(files.length);
    order.forEach((k, p) => {
      position[k] = p;
      times[k]!.push(cpuMs(() => tagAll(models[k]!, texts)));
    });
    for (let k = 1; k < files.length; k++) before[k]!.push(position[k]! < position[0]!);
  }
  const mb = (f: string): string => (statSync(f).size / 1024 / 1024).toFixed(2);
  process.stdout.write(`texts ${texts.length}, rounds ${runs}, CPUs ${cpus().length}, load avg ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  process.stdout.write(`reference ${basename(ref)} (${mb(ref)} MB): median ${median(times[0]!).toFixed(1)} ms CPU\n`);
  for (let k = 1; k < files.length; k++) {
    const name = k === 1 ? `control: ${basename(ref)} again` : basename(files[k]!);
    const ratios = times[k]!.map((t, r) => t / times[0]![r]!);
    const first = ratios.filter((_, r) => before[k]![r]);
    const after = ratios.filter((_, r) => !before[k]![r]);
    const fmt = (xs: number[]): string => (xs.length ? `${median(xs).toFixed(3)} (n=${xs.length})` : '–');
    process.stdout.write(
      `${name} (${mb(files[k]!)} MB, drops ${JSON.stringify(models[k]!.header.dropTemplates ?? [])}, docWindow ${models[k]!.header.docWindow ?? 0}): ` +
        `median ${median(times[k]!).toFixed(1)} ms; ratio to reference ${median(ratios).toFixed(3)} (quartiles ${quantile(ratios, 0.25).toFixed(3)}–${quantile(ratios, 0.75).toFixed(3)}); ran first ${fmt(first)}, ran after ${fmt(after)}\n`,
    );
  }
}

main();
