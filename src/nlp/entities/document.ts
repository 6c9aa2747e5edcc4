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
import { isInside, LABEL_COUNT, labelType, OUTSIDE } from './labels';

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

/** `typeOf` and `isInside` of every label, worked out once: they are read for every token of every text. */
const TYPE_OF_LABEL = Uint8Array.from({ length: LABEL_COUNT }, (_, l) => typeOf(l));
const INSIDE_LABEL = Uint8Array.from({ length: LABEL_COUNT }, (_, l) => (isInside(l) ? 1 : 0));

/**
 * Document features of every token. `keys[s][i]` is the stem of token i of sentence s, or ''
 * for tokens that neither give nor take a vote (punctuation, digits, function words);
 * `labels[s]` the first pass's label indices for sentence s. (The training script's entry
 * point, over `documentFeaturesInto`; the tagger calls `documentFeaturesOfIds`.)
 */
export function documentFeatures(keys: readonly (readonly string[])[], labels: readonly Uint8Array[], window: number): DocumentFeatures[] {
  const flat: string[] = [];
  const starts = new Uint32Array(keys.length + 1);
  for (let s = 0; s < keys.length; s++) {
    for (const k of keys[s]!) flat.push(k);
    starts[s + 1] = flat.length;
  }
  const scratch = new DocumentScratch();
  documentFeaturesInto(flat, starts, labels, window, scratch);
  const { offsets, hashes } = scratch;
  return keys.map((_, s) => {
    const a = starts[s]!;
    const n = starts[s + 1]! - a;
    const base = offsets[a]!;
    const own = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++) own[i] = offsets[a + i]! - base;
    return { offsets: own, hashes: hashes.slice(base, offsets[a + n]!) };
  });
}

/**
 * Buffers of `documentFeaturesInto` and `documentFeaturesOfIds`, kept by the caller from text to
 * text: the tagger runs the latter once per article, and fresh typed arrays per sentence (ids, types, offsets, hashes) were a
 * good part of its cost. After a call, token g of the text (counted across its sentences)
 * owns hashes[offsets[g]] … hashes[offsets[g+1]-1].
 */
export class DocumentScratch {
  offsets = new Uint32Array(0);
  hashes = new Uint32Array(0);
  /** Per token: its key's small id (-1 = none), its type, whether its entity spans several tokens. */
  keyIds = new Int32Array(0);
  types = new Uint8Array(0);
  multi = new Uint8Array(0);
  counts = new Int32Array(0);
  readonly ids = new Map<string, number>();
  /** `documentFeaturesOfIds`: per key id, the call that last met it and its small id in that call. */
  stampOf = new Int32Array(0);
  localOf = new Int32Array(0);
  call = 0;
}

/** `a` if it holds `n` entries, else a new array of the same kind with room for them (contents not kept). */
function room<A extends Int32Array | Uint32Array | Uint8Array>(a: A, n: number, make: (n: number) => A): A {
  return a.length >= n ? a : make(Math.max(n, 2 * a.length, 256));
}

/**
 * `documentFeatures` over a text's keys laid end to end (`keys[g]` for token g; sentence s is
 * tokens starts[s] … starts[s+1]-1), into `scratch` (see DocumentScratch). Same features, in
 * the same order, as `documentFeatures`.
 */
export function documentFeaturesInto(
  keys: readonly string[],
  starts: Uint32Array,
  labels: readonly Uint8Array[],
  window: number,
  scratch: DocumentScratch,
): void {
  const total = keys.length;
  // Keys become small ids once; the window's counts then live in one typed array.
  const ids = scratch.ids;
  ids.clear();
  const keyIds = (scratch.keyIds = room(scratch.keyIds, total, (n) => new Int32Array(n)));
  for (let g = 0; g < total; g++) {
    const key = keys[g]!;
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
    keyIds[g] = id;
  }
  const distinct = ids.size;
  ids.clear(); // the keys are not kept past the text
  featuresOfSmallIds(keyIds, total, distinct, starts, labels, window, scratch);
}

/**
 * `documentFeaturesInto` with each key given as an integer id instead (`keyIds[g]` for token g,
 * -1 for '', equal ids for equal keys, every id below `idLimit`): the tagger's words carry such
 * ids, so no key string is read or hashed per token. Same features, in the same order.
 */
