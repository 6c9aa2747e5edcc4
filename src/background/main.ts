/**
 * The background worker (a service worker in Chrome, an event page in Firefox).
 * Listeners are registered synchronously at the top level, so an event that wakes the worker finds them.
 * Nothing that matters lives only in memory: tab analyses are in storage.session, the model is reloaded on demand.
 */
import browser from 'webextension-polyfill';
import { listenForMessages } from '../common/messaging';
import type { ArticleReading } from '../common/messages';
import { analyzeText } from '../nlp/analyze';
import type { Analysis } from '../nlp/types';
import { getNerModel, modelLoadedFromFile } from './model';
import { forgetTab, readTabAnalysis, writeTabAnalysis } from './tabAnalyses';
import { actorCardFor, openTimelinePage, rememberArticle } from './timeline';
import { whyNotKept } from './timelinePolicy';
import { sendTabMessage } from '../common/messaging';

const workerStartedAt = Date.now();

async function analyzeArticle(article: ArticleReading, tabId: number | undefined, onRequestOnly: boolean): Promise<Analysis> {
  if (tabId === undefined) throw new Error('analyzeArticle must come from a tab');
  try {
    const { model } = await getNerModel();
    const analysis = analyzeText(
      { text: article.text, published: article.published || undefined, title: article.title, site: article.site, url: article.canonicalUrl || article.url },
      { model },
    );
    // The page decided it is an Arabic article; keep its language verdict alongside the core's.
    const result: Analysis = { ...analysis, lang: article.lang || analysis.lang };
    // Unknown tab (closed meanwhile): treated as private, so nothing is kept by mistake.
    const privateWindow = await browser.tabs.get(tabId).then((tab) => tab.incognito, () => true);
    const notKept = whyNotKept({ textLang: analysis.lang, privateWindow, detectedAsArticle: !onRequestOnly });
    const storeError = notKept === undefined ? await rememberArticle(result, article.url, article.canonicalUrl) : undefined;
    await writeTabAnalysis(tabId, { status: 'analyzed', analysis: result, updatedAt: Date.now(), storeError });
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await writeTabAnalysis(tabId, { status: 'failed', analysis: null, error: reason, updatedAt: Date.now() }).catch(() => undefined);
    throw error;
  }
}

listenForMessages({
  ping: () => ({ pong: true, workerStartedAt, modelLoaded: modelLoadedFromFile() }),
  analyzeArticle: ({ article, onRequestOnly }, { tabId }) => analyzeArticle(article, tabId, onRequestOnly ?? false),
  getTabAnalysis: ({ tabId }) => readTabAnalysis(tabId),
  getActorCard: (request) => actorCardFor(request),
  openTimeline: async ({ name }) => {
    await openTimelinePage(name);
    return { opened: true };
  },
});

// Keyboard shortcuts (manifest `commands`) act on the page in the active tab.
browser.commands?.onCommand.addListener((command, tab) => {
  if (command !== 'toggle-highlights' && command !== 'next-mention' && command !== 'previous-mention') return;
  void (async () => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    await sendTabMessage(tabId, 'pageCommand', { command });
  })().catch((error: unknown) => console.warn(`[arabic-news-lens] ${command}: ${String(error)}`));
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId).catch(() => undefined);
});

// A new document in the tab makes the old analysis stale; its content script will send the new one.
// (Without the `tabs` permission changeInfo carries no URL, only the loading status, which is all this needs.)
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading') void forgetTab(tabId).catch(() => undefined);
});
