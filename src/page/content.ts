/**
 * The content script, on every http(s) page. It must cost almost nothing on the pages it is not for:
 * the per-site switch, a first look, and for non-Arabic pages nothing more (no reader, no message, no DOM watching;
 * only URL changes are followed, for single-page sites).
 * For Arabic pages it loads the reader on demand, sends the article once, publishes the analysis (state.ts) and
 * starts the lens (highlights and hover cards, another on-demand chunk).
 * No exception may escape into the page.
 */
import { describeError, type ArticleReading, type PageStatus } from '../common/messages';
import { listenForMessages, sendMessage } from '../common/messaging';
import { defaultSettings, type Settings } from '../common/settings';
import { fnv1a } from '../nlp/entities/hash';
import { firstLook } from './firstLook';
import type { PageReading } from './article/index';
import { currentLens, startLensFor, stopLens, updateLensSettings } from './lensControl';
import { followSettings, loadSettings, siteIsOff } from './siteSettings';
import { publishArticle } from './state';
import { watchUrl, type UrlWatch } from './urlWatch';

const LOG_PREFIX = '[arabic-news-lens]';
/** Quiet time after DOM changes before looking again; checks never run per mutation. */
const SETTLE_MS = 1500;
/** Longest wait on a page that never stops changing. */
const MAX_WAIT_MS = 8000;
/** New text (characters) that makes another look worthwhile: about a paragraph. */
const MIN_NEW_TEXT_CHARS = 400;
const MAX_FIELD_CHARS = 4096;
const MAX_ARTICLE_CHARS = 2_000_000;

const SITE_OFF_REASON = 'switched off for this site';

const status: PageStatus = { url: location.href, arabic: false, isArticle: null, reason: 'not looked at yet', analyzed: false };
let settings: Settings = defaultSettings();
let siteOff = false;
let lastSentKey = '';
/** Retries left for an analysis request that got no answer; back to one after each success. */
let retriesLeft = 1;
const RETRY_MS = 2000;
/** The URL the running lens was started for: another URL without a new article means the lens must go. */
let lensUrl = '';
let looking = false;
/** A look was asked for while one was running (e.g. the SPA swapped the article meanwhile): run one more after it. */
let lookAgain = false;
/** The last first look could not tell (an app shell still loading): keep watching the text, not just the URL. */
let undecided = false;

function warn(text: string, error?: unknown): void {
  console.warn(`${LOG_PREFIX} ${text}`, error ?? '');
}

/** FNV-1a over the text: tells "same article again" from "a new one" without keeping the text twice. */
function fingerprint(text: string): string {
  return `${text.length}:${fnv1a(text).toString(16)}`;
}

function clip(text: string, max = MAX_FIELD_CHARS): string {
  return text.length > max ? text.slice(0, max) : text;
}

function asUrlOrEmpty(value: string): string {
  return URL.canParse(value) ? clip(value) : '';
}

/** Shapes the reader's output into what the message schema accepts, so a reader quirk can't get it dropped. */
function toArticleReading(reading: PageReading): ArticleReading {
  return {
    url: asUrlOrEmpty(reading.url) || location.href,
    canonicalUrl: asUrlOrEmpty(reading.canonicalUrl),
    title: clip(reading.title),
    published: /^\d{4}-\d{2}-\d{2}$/.test(reading.published) ? reading.published : '',
    site: clip(reading.site),
    lang: clip(reading.lang || 'ar', 35),
    text: clip(reading.text, MAX_ARTICLE_CHARS),
  };
}

/** The old article's lens goes once the page moved on to another URL (its ranges point at text that is gone). */
function dropLensOfAnotherUrl(): void {
  if (lensUrl && lensUrl !== location.href) {
    stopLens();
    lensUrl = '';
  }
}

/**
 * Looks at the page and, for an Arabic news article, has it analysed and highlighted.
 * `force` (the popup's "analyse anyway") reads and sends the page whatever the first look and detection said.
 */
async function look(force = false): Promise<void> {
  if (siteOff) return;
  if (looking) {
    lookAgain = true;
    return;
  }
  looking = true;
  lookAgain = false;
  try {
    status.url = location.href;
    const first = firstLook(document);
    status.arabic = first.arabic;
    status.reason = first.reason;
    undecided = first.undecided;
    if (!first.arabic && !force) {
      status.isArticle = null;
      status.analyzed = false;
      dropLensOfAnotherUrl();
      return;
    }

    // Loaded only on Arabic pages: the reader (Readability and friends) is most of the script's weight.
    const { readArticle } = await import('./article/index');
    if (siteOff) return; // switched off while the reader loaded
    const reading = readArticle(document, location.href);
    status.isArticle = reading.isArticle;
    status.reason = force && !reading.isArticle ? `analysed on request; detection said: ${reading.reason}` : reading.reason;
    if ((!reading.isArticle && !force) || reading.text.trim() === '') {
      status.analyzed = false;
      dropLensOfAnotherUrl();
      return;
    }

    const key = `${location.href}\n${fingerprint(reading.text)}`;
    if (key === lastSentKey) return;
    lastSentKey = key; // set before the await so a look during the analysis does not send it twice
    status.analyzed = false;
    try {
      const article = toArticleReading(reading);
      const analysis = await sendMessage('analyzeArticle', { article, onRequestOnly: !reading.isArticle });
      retriesLeft = 1;
      if (siteOff) return;
      status.analyzed = true;
      publishArticle({ reading, analysis });
      lensUrl = location.href;
      await startLensFor({ reading, analysis }, settings, article.url);
    } catch (error) {
      lastSentKey = ''; // let a later look try again
      // A worker stopped mid-request (MV3 may do so at any time) leaves the message unanswered: try once more.
      if (retriesLeft > 0) {
        retriesLeft--;
        setTimeout(() => void look(force), RETRY_MS);
      }
      throw error;
    }
  } catch (error) {
    warn(`could not read or analyse this page: ${describeError(error)}`);
  } finally {
    looking = false;
    if (lookAgain) void look();
  }
}

