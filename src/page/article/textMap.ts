/**
 * From offsets in the extracted text back to the live page, for highlighting. A reading keeps
 * `segments` (text offsets → live Text nodes); these functions turn an offset range into DOM
 * positions, or into a Range where the DOM implements one. Nothing here changes the page.
 */
import type { TextSegment } from './extract';

/** Whitespace as the extraction collapses it (runs become one space); `dataIndex` replays the same rule. */
export const isWhitespace = (ch: string): boolean => /\s/.test(ch);

export interface DomPoint {
  node: Text;
  offset: number;
}

export interface DomSpan {
  start: DomPoint;
  end: DomPoint;
}

/**
 * Index in `segment.node.data` of the character at text offset `offset` (segment.start ≤
 * offset ≤ segment.end), replaying the whitespace collapsing of the extraction.
 */
function dataIndex(segment: TextSegment, offset: number): number {
  const data = segment.node.data;
  let emitted = 0;
  const wanted = offset - segment.start;
  let lastWasSpace = false;
  for (let i = segment.dataStart; i < data.length; i++) {
    const space = isWhitespace(data[i]!);
    if (space && lastWasSpace) continue;
    if (emitted === wanted) return i;
    emitted++;
    lastWasSpace = space;
  }
  return data.length;
}

/** Binary search for the segment holding `offset` (or ending at it when `atEnd`). */
function segmentAt(segments: readonly TextSegment[], offset: number, atEnd: boolean): TextSegment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (atEnd ? offset <= s.start : offset < s.start) hi = mid - 1;
    else if (atEnd ? offset > s.end : offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * The live DOM positions of text[start, end). Null when the range falls outside the mapped
 * text (e.g. across a paragraph break with no node) or the page has since removed the nodes.
 */
export function domSpanFor(segments: readonly TextSegment[], start: number, end: number): DomSpan | null {
  if (!(start >= 0 && end > start)) return null;
  const first = segmentAt(segments, start, false);
  const last = segmentAt(segments, end, true);
  if (!first || !last) return null;
  if (!first.node.isConnected || !last.node.isConnected) return null;
  return {
    start: { node: first.node, offset: dataIndex(first, start) },
    end: { node: last.node, offset: dataIndex(last, end - 1) + 1 },
  };
}

/** A live Range over text[start, end), or null (see `domSpanFor`; also null where the DOM has no Range). */
export function rangeFor(doc: Document, segments: readonly TextSegment[], start: number, end: number): Range | null {
  const span = domSpanFor(segments, start, end);
  if (!span) return null;
  try {
    const range = doc.createRange();
    range.setStart(span.start.node, span.start.offset);
    range.setEnd(span.end.node, span.end.offset);
    return range;
  } catch {
    return null;
  }
}
