/**
 * Document-level features for the tagger's second pass: one name, one sense per article.
 * A first pass tags every sentence alone; then each word learns how the OTHER occurrences of
 * its stem nearby (within `window` sentences either side) were tagged: the majority type
 * (O, PERS, ORG, LOC, MISC), every entity type any of them received, and whether one of them
 * was part of a multi-word name. A surname tagged PERS in `جو بايدن` thus votes for a lone
 * `بايدن` three sentences on; a word seen as ORG inside `وكالة رويترز` votes for `رويترز`.
 *
 * "Nearby sentences" rather than "the article" because the tagger also reads sentence streams
 * with no article boundaries (the CLI `tag` command, the corpora); an article is usually
 * shorter than the window anyway.
 *
 * Features are returned as FNV-1a hashes (template seed + value), masked to buckets by the
 * caller: training lists them with the other buckets, tagging adds their weights to the first
 * pass's scores and decodes again.
 */
import { fnv1a } from './hash';
import { isInside, labelType, OUTSIDE } from './labels';

/** Types a first-pass label maps to: 0 = O, then PERS, ORG, LOC, MISC. */
const TYPE_COUNT = 5;
const TYPE_NAMES = ['O', 'PERS', 'ORG', 'LOC', 'MISC'] as const;
/** Per stem in the window: count per type, then how many sat in a multi-word entity. */
const MULTI = TYPE_COUNT;
const SLOTS = TYPE_COUNT + 1;

const SEED_MAJORITY = TYPE_NAMES.map((t) => fnv1a(`doc-maj=${t}`));
const SEED_ANY = TYPE_NAMES.map((t) => fnv1a(`doc-any=${t}`));
const SEED_MULTI = fnv1a('doc-multi');

/** Hashes of each token's document features: token i of a sentence owns hashes[offsets[i]] … hashes[offsets[i+1]-1]. */
export interface DocumentFeatures {
  offsets: Uint32Array;
  hashes: Uint32Array;
}

function typeOf(label: number): number {
  const t = labelType(label);
  return t === undefined ? 0 : TYPE_NAMES.indexOf(t);
}

/**
 * Document features of every token. `keys[s][i]` is the stem of token i of sentence s, or ''
 * for tokens that neither give nor take a vote (punctuation, digits, function words);
 * `labels[s]` the first pass's label indices for sentence s.
 */
export function documentFeatures(keys: readonly (readonly string[])[], labels: readonly Uint8Array[], window: number): DocumentFeatures[] {
  // Keys become small ids once; the window's counts then live in one typed array.
  const ids = new Map<string, number>();
  const keyIds: Int32Array[] = [];
  for (const k of keys) {
    const row = new Int32Array(k.length);
    for (let i = 0; i < k.length; i++) {
      const key = k[i]!;
      let id = -1;
      if (key) {
        const known = ids.get(key);
        if (known === undefined) {
          id = ids.size;
          ids.set(key, id);
        } else {
          id = known;
        }
      }
      row[i] = id;
    }
    keyIds.push(row);
  }
  const counts = new Int32Array(ids.size * SLOTS);
  // Per sentence, per token: its type and whether its first-pass entity spans several tokens.
  const types: Uint8Array[] = [];
  const multi: Uint8Array[] = [];
  for (let s = 0; s < keys.length; s++) {
    const l = labels[s]!;
    const n = keys[s]!.length;
    const t = new Uint8Array(n);
    const m = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = typeOf(l[i]!);
      if (l[i] === OUTSIDE) continue;
      m[i] = (i > 0 && isInside(l[i]!)) || (i + 1 < n && isInside(l[i + 1]!)) ? 1 : 0;
    }
    types.push(t);
    multi.push(m);
  }
  const change = (s: number, sign: number): void => {
    const k = keyIds[s]!;
    for (let i = 0; i < k.length; i++) {
      const id = k[i]!;
      if (id < 0) continue;
      counts[id * SLOTS + types[s]![i]!]! += sign;
      counts[id * SLOTS + MULTI]! += sign * multi[s]![i]!;
    }
  };
  const out: DocumentFeatures[] = [];
  // The window [s - window, s + window], slid one sentence at a time.
  for (let s = 0; s <= Math.min(window, keys.length - 1); s++) change(s, 1);
  const hashes: number[] = [];
  for (let s = 0; s < keys.length; s++) {
    if (s > 0) {
      if (s + window < keys.length) change(s + window, 1);
      if (s - window - 1 >= 0) change(s - window - 1, -1);
    }
    const k = keyIds[s]!;
    const offsets = new Uint32Array(k.length + 1);
    hashes.length = 0;
    for (let i = 0; i < k.length; i++) {
      offsets[i] = hashes.length;
      const id = k[i]!;
      if (id < 0) continue;
      const at = id * SLOTS;
      // The other occurrences: the window's counts minus this token's own vote.
      const own = types[s]![i]!;
      let total = 0;
      let best = -1;
      let bestCount = 0;
      for (let t = 0; t < TYPE_COUNT; t++) {
        const x = counts[at + t]! - (t === own ? 1 : 0);
        total += x;
        if (x > bestCount) {
          best = t;
          bestCount = x;
        }
        if (t > 0 && x > 0) hashes.push(SEED_ANY[t]!);
      }
      if (total === 0) continue;
      hashes.push(SEED_MAJORITY[best]!);
      if (counts[at + MULTI]! - multi[s]![i]! > 0) hashes.push(SEED_MULTI);
    }
    offsets[k.length] = hashes.length;
    out.push({ offsets, hashes: Uint32Array.from(hashes) });
  }
  return out;
}
