/**
 * OFF BY DEFAULT (`npm run train:ner -- --dict-folds 5` turns it on; the shipped model has no
 * dictionary): on 5-fold cross-validation over train it raised ORG F1 by about a point but
 * lowered PERS and did not raise PERS+ORG+LOC F1 (see MODEL_CARD.md, Tried and not kept).
 *
 * Entity dictionary features: the entity strings of the labelled training corpora, looked up
 * in the text being tagged (longest match, over the clitic-free cores of the words), as
 * features of the matched words and of their neighbours. A multi-word organisation seen in
 * training (`مجلس الأمن الدولي`, `الاتحاد الأوروبي`) is then recognised as a whole even where
 * its context says little.
 *
 * Each entry holds the string's most frequent type and how reliable the string is: of the
 * times it occurs in the text the dictionary was built from (as a longest match), in how many
 * it is exactly a gold entity (≥ 80 %, ≥ 50 %, ≥ 20 %, less). A word like `الأمن` is a name
 * now and then; `إيران` almost always.
 *
 * Training must not see a dictionary that holds its own sentences' labels: the training
 * script builds one per fold from the other folds (jackknifed, contiguous folds); the shipped
 * model holds the dictionary of all training sentences.
 *
 * Stored as FNV-1a hashes of the joined cores (every proper prefix of an entry is stored too,
 * flagged as such, so matching stops as soon as no entry can continue). Features are returned
 * as hashes (template seed + value), masked to buckets by the caller, as document.ts does.
 */
import { fnv1a } from './hash';
import { ENTITY_TYPES, spansFromLabels } from './labels';

/** Entries longer than this many words are not stored (they are rare and seldom repeat). */
export const DICTIONARY_MAX_WORDS = 8;

/** Value bits: type 1–4 (ENTITY_TYPES index + 1, 0 = prefix only) in bits 0–2, reliability class in bits 3–4, bit 5 = also a prefix of a longer entry. */
const TYPE_MASK = 0x7;
const RELIABILITY_SHIFT = 3;
const PREFIX_BIT = 1 << 5;

const SEP = 0x1f;

/** Hash of the first core of a key. */
function startKey(core: string): number {
  return fnv1a(core, fnv1a('dict:'));
}

/** Continues a key's hash with one more core. */
function extendKey(h: number, core: string): number {
  h = Math.imul((h ^ SEP) >>> 0, 0x01000193) >>> 0;
  return fnv1a(core, h);
}

const TAG_NAMES = ['B', 'I'].flatMap((p) => ENTITY_TYPES.flatMap((t) => [0, 1, 2, 3].map((r) => `${p}-${t}-${r}`)));
/** Seeds per template and tag (tag id = position × 16 + type × 4 + reliability). */
const SEED_FULL = TAG_NAMES.map((t) => fnv1a(`dict0=${t}`));
const SEED_TYPE = TAG_NAMES.map((t) => fnv1a(`dict0t=${t.slice(0, -2)}`));
const SEED_PREV = TAG_NAMES.map((t) => fnv1a(`dict-1=${t.slice(0, -2)}`));
const SEED_NEXT = TAG_NAMES.map((t) => fnv1a(`dict+1=${t.slice(0, -2)}`));

export interface DictionaryArrays {
  keys: Uint32Array;
  values: Uint32Array;
}

export class EntityDictionary {
  private readonly table = new Map<number, number>();

  constructor(keys: Uint32Array, values: Uint32Array) {
    for (let i = 0; i < keys.length; i++) this.table.set(keys[i]!, values[i]!);
  }

  get size(): number {
    return this.table.size;
  }

  /**
   * Longest matches in a sentence of cores: per token, -1 outside any match, else its tag id
   * (position B/I, type, reliability).
   */
  match(cores: readonly string[]): Int16Array | undefined {
    let out: Int16Array | undefined;
    const n = cores.length;
    for (let i = 0; i < n; ) {
      let h = startKey(cores[i]!);
      let best = 0;
      let bestValue = 0;
      for (let len = 1; len <= DICTIONARY_MAX_WORDS && i + len <= n; len++) {
        if (len > 1) h = extendKey(h, cores[i + len - 1]!);
        const v = this.table.get(h);
        if (v === undefined) break;
        if ((v & TYPE_MASK) !== 0) {
          best = len;
          bestValue = v;
        }
        if ((v & PREFIX_BIT) === 0) break;
      }
      if (best === 0) {
        i++;
        continue;
      }
      out ??= new Int16Array(n).fill(-1);
      const tag = ((bestValue & TYPE_MASK) - 1) * 4 + ((bestValue >>> RELIABILITY_SHIFT) & 3);
      for (let k = 0; k < best; k++) out[i + k] = (k === 0 ? 0 : 16) + tag;
      i += best;
    }
    return out;
  }

