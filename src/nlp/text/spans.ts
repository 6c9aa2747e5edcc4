/** A half-open stretch of text, [start, end). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Index of the range holding `offset` among `ranges` (in text order, not overlapping), or -1;
 * by binary search, since a long page has thousands of sentences, mentions and furniture lines.
 */
export function rangeIndexAt(ranges: readonly TextRange[], offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