/**
 * Articles that appear later (SPA navigation, infinite scroll). Mutations only set a flag; once the page has been
 * quiet for SETTLE_MS (or busy for MAX_WAIT_MS) one cheap check decides whether to look again: the URL changed, or
 * the text grew enough to hold a new article (a ticking clock or a rotating banner does not).
 */
function watchForLaterArticles(): () => void {
  let changed = false;
  let lastUrl = location.href;
  let lastTextLength = document.body?.textContent?.length ?? 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let maxWaitTimer: ReturnType<typeof setTimeout> | undefined;

  const check = (): void => {
    clearTimeout(settleTimer);
    clearTimeout(maxWaitTimer);
    settleTimer = maxWaitTimer = undefined;
    if (!changed && location.href === lastUrl) return;
    changed = false;
    const textLength = document.body?.textContent?.length ?? 0;
    const grown = textLength - lastTextLength;
    const urlChanged = location.href !== lastUrl;
    if (!urlChanged && grown < Math.max(MIN_NEW_TEXT_CHARS, lastTextLength * 0.2)) return;
    lastUrl = location.href;
    lastTextLength = textLength;
    void look();
  };
  const schedule = (): void => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(check, SETTLE_MS);
    maxWaitTimer ??= setTimeout(check, MAX_WAIT_MS);
  };

  const observer = new MutationObserver(() => {
    changed = true;
    schedule();
  });
  if (document.body) observer.observe(document.body, { childList: true, subtree: true });
  // History navigation in SPAs may change nothing observable at first; the URL check catches it.
  addEventListener('popstate', schedule);
  addEventListener('hashchange', schedule);
  return () => {
    observer.disconnect();
    clearTimeout(settleTimer);
    clearTimeout(maxWaitTimer);
    removeEventListener('popstate', schedule);
    removeEventListener('hashchange', schedule);
  };
}

let stopTextWatch: (() => void) | null = null;
let urlWatch: UrlWatch | null = null;

/**
 * Arabic (or not yet decidable) pages get the text watch; every other page only has its URL followed, so a page
 * the first look turned down is never observed or read again until it navigates.
 */
function watchPage(): void {
  try {
    if (siteOff || stopTextWatch) return;
    if (status.arabic || undecided) {
      urlWatch?.stop();
      urlWatch = null;
      stopTextWatch = watchForLaterArticles();
    } else {
      urlWatch ??= watchUrl(window, () => void look().finally(watchPage));
    }
  } catch (error) {
    warn('could not watch this page for new articles', error);
  }
}

function stopWatching(): void {
  stopTextWatch?.();
  stopTextWatch = null;
  urlWatch?.stop();
  urlWatch = null;
}

function answerThePopupAndCommands(): void {
  listenForMessages({
    getPageStatus: () => ({ ...status }),
    pageCommand: ({ command }) => {
      const lens = currentLens();
      if (!lens || siteOff) return { done: false };
      if (command === 'toggle-highlights') lens.toggleHighlights();
      else if (command === 'next-mention') lens.nextMention();
      else lens.previousMention();
      return { done: true };
    },
    revealActor: ({ actorId }) => ({ revealed: !siteOff && (currentLens()?.openCardForActor(actorId) ?? false) }),
    analyzeAnyway: async () => {
      if (!siteOff) {
        lastSentKey = ''; // the reader asked: send even what was sent before
        await look(true);
      }
      return { ...status };
    },
  });
}

function switchSiteOff(): void {
  siteOff = true;
  stopWatching();
  stopLens();
  lensUrl = '';
  lastSentKey = '';
  Object.assign(status, { url: location.href, arabic: false, isArticle: null, reason: SITE_OFF_REASON, analyzed: false });
}

/** Settings changed elsewhere (popup, options): follow the site switch, restyle or restart the lens. */
function onSettingsChanged(next: Settings): void {
  try {
    const previous = settings;
    settings = next;
    const off = siteIsOff(next, location.href);
    if (off && !siteOff) switchSiteOff();
    else if (!off && siteOff) {
      siteOff = false;
      void look().finally(watchPage);
    } else if (!off) updateLensSettings(previous, next);
  } catch (error) {
    warn('could not apply new settings', error);
  }
}

async function start(): Promise<void> {
  answerThePopupAndCommands();
  settings = await loadSettings();
  followSettings(onSettingsChanged);
  // The switch comes before anything else: a switched-off site gets no first look, no reader and no message.
  if (siteIsOff(settings, location.href)) {
    switchSiteOff();
    return;
  }
  await look();
  watchPage();
}

// Test-only hook (dist-e2e builds): lets the end-to-end tests read the card in its closed shadow root.
if (__ANL_E2E__) {
  void import('./e2eHooks').then(({ installE2eHooks }) => installE2eHooks(), (error: unknown) => warn('e2e hooks failed', error));
}

start().catch((error: unknown) => warn('content script failed to start', error));
