// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { CARD_HOST_TAG } from '../../src/page/highlight/cardHost';
import type { CaretLookup } from '../../src/page/highlight/caret';
import { defaultSettings } from '../../src/common/settings';
import { lensSettingsFrom, startLens, type Lens, type LensOptions } from '../../src/page/highlight/lens';
import type { ActorTimeline, TimelineLoader } from '../../src/ui/card/types';
import { FakeHighlightRegistry, ManualClock, layOutMentions, serialisePageWithoutHost } from '../fixtures/highlight/fakes';
import { EXPECTED_DOCUMENT_ORDER, loadFixturePage, type FixtureReading } from '../fixtures/highlight/page';

const CARD_DELAY = 300;
const CLOSE_GRACE = 300;

let reading: FixtureReading;
let registry: FakeHighlightRegistry;
let clock: ManualClock;
let lens: Lens;
let layout: ReturnType<typeof layOutMentions>;
let loadTimeline: Mock<TimelineLoader>;

function start(extra: Partial<LensOptions> = {}): Lens {
  let caret: CaretLookup = () => null;
  lens = startLens({
    actors: reading.actors,
    segments: reading.segments,
    articleUrl: 'https://news.example/muscat',
    highlightSink: registry,
    caretLookup: (x, y) => caret(x, y),
    clock,
    loadTimeline,
    settings: { cardDelayMs: CARD_DELAY, lang: 'ar' },
    ...extra,
  });
  layout = layOutMentions(lens);
  caret = layout.caretLookup;
  return lens;
}

const shadow = () => lens.cardHost?.shadow ?? null;
const cardName = () => shadow()?.querySelector('[data-testid="anl-card-name"]')?.textContent ?? null;
const host = () => document.querySelector(CARD_HOST_TAG);

function pointer(type: string, x: number, y: number, pointerType = 'mouse', target: EventTarget = document.elementFromPoint(x, y) ?? document.body): void {
  target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerType, pointerId: pointerType === 'mouse' ? 1 : 2, bubbles: true, composed: true }));
}

function hoverMention(index: number): void {
  const { x, y } = layout.centreOf(index);
  pointer('pointermove', x, y);
  clock.frame();
}

function hoverBlank(): void {
  pointer('pointermove', 50, layout.centreOf(0).y);
  clock.frame();
}

const pressEscape = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

beforeEach(() => {
  document.adoptedStyleSheets = [];
  reading = loadFixturePage();
  registry = new FakeHighlightRegistry();
  clock = new ManualClock();
  loadTimeline = vi.fn<TimelineLoader>(async (): Promise<ActorTimeline> => ({ articles: [], events: [] }));
});
afterEach(() => lens.destroy());

