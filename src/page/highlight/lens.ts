/**
 * The in-page feature in one object: highlights for an analysed article, hover/tap cards, and the keyboard
 * commands. The content script starts one lens per analysed article and destroys it when the article goes (SPA
 * navigation, site switched off). Nothing here throws into the page: a failure makes the feature step aside.
 */
import type { Settings } from '../../common/settings';
import type { Actor, ActorType } from '../../nlp/types';
import type { CardActions, CardTheme } from '../../ui/card/Card';
import { createCardStrings, type CardLang, type GetMessage } from '../../ui/card/strings';
import type { ActorTimelineQuery, CardActor, TimelineLoader } from '../../ui/card/types';
import { nativeCaretLookup, type CaretLookup } from './caret';
import { createCardHost, type CardHost } from './cardHost';
import { windowClock, type Clock } from './clock';
import { locateThroughSegments, segmentsContainer, type TextSegment } from './domMap';
import { quietly, reportQuietly } from './guard';
import { createHighlighter, type Highlighter } from './highlighter';
import { createHoverController, type HoverController, type OpenedBy } from './hover';
import { hitTest, type MentionEntry } from './mentionIndex';
import { resolveColours } from './palette';
import type { CssInserter } from './pageStyles';
import type { Box } from './placement';
import { nativeHighlightSink, type HighlightSink } from './registry';
import { HitTestTimer, monotonicNow, type LensStats } from './stats';

export const DEFAULT_CARD_DELAY_MS = 300;
const MAX_CARD_DELAY_MS = 5000;

export interface LensSettings {
  /** Colours per actor type (hex); invalid ones fall back to the defaults. */
  colours?: Partial<Record<ActorType, unknown>>;
  /** Delay before a hover card opens. */
  cardDelayMs?: number;
  /** Card language chosen by the reader; otherwise the browser's. */
  lang?: CardLang;
  /** Whether highlights start switched on (default true). */
  highlightsOn?: boolean;
  /** Actor types to highlight (default all). */
  highlightTypes?: readonly ActorType[];
  /** The card's colours: the browser's scheme, or forced light or dark. */
  theme?: CardTheme;
}

/** The lens part of the reader's settings (src/common/settings.ts). */
export function lensSettingsFrom(settings: Settings): LensSettings {
  return {
    colours: settings.colors,
    cardDelayMs: settings.cardDelayMs,
    lang: settings.uiLanguage === 'auto' ? undefined : settings.uiLanguage,
    highlightsOn: settings.highlights,
    highlightTypes: settings.highlightTypes,
    theme: settings.theme,
  };
}

export interface LensOptions {
  /** The actors of the analysis; their mention offsets index the article text the segments were read with. */
  actors: readonly Actor[];
  /** The article reader's offsets → live Text nodes (`PageReading.segments`). */
  segments: readonly TextSegment[];
  /** The article's URL, sent with timeline queries so the current article is left out. */
  articleUrl: string;
  /** The element the article text lives in, watched for changes; defaults to the one holding all segments. */
  container?: Node | null;
  settings?: LensSettings;
  /** Asks the background what the timeline knows about an actor. Without it the card shows the article part only. */
  loadTimeline?: TimelineLoader;
  /** Opens the full timeline page for an actor (the background opens a tab). */
  openTimeline?: (query: ActorTimelineQuery) => void;
  /** `browser.i18n.getMessage`, when available. */
  getMessage?: GetMessage;
  /** Another way to add the highlight CSS when the page refuses adopted stylesheets. */
  cssInserter?: CssInserter;
  /** True when the manifest injects highlights.css (default colours): highlights are then painted even if the
   *  page refuses our adopted stylesheet, just without the reader's colours. */
  manifestCss?: boolean;
  doc?: Document;
  /** Test seams; production leaves them out and gets the browser's own. */
  highlightSink?: HighlightSink | null;
  caretLookup?: CaretLookup;
  clock?: Clock;
}

