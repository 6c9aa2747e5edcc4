/**
 * Registers one highlight per actor type for the mentions of an analysis, and keeps them true while the page changes.
 * The page's DOM is never touched: ranges live in the highlight registry, rules in an adopted stylesheet.
 */
import type { Actor, ActorType } from '../../nlp/types';
import type { Clock } from './clock';
import type { DomSpanLocator } from './domMap';
import { reportQuietly } from './guard';
import { sortByDocumentOrder, type MentionEntry } from './mentionIndex';
import { ACTOR_TYPES, HIGHLIGHT_NAMES, highlightCss, resolveColours } from './palette';
import { installPageStyles, type CssInserter, type InstalledStyles } from './pageStyles';
import { buildMentionRange, rangeCoversText, rangeIsEditable } from './ranges';
import type { HighlightSink } from './registry';

export interface HighlighterOptions {
  doc: Document;
  actors: readonly Actor[];
  /** Text offsets → live DOM, from the article reader. */
  locate: DomSpanLocator;
  /** Null when the engine has no Custom Highlight API: mentions are still indexed (keyboard and card work). */
  sink: HighlightSink | null;
  clock: Clock;
  /** The element the article lives in; watched for text changes. Defaults to the body. */
  container?: Node | null;
  colours?: Partial<Record<ActorType, unknown>>;
  cssInserter?: CssInserter;
  /** Default-colour rules are already in the page (the manifest's highlights.css): paint even without our sheet. */
  baseStylesPresent?: boolean;
  /** Quiet time after the last DOM change before ranges are checked again. */
  revalidateDelayMs?: number;
  /** Whether to paint from the start (default true). */
  enabled?: boolean;
  /** The actor types shown (default all); mentions of other types are neither painted nor hoverable. */
  types?: readonly ActorType[];
  /** Called after a revalidation changed the set of entries. */
  onEntriesChanged?: () => void;
}

export interface Highlighter {
  /** Live mentions in document order. */
  readonly entries: readonly MentionEntry[];
  /** Whether highlights are switched on (even if the engine cannot paint them). */
  readonly enabled: boolean;
  /** Whether highlights are actually painted: switched on, registered and styled. */
  readonly painted: boolean;
  setEnabled(enabled: boolean): void;
  setColours(colours: Partial<Record<ActorType, unknown>>): void;
  setTypes(types: readonly ActorType[]): void;
  /** Re-checks every range against its words and the map; drops what no longer fits. */
  revalidate(): void;
  destroy(): void;
}

export const DEFAULT_REVALIDATE_DELAY_MS = 250;

