import { describe, expect, it } from 'vitest';
import { rangeIndexAt } from '../../src/nlp/text/spans';

describe('rangeIndexAt', () => {
  const ranges = [
    { start: 0, end: 5 },
    { start: 8, end: 12 },
    { start: 12, end: 20 },
  ];

  it('finds the range holding an offset, ends excluded', () => {
    expect(rangeIndexAt(ranges, 0)).toBe(0);
    expect(rangeIndexAt(ranges, 4)).toBe(0);
    expect(rangeIndexAt(ranges, 11)).toBe(1);
    expect(rangeIndexAt(ranges, 12)).toBe(2);
    expect(rangeIndexAt(ranges, 19)).toBe(2);
  });

  it('gives -1 in a gap, before, after, and over no ranges', () => {
    expect(rangeIndexAt(ranges, 5)).toBe(-1);
    expect(rangeIndexAt(ranges, 7)).toBe(-1);
    expect(rangeIndexAt(ranges, 20)).toBe(-1);
    expect(rangeIndexAt(ranges, -1)).toBe(-1);
    expect(rangeIndexAt([], 3)).toBe(-1);
  });
});
