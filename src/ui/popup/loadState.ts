/** What the popup shows for a tab, gathered from the background (the analysis) and the tab's content script (why not). */
import browser from 'webextension-polyfill';
import { sendMessage, sendTabMessage } from '../../common/messaging';
import { describeError } from '../../common/messages';
import type { Analysis } from '../../nlp/types';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'analysis'; analysis: Analysis }
  | { kind: 'notArticle'; reason: string }
  | { kind: 'pending' }
  | { kind: 'unreachable' }
  | { kind: 'failed'; error: string };

/** `?tabId=N` (used by the e2e tests, which open the popup as a page) or the active tab of this window. */
export async function targetTabId(search: string): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

export async function loadPopupState(tabId: number | null): Promise<PopupState> {
  if (tabId === null) return { kind: 'unreachable' };
  try {
    const stored = await sendMessage('getTabAnalysis', { tabId });
    if (stored.status === 'analyzed' && stored.analysis) return { kind: 'analysis', analysis: stored.analysis };
    if (stored.status === 'failed') return { kind: 'failed', error: stored.error ?? '' };
  } catch (error) {
    return { kind: 'failed', error: describeError(error) };
  }
  try {
    const page = await sendTabMessage(tabId, 'getPageStatus', {});
    if (page.arabic && page.isArticle !== false) return { kind: 'pending' };
    return { kind: 'notArticle', reason: page.reason };
  } catch {
    return { kind: 'unreachable' };
  }
}
