/**
 * `npx tsx scripts/ner/neural/overlap.ts`: how many sentences of each scored set also occur,
 * token for token, among the sentences a model trains on (held-out tail vs the first 90 %;
 * the dev sets vs all of train). Research only: explains held-out vs dev gaps.
 */
import { CORPUS_FILES, readConll, type Sentence } from '../corpora';
import { splitHoldout, trainingSentences } from '../../train-ner';
import { spansFromLabels } from '../../../src/nlp/entities/labels';

const entityStrings = (ss: readonly Sentence[]): string[] =>
  ss.flatMap((s) => spansFromLabels(s.labels).filter((e) => e.type !== 'MISC').map((e) => s.tokens.slice(e.start, e.end).join(' ')));

const key = (s: Sentence): string => s.tokens.join(' ');

function report(name: string, scored: readonly Sentence[], train: readonly Sentence[]): void {
  const seen = new Set(train.map(key));
  const long = scored.filter((s) => s.tokens.length >= 5);
  const dup = long.filter((s) => seen.has(key(s)));
  const entities = (ss: readonly Sentence[]): number => ss.reduce((n, s) => n + s.labels.filter((l) => l.startsWith('B-')).length, 0);
  const known = new Set(entityStrings(train));
  const names = entityStrings(scored);
  const seenNames = names.filter((n) => known.has(n)).length;
  process.stdout.write(`${name}: ${dup.length} of ${long.length} sentences of ≥ 5 tokens occur verbatim in its training sentences (${entities(dup)} of ${entities(scored)} entities); ` +
    `${seenNames} of ${names.length} PERS/ORG/LOC entities (${((100 * seenNames) / names.length).toFixed(1)} %) are written exactly as an entity of the training sentences\n`);
}

const corpora = trainingSentences();
const ninety: Sentence[] = [];
const tails: { name: string; sentences: Sentence[] }[] = [];
for (const c of corpora) {
  const split = splitHoldout(c.sentences, 0.1);
  ninety.push(...split.train);
  tails.push({ name: `${c.name}, held-out tail`, sentences: split.held });
}
for (const t of tails) report(t.name, t.sentences, ninety);
const all = corpora.flatMap((c) => c.sentences);
report('ANERcorp dev', readConll(CORPUS_FILES.anercorpDev), all);
report('AQMAR dev', readConll(CORPUS_FILES.aqmarDev), all);
