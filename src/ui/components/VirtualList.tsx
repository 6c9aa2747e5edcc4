/**
 * A windowed list: only the rows inside the viewport (plus a margin) are in the DOM, so 60,000 rows cost what
 * 30 do. Rows may differ in height (date headers vs events); heights are known up front, so positions are a
 * prefix sum and the first visible row is a binary search.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';

/** offsets[i] = top of row i; offsets[rowCount] = total height. */
export function rowOffsets(rowCount: number, rowHeight: (index: number) => number): Float64Array {
  const offsets = new Float64Array(rowCount + 1);
  for (let index = 0; index < rowCount; index += 1) offsets[index + 1] = (offsets[index] ?? 0) + rowHeight(index);
  return offsets;
}

/** The last row whose top is at or above `position`. */
function rowAt(offsets: Float64Array, position: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= position) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** Rows [first, last) to render for a viewport at `scrollTop` of `height`, with `overscan` px on both sides. */
export function visibleRows(offsets: Float64Array, scrollTop: number, height: number, overscan: number): [number, number] {
  const rowCount = offsets.length - 1;
  if (rowCount <= 0) return [0, 0];
  const first = rowAt(offsets, Math.max(0, scrollTop - overscan));
  const last = rowAt(offsets, scrollTop + height + overscan) + 1;
  return [first, Math.min(rowCount, last)];
}

export interface VirtualListProps {
  rowCount: number;
  /** Height in px of each row; must be stable for a given list (memoise it). */
  rowHeight: (index: number) => number;
  /** Height in px of the scrolling viewport. */
  viewportHeight: number;
  renderRow: (index: number) => ComponentChildren;
  rowKey: (index: number) => string;
  /** Accessible name of the list. */
  label: string;
  overscan?: number;
}

export function VirtualList({ rowCount, rowHeight, viewportHeight, renderRow, rowKey, label, overscan = 200 }: VirtualListProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const offsets = useMemo(() => rowOffsets(rowCount, rowHeight), [rowCount, rowHeight]);
  const totalHeight = offsets[rowCount] ?? 0;
  const [first, last] = visibleRows(offsets, scrollTop, viewportHeight, overscan);
  const rows = [];
  for (let index = first; index < last; index += 1) {
    rows.push(
      <div
        key={rowKey(index)}
        class="anl-virtual-row"
        role="listitem"
        aria-setsize={rowCount}
        aria-posinset={index + 1}
        style={{ top: `${offsets[index] ?? 0}px`, height: `${rowHeight(index)}px` }}
      >
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div
      class="anl-virtual"
      role="list"
      aria-label={label}
      // Focusable so the keyboard can scroll it (arrows, Page Up/Down).
      tabIndex={0}
      style={{ height: `${viewportHeight}px` }}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop)}
    >
      <div style={{ height: `${totalHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
