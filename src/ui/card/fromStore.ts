/**
 * The timeline store's answer about an actor (src/background/store: `getActorCard`) shaped for the card: other
 * articles only (the one being read is left out), events as date + text + where they were read.
 * Type-only import: the card never loads the store's code.
 */
import type { ActorCard } from '../../background/store/api';
import type { ActorTimeline } from './types';

export function timelineFromActorCard(card: ActorCard | undefined | null, currentArticleUrl: string): ActorTimeline {
  if (!card) return { articles: [], events: [] };
  const current = comparableUrl(currentArticleUrl);
  return {
    articles: card.articles
      .filter((article) => comparableUrl(article.url) !== current)
      .map((article) => ({ url: article.url, title: article.title, site: article.site, published: article.published })),
    events: card.recentEvents.map((event) => ({
      date: event.date,
      text: event.text,
      articleTitle: event.article.title,
      articleUrl: event.article.url,
    })),
  };
}

/** The same page under small URL differences: fragment, trailing slash, letter case of the host. */
function comparableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url;
  }
}
