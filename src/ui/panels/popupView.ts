/**
 * What the popup shows for a tab, decided from what the extension knows about it: the tab's URL, the
 * settings (per-site switch, highlights), the background's analysis for the tab and the content script's
 * status. Pure, so every case is unit-tested; extensionPopupSource.ts gathers the facts.
 */
import type { PageStatus, TabAnalysisResponse } from '../../common/messages';
import { isSiteDisabled, normalizeHostname, type Settings } from '../../common/settings';
import type { PopupView } from './popupTypes';

export interface TabFacts {
  /** The tab's URL; undefined when the browser does not tell (no `tabs` permission for it). */
  url: string | undefined;
  settings: Settings;
  /** The background's answer to getTabAnalysis. */
  analysis: TabAnalysisResponse;
  /** The content script's answer to getPageStatus; null when no content script answered. */
  page: PageStatus | null;
}

export function popupViewFor({ url, settings, analysis, page }: TabFacts): PopupView {
  if (url === undefined || !/^https?:/i.test(url)) return { kind: 'unsupported' };
  const site = normalizeHostname(url) ?? url;
  if (isSiteDisabled(settings, url)) return { kind: 'siteOff', site };
  const highlightsEnabled = settings.highlights;
  if (analysis.status === 'analyzed' && analysis.analysis !== null) {
    if (analysis.analysis.isArticle) {
      const { storeError } = analysis;
      return { kind: 'article', analysis: analysis.analysis, site, highlightsEnabled, ...(storeError ? { storeError } : {}) };
    }
    return { kind: 'notArticle', site, reason: analysis.analysis.reason ?? '', highlightsEnabled };
  }
  if (analysis.status === 'failed') return { kind: 'failed', site, error: analysis.error ?? '' };
  if (page === null) return { kind: 'unreachable', site };
  // Arabic, and the reader has not said no (yet): the analysis is on its way.
  if (page.arabic && page.isArticle !== false && !page.analyzed) return { kind: 'analyzing', site };
  return { kind: 'notArticle', site, reason: page.reason, highlightsEnabled };
}
