/**
 * The content script's record of the article on this page and its analysis, for the parts built on it
 * (highlights, hover cards). Module state inside the content-script world: the page cannot see it.
 */
import type { Analysis } from '../nlp/types';
import type { PageReading } from './article/index';

export interface AnalyzedArticle {
  reading: PageReading;
  analysis: Analysis;
}

type Listener = (article: AnalyzedArticle) => void;

let current: AnalyzedArticle | null = null;
const listeners = new Set<Listener>();

/** The latest analysed article on this page, or null. */
export function currentArticle(): AnalyzedArticle | null {
  return current;
}

/**
 * Calls `listener` with the current article (if any) and with every later one (SPA navigation, infinite scroll).
 * Returns a function that stops the calls. A throwing listener does not stop the others.
 */
export function onArticleAnalyzed(listener: Listener): () => void {
  listeners.add(listener);
  if (current) safeCall(listener, current);
  return () => listeners.delete(listener);
}

/** Called by content.ts once the background answered. */
export function publishArticle(article: AnalyzedArticle): void {
  current = article;
  for (const listener of listeners) safeCall(listener, article);
}

function safeCall(listener: Listener, article: AnalyzedArticle): void {
  try {
    listener(article);
  } catch (error) {
    console.warn('[arabic-news-lens] article listener failed', error);
  }
}
