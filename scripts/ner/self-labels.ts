/**
 * Self-labelling: a tagger trained on the labelled corpora tags the shippable unlabeled text
 * (research-only/ is never read), and every lexicon form gets the entity type it was most
 * often tagged with and how often, as a code in its lexicon entry (LexiconEntry.self). A name
 * the labelled corpora never show but the tagger recognised in many contexts of the unlabeled
 * text (a foreign surname after titles, an organisation inside longer names) thus carries that
 * vote into every sentence where it appears, even a sentence with no clue of its own.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { tokenize } from '../../src/nlp/text/tokenize';
import { labelType } from '../../src/nlp/entities/labels';
import { lexiconKey, unpackLexiconEntry, packLexiconEntry, type Lexicon } from '../../src/nlp/entities/lexicon';
import type { NerModel } from '../../src/nlp/entities/model';
import type { WordInfo } from '../../src/nlp/entities/features';
import { UNLABELED_FILES } from './build-lexicon';
import type { LexiconArrays } from './build-lexicon';

const TYPES = ['PERS', 'ORG', 'LOC', 'MISC'] as const;
const SENTENCE_END = new Set(['.', '!', '?', '؟', '؛', '…', ';']);

/** Per lexicon key: how many times the form was tagged O, PERS, ORG, LOC, MISC. */
export type SelfCounts = Map<number, Uint32Array>;

const log = (msg: string): void => {
  process.stderr.write(`[self-labels] ${msg}\n`);
};

/**
 * Tags the first `maxWords` tokens of the shippable unlabeled text (files in a fixed order,
 * documents in file order: deterministic) and counts each lexicon form's labels.
 */
export async function selfLabelCounts(model: NerModel, lexicon: Lexicon, maxWords: number): Promise<SelfCounts> {
  const counts: SelfCounts = new Map();
  let words = 0;
  const tagSentence = (sentence: WordInfo[]): void => {
    if (sentence.length === 0) return;
    const labels = model.decodeWords(sentence);
    for (let i = 0; i < sentence.length; i++) {
      const core = sentence[i]!.view.core;
      if (lexicon.packed(core) === 0) continue;
      const key = lexiconKey(core);
      let c = counts.get(key);
      if (!c) {
        c = new Uint32Array(5);
        counts.set(key, c);
      }
      const t = labelType(labels[i]!);
      c[t === undefined ? 0 : TYPES.indexOf(t) + 1]!++;
    }
  };
  // Each file gets its share, so news and encyclopedia text both speak.
  const share = Math.floor(maxWords / UNLABELED_FILES.length);
  for (const file of [...UNLABELED_FILES].reverse()) {
    const limit = words + share;
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      for (const field of line.split('\t')) {
        let sentence: WordInfo[] = [];
        for (const token of tokenize(field)) {
          sentence.push(model.word(token.text));
          if (SENTENCE_END.has(token.text) || sentence.length >= 200) {
            tagSentence(sentence);
            sentence = [];
          }
        }
        tagSentence(sentence);
        words += field.length ? field.split(/\s+/).length : 0;
      }
      if (words >= limit) break;
    }
    log(`${file.split('/').pop()}: ${words.toLocaleString('en')} words tagged so far, ${counts.size} forms`);
  }
  return counts;
}

/** Adds `b` into `a` (same keys summed). */
export function mergeCounts(a: SelfCounts, b: SelfCounts): SelfCounts {
  const out: SelfCounts = new Map();
  for (const m of [a, b]) {
    for (const [k, c] of m) {
      const o = out.get(k) ?? new Uint32Array(5);
      for (let t = 0; t < 5; t++) o[t]! += c[t]!;
      out.set(k, o);
    }
  }
  return out;
}

/** The self code (see LexiconEntry.self) for label counts; 0 when too rare or never an entity. */
export function selfCode(c: Uint32Array, minCount: number): number {
  const total = c[0]! + c[1]! + c[2]! + c[3]! + c[4]!;
  if (total < minCount) return 0;
  let best = 1;
  for (let t = 2; t <= 4; t++) if (c[t]! > c[best]!) best = t;
  const share = c[best]! / total;
  const strength = share >= 0.5 ? 0 : share >= 0.15 ? 1 : share >= 0.03 ? 2 : -1;
  return strength < 0 ? 0 : 1 + 3 * (best - 1) + strength;
}

/** The lexicon with each form's self code set from `counts`. */
export function withSelfCodes(lexicon: LexiconArrays, counts: SelfCounts, minCount: number): LexiconArrays {
  const values = Uint32Array.from(lexicon.values, (v, i) => {
    const c = counts.get(lexicon.keys[i]!);
    return packLexiconEntry({ ...unpackLexiconEntry(v), self: c ? selfCode(c, minCount) : 0 });
  });
  return { keys: lexicon.keys, values };
}
