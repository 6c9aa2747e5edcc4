/**
 * What the popup shows and what it can ask for. The lead's popup entry implements PopupDataSource over the
 * background messages (getTabAnalysis, getPageStatus, settings); tests and the demo use fakes.
 */
import type { Analysis } from '../../nlp/types';

/** The state of the active tab, as far as the popup is concerned. */
export type PopupView =
  /** An analysed Arabic news article. */
  | {
      kind: 'article';
      analysis: Analysis;
      site: string;
      highlightsEnabled: boolean;
      /** Why the article could not be kept in the timeline (e.g. storage full); the analysis itself is fine. */
      storeError?: string;
    }
  /** A page that is not taken as an Arabic news article, and why (e.g. "the page is in English"). */
  | { kind: 'notArticle'; site: string; reason: string; highlightsEnabled: boolean }
  /** The page is being read or analysed right now. */
  | { kind: 'analyzing'; site: string }
  /** The reader switched the extension off on this site. */
  | { kind: 'siteOff'; site: string }
  /** The analysis of this page failed in the background (e.g. the model could not load). */
  | { kind: 'failed'; site: string; error: string }
  /** A web page our content script is not running in (opened before the extension was installed or updated). */
  | { kind: 'unreachable'; site: string }
  /** A page no extension can read (browser pages, web stores, PDF viewer). */
  | { kind: 'unsupported' };

export interface PopupDataSource {
  /** The active tab's state. Rejects when the background does not answer (e.g. the worker is restarting). */
  load(): Promise<PopupView>;
  /** Analyses the page although detection said it is not a news article; resolves with the new state. */
  analyzeAnyway(): Promise<PopupView>;
  /** Scrolls the page to the actor's first mention and opens its card. */
  revealActor(actorId: string): Promise<void>;
  /** The per-site off switch. */
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
  setHighlightsEnabled(enabled: boolean): Promise<void>;
  openTimeline(): void;
  openOptions(): void;
}
