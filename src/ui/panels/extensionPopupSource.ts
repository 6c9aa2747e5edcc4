/**
 * PopupDataSource for the real popup: the background's getTabAnalysis, the content script's getPageStatus,
 * and the settings in `storage.local`. The two actions on the page (reveal an actor, analyse a page the
 * detector turned down) are messages to the tab's content script, passed in by the caller.
 */
import browser from 'webextension-polyfill';
import { sendMessage, sendTabMessage } from '../../common/messaging';
import type { SettingsStore } from '../../common/settings';
import type { PopupDataSource, PopupView } from './popupTypes';
import { popupViewFor } from './popupView';

export interface ExtensionPopupSourceOptions {
  /** The tab the popup is about (the active tab, or `?tabId=` in e2e tests). */
  tabId: number;
  settings: SettingsStore;
  /** Asks the tab's content script to scroll to the actor and open its card. */
  revealActor(tabId: number, actorId: string): Promise<void>;
  /** Asks the tab's content script to analyse the page although it was not taken as an article. */
  analyzeAnyway(tabId: number): Promise<void>;
  /** Extension URL of the timeline page (its path depends on the build). */
  timelineUrl: string;
}

export function createExtensionPopupSource(options: ExtensionPopupSourceOptions): PopupDataSource {
  const { tabId, settings } = options;
  const load = async (): Promise<PopupView> => {
    // A failure of the background (e.g. a restarting worker) rejects here and the popup offers a retry.
    const [tab, current, analysis] = await Promise.all([browser.tabs.get(tabId), settings.load(), sendMessage('getTabAnalysis', { tabId })]);
    const page = await sendTabMessage(tabId, 'getPageStatus', {}).catch(() => null);
    // Without the `tabs` permission the browser hides tab.url; our content script knows its page's URL, and a
    // tab with neither is one we cannot read anyway (a browser page, or opened before the extension).
    const url = tab.url ?? page?.url ?? analysis.analysis?.url;
    return popupViewFor({ url, settings: current, analysis, page });
  };
  return {
    load,
    async analyzeAnyway() {
      await options.analyzeAnyway(tabId);
      return load();
    },
    revealActor: (actorId) => options.revealActor(tabId, actorId),
    async setSiteEnabled(site, enabled) {
      await settings.setSiteEnabled(site, enabled);
    },
    async setHighlightsEnabled(enabled) {
      await settings.update({ highlights: enabled });
    },
    openTimeline() {
      void browser.tabs.create({ url: options.timelineUrl });
    },
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
  };
}
