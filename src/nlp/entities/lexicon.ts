/**
 * What the tagger knows from unlabeled text: for each frequent normalised word form, its
 * corpus frequency, two word-cluster ids (coarse and fine, from co-occurrence k-means) and
 * flags from name-mining patterns (الرئيس X, مدينة X, حركة X …). Keys are 32-bit hashes of
 * the form, values packed into one 32-bit integer; both arrays ship in the model file.
 */
import { fnv1a } from './hash';

export const LEXICON_FLAG = { person: 1, place: 2, org: 4, group: 8 } as const;

export interface LexiconEntry {
  /** floor(log2(count)) + 1, clamped to 31; 0 = form not in the lexicon. */
  freqClass: number;
  /** Coarse cluster + 1 (0 = none). */
  coarse: number;
  /** Fine cluster + 1 (0 = none). */
  fine: number;
  flags: number;
  /**
   * Self-labelled type (scripts/ner/self-labels.ts): how a tagger trained on the labelled corpora tagged this
   * form across the unlabeled text — 0 none, else 1 + 3 × (type − 1) + strength, for type
   * PERS 1, ORG 2, LOC 3, MISC 4 and strength 0 (mostly), 1 (often), 2 (sometimes).
   */
  self?: number;
}

export function packLexiconEntry(e: LexiconEntry): number {
  return ((e.freqClass & 31) | ((e.coarse & 127) << 5) | ((e.fine & 1023) << 12) | ((e.flags & 15) << 22) | (((e.self ?? 0) & 15) << 26)) >>> 0;
}

export function unpackLexiconEntry(v: number): LexiconEntry {
  return { freqClass: v & 31, coarse: (v >>> 5) & 127, fine: (v >>> 12) & 1023, flags: (v >>> 22) & 15, self: (v >>> 26) & 15 };
}

export function lexiconKey(form: string): number {
  return fnv1a(form, 0x9e3779b9);
}

/** Read-only lookup over sorted keys (binary search: no per-load table to build). */
export class Lexicon {
  constructor(
    private readonly keys: Uint32Array,
    private readonly values: Uint32Array,
  ) {
    if (keys.length !== values.length) throw new Error('lexicon keys and values differ in length');
  }

  get size(): number {
    return this.keys.length;
  }

  /** Packed entry for a normalised form, 0 when unknown. */
  packed(form: string): number {
    const key = lexiconKey(form);
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k === key) return this.values[mid]!;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Approximate corpus count (lower bound of the frequency class), 0 when unknown. */
  frequency(form: string): number {
    const c = this.packed(form) & 31;
    return c === 0 ? 0 : 2 ** (c - 1);
  }
}

export const EMPTY_LEXICON = new Lexicon(new Uint32Array(0), new Uint32Array(0));
