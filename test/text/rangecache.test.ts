import { describe, expect, it } from 'vitest';
import { RangeCache } from '../../src/nlp/text/rangecache';

describe('RangeCache', () => {
  it('finds keys by a range of another string, as a Map finds them by the substring', () => {
    const text = 'في عام 2015 قال وزير الخارجية في الرياض إن في الرياض وفي عام 😀 مؤتمرا';
    const cache = new RangeCache<number>(1000, 6);
    const map = new Map<string, number>();
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= Math.min(text.length, start + 6); end++) {
        const key = text.slice(start, end);
        const id = cache.find(text, start, end);
        expect(id >= 0).toBe(map.has(key));
        if (id >= 0) {
          expect(cache.key(id)).toBe(key);
          expect(cache.value(id)).toBe(map.get(key));
          expect(cache.tag(id)).toBe(7 * map.get(key)! + 1);
        } else {
          cache.add(key, map.size, 7 * map.size + 1);
          map.set(key, map.size);
        }
      }
    }
    expect(cache.size).toBe(map.size);
  });

  it('starts over when full, and still answers right', () => {
    const cache = new RangeCache<string>(4, 3);
    const words = ['a', 'bb', 'ccc', 'dd', 'e', 'ff', 'a', 'bb', 'g'];
    for (const w of words) {
      const text = `<${w}>`;
      const id = cache.find(text, 1, 1 + w.length);
      if (id >= 0) {
        expect(cache.value(id)).toBe(w.toUpperCase());
        expect(cache.tag(id)).toBe(w.length); // tags follow their keys when the cache starts over
      } else cache.add(w, w.toUpperCase(), w.length);
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    expect(cache.find('g', 0, 1)).toBeGreaterThanOrEqual(0);
    expect(cache.find('zz', 0, 2)).toBe(-1);
  });

  it('neither holds nor finds keys longer than its limit', () => {
    const cache = new RangeCache<number>(8, 3);
    cache.add('abcd', 1);
    cache.add('abc', 2);
    expect(cache.size).toBe(1);
    expect(cache.find('xabcdx', 1, 5)).toBe(-1);
    expect(cache.value(cache.find('xabcdx', 1, 4))).toBe(2);
  });
});