export function createHighlighter(options: HighlighterOptions): Highlighter {
  const { doc, actors, locate, sink, clock } = options;
  /** Every mention on the page; `entries` is the part of the types shown. */
  let allEntries = sortByDocumentOrder(buildEntries(doc, locate, actors));
  let shownTypes = new Set<ActorType>(options.types ?? ACTOR_TYPES);
  let entries = allEntries.filter((entry) => shownTypes.has(entry.actor.type));
  let enabled = options.enabled ?? true;
  let destroyed = false;
  let styles: InstalledStyles | null = null;
  let registered = false;
  let colourCss = highlightCss(resolveColours(options.colours));
  let pendingRevalidation: number | null = null;

  function register(): void {
    if (!sink || destroyed) return;
    if (!styles) styles = installPageStyles(doc, colourCss, options.cssInserter);
    // Unstyled highlights would be invisible (or worse, half-styled by someone else): step aside.
    if (!styles && !options.baseStylesPresent) return;
    try {
      for (const type of ACTOR_TYPES) {
        const ranges = entries.filter((entry) => entry.actor.type === type).map((entry) => entry.range);
        if (ranges.length > 0) sink.set(HIGHLIGHT_NAMES[type], ranges);
        else sink.delete(HIGHLIGHT_NAMES[type]);
      }
      registered = true;
    } catch (error) {
      // All types or none: half the names highlighted would mislead.
      reportQuietly('register highlights', error);
      unregister();
    }
  }

  function unregister(): void {
    if (!sink) return;
    for (const type of ACTOR_TYPES) {
      try {
        sink.delete(HIGHLIGHT_NAMES[type]);
      } catch (error) {
        reportQuietly('remove highlight', error);
      }
    }
    registered = false;
  }

  function revalidate(): void {
    if (destroyed) return;
    let changed = false;
    const kept: MentionEntry[] = [];
    for (const entry of allEntries) {
      if (stillFits(entry.range, entry.span.text)) {
        kept.push(entry);
        continue;
      }
      changed = true;
      // The reader's segments may point at the new text (same text nodes, edited data); otherwise the mention goes.
      const rebuilt = safeBuild(doc, locate, entry);
      if (rebuilt) kept.push({ ...entry, range: rebuilt });
    }
    if (!changed) return;
    allEntries = sortByDocumentOrder(kept);
    entries = allEntries.filter((entry) => shownTypes.has(entry.actor.type));
    if (enabled) register();
    options.onEntriesChanged?.();
  }

  function scheduleRevalidation(): void {
    if (pendingRevalidation !== null) clock.clearTimeout(pendingRevalidation);
    pendingRevalidation = clock.setTimeout(() => {
      pendingRevalidation = null;
      try {
        revalidate();
      } catch (error) {
        reportQuietly('revalidate highlights', error);
      }
    }, options.revalidateDelayMs ?? DEFAULT_REVALIDATE_DELAY_MS);
  }

  const observer = observeText(doc, options.container ?? doc.body, scheduleRevalidation);
  if (enabled) register();

  return {
    get entries() {
      return entries;
    },
    get enabled() {
      return enabled;
    },
    get painted() {
      return enabled && registered;
    },
    setEnabled(next) {
      if (destroyed || next === enabled) return;
      enabled = next;
      if (enabled) register();
      else unregister();
    },
    setColours(colours) {
      colourCss = highlightCss(resolveColours(colours));
      styles?.replace(colourCss);
    },
    setTypes(types) {
      if (destroyed) return;
      shownTypes = new Set(types);
      entries = allEntries.filter((entry) => shownTypes.has(entry.actor.type));
      if (enabled) register();
      options.onEntriesChanged?.();
    },
    revalidate,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (pendingRevalidation !== null) clock.clearTimeout(pendingRevalidation);
      observer?.disconnect();
      unregister();
      styles?.remove();
      styles = null;
      allEntries = [];
      entries = [];
    },
  };
}

function buildEntries(doc: Document, locate: DomSpanLocator, actors: readonly Actor[]): MentionEntry[] {
  const entries: MentionEntry[] = [];
  for (const actor of actors) {
    actor.mentions.forEach((span, mentionOfActor) => {
      const entry = { actor, mentionOfActor, span };
      const range = safeBuild(doc, locate, entry);
      if (range) entries.push({ ...entry, range });
    });
  }
  return entries;
}

function safeBuild(doc: Document, locate: DomSpanLocator, entry: Pick<MentionEntry, 'span'>): Range | null {
  try {
    return buildMentionRange(doc, locate, entry.span);
  } catch (error) {
    reportQuietly('build mention range', error);
    return null;
  }
}

function stillFits(range: Range, text: string): boolean {
  try {
    return !range.collapsed && range.startContainer.isConnected && rangeCoversText(range, text) && !rangeIsEditable(range);
  } catch {
    return false;
  }
}

/** Character edits, added/removed nodes and areas turning editable; other attribute churn (classes, styles) never moves text. */
function observeText(doc: Document, target: Node | null, onChange: () => void): MutationObserver | null {
  try {
    const Observer = doc.defaultView?.MutationObserver;
    if (!target || !Observer) return null;
    const observer = new Observer(() => onChange());
    observer.observe(target, { childList: true, characterData: true, subtree: true, attributeFilter: ['contenteditable'] });
    return observer;
  } catch (error) {
    reportQuietly('watch article text', error);
    return null;
  }
}
