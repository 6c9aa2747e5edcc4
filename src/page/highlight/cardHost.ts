/**
 * The only element this feature adds to a page: `<arabic-news-lens-card>` on the root element, with the card in a
 * CLOSED shadow root. The page's selectors cannot reach inside, its scripts get no `shadowRoot` handle, and our styles
 * stay inside. The host's own look is pinned with inline `!important` declarations (they beat the page's
 * `!important` rules) and, where the browser has popovers, it is shown in the top layer, above any z-index and
 * unaffected by transforms on the page's root.
 * No `customElements.define`: content scripts have no custom element registry in Chrome; an undefined element with
 * a valid custom name can still host a shadow root.
 */
import { h, render } from 'preact';
import { ConnectedCard, type CardActions, type CardTheme } from '../../ui/card/Card';
import { CARD_CSS } from '../../ui/card/cardStyles';
import type { CardStrings } from '../../ui/card/strings';
import type { CardActor, TimelineLoader } from '../../ui/card/types';
import { reportQuietly } from './guard';
import { placeCard, type Box } from './placement';

export const CARD_HOST_TAG = 'arabic-news-lens-card';

const HOST_STYLE: ReadonlyArray<readonly [string, string]> = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['inset', 'auto'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['width', 'max-content'],
  ['height', 'max-content'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['transform', 'none'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['pointer-events', 'auto'],
  ['direction', 'rtl'],
];

export interface CardView {
  actor: CardActor;
  /** The mention's box on screen, in viewport coordinates. */
  anchor: Box;
  pinned: boolean;
  typeColour: string;
  theme: CardTheme;
  actions: CardActions;
}

export interface CardHostOptions {
  doc: Document;
  strings: CardStrings;
  articleUrl: string;
  loadTimeline?: TimelineLoader;
}

export interface CardHost {
  /** Shows (or updates) the card; false when this page does not let us (the feature then steps aside). */
  show(view: CardView, focus: boolean): boolean;
  /** Moves the open card next to its mention again (after a scroll or resize). */
  place(anchor: Box): void;
  hide(): void;
  readonly isOpen: boolean;
  /** Whether an event target is the card (events from inside a closed shadow root are retargeted to the host). */
  owns(target: EventTarget | null): boolean;
  /** Whether keyboard focus is inside the card. */
  hasFocus(): boolean;
  /** The card's root, for tests only: closed to the page, open to whoever holds the host object. */
  readonly shadow: ShadowRoot | null;
  destroy(): void;
}

interface Parts {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
}

export function createCardHost(options: CardHostOptions): CardHost {
  const { doc } = options;
  let parts: Parts | null = null;
  let unavailable = false;
  let open = false;
  let focusBeforeCard: Element | null = null;
  /** The mention box the card was last placed against. */
  let lastAnchor: Box | null = null;
  /** The card grows when the timeline arrives after it opened: it is placed again so it stays on screen. */
  let resizeObserver: ResizeObserver | null = null;

  function ensureParts(): Parts | null {
    if (unavailable) return null;
    if (parts) {
      // The page removed our host: put it back rather than add a second one.
      if (!parts.host.isConnected) doc.documentElement.append(parts.host);
      return parts;
    }
    try {
      parts = buildParts(doc);
      return parts;
    } catch (error) {
      unavailable = true;
      reportQuietly('create the card host', error);
      return null;
    }
  }

  function setHostStyle(host: HTMLElement, name: string, value: string): void {
    host.style.setProperty(name, value, 'important');
  }

  function place(anchor: Box): void {
    lastAnchor = anchor;
    if (!parts || !open) return;
    const card = parts.mount.firstElementChild;
    const size = card ? card.getBoundingClientRect() : { width: 0, height: 0 };
    const view = doc.defaultView;
    const viewport = { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
    const where = placeCard(anchor, { width: size.width, height: size.height }, viewport);
    // Inherited into the shadow root (custom properties cross it): the card's stylesheet caps its height with it.
    setHostStyle(parts.host, '--anl-max-height', `${Math.floor(where.maxHeight)}px`);
    setHostStyle(parts.host, 'left', `${Math.round(where.left)}px`);
    setHostStyle(parts.host, 'top', `${Math.round(where.top)}px`);
    parts.host.dataset.side = where.side;
  }

  function watchSize(mount: HTMLElement): void {
    if (resizeObserver) return;
    try {
      const Observer = doc.defaultView?.ResizeObserver;
      if (!Observer) return;
      resizeObserver = new Observer(() => {
        try {
          if (open && lastAnchor) place(lastAnchor);
        } catch (error) {
          reportQuietly('place the card after a resize', error);
        }
      });
      resizeObserver.observe(mount);
    } catch (error) {
      reportQuietly('watch the card size', error); // placed once at open; only later growth is not followed
    }
  }

  function hasFocus(): boolean {
    return parts !== null && open && doc.activeElement === parts.host;
  }

  return {
    show(view, focus) {
      const ready = ensureParts();
      if (!ready) return false;
      try {
        if (focus && !hasFocus()) focusBeforeCard = doc.activeElement;
        setHostStyle(ready.host, 'display', 'block');
        // Rendered hidden first so the card can be measured and placed before anyone sees it.
        setHostStyle(ready.host, 'visibility', 'hidden');
        render(
          h(ConnectedCard, {
            actor: view.actor,
            strings: options.strings,
            pinned: view.pinned,
            typeColour: view.typeColour,
            theme: view.theme,
            articleUrl: options.articleUrl,
            loadTimeline: options.loadTimeline,
            ...view.actions,
          }),
          ready.mount,
        );
        open = true;
        showInTopLayer(ready.host);
        place(view.anchor);
        watchSize(ready.mount);
        setHostStyle(ready.host, 'visibility', 'visible');
        if (focus) {
          try {
            (ready.mount.firstElementChild as HTMLElement | null)?.focus({ preventScroll: true });
          } catch (error) {
            reportQuietly('focus the card', error); // the card is shown; only keyboard focus failed
          }
        }
        return true;
      } catch (error) {
        reportQuietly('show the card', error);
        open = false;
        try {
          setHostStyle(ready.host, 'display', 'none'); // never a half-drawn card on the page
        } catch {
          // nothing more to undo
        }
        return false;
      }
    },
    place(anchor) {
      try {
        place(anchor);
      } catch (error) {
        reportQuietly('place the card', error);
      }
    },
    hide() {
      if (!parts || !open) return;
      const hadFocus = hasFocus();
      open = false;
      try {
        render(null, parts.mount);
        hideFromTopLayer(parts.host);
        setHostStyle(parts.host, 'display', 'none');
        const returnTo = focusBeforeCard;
        focusBeforeCard = null;
        if (hadFocus && returnTo?.isConnected && typeof (returnTo as HTMLElement).focus === 'function') {
          (returnTo as HTMLElement).focus({ preventScroll: true });
        }
      } catch (error) {
        reportQuietly('hide the card', error);
      }
    },
    get isOpen() {
      return open;
    },
    owns(target) {
      return parts !== null && target === parts.host;
    },
    hasFocus,
    get shadow() {
      return parts?.shadow ?? null;
    },
    destroy() {
      try {
        resizeObserver?.disconnect();
      } catch {
        // nothing to undo
      }
      resizeObserver = null;
      if (!parts) return;
      // The host goes first: if unmounting the card fails, at least nothing is left in the page.
      for (const step of [() => parts?.host.remove(), () => parts && render(null, parts.mount)]) {
        try {
          step();
        } catch (error) {
          reportQuietly('remove the card host', error);
        }
      }
      parts = null;
      open = false;
    },
  };
}

function buildParts(doc: Document): Parts {
  const host = doc.createElement(CARD_HOST_TAG);
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  host.style.setProperty('display', 'none', 'important');
  if (typeof host.showPopover === 'function') host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptCardStyles(doc, shadow);
  const mount = doc.createElement('div');
  shadow.append(mount);
  doc.documentElement.append(host);
  return { host, shadow, mount };
}

/** A constructed sheet first (a strict CSP cannot block it); a `<style>` inside our own shadow root otherwise. */
function adoptCardStyles(doc: Document, shadow: ShadowRoot): void {
  try {
    const view = doc.defaultView;
    if (view && 'adoptedStyleSheets' in shadow) {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.includes(sheet)) return;
    }
  } catch (error) {
    reportQuietly('adopt card styles', error);
  }
  const style = doc.createElement('style');
  style.textContent = CARD_CSS;
  shadow.append(style);
}

function showInTopLayer(host: HTMLElement): void {
  try {
    if (host.hasAttribute('popover') && !host.matches(':popover-open')) host.showPopover();
  } catch {
    // Without the top layer the z-index still does most of the work.
  }
}

function hideFromTopLayer(host: HTMLElement): void {
  try {
    if (host.hasAttribute('popover') && host.matches(':popover-open')) host.hidePopover();
  } catch {
    // Hidden by display: none anyway.
  }
}
