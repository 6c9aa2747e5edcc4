/**
 * Pointer, touch and Escape handling for the cards. Listeners sit on the document in the capture phase and are
 * passive: we only watch, never cancel or stop the page's own events. Pointer moves are coalesced to one hit-test per
 * animation frame; the card opens after a short delay and closes after a short grace period, so a pointer crossing
 * the gap between a name and its card does not close it.
 */
import type { Clock } from './clock';
import { quietly } from './guard';

/** How the current card was opened; only hover-opened, unpinned cards close when the pointer moves away. */
export type OpenedBy = 'hover' | 'touch' | 'keyboard';

/** What the hover logic needs from the lens. */
export interface HoverSurface {
  /** Whether hover cards are wanted now (highlights on and painted). */
  active(): boolean;
  /** Index of the mention under the pointer, or null. */
  hitTest(x: number, y: number): number | null;
  /** Whether the event target is the card. */
  isCard(target: EventTarget | null): boolean;
  /** The mention the open card belongs to, or null when no card is open. */
  openMention(): number | null;
  /** Whether the open card must stay until dismissed (pinned, or opened by touch or keyboard). */
  openCardIsSticky(): boolean;
  /** Whether the open card is pinned: hover elsewhere does not replace it. */
  openCardIsPinned(): boolean;
  open(index: number, openedBy: OpenedBy): void;
  close(): void;
}

export interface HoverOptions {
  openDelayMs: number;
  /** Time the pointer may spend off both the name and the card before a hover card closes. */
  closeGraceMs?: number;
}

export interface HoverController {
  setOpenDelay(ms: number): void;
  destroy(): void;
}

/** A tap that moved more than this is a scroll or a drag, not a tap. */
const TAP_SLOP_PX = 10;
const DEFAULT_CLOSE_GRACE_MS = 300;

export function createHoverController(doc: Document, clock: Clock, surface: HoverSurface, options: HoverOptions): HoverController {
  let openDelayMs = options.openDelayMs;
  const closeGraceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
  let frame: number | null = null;
  let pointer = { x: 0, y: 0, target: null as EventTarget | null };
  let openTimer: number | null = null;
  let pendingIndex: number | null = null;
  let closeTimer: number | null = null;
  let tapStart: { x: number; y: number; id: number } | null = null;

  function cancelOpen(): void {
    if (openTimer !== null) clock.clearTimeout(openTimer);
    openTimer = null;
    pendingIndex = null;
  }

  function cancelClose(): void {
    if (closeTimer !== null) clock.clearTimeout(closeTimer);
    closeTimer = null;
  }

  function scheduleOpen(index: number): void {
    if (pendingIndex === index) return;
    cancelOpen();
    pendingIndex = index;
    openTimer = clock.setTimeout(() => {
      openTimer = null;
      pendingIndex = null;
      quietly('open the card', () => surface.open(index, 'hover'), undefined);
    }, openDelayMs);
  }

  function scheduleClose(): void {
    if (closeTimer !== null) return;
    closeTimer = clock.setTimeout(() => {
      closeTimer = null;
      quietly('close the card', () => {
        if (surface.openMention() !== null && !surface.openCardIsSticky()) surface.close();
      }, undefined);
    }, closeGraceMs);
  }

  /** One hit-test per frame, on the latest pointer position. */
  function onFrame(): void {
    frame = null;
    if (!surface.active()) {
      cancelOpen();
      return;
    }
    if (surface.isCard(pointer.target)) {
      cancelOpen();
      cancelClose();
      return;
    }
    const index = surface.hitTest(pointer.x, pointer.y);
    const openIndex = surface.openMention();
    if (index === null) {
      cancelOpen();
      if (openIndex !== null && !surface.openCardIsSticky()) scheduleClose();
      return;
    }
    if (index === openIndex) {
      cancelOpen();
      cancelClose();
      return;
    }
    if (openIndex !== null && surface.openCardIsPinned()) return;
    cancelClose();
    scheduleOpen(index);
  }

  const onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return; // fingers do not hover; taps are handled on pointerup
    pointer = { x: event.clientX, y: event.clientY, target: event.target };
    if (frame === null) frame = clock.requestFrame(() => quietly('hover', onFrame, undefined));
  };

  const onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse') {
      // A click elsewhere dismisses a card that is not pinned (hover, touch or keyboard opened).
      if (surface.openMention() === null || surface.isCard(event.target) || surface.openCardIsPinned()) return;
      if (surface.hitTest(event.clientX, event.clientY) === null) surface.close();
      return;
    }
    tapStart = { x: event.clientX, y: event.clientY, id: event.pointerId };
  };

  const onPointerUp = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' || !tapStart || tapStart.id !== event.pointerId) return;
    const moved = Math.hypot(event.clientX - tapStart.x, event.clientY - tapStart.y);
    tapStart = null;
    if (moved > TAP_SLOP_PX || surface.isCard(event.target) || !surface.active()) return;
    const index = surface.hitTest(event.clientX, event.clientY);
    if (index !== null) {
      cancelOpen();
      cancelClose();
      surface.open(index, 'touch');
    } else if (surface.openMention() !== null && !surface.openCardIsPinned()) {
      surface.close();
    }
  };

  const onPointerOut = (event: PointerEvent): void => {
    // relatedTarget null: the pointer left the window.
    if (event.relatedTarget === null && event.pointerType !== 'touch') {
      cancelOpen();
      if (surface.openMention() !== null && !surface.openCardIsSticky()) scheduleClose();
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && surface.openMention() !== null) {
      cancelOpen();
      cancelClose();
      surface.close();
    }
  };

  const listeners: Array<[string, (event: never) => void]> = [
    ['pointermove', onPointerMove],
    ['pointerdown', onPointerDown],
    ['pointerup', onPointerUp],
    ['pointerout', onPointerOut],
    ['keydown', onKeyDown],
  ];
  const guarded = listeners.map(([type, listener]) => {
    const wrapped = (event: Event): void => quietly(type, () => listener(event as never), undefined);
    return [type, wrapped] as const;
  });
  for (const [type, wrapped] of guarded) doc.addEventListener(type, wrapped, { capture: true, passive: true });

  return {
    setOpenDelay(ms) {
      openDelayMs = ms;
    },
    destroy() {
      for (const [type, wrapped] of guarded) doc.removeEventListener(type, wrapped, { capture: true });
      cancelOpen();
      cancelClose();
      if (frame !== null) clock.cancelFrame(frame);
      frame = null;
    },
  };
}