  /**
   * Feature hashes of a sentence's matches: token i owns hashes[offsets[i]] … (none when
   * nothing matched: `undefined`).
   */
  features(cores: readonly string[]): { offsets: Uint32Array; hashes: Uint32Array } | undefined {
    const tags = this.match(cores);
    if (!tags) return undefined;
    const n = cores.length;
    const offsets = new Uint32Array(n + 1);
    const hashes: number[] = [];
    for (let i = 0; i < n; i++) {
      offsets[i] = hashes.length;
      const t = tags[i]!;
      if (t >= 0) hashes.push(SEED_FULL[t]!, SEED_TYPE[t]!);
      if (i > 0 && tags[i - 1]! >= 0) hashes.push(SEED_PREV[tags[i - 1]!]!);
      if (i + 1 < n && tags[i + 1]! >= 0) hashes.push(SEED_NEXT[tags[i + 1]!]!);
    }
    offsets[n] = hashes.length;
    return { offsets, hashes: Uint32Array.from(hashes) };
  }
}

/**
 * The dictionary of labelled sentences, given as the cores of their words and their IOB2
 * labels: every entity string (up to DICTIONARY_MAX_WORDS words) with its most frequent type
 * and its reliability in those same sentences.
 */
export function buildDictionary(sentences: readonly { cores: readonly string[]; labels: readonly string[] }[]): DictionaryArrays {
  const typeCounts = new Map<number, number[]>();
  const prefixes = new Set<number>();
  for (const s of sentences) {
    for (const span of spansFromLabels(s.labels)) {
      const len = span.end - span.start;
      const type = ENTITY_TYPES.indexOf(span.type as (typeof ENTITY_TYPES)[number]);
      if (len > DICTIONARY_MAX_WORDS || type < 0) continue;
      let h = startKey(s.cores[span.start]!);
      for (let k = 1; k < len; k++) {
        prefixes.add(h);
        h = extendKey(h, s.cores[span.start + k]!);
      }
      const counts = typeCounts.get(h) ?? [0, 0, 0, 0];
      counts[type]!++;
      typeCounts.set(h, counts);
    }
  }
  const table = new Map<number, number>();
  for (const [h, counts] of typeCounts) {
    let best = 0;
    for (let t = 1; t < counts.length; t++) if (counts[t]! > counts[best]!) best = t;
    table.set(h, best + 1);
  }
  for (const h of prefixes) table.set(h, (table.get(h) ?? 0) | PREFIX_BIT);
  // Reliability: how often a longest match in these sentences is exactly a gold entity.
  const draft = toArrays(table);
  const dictionary = new EntityDictionary(draft.keys, draft.values);
  const matches = new Map<number, number>();
  const exact = new Map<number, number>();
  for (const s of sentences) {
    const tags = dictionary.match(s.cores);
    if (!tags) continue;
    const gold = new Set(spansFromLabels(s.labels).map((g) => `${g.start}:${g.end}`));
    for (let i = 0; i < tags.length; ) {
      if (tags[i]! < 0) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < tags.length && tags[end]! >= 16) end++;
      let h = startKey(s.cores[i]!);
      for (let k = i + 1; k < end; k++) h = extendKey(h, s.cores[k]!);
      matches.set(h, (matches.get(h) ?? 0) + 1);
      if (gold.has(`${i}:${end}`)) exact.set(h, (exact.get(h) ?? 0) + 1);
      i = end;
    }
  }
  for (const [h, v] of table) {
    if ((v & TYPE_MASK) === 0) continue;
    const m = matches.get(h) ?? 0;
    const r = m === 0 ? 0 : (exact.get(h) ?? 0) / m;
    const cls = r >= 0.8 ? 3 : r >= 0.5 ? 2 : r >= 0.2 ? 1 : 0;
    table.set(h, v | (cls << RELIABILITY_SHIFT));
  }
  return toArrays(table);
}

function toArrays(table: Map<number, number>): DictionaryArrays {
  const keys = Uint32Array.from(table.keys()).sort();
  return { keys, values: Uint32Array.from(keys, (k) => table.get(k)!) };
}