export interface OpenCardOptions {
  /** Move keyboard focus into the card (keyboard use). Default false. */
  focus?: boolean;
  /** Scroll the mention into view first. Default false. */
  scroll?: boolean;
  pinned?: boolean;
  openedBy?: OpenedBy;
}

export interface Lens {
  /** Mentions on the page, in document order. */
  readonly mentionCount: number;
  readonly highlightsOn: boolean;
  /** Whether highlights are actually painted (on, and the page let us register and style them). */
  readonly highlightsPainted: boolean;
  /** Document-order index of the mention whose card is open, or null. */
  readonly openMention: number | null;
  /** Start-up time and hover hit-test cost, for the benchmark. */
  stats(): LensStats;
  /** The mention at a document-order index (for tests and the e2e driver). */
  mentionAt(index: number): { actorName: string; type: ActorType; text: string; range: Range } | null;
  /** The mention under a viewport point, as the hover logic finds it (one hit-test); for e2e tests and the benchmark. */
  hitTestAt(x: number, y: number): number | null;
  /** Switches highlights (and hover cards) on or off; returns the new state. The `commands` toggle calls this. */
  toggleHighlights(on?: boolean): boolean;
  /** Keyboard stepping through all mentions in document order (wraps); scrolls to it and opens its card. */
  nextMention(): void;
  previousMention(): void;
  /** Opens the card at the actor's first mention on the page, scrolled into view (e.g. the popup's "show in page"). */
  openCardForActor(actorId: string, how?: OpenCardOptions): boolean;
  /** Opens the card for a document-order mention index; false when there is no such mention or no card. */
  openCardForMention(index: number, how?: OpenCardOptions): boolean;
  closeCard(): void;
  updateSettings(settings: LensSettings): void;
  /** Removes highlights, styles, listeners and the card host. */
  destroy(): void;
  /** The card host, for tests that look inside the closed shadow root. */
  readonly cardHost: CardHost | null;
  /** What the open card says, for e2e tests (the page, and so the test driver, cannot see into the closed root). */
  cardSnapshot(): CardSnapshot | null;
}

export interface CardSnapshot {
  name: string;
  /** Everything the card shows, as text. */
  text: string;
  label: string;
  dir: string;
  pinned: boolean;
  focused: boolean;
}

interface OpenCard {
  key: string;
  index: number;
  pinned: boolean;
  openedBy: OpenedBy;
}

const mentionKey = (entry: MentionEntry): string => `${entry.actor.id}#${entry.mentionOfActor}`;

/** Starts the feature for one analysed article. Never throws: on failure it returns a lens that does nothing. */
export function startLens(options: LensOptions): Lens {
  return quietly('start highlights', () => createLens(options), inertLens());
}

