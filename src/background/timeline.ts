/**
 * The worker's handle on the timeline store. Opened lazily, once per worker start: a worker woken for a ping
 * never opens the database, and a stopped worker loses nothing because every write is already committed.
 */
import browser from 'webextension-polyfill';
import { StoreError, TimelineStore, type ActorCard } from './store/index';
import type { Analysis } from '../nlp/types';
import { TIMELINE_PAGE } from '../common/pages';

let opening: Promise<TimelineStore> | undefined;

export function getTimelineStore(): Promise<TimelineStore> {
  opening ??= TimelineStore.open(indexedDB).catch((error: unknown) => {
    opening = undefined; // try again on the next request rather than caching the failure
    throw error;
  });
  return opening;
}

/**
 * Keeps an analysed article in the timeline. Returns a reason for the reader when it could not be kept
 * (storage full, a broken database), and never throws: the page still gets its analysis.
 */
export async function rememberArticle(analysis: Analysis, url: string, canonicalUrl: string): Promise<string | undefined> {
  if (!analysis.isArticle) return undefined; // privacy: nothing from pages that are not articles
  try {
    const store = await getTimelineStore();
    await store.addArticle(analysis, { url, canonicalUrl: canonicalUrl || undefined, readAt: Date.now() });
    return undefined;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'quota') {
      return 'storage is full: this article was not added to the timeline (what was stored before is kept)';
    }
    return `the timeline could not store this article: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The actor card for a name on a page: through the stored article's actor map when possible, else by name. */
export async function actorCardFor(request: { name: string; actorId?: string; articleUrl?: string }): Promise<ActorCard | null> {
  const store = await getTimelineStore();
  if (request.actorId && request.articleUrl) {
    const stored = await store.getArticle(request.articleUrl);
    const timelineId = stored?.actorIds[request.actorId];
    if (timelineId) return (await store.getActorCard(timelineId)) ?? null;
  }
  return (await store.getActorCard(request.name)) ?? null;
}

export async function openTimelinePage(name?: string): Promise<void> {
  const query = name ? `?actor=${encodeURIComponent(name)}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(TIMELINE_PAGE) + query });
}
