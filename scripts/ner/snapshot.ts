/**
 * `npx tsx scripts/ner/snapshot.ts OUTDIR`: writes what the tagger produces on fixed inputs, so a
 * change meant to be speed-only can be checked with `cmp` against a snapshot taken before it:
 * the IOB2 tags of ANERcorp and AQMAR (dev and train), and the actors recognised in the
 * SaudiNewsNet sample texts (which exercises the tagger on running news text).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNerModelFromDisk } from '../../src/cli/loadModel';
import { recogniseActors } from '../../src/nlp/entities/index';
import { CORPUS_FILES, readConll, SHARED_DATA } from './corpora';

const out = process.argv[2];
if (!out) throw new Error('usage: snapshot.ts OUTDIR');
mkdirSync(out, { recursive: true });
const model = loadNerModelFromDisk();
for (const [name, path] of Object.entries({
  'anercorp-dev': CORPUS_FILES.anercorpDev,
  'aqmar-dev': CORPUS_FILES.aqmarDev,
  'anercorp-train': CORPUS_FILES.anercorpTrain,
  'aqmar-train': CORPUS_FILES.aqmarTrain,
})) {
  const lines: string[] = [];
  for (const s of readConll(path)) {
    const tags = model.tag(s.tokens);
    s.tokens.forEach((t, i) => lines.push(`${t}\t${tags[i]}`));
    lines.push('');
  }
  writeFileSync(join(out, `${name}.tags`), lines.join('\n'));
}
const texts = readFileSync(join(SHARED_DATA, 'texts', 'saudinewsnet-sample-300.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { content?: string }).content ?? '');
writeFileSync(join(out, 'saudinewsnet-actors.jsonl'), texts.map((t) => JSON.stringify(recogniseActors(model, t))).join('\n'));
