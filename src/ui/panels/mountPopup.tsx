/**
 * Mounts the popup in the extension for a tab: the language and theme come from the settings, the data from
 * createExtensionPopupSource. The entry (src/ui/popup/main.tsx) passes in the content-script actions and the
 * timeline page's URL, so this module stays free of the page paths and tab messages.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { SettingsStore, defaultSettings } from '../../common/settings';
import { resolveViewLanguage } from '../components/i18n';
import { createExtensionPopupSource, type ExtensionPopupSourceOptions } from './extensionPopupSource';
import { PopupPanel } from './PopupPanel';

export type PopupActions = Pick<ExtensionPopupSourceOptions, 'revealActor' | 'analyzeAnyway' | 'timelineUrl'>;

export async function mountPopup(root: HTMLElement, tabId: number, actions: PopupActions): Promise<void> {
  const settings = new SettingsStore(browser.storage.local);
  // Settings that cannot be read must not keep the popup blank: defaults, and the panel reports the failure.
  const current = await settings.load().catch(() => defaultSettings());
  const source = createExtensionPopupSource({ tabId, settings, ...actions });
  render(<PopupPanel source={source} language={resolveViewLanguage(current.uiLanguage, browser.i18n.getUILanguage())} theme={current.theme} />, root);
}
