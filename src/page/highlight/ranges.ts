/**
 * Mention offsets → live DOM ranges, and the checks that keep a range honest: it must still cover the words the
 * analysis found, and it must not lie in something the reader is typing into.
 */
import { normalizeArabic } from '../../nlp/text/normalize';
import type { Span } from '../../nlp/types';
import type { DomSpanLocator } from './domMap';

/**
 * Whitespace and invisible marks differ between the extracted text and the DOM (collapsed spaces, soft hyphens,
 * bidi controls, zero-width joiners), and so do diacritics and tatweel; none of them changes which words are covered.
 */
const INVISIBLE = /[\s\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function comparableText(text: string): string {
  return normalizeArabic(text.replace(INVISIBLE, ''));
}

export function rangeCoversText(range: Range, expected: string): boolean {
  return comparableText(range.toString()) === comparableText(expected);
}

const EDITABLE_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

function closestElement(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** True when either end of the range sits in a form field or an editable area. */
export function rangeIsEditable(range: Range): boolean {
  for (const node of [range.startContainer, range.endContainer]) {
    const element = closestElement(node);
    if (!element) continue;
    if (element.closest(EDITABLE_SELECTOR)) return true;
    if ((element as Partial<HTMLElement>).isContentEditable === true) return true;
  }
  return false;
}

/** A live range for the mention, or null when the reader has no place for it or the DOM no longer shows its words. */
export function buildMentionRange(doc: Document, locate: DomSpanLocator, span: Span): Range | null {
  if (!(span.end > span.start)) return null;
  const where = locate(span.start, span.end);
  if (!where) return null;
  const range = doc.createRange();
  range.setStart(where.start.node, where.start.offset);
  range.setEnd(where.end.node, where.end.offset); // an end before the start collapses the range: caught below
  if (range.collapsed) return null;
  if (!rangeCoversText(range, span.text)) return null;
  if (rangeIsEditable(range)) return null;
  return range;
}

/** Whether the pointer is over the range's rendered text, and not just near the character the caret snapped to. */
export function rangeContainsPoint(range: Range, x: number, y: number, slack = 1): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i];
    if (!rect || rect.width === 0 || rect.height === 0) continue;
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack) return true;
  }
  return false;
}
