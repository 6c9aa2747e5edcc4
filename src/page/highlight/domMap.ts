/**
 * The one thing highlights need from the article reader: where text[start, end) lies in the live DOM.
 * Offsets are UTF-16 indices into the extracted article text (src/nlp/types.ts); only the reader knows how that text
 * was assembled from the page's text nodes (its `segments`), so we ask it and never re-derive the mapping.
 */
import { domSpanFor, type DomSpan } from '../article/textMap';
import type { TextSegment } from '../article/extract';

export type { DomSpan, TextSegment };

/** Live DOM positions of text[start, end), or null when that text has no place in the page (any more). */
export type DomSpanLocator = (start: number, end: number) => DomSpan | null;

export function locateThroughSegments(segments: readonly TextSegment[]): DomSpanLocator {
  return (start, end) => domSpanFor(segments, start, end);
}

/** The smallest node holding all the mapped text: what to watch for changes. */
export function segmentsContainer(doc: Document, segments: readonly TextSegment[]): Node | null {
  const first = segments[0]?.node;
  const last = segments[segments.length - 1]?.node;
  if (!first || !last) return null;
  try {
    const range = doc.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    return range.commonAncestorContainer;
  } catch {
    return null;
  }
}