export function documentFeaturesOfIds(
  keyIds: Int32Array,
  total: number,
  idLimit: number,
  starts: Uint32Array,
  labels: readonly Uint8Array[],
  window: number,
  scratch: DocumentScratch,
): void {
  if (scratch.stampOf.length < idLimit) {
    const size = Math.max(idLimit, 2 * scratch.stampOf.length, 1024);
    scratch.stampOf = new Int32Array(size);
    scratch.localOf = new Int32Array(size);
    scratch.call = 0;
  }
  if (scratch.call >= 0x7fffffff) {
    scratch.stampOf.fill(0);
    scratch.call = 0;
  }
  // Call numbers start at 1: a stamp of 0 was never given.
  const call = ++scratch.call;
  const { stampOf, localOf } = scratch;
  const local = (scratch.keyIds = room(scratch.keyIds, total, (n) => new Int32Array(n)));
  let distinct = 0;
  for (let g = 0; g < total; g++) {
    const id = keyIds[g]!;
    if (id < 0) {
      local[g] = -1;
      continue;
    }
    if (stampOf[id] !== call) {
      stampOf[id] = call;
      localOf[id] = distinct++;
    }
    local[g] = localOf[id]!;
  }
  featuresOfSmallIds(local, total, distinct, starts, labels, window, scratch);
}

/** The features from keys as small ids 0 … distinct-1 (`keyIds[g]`, -1 = no key), into `scratch`. */
function featuresOfSmallIds(
  keyIds: Int32Array,
  total: number,
  distinct: number,
  starts: Uint32Array,
  labels: readonly Uint8Array[],
  window: number,
  scratch: DocumentScratch,
): void {
  const sentenceCount = starts.length - 1;
  const width = distinct * SLOTS;
  const counts = (scratch.counts = room(scratch.counts, width, (n) => new Int32Array(n)));
  counts.fill(0, 0, width);
  // Per token: its type and whether its first-pass entity spans several tokens.
  const types = (scratch.types = room(scratch.types, total, (n) => new Uint8Array(n)));
  const multi = (scratch.multi = room(scratch.multi, total, (n) => new Uint8Array(n)));
  for (let s = 0; s < sentenceCount; s++) {
    const l = labels[s]!;
    const a = starts[s]!;
    const n = starts[s + 1]! - a;
    for (let i = 0; i < n; i++) {
      types[a + i] = TYPE_OF_LABEL[l[i]!]!;
      multi[a + i] = l[i] !== OUTSIDE && ((i > 0 && INSIDE_LABEL[l[i]!] === 1) || (i + 1 < n && INSIDE_LABEL[l[i + 1]!] === 1)) ? 1 : 0;
    }
  }
  const change = (s: number, sign: number): void => {
    for (let g = starts[s]!; g < starts[s + 1]!; g++) {
      const id = keyIds[g]!;
      if (id < 0) continue;
      counts[id * SLOTS + types[g]!]! += sign;
      counts[id * SLOTS + MULTI]! += sign * multi[g]!;
    }
  };
  const offsets = (scratch.offsets = room(scratch.offsets, total + 1, (n) => new Uint32Array(n)));
  // At most TYPE_COUNT + 1 hashes a token (every non-O type, the majority, multi).
  let hashes = (scratch.hashes = room(scratch.hashes, 64, (n) => new Uint32Array(n)));
  let count = 0;
  // The window [s - window, s + window], slid one sentence at a time.
  for (let s = 0; s <= Math.min(window, sentenceCount - 1); s++) change(s, 1);
  for (let s = 0; s < sentenceCount; s++) {
    if (s > 0) {
      if (s + window < sentenceCount) change(s + window, 1);
      if (s - window - 1 >= 0) change(s - window - 1, -1);
    }
    for (let g = starts[s]!; g < starts[s + 1]!; g++) {
      offsets[g] = count;
      const id = keyIds[g]!;
      if (id < 0) continue;
      if (count + SLOTS > hashes.length) {
        const grown = new Uint32Array(2 * hashes.length);
        grown.set(hashes.subarray(0, count));
        hashes = scratch.hashes = grown;
      }
      const at = id * SLOTS;
      // The other occurrences: the window's counts minus this token's own vote.
      const own = types[g]!;
      let sum = 0;
      let best = -1;
      let bestCount = 0;
      for (let t = 0; t < TYPE_COUNT; t++) {
        const x = counts[at + t]! - (t === own ? 1 : 0);
        sum += x;
        if (x > bestCount) {
          best = t;
          bestCount = x;
        }
        if (t > 0 && x > 0) hashes[count++] = SEED_ANY[t]!;
      }
      if (sum === 0) continue;
      hashes[count++] = SEED_MAJORITY[best]!;
      if (counts[at + MULTI]! - multi[g]! > 0) hashes[count++] = SEED_MULTI;
    }
  }
  offsets[total] = count;
}