function createLens(options: LensOptions): Lens {
  const doc = options.doc ?? document;
  const view = doc.defaultView;
  const clock = options.clock ?? (view ? windowClock(view) : null);
  if (!clock) return inertLens();
  const now = monotonicNow(view);
  const startedAt = now();
  const hitTestTimer = new HitTestTimer(now);
  let settings: LensSettings = { ...options.settings };
  let colours = resolveColours(settings.colours);
  let strings = createCardStrings({ lang: settings.lang, getMessage: options.getMessage });
  const caretAt = options.caretLookup ?? nativeCaretLookup(doc);
  let openCard: OpenCard | null = null;
  let destroyed = false;

  const highlighter: Highlighter = createHighlighter({
    doc,
    actors: options.actors,
    locate: locateThroughSegments(options.segments),
    sink: options.highlightSink === undefined ? nativeHighlightSink(view) : options.highlightSink,
    clock,
    container: options.container ?? segmentsContainer(doc, options.segments),
    colours: settings.colours,
    cssInserter: options.cssInserter,
    baseStylesPresent: options.manifestCss ?? false,
    enabled: settings.highlightsOn !== false,
    types: settings.highlightTypes,
    onEntriesChanged: () => quietly('follow page changes', followEntries, undefined),
  });
  const startupMs = now() - startedAt;

  let cardHost: CardHost | null = null;
  function host(): CardHost {
    cardHost ??= createCardHost({ doc, strings, articleUrl: options.articleUrl, loadTimeline: memoised(options.loadTimeline) });
    return cardHost;
  }

  /** After the page changed: the open card follows its mention to its new index, or closes if it is gone. */
  function followEntries(): void {
    if (!openCard) return;
    const key = openCard.key;
    const index = highlighter.entries.findIndex((entry) => mentionKey(entry) === key);
    if (index < 0) closeCard();
    else openCard.index = index;
  }

  /** The mention's first line box; if the page broke Range geometry, its element's box; else the top corner. */
  function anchorBox(entry: MentionEntry): Box {
    const measurements = [
      () => entry.range.getClientRects()[0],
      () => entry.range.getBoundingClientRect(),
      () => entry.range.startContainer.parentElement?.getBoundingClientRect(),
    ];
    for (const measure of measurements) {
      try {
        const rect = measure();
        if (rect && (rect.width > 0 || rect.height > 0)) return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
      } catch {
        // try the next, coarser measurement
      }
    }
    return { left: 0, top: 0, width: 0, height: 0 };
  }

  function cardActor(entry: MentionEntry): CardActor {
    const { actor } = entry;
    // Position among the mentions on the page, the ones "next mention" steps through; the count is the article's.
    const onPage = highlighter.entries.filter((other) => other.actor.id === actor.id);
    return {
      name: actor.name,
      type: actor.type,
      role: actor.role,
      aliases: actor.aliases.filter((alias) => alias !== actor.name),
      mentionCount: actor.mentions.length,
      mentionNumber: onPage.indexOf(entry) + 1,
      mentionsOnPage: onPage.length,
    };
  }

  /** The next (or previous) mention of the same actor that is on the page, wrapping around. */
  function sameActorStep(from: number, step: 1 | -1): number | null {
    const entries = highlighter.entries;
    const actorId = entries[from]?.actor.id;
    if (actorId === undefined) return null;
    for (let offset = 1; offset <= entries.length; offset++) {
      const index = (((from + step * offset) % entries.length) + entries.length) % entries.length;
      if (entries[index]?.actor.id === actorId) return index;
    }
    return null;
  }

  function actionsFor(entry: MentionEntry): CardActions {
    const stepTo = (step: 1 | -1) => () =>
      quietly('step to a mention', () => {
        if (!openCard) return;
        // openCard.index, not `index`: the page may have changed, and the entries with it, since the card opened.
        const target = sameActorStep(openCard.index, step);
        if (target === null) return;
        const keepFocus = host().hasFocus();
        openCardForMention(target, { focus: keepFocus, scroll: true, pinned: openCard.pinned, openedBy: openCard.openedBy === 'hover' ? 'keyboard' : openCard.openedBy });
      }, undefined);
    const openTimeline = options.openTimeline;
    return {
      onClose: () => quietly('close the card', closeCard, undefined),
      onTogglePin: () =>
        quietly('pin the card', () => {
          if (!openCard) return;
          openCardForMention(openCard.index, { focus: host().hasFocus(), pinned: !openCard.pinned, openedBy: openCard.openedBy });
        }, undefined),
      onNextMention: stepTo(1),
      onPreviousMention: stepTo(-1),
      onOpenTimeline:
        openTimeline
          ? () => quietly('open the timeline', () => openTimeline({ name: entry.actor.name, type: entry.actor.type, aliases: entry.actor.aliases, articleUrl: options.articleUrl }), undefined)
          : undefined,
    };
  }

  function openCardForMention(index: number, how: OpenCardOptions = {}): boolean {
    if (destroyed) return false;
    const entry = highlighter.entries[index];
    if (!entry) return false;
    if (how.scroll) scrollIntoViewIfNeeded(entry.range, view);
    const pinned = how.pinned ?? false;
    const shown = host().show(
      {
        actor: cardActor(entry),
        anchor: anchorBox(entry),
        pinned,
        typeColour: colours[entry.actor.type],
        theme: settings.theme ?? 'system',
        actions: actionsFor(entry),
      },
      how.focus ?? false,
    );
    openCard = shown ? { key: mentionKey(entry), index, pinned, openedBy: how.openedBy ?? 'keyboard' } : null;
    return shown;
  }

  function closeCard(): void {
    openCard = null;
    cardHost?.hide();
  }

  /** Keyboard stepping starts at the first mention not above the viewport, so it begins where the reader is. */
  function firstMentionInView(): number {
    const entries = highlighter.entries;
    const found = entries.findIndex((entry) => {
      try {
        return entry.range.getBoundingClientRect().bottom >= 0;
      } catch {
        return false;
      }
    });
    return found < 0 ? 0 : found;
  }

  function step(direction: 1 | -1): void {
    const count = highlighter.entries.length;
    if (count === 0 || destroyed) return;
    const from = openCard?.index;
    const index = from === undefined ? (direction === 1 ? firstMentionInView() : count - 1) : (from + direction + count) % count;
    openCardForMention(index, { focus: true, scroll: true, openedBy: 'keyboard' });
  }

  function hitTestAt(x: number, y: number): number | null {
    const caret = caretAt(x, y);
    return caret ? hitTest(highlighter.entries, caret, x, y) : null;
  }

  // Without pointer listeners (a page that broke addEventListener) the keyboard commands still work.
  const hover: HoverController | null = quietly('listen for the pointer', () => createHoverController(
    doc,
    clock,
    {
      active: () => !destroyed && highlighter.painted,
      hitTest: (x, y) => hitTestTimer.time(() => hitTestAt(x, y)),
      isCard: (target) => cardHost?.owns(target) ?? false,
      openMention: () => openCard?.index ?? null,
      openCardIsSticky: () => openCard !== null && (openCard.pinned || openCard.openedBy !== 'hover'),
      openCardIsPinned: () => openCard?.pinned ?? false,
      open: (index, openedBy) => void openCardForMention(index, { openedBy }),
      close: closeCard,
    },
    { openDelayMs: cardDelay(settings) },
  ), null);

  // Keep the open card beside its mention while the page scrolls or resizes; one update per frame.
  let placeFrame: number | null = null;
  const onViewportChange = (): void => {
    if (!openCard || placeFrame !== null) return;
    placeFrame = clock.requestFrame(() => {
      placeFrame = null;
      quietly('place the card', () => {
        const entry = openCard ? highlighter.entries[openCard.index] : undefined;
        if (entry) cardHost?.place(anchorBox(entry));
      }, undefined);
    });
  };
  quietly('follow scrolling', () => {
    doc.addEventListener('scroll', onViewportChange, { capture: true, passive: true });
    view?.addEventListener('resize', onViewportChange, { passive: true });
  }, undefined);

  const lens: Lens = {
    get mentionCount() {
      return highlighter.entries.length;
    },
    get highlightsOn() {
      return highlighter.enabled;
    },
    get highlightsPainted() {
      return highlighter.painted;
    },
    get openMention() {
      return openCard?.index ?? null;
    },
    get cardHost() {
      return cardHost;
    },
    cardSnapshot: () =>
      quietly('describe the card', () => {
        const root = cardHost?.isOpen ? cardHost.shadow : null;
        const dialog = root?.querySelector('[role="dialog"]');
        if (!root || !dialog || !openCard) return null;
        return {
          name: root.querySelector('[data-testid="anl-card-name"]')?.textContent ?? '',
          text: dialog.textContent ?? '',
          label: dialog.getAttribute('aria-label') ?? '',
          dir: dialog.getAttribute('dir') ?? '',
          pinned: openCard.pinned,
          focused: cardHost?.hasFocus() ?? false,
        };
      }, null),
    stats: () => ({ startupMs, mentions: highlighter.entries.length, hitTests: hitTestTimer.measured, hitTestMedianMs: hitTestTimer.median() }),
    mentionAt(index) {
      const entry = highlighter.entries[index];
      return entry ? { actorName: entry.actor.name, type: entry.actor.type, text: entry.span.text, range: entry.range } : null;
    },
    hitTestAt: (x, y) => quietly('hit-test', () => hitTestAt(x, y), null),
    toggleHighlights(on) {
      return quietly('toggle highlights', () => {
        highlighter.setEnabled(on ?? !highlighter.enabled);
        if (!highlighter.enabled) closeCard();
        return highlighter.enabled;
      }, highlighter.enabled);
    },
    nextMention: () => quietly('next mention', () => step(1), undefined),
    previousMention: () => quietly('previous mention', () => step(-1), undefined),
    openCardForMention: (index, how) => quietly('open the card', () => openCardForMention(index, how), false),
    openCardForActor: (actorId, how) =>
      quietly('open the card', () => {
        const index = highlighter.entries.findIndex((entry) => entry.actor.id === actorId);
        return index >= 0 && openCardForMention(index, { focus: true, scroll: true, openedBy: 'keyboard', ...how });
      }, false),
    closeCard: () => quietly('close the card', closeCard, undefined),
    updateSettings(next) {
      quietly('apply settings', () => {
        settings = { ...settings, ...next };
        colours = resolveColours(settings.colours);
        highlighter.setColours(settings.colours ?? {});
        hover?.setOpenDelay(cardDelay(settings));
        if ('lang' in next) {
          strings = createCardStrings({ lang: settings.lang, getMessage: options.getMessage });
          if (cardHost) {
            // The host captured the old strings: rebuilt on next open.
            closeCard();
            cardHost.destroy();
            cardHost = null;
          }
        }
        if (next.highlightTypes !== undefined) highlighter.setTypes(next.highlightTypes);
        if (next.highlightsOn !== undefined) lens.toggleHighlights(next.highlightsOn);
      }, undefined);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      openCard = null;
      // Each step on its own: one the page broke must not keep the others from cleaning up.
      quietly('stop pointer handling', () => hover?.destroy(), undefined);
      quietly('stop following scrolling', () => {
        if (placeFrame !== null) clock.cancelFrame(placeFrame);
        doc.removeEventListener('scroll', onViewportChange, { capture: true });
        view?.removeEventListener('resize', onViewportChange);
      }, undefined);
      quietly('remove the card', () => cardHost?.destroy(), undefined);
      cardHost = null;
      quietly('remove highlights', () => highlighter.destroy(), undefined);
    },
  };
  return lens;
}

