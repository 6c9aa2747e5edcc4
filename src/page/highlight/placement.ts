/** Where the card goes: below the mention if it fits, else above, else wherever more room is; always on screen. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** The room on that side: a taller card is capped to it (and scrolls) rather than covering its own mention. */
  maxHeight: number;
}

/** The card never gets shorter than this, even in a very small viewport (it may then overlap its mention). */
const MIN_HEIGHT = 120;

const GAP = 6;
const MARGIN = 8;

export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const spaceBelow = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const spaceAbove = anchor.top - GAP - MARGIN;
  const side: Placement['side'] = card.height <= spaceBelow || spaceBelow >= spaceAbove ? 'below' : 'above';
  const maxHeight = Math.max(MIN_HEIGHT, side === 'below' ? spaceBelow : spaceAbove);
  const height = Math.min(card.height, maxHeight);
  const wantedTop = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  // RTL: align the card's right edge with the mention's right edge, where an Arabic name starts.
  const wantedLeft = anchor.left + anchor.width - card.width;
  return {
    left: clamp(wantedLeft, MARGIN, viewport.width - card.width - MARGIN),
    top: clamp(wantedTop, MARGIN, viewport.height - height - MARGIN),
    side,
    maxHeight,
  };
}

/** Like Math.min(max(...)) but a card wider than the viewport sticks to the left margin instead of going negative. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
