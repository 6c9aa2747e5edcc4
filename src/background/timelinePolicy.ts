/**
 * What the timeline may keep (no browser API here, so it is unit-tested in Node). The content script already sends
 * only what it detected as an Arabic news article; the worker checks again what it can see for itself.
 */
export interface ReadingCircumstances {
  /** The language the analysis core reads in the text itself ('ar', 'fa', 'und', …), not what the page claims. */
  textLang: string;
  /** The article was read in a private (incognito) window, or the tab could not be looked up. */
  privateWindow: boolean;
  /** False when detection turned the page down and the reader asked for an analysis anyway. */
  detectedAsArticle?: boolean;
}

/** Why this article stays out of the timeline, or undefined when it may be kept. */
export function whyNotKept({ textLang, privateWindow, detectedAsArticle = true }: ReadingCircumstances): string | undefined {
  // "Analyse anyway" shows the analysis of a page detection turned down; the timeline keeps only news articles.
  if (!detectedAsArticle) return 'not detected as a news article (analysed on request only)';
  // A private window promises to leave no trace once it is closed; the timeline outlives it.
  if (privateWindow) return 'read in a private window';
  // A page's lang attribute can claim anything; only text the core reads as Arabic is kept.
  if (textLang !== 'ar') return `the text is not Arabic (${textLang})`;
  return undefined;
}
