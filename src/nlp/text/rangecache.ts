/**
 * A bounded cache from strings to values that is asked with the string as a range of a larger
 * text (`text[start, end)`), so a hit cuts no substring and builds no Map key. The recogniser
 * looks up every token of every article; with a Map, each lookup cut the token out, hashed it
 * and then read the Map's bucket, its entry and the stored key string, all scattered over the
 * heap and mostly out of cache by the next article. Here a lookup hashes the text's code units
 * in place, reads one table slot and compares against the key's units in one flat pool.
 *
 * When `capacity` keys are held the cache is emptied and starts over (as the tagger's own word
 * cache does), and keys longer than `maxKeyLength` are neither held nor hashed: memory stays
 * bounded on a long-lived worker, and a megabyte-long token costs no lookup.
 */
export class RangeCache<V> {
  /** [hash, id] per slot; id -1 = empty. */
  private readonly slots: Int32Array;
  private readonly shift: number;
  /** Code units of every key, back to back: key `id` is pool[bounds[id], bounds[id + 1]). */
  private pool = new Uint16Array(1 << 14);
  private readonly bounds: Int32Array;
  private readonly keys: string[] = [];
  private readonly values: V[] = [];
  /** A small integer per key beside its value (see `tag`), so a caller needs no wrapper object. */
  private readonly tags: Int32Array;

  constructor(
    private readonly capacity: number,
    readonly maxKeyLength: number,
  ) {
    // At most half full: probes stay short.
    let bits = 1;
    while (1 << bits < 2 * capacity) bits++;
    this.slots = new Int32Array(2 << bits).fill(-1);
    this.shift = 32 - bits;
    this.bounds = new Int32Array(capacity + 1);
    this.tags = new Int32Array(capacity);
  }

  /** The id of the key equal to text[start, end), or -1 when it is not held. */
  find(text: string, start: number, end: number): number {
    const length = end - start;
    if (length > this.maxKeyLength) return -1;
    const hash = hashRange(text, start, end);
    const slots = this.slots;
    const last = slots.length - 2;
    for (let at = this.slotOf(hash); ; at = at === last ? 0 : at + 2) {
      const id = slots[at + 1]!;
      if (id < 0) return -1;
      if (slots[at] === hash && this.sameUnits(id, text, start, length)) return id;
    }
  }

  /** The key string and value held under `id` (from `find`). */
  key(id: number): string {
    return this.keys[id]!;
  }

  value(id: number): V {
    return this.values[id]!;
  }

  /** The integer given with the key to `add`. */
  tag(id: number): number {
    return this.tags[id]!;
  }

  /**
   * Holds `value` (and the integer `tag`) under `key`, which `find` has just reported missing (a
   * key over `maxKeyLength` is not held).
   */
  add(key: string, value: V, tag = 0): void {
    if (key.length > this.maxKeyLength) return;
    if (this.keys.length >= this.capacity) this.clear();
    const hash = hashRange(key, 0, key.length);
    const slots = this.slots;
    const last = slots.length - 2;
    let at = this.slotOf(hash);
    while (slots[at + 1]! >= 0) at = at === last ? 0 : at + 2;
    const id = this.keys.length;
    slots[at] = hash;
    slots[at + 1] = id;
    const from = this.bounds[id]!;
    if (from + key.length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, from + key.length));
      bigger.set(this.pool.subarray(0, from));
      this.pool = bigger;
    }
    for (let k = 0; k < key.length; k++) this.pool[from + k] = key.charCodeAt(k);
    this.bounds[id + 1] = from + key.length;
    this.keys.push(key);
    this.values.push(value);
    this.tags[id] = tag;
  }

  get size(): number {
    return this.keys.length;
  }

  private clear(): void {
    this.slots.fill(-1);
    this.keys.length = 0;
    this.values.length = 0;
  }

  private slotOf(hash: number): number {
    return (Math.imul(hash, 0x9e3779b1) >>> this.shift) << 1;
  }

  /** Whether key `id` is text[start, start + length): its length from the pool bounds, then its units. */
  private sameUnits(id: number, text: string, start: number, length: number): boolean {
    const from = this.bounds[id]!;
    if (this.bounds[id + 1]! - from !== length) return false;
    const pool = this.pool;
    for (let k = 0; k < length; k++) if (pool[from + k] !== text.charCodeAt(start + k)) return false;
    return true;
  }
}

/** FNV-1a over the code units of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
