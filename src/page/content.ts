/**
 * The content script, on every http(s) page. It must cost almost nothing on the pages it is not for:
 * a first look, and for non-Arabic pages nothing more (no reader, no message).
 * For Arabic pages it loads the reader on demand, sends the article once, and publishes the analysis (state.ts).
 * No exception may escape into the page.
 */
import { describeError, type ArticleReading, type PageStatus } from '../common/messages';
import { listenForMessages, sendMessage } from '../common/messaging';
import { firstLook } from './firstLook';
import type { PageReading } from './article/index';
import { publishArticle } from './state';

const LOG_PREFIX = '[arabic-news-lens]';
/** Quiet time after DOM changes before looking again; checks never run per mutation. */
const SETTLE_MS = 1500;
/** Longest wait on a page that never stops changing. */
const MAX_WAIT_MS = 8000;
/** New text (characters) that makes another look worthwhile: about a paragraph. */
const MIN_NEW_TEXT_CHARS = 400;
const MAX_FIELD_CHARS = 4096;
const MAX_ARTICLE_CHARS = 2_000_000;

const status: PageStatus = { url: location.href, arabic: false, isArticle: null, reason: 'not looked at yet', analyzed: false };
let lastSentKey = '';
let looking = false;
/** A look was asked for while one was running (e.g. the SPA swapped the article meanwhile): run one more after it. */
let lookAgain = false;

function warn(text: string, error?: unknown): void {
  console.warn(`${LOG_PREFIX} ${text}`, error ?? '');
}

/** FNV-1a over the text: tells "same article again" from "a new one" without keeping the text twice. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`;
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

async function look(): Promise<void> {
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
    if (!first.arabic) {
      status.isArticle = null;
      status.analyzed = false;
      return;
    }

    // Loaded only on Arabic pages: the reader (Readability and friends) is most of the script's weight.
    const { readArticle } = await import('./article/index');
    const reading = readArticle(document, location.href);
    status.isArticle = reading.isArticle;
    status.reason = reading.reason;
    if (!reading.isArticle || reading.text.trim() === '') {
      status.analyzed = false;
      return;
    }

    const key = `${location.href}\n${fingerprint(reading.text)}`;
    if (key === lastSentKey) return;
    lastSentKey = key; // set before the await so a look during the analysis does not send it twice
    status.analyzed = false;
    try {
      const analysis = await sendMessage('analyzeArticle', { article: toArticleReading(reading) });
      status.analyzed = true;
      publishArticle({ reading, analysis });
    } catch (error) {
      lastSentKey = ''; // let a later look try again
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
function watchForLaterArticles(): void {
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
}

function answerThePopup(): void {
  listenForMessages({ getPageStatus: () => ({ ...status }) });
}

try {
  answerThePopup();
  void look().finally(() => {
    try {
      watchForLaterArticles();
    } catch (error) {
      warn('could not watch this page for new articles', error);
    }
  });
} catch (error) {
  warn('content script failed to start', error);
}