function cardDelay(settings: LensSettings): number {
  const wanted = settings.cardDelayMs;
  return typeof wanted === 'number' && Number.isFinite(wanted) ? Math.min(Math.max(wanted, 0), MAX_CARD_DELAY_MS) : DEFAULT_CARD_DELAY_MS;
}

/** One request per actor per page: stepping through mentions or reopening a card does not ask the background again. */
function memoised(load: TimelineLoader | undefined): TimelineLoader | undefined {
  if (!load) return undefined;
  const answers = new Map<string, ReturnType<TimelineLoader>>();
  return (query) => {
    const key = `${query.type}\u0000${query.name}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = load(query);
      answers.set(key, answer);
      // A failure is not remembered, so "try again" really asks again.
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}

function scrollIntoViewIfNeeded(range: Range, view: (Window & typeof globalThis) | null): void {
  try {
    const rect = range.getBoundingClientRect();
    const height = view?.innerHeight ?? 0;
    if (rect.top >= 0 && rect.bottom <= height && height > 0) return;
    const element = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    // Instant, so the card is placed next to where the mention ends up.
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  } catch (error) {
    reportQuietly('scroll to the mention', error);
  }
}

function inertLens(): Lens {
  return {
    mentionCount: 0,
    highlightsOn: false,
    highlightsPainted: false,
    openMention: null,
    cardHost: null,
    mentionAt: () => null,
    hitTestAt: () => null,
    cardSnapshot: () => null,
    stats: () => ({ startupMs: 0, mentions: 0, hitTests: 0, hitTestMedianMs: null }),
    toggleHighlights: () => false,
    nextMention: () => undefined,
    previousMention: () => undefined,
    openCardForMention: () => false,
    openCardForActor: () => false,
    closeCard: () => undefined,
    updateSettings: () => undefined,
    destroy: () => undefined,
  };
}