describe('keyboard', () => {
  it('steps through every mention in document order, opening its card, and wraps around', () => {
    start();
    const seen: Array<string | null> = [];
    for (let i = 0; i < EXPECTED_DOCUMENT_ORDER.length + 1; i++) {
      lens.nextMention();
      seen.push(lens.openMention === null ? null : lens.mentionAt(lens.openMention)?.text ?? null);
    }
    expect(seen).toEqual([...EXPECTED_DOCUMENT_ORDER, EXPECTED_DOCUMENT_ORDER[0]]);
    expect(cardName()).toBe('مسقط');
  });

  it('steps backwards from the last mention when nothing is open', () => {
    start();
    lens.previousMention();
    expect(lens.openMention).toBe(EXPECTED_DOCUMENT_ORDER.length - 1);
    lens.previousMention();
    expect(lens.openMention).toBe(EXPECTED_DOCUMENT_ORDER.length - 2);
    expect(cardName()).toBe('حماس');
  });

  it('moves focus into the card and gives it back on Escape', () => {
    start();
    const link = document.querySelector<HTMLAnchorElement>('nav a')!;
    link.focus();
    lens.nextMention();
    expect(document.activeElement).toBe(host());
    expect(lens.cardSnapshot()).toMatchObject({ name: 'مسقط', label: 'بطاقة مسقط', dir: 'rtl', pinned: false, focused: true });
    pressEscape();
    expect(lens.cardSnapshot()).toBeNull();
    expect(lens.openMention).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('opens an actor\'s card from elsewhere (the popup) at its first mention', () => {
    start();
    expect(lens.openCardForActor('a5')).toBe(true);
    expect(lens.mentionAt(lens.openMention!)?.text).toBe('الأمم المتحدة');
    expect(lens.openCardForActor('nobody')).toBe(false);
  });

  it('the card\'s "next mention" goes to the same actor\'s next mention', () => {
    start();
    lens.openCardForMention(1);
    expect(cardName()).toBe('عباس عراقجي');
    (shadow()!.querySelector('[data-action="next"]') as HTMLButtonElement).click();
    expect(lens.mentionAt(lens.openMention!)?.text).toBe('عراقجي');
    // Four mentions in the article text; two of them are in editable areas and not on the page to step to.
    expect(shadow()!.querySelector('[data-testid="anl-card-count"]')?.textContent).toBe('يرد في هذا المقال 4 مرات · الذكر 2 من 2');
    (shadow()!.querySelector('[data-action="next"]') as HTMLButtonElement).click();
    expect(lens.openMention).toBe(1);
  });

  it('keeps the open card on its mention when the page changes around it, and steps from where it is now', async () => {
    start();
    lens.openCardForMention(4);
    expect(lens.mentionAt(4)?.text).toBe('عراقجي');
    (document.getElementById('title')!.firstChild as Text).data = 'جولة محادثات جديدة';
    await new Promise((resolve) => setTimeout(resolve, 0)); // mutation records are delivered as a microtask
    clock.advance(300);
    expect(lens.openMention).toBe(3);
    expect(lens.mentionAt(3)?.text).toBe('عراقجي');
    (shadow()!.querySelector('[data-action="next"]') as HTMLButtonElement).click();
    expect(lens.mentionAt(lens.openMention!)?.text).toBe('عباس عراقجي');
  });

  it('toggles highlights off and on', () => {
    start();
    expect(lens.toggleHighlights()).toBe(false);
    expect(registry.highlights.size).toBe(0);
    expect(lens.toggleHighlights()).toBe(true);
    expect(registry.highlights.size).toBe(4);
  });
});

describe('settings', () => {
  it('follow the reader\'s settings: types shown, switch, language, theme, colours', () => {
    const settings = { ...defaultSettings(), highlightTypes: ['PERSON' as const, 'ORG' as const], uiLanguage: 'en' as const, theme: 'dark' as const };
    settings.colors.PERSON = '#112233';
    start({ settings: lensSettingsFrom(settings) });
    expect([...registry.highlights.keys()].sort()).toEqual(['anl-org', 'anl-person']);
    lens.nextMention();
    expect(lens.mentionAt(lens.openMention!)?.text).toBe('عباس عراقجي'); // places are not stepped through
    const card = shadow()!.querySelector('[role="dialog"]') as HTMLElement;
    expect(card.className).toContain('theme-dark');
    expect(card.getAttribute('dir')).toBe('ltr');
    expect(card.style.getPropertyValue('--anl-type-colour')).toBe('#112233');
    lens.updateSettings({ highlightTypes: ['LOC'] });
    expect([...registry.highlights.keys()]).toEqual(['anl-loc']);
    lens.updateSettings({ highlightsOn: false });
    expect(registry.highlights.size).toBe(0);
  });

  it('switch the card\'s language even before the first card was opened', () => {
    start();
    lens.updateSettings({ lang: 'en' });
    lens.nextMention();
    expect(shadow()!.querySelector('[role="dialog"]')?.getAttribute('dir')).toBe('ltr');
    lens.updateSettings({ lang: 'ar' });
    lens.nextMention();
    expect(shadow()!.querySelector('[role="dialog"]')?.getAttribute('dir')).toBe('rtl');
  });

  it('start switched off when the settings say so', () => {
    start({ settings: lensSettingsFrom({ ...defaultSettings(), highlights: false }) });
    expect(lens.highlightsOn).toBe(false);
    expect(registry.highlights.size).toBe(0);
  });
});

describe('pointer', () => {
  it('opens the card after the delay when the pointer rests on a name, not before', () => {
    start();
    hoverMention(3);
    clock.advance(CARD_DELAY - 1);
    expect(lens.openMention).toBeNull();
    clock.advance(1);
    expect(lens.openMention).toBe(3);
    expect(cardName()).toBe('مسقط');
    return vi.waitFor(() => expect(loadTimeline).toHaveBeenCalledWith(expect.objectContaining({ name: 'مسقط', type: 'LOC', articleUrl: 'https://news.example/muscat' })));
  });

  it('measures what hover hit-tests cost, for the benchmark', () => {
    start();
    hoverMention(3);
    hoverMention(4);
    const stats = lens.stats();
    expect(stats.mentions).toBe(EXPECTED_DOCUMENT_ORDER.length);
    expect(stats.hitTests).toBe(2);
    expect(stats.hitTestMedianMs).not.toBeNull();
  });

  it('does not open for a pointer beside the text, where the caret only snapped to a name', () => {
    start();
    hoverBlank();
    clock.advance(CARD_DELAY * 2);
    expect(lens.openMention).toBeNull();
  });

  it('closes after the pointer moves away, but stays while the pointer is on the card', () => {
    start();
    hoverMention(2);
    clock.advance(CARD_DELAY);
    expect(lens.openMention).toBe(2);
    pointer('pointermove', 10, 10, 'mouse', host()!);
    clock.frame();
    clock.advance(CLOSE_GRACE * 3);
    expect(lens.openMention).toBe(2);
    hoverBlank();
    clock.advance(CLOSE_GRACE);
    expect(lens.openMention).toBeNull();
  });

  it('keeps a pinned card open when the pointer leaves and when it crosses other names', () => {
    start();
    hoverMention(2);
    clock.advance(CARD_DELAY);
    (shadow()!.querySelector('[data-action="pin"]') as HTMLButtonElement).click();
    expect(shadow()!.querySelector('[data-action="pin"]')?.getAttribute('aria-pressed')).toBe('true');
    hoverBlank();
    clock.advance(CLOSE_GRACE * 3);
    hoverMention(5);
    clock.advance(CARD_DELAY * 2);
    expect(lens.openMention).toBe(2);
    pressEscape();
    expect(lens.openMention).toBeNull();
  });

  it('moves to another name without closing in between', () => {
    start();
    hoverMention(2);
    clock.advance(CARD_DELAY);
    hoverMention(6);
    clock.advance(CARD_DELAY);
    expect(lens.openMention).toBe(6);
    expect(cardName()).toBe('الأمم المتحدة');
  });

  it('opens at once on a tap, and a tap elsewhere closes it', () => {
    start();
    const { x, y } = layout.centreOf(7);
    pointer('pointerdown', x, y, 'touch');
    pointer('pointerup', x, y, 'touch');
    expect(lens.openMention).toBe(7);
    expect(cardName()).toBe('حماس');
    pointer('pointerdown', 50, y, 'touch');
    pointer('pointerup', 50, y, 'touch');
    expect(lens.openMention).toBeNull();
  });

  it('ignores a swipe that starts on a name', () => {
    start();
    const { x, y } = layout.centreOf(7);
    pointer('pointerdown', x, y, 'touch');
    pointer('pointerup', x, y + 80, 'touch');
    expect(lens.openMention).toBeNull();
  });

  it('opens no hover cards while highlights are off', () => {
    start();
    lens.toggleHighlights(false);
    hoverMention(3);
    clock.advance(CARD_DELAY * 2);
    expect(lens.openMention).toBeNull();
  });
});

describe('the page is left alone', () => {
  it('adds exactly one host element, with a closed shadow root, and changes nothing else', () => {
    const before = document.documentElement.outerHTML;
    start();
    lens.nextMention();
    lens.nextMention();
    hoverMention(4);
    clock.advance(CARD_DELAY);
    pressEscape();
    lens.openCardForMention(6, { pinned: true });
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    expect(host()!.parentNode).toBe(document.documentElement);
    expect((host() as HTMLElement).shadowRoot).toBeNull();
    expect(host()!.getAttribute('style')).toContain('2147483647');
    expect(serialisePageWithoutHost(document, CARD_HOST_TAG)).toBe(before);
    lens.destroy();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(registry.highlights.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('puts the host back if the page removes it, without making a second one', () => {
    start();
    lens.nextMention();
    host()!.remove();
    lens.nextMention();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    expect(cardName()).toBe('عباس عراقجي');
  });

  it('keeps its styles inside the shadow root', () => {
    start();
    lens.nextMention();
    const root = shadow()!;
    const inShadow = root.adoptedStyleSheets.length + root.querySelectorAll('style').length;
    expect(inShadow).toBeGreaterThan(0);
    expect(document.querySelectorAll('style')).toHaveLength(0);
    // The document has only the highlight rules adopted, not the card's.
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('asks the background once per actor however often its card opens', async () => {
    start();
    lens.openCardForMention(1);
    lens.openCardForMention(4);
    lens.openCardForMention(1);
    await vi.waitFor(() => expect(shadow()!.querySelector('[data-testid="anl-card-articles"]')).not.toBeNull());
    expect(loadTimeline).toHaveBeenCalledTimes(1);
  });
});
