/**
 * The mentions that made it onto the page, in document order, for hit-testing and keyboard stepping.
 * Lookup by DOM point is a binary search with `Range.comparePoint`, so a pointer move costs O(log n) comparisons
 * however long the article is.
 */
import type { Actor, Span } from '../../nlp/types';
import { rangeContainsPoint } from './ranges';

export interface MentionEntry {
  actor: Actor;
  /** This mention's place among the actor's mentions in the analysis (0-based, text order). */
  mentionOfActor: number;
  span: Span;
  /** Live: the browser keeps it in step with DOM edits; `Highlighter.revalidate` checks it still fits. */
  range: Range;
}

/** Sorts in place by where each range starts in the document; ranges that cannot be compared keep text order. */
export function sortByDocumentOrder(entries: MentionEntry[]): MentionEntry[] {
  return entries.sort((a, b) => {
    try {
      const order = a.range.compareBoundaryPoints(0 /* Range.START_TO_START */, b.range);
      return order !== 0 ? order : a.span.end - b.span.end;
    } catch {
      return a.span.start - b.span.start;
    }
  });
}

/** How far back to look for an earlier mention that still encloses the point (mentions may nest). */
const NESTING_LOOKBACK = 8;

/** Indices of the entries whose range contains the DOM point (boundaries included), in document order. */
export function entriesAtPoint(entries: readonly MentionEntry[], node: Node, offset: number): number[] {
  // Last entry whose start is not after the point: `comparePoint` is -1 only for points before the range.
  let low = 0;
  let high = entries.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = entries[middle];
    if (entry && comparePointSafely(entry.range, node, offset) !== -1) {
      last = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const found: number[] = [];
  for (let i = last; i >= 0 && i > last - NESTING_LOOKBACK; i--) {
    const entry = entries[i];
    if (entry && comparePointSafely(entry.range, node, offset) === 0) found.unshift(i);
  }
  return found;
}

function comparePointSafely(range: Range, node: Node, offset: number): number {
  try {
    return range.comparePoint(node, offset);
  } catch {
    return -1; // another document or shadow tree: never a hit
  }
}

/** The caret the browser reported for a pointer position. */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/**
 * The entry under the pointer: the caret says which character is nearest, the client rects say whether the pointer
 * is really over the name (the caret snaps to text from blank margins too). Nested mentions: the shortest wins.
 */
export function hitTest(entries: readonly MentionEntry[], caret: CaretPoint, x: number, y: number): number | null {
  let best: number | null = null;
  let bestLength = Infinity;
  for (const index of entriesAtPoint(entries, caret.node, caret.offset)) {
    const entry = entries[index];
    if (!entry || !rangeContainsPoint(entry.range, x, y)) continue;
    const length = entry.span.end - entry.span.start;
    if (length < bestLength) {
      best = index;
      bestLength = length;
    }
  }
  return best;
}
