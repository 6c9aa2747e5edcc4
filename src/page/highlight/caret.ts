/**
 * The text position under the pointer. `caretPositionFromPoint` is the standard (Firefox, Chrome 128+);
 * `caretRangeFromPoint` is the older WebKit/Blink form. Tests inject their own lookup (happy-dom has neither).
 */
import type { CaretPoint } from './mentionIndex';

export type CaretLookup = (x: number, y: number) => CaretPoint | null;

export function nativeCaretLookup(doc: Document): CaretLookup {
  return (x, y) => {
    try {
      if (typeof doc.caretPositionFromPoint === 'function') {
        const position = doc.caretPositionFromPoint(x, y);
        return position ? { node: position.offsetNode, offset: position.offset } : null;
      }
      if (typeof doc.caretRangeFromPoint === 'function') {
        const range = doc.caretRangeFromPoint(x, y);
        return range ? { node: range.startContainer, offset: range.startOffset } : null;
      }
    } catch {
      // A point outside the viewport or a page that broke the method: no caret, no hit.
    }
    return null;
  };
}
