/**
 * What the window tagger (mlp.ts) reads of a token, computed with the perceptron's own word
 * analysis (NerModel.word: normalisation, clitic split, lexicon entry, trigger class), so both
 * taggers see the same clitic-free core. Self-labelled types are NOT read: the lexicon's
 * self-labels were made by taggers trained on the same labelled sentences, and a learner that
 * sees them on its own training sentences would trust them too much (the perceptron avoids
 * this with its two-halves scheme; this experiment keeps it simple and leaves them out).
 */
import { fnv1aBucket } from '../../../src/nlp/entities/hash';
import { LEXICON_FLAG } from '../../../src/nlp/entities/lexicon';
import type { NerModel } from '../../../src/nlp/entities/model';
import type { WordInfo } from '../../../src/nlp/entities/features';
import { INDICATORS, type TokenInput } from './mlp';

export const NGRAM_MIN = 2;
export const NGRAM_MAX = 4;
export const CLUSTERS = 1024;
export const SHAPES = 64;

/** Word ids: 0 padding, 1 unknown, then the vocabulary. */
export class Vocabulary {
  readonly ids = new Map<string, number>();

  /** Cores seen at least `minCount` times in `cores`, in first-seen order (deterministic). */
  static fromCounts(cores: Iterable<string>, minCount: number): Vocabulary {
    const counts = new Map<string, number>();
    for (const c of cores) counts.set(c, (counts.get(c) ?? 0) + 1);
    const v = new Vocabulary();
    for (const [c, n] of counts) if (n >= minCount) v.ids.set(c, v.ids.size + 2);
    return v;
  }

  get size(): number {
    return this.ids.size + 2;
  }

  id(core: string): number {
    return this.ids.get(core) ?? 1;
  }
}

/** Bucket ids of the character n-grams (n = 2…4) of `^core$`. */
export function ngramBuckets(core: string, buckets: number): Int32Array {
  const s = `^${core}$`;
  const out: number[] = [];
  const mask = buckets - 1;
  for (let n = NGRAM_MIN; n <= NGRAM_MAX; n++) {
    for (let i = 0; i + n <= s.length; i++) out.push(fnv1aBucket(s.slice(i, i + n), 0x811c9dc5 + n, mask));
  }
  return Int32Array.from(out);
}

const FREQ_EDGES = [1, 5, 9, 13];

/** Context-free indicators (gazetteer B/I are set per sentence, see encodeSentence). */
function indicators(info: WordInfo): Float32Array {
  const v = new Float32Array(INDICATORS);
  const view = info.view;
  // 0: padding (never set for a real token)
  v[1] = info.split.prefixLength > 0 ? 1 : 0;
  v[2] = info.split.fusedArticle ? 1 : 0;
  v[3] = info.split.core.startsWith('ال') ? 1 : 0;
  v[4] = view.flags & LEXICON_FLAG.person ? 1 : 0;
  v[5] = view.flags & LEXICON_FLAG.place ? 1 : 0;
  v[6] = view.flags & LEXICON_FLAG.org ? 1 : 0;
  v[7] = view.flags & LEXICON_FLAG.group ? 1 : 0;
  v[8] = view.nisba ? 1 : 0;
  const trig = ['person', 'place', 'org', 'group'].indexOf(view.trigger);
  if (trig >= 0) v[9 + trig] = 1;
  let f = 0;
  while (f < FREQ_EDGES.length && view.freqClass >= FREQ_EDGES[f]!) f++;
  v[13 + f] = 1; // 13…17: frequency class unknown, rare … very common
  // 18, 19: gazetteer B / I (per sentence)
  return v;
}

/** Encodes tokens into TokenInput, caching per distinct token string. */
export class Encoder {
  private readonly cache = new Map<string, TokenInput>();

  constructor(
    readonly model: NerModel,
    readonly vocabulary: Vocabulary,
    readonly ngramBucketCount: number,
  ) {}

  token(token: string): TokenInput {
    let t = this.cache.get(token);
    if (t) return t;
    const info = this.model.word(token);
    const core = info.view.core;
    t = {
      word: this.vocabulary.id(core),
      ngrams: ngramBuckets(core, this.ngramBucketCount),
      cluster: info.view.fine === '0' || info.view.fine === 'pad' ? 0 : (Number.parseInt(info.view.fine, 10) % (CLUSTERS - 1)) + 1,
      shape: fnv1aBucket(info.view.shape, 0x5bd1e995, SHAPES - 1),
      indicators: indicators(info),
    };
    this.cache.set(token, t);
    return t;
  }

  /** A sentence's inputs, with the gazetteer's longest matches marked B (18) / I (19). */
  sentence(tokens: readonly string[]): TokenInput[] {
    const out = tokens.map((t) => this.token(t));
    const norms = tokens.map((t) => this.model.word(t).featureNorm);
    for (let i = 0; i < norms.length; ) {
      const m = this.model.gazetteer.matchAt(norms, i);
      if (!m) {
        i++;
        continue;
      }
      for (let k = 0; k < m.length; k++) {
        const ind = Float32Array.from(out[i + k]!.indicators);
        ind[k === 0 ? 18 : 19] = 1;
        out[i + k] = { ...out[i + k]!, indicators: ind };
      }
      i += m.length;
    }
    return out;
  }
}
