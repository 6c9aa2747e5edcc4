/**
 * 32-bit FNV-1a over UTF-16 code units. Features and lexicon keys are hashed rather than
 * stored as strings so the shipped model holds only numbers; the same function runs at
 * training time (Node) and tagging time (worker, page, CLI), so the buckets agree.
 */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `(fnv1a(s, seed) & mask) >>> 0` (a bucket), computed without handing the 32-bit hash on. */
export function fnv1aBucket(s: string, seed: number, mask: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h & mask) >>> 0;
}

/** Deterministic PRNG (mulberry32) so training, shuffling and k-means repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
