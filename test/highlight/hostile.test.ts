// @vitest-environment happy-dom
/**
 * Pages that fight back. In a real browser the content script's isolated world shields it from most of this; here,
 * in one world, the page's sabotage reaches our code directly, which is the harder test: nothing may throw, and the
 * feature either still works or steps aside.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_HOST_TAG } from '../../src/page/highlight/cardHost';
import type { CaretLookup } from '../../src/page/highlight/caret';
import { startLens, type Lens } from '../../src/page/highlight/lens';
import { FakeHighlightRegistry, ManualClock, layOutMentions } from '../fixtures/highlight/fakes';
import { EXPECTED_DOCUMENT_ORDER, loadFixturePage, type FixtureReading } from '../fixtures/highlight/page';

const restore: Array<() => void> = [];
/** Replaces a property the way a hostile page script would, remembering how to undo it. */
function sabotage<T extends object>(target: T, key: string, value: unknown): void {
  const original = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  restore.push(() => (original ? Object.defineProperty(target, key, original) : delete (target as Record<string, unknown>)[key]));
}
const thrower = (what: string) => () => {
  throw new Error(`page says no: ${what}`);
};

let reading: FixtureReading;
let registry: FakeHighlightRegistry;
let clock: ManualClock;
let pageErrors: unknown[];
const onPageError = (event: Event) => pageErrors.push((event as ErrorEvent).error ?? event);

beforeEach(() => {
  document.adoptedStyleSheets = [];
  reading = loadFixturePage();
  registry = new FakeHighlightRegistry();
  clock = new ManualClock();
  pageErrors = [];
  window.addEventListener('error', onPageError);
});
afterEach(() => {
  while (restore.length > 0) restore.pop()!();
  window.removeEventListener('error', onPageError);
});

function start(withLayout = true): { lens: Lens; layout: ReturnType<typeof layOutMentions> | null } {
  let caret: CaretLookup = () => null;
  const lens = startLens({
    actors: reading.actors,
    segments: reading.segments,
    articleUrl: 'https://news.example/x',
    highlightSink: registry,
    caretLookup: (x, y) => caret(x, y),
    clock,
    settings: { lang: 'ar', cardDelayMs: 100 },
  });
  const layout = withLayout ? layOutMentions(lens) : null;
  if (layout) caret = layout.caretLookup;
  return { lens, layout };
}

/** Everything a reader can do, none of which may throw. */
function exercise(lens: Lens, layout: ReturnType<typeof layOutMentions> | null): void {
  lens.nextMention();
  lens.nextMention();
  lens.previousMention();
  if (layout) {
    const { x, y } = layout.centreOf(1);
    document.body.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true }));
    clock.frame();
    clock.advance(500);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { clientX: x, clientY: y, pointerType: 'touch', pointerId: 3, bubbles: true }));
    document.body.dispatchEvent(new PointerEvent('pointerup', { clientX: x, clientY: y, pointerType: 'touch', pointerId: 3, bubbles: true }));
  }
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  lens.toggleHighlights();
  lens.toggleHighlights();
  lens.openCardForMention(0, { focus: true, pinned: true });
  lens.closeCard();
  lens.updateSettings({ cardDelayMs: 50, colours: { PERSON: '#000000' } });
  lens.destroy();
}

describe('a hostile page', () => {
  it('without shadow roots: highlights stay, the card steps aside, and no element is left behind', () => {
    sabotage(Element.prototype, 'attachShadow', thrower('attachShadow'));
    const { lens, layout } = start();
    expect(lens.mentionCount).toBe(EXPECTED_DOCUMENT_ORDER.length);
    expect(registry.highlights.size).toBe(4);
    expect(lens.openCardForMention(0)).toBe(false);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    expect(() => exercise(lens, layout)).not.toThrow();
    expect(pageErrors).toEqual([]);
  });

  it('with Range geometry broken: the card still opens by keyboard, placed by its paragraph', () => {
    sabotage(Range.prototype, 'getClientRects', thrower('getClientRects'));
    sabotage(Range.prototype, 'getBoundingClientRect', thrower('getBoundingClientRect'));
    const { lens, layout } = start(false);
    lens.nextMention();
    expect(lens.openMention).toBe(0);
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    expect(() => exercise(lens, layout)).not.toThrow();
    expect(pageErrors).toEqual([]);
  });

  it('with createRange broken: nothing to highlight, and nothing thrown', () => {
    sabotage(document, 'createRange', thrower('createRange'));
    const { lens, layout } = start(false);
    expect(lens.mentionCount).toBe(0);
    expect(() => exercise(lens, layout)).not.toThrow();
    expect(pageErrors).toEqual([]);
  });

  it('with addEventListener broken: no hover, but the keyboard commands still open cards', () => {
    sabotage(EventTarget.prototype, 'addEventListener', thrower('addEventListener'));
    sabotage(EventTarget.prototype, 'removeEventListener', thrower('removeEventListener'));
    const { lens, layout } = start();
    lens.nextMention();
    expect(lens.openMention).toBe(0);
    expect(() => exercise(lens, layout)).not.toThrow();
    // Cleaned up despite the broken removeEventListener.
    expect(registry.highlights.size).toBe(0);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it('with constructed stylesheets and focus broken, and console replaced: card styled from inside, no throw', () => {
    sabotage(CSSStyleSheet.prototype, 'replaceSync', thrower('replaceSync'));
    sabotage(HTMLElement.prototype, 'focus', thrower('focus'));
    sabotage(console, 'debug', thrower('console.debug'));
    const { lens, layout } = start();
    // Highlight rules could not be adopted: nothing is painted, so nothing misleads.
    expect(lens.highlightsPainted).toBe(false);
    lens.nextMention();
    expect(lens.openMention).toBe(0);
    expect(lens.cardHost?.shadow?.querySelector('style')?.textContent).toContain('.card');
    expect(() => exercise(lens, layout)).not.toThrow();
    expect(pageErrors).toEqual([]);
  });

  it('with constructed stylesheets refused but the manifest\'s stylesheet present: highlights still painted', () => {
    sabotage(CSSStyleSheet.prototype, 'replaceSync', thrower('replaceSync'));
    const lens = startLens({ actors: reading.actors, segments: reading.segments, articleUrl: 'https://news.example/x', highlightSink: registry, clock, manifestCss: true });
    expect(lens.highlightsPainted).toBe(true);
    expect(registry.highlights.size).toBe(4);
    lens.destroy();
  });

  it('with the page appending nothing and removing our host: the card steps aside or comes back, never throws', () => {
    const { lens, layout } = start();
    lens.nextMention();
    document.querySelector(CARD_HOST_TAG)?.remove();
    sabotage(Element.prototype, 'append', thrower('append'));
    expect(() => lens.nextMention()).not.toThrow();
    expect(() => exercise(lens, layout)).not.toThrow();
    expect(pageErrors).toEqual([]);
  });

  it('with !important rules and huge z-indexes everywhere: the host keeps its own display, position and z-index', () => {
    const style = document.createElement('style');
    style.textContent = `* { display: none !important; position: static !important; z-index: 99999999 !important; }
      ${CARD_HOST_TAG} { display: none !important; visibility: hidden !important; }`;
    document.head.append(style);
    const { lens } = start();
    lens.nextMention();
    const host = document.querySelector(CARD_HOST_TAG) as HTMLElement;
    const computed = getComputedStyle(host);
    expect(computed.display).toBe('block');
    expect(computed.position).toBe('fixed');
    expect(computed.zIndex).toBe('2147483647');
    expect(computed.visibility).toBe('visible');
    lens.destroy();
  });
});
