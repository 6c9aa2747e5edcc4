/**
 * A direct-mapped cache from a small non-negative integer key (< 2^31) to a weight row: one
 * slot per hash of the key, a new key simply overwrites the slot's old one. Key and row sit
 * side by side (one cache line per lookup), memory is fixed (8 bytes a slot) and nothing
 * needs clearing or evicting: the tagger uses it for templates over small classes whose
 * combinations are many but repeat a lot.
 */
export class RowCache {
  /** [key, row] per slot; key -1 = empty. */
  private readonly slots: Int32Array;
  private readonly shift: number;

  /** 2^bits slots. */
  constructor(bits: number) {
    this.slots = new Int32Array(2 << bits).fill(-1);
    this.shift = 32 - bits;
  }

  /** The row stored for `key`, or MISSING. */
  get(key: number): number {
    const s = (Math.imul(key, 0x9e3779b1) >>> this.shift) << 1;
    return this.slots[s] === key ? this.slots[s + 1]! : MISSING;
  }

  set(key: number, row: number): void {
    const s = (Math.imul(key, 0x9e3779b1) >>> this.shift) << 1;
    this.slots[s] = key;
    this.slots[s + 1] = row;
  }
}

/** What `get` returns for a key not in the cache (rows are ≥ -1). */
export const MISSING = -2;
