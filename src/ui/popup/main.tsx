/**
 * The toolbar popup's entry: the PopupPanel for one tab. The tab is `?tabId=N` when given (the e2e tests open
 * the popup as an ordinary page, where the "active tab" would be the popup itself), else the active tab.
 */
import browser from 'webextension-polyfill';
import { sendTabMessage } from '../../common/messaging';
import { TIMELINE_PAGE } from '../../common/pages';
import { mountPopup } from '../panels/mountPopup';

async function targetTabId(search: string): Promise<number | null> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

async function start(root: HTMLElement): Promise<void> {
  const tabId = await targetTabId(location.search);
  if (tabId === null) throw new Error('there is no active tab');
  await mountPopup(root, tabId, {
    revealActor: async (tab, actorId) => {
      await sendTabMessage(tab, 'revealActor', { actorId });
    },
    analyzeAnyway: async (tab) => {
      await sendTabMessage(tab, 'analyzeAnyway', {});
    },
    timelineUrl: browser.runtime.getURL(TIMELINE_PAGE),
  });
}

const root = document.getElementById('app');
if (root !== null) {
  start(root).catch((error: unknown) => {
    // Before the panel is mounted there is no themed view to report in: plain text, never a blank popup.
    root.textContent = `Arabic News Lens: ${error instanceof Error ? error.message : String(error)}`;
  });
}
