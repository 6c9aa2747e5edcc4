/**
 * Source strings run inside extension pages by the UI tests (plain JS: see probes.ts for why). The settings
 * live in `storage.local` under `settings` (src/common/settings.ts), which every extension page can read.
 */
import { SETTINGS_KEY } from '../../../src/common/settings';

const key = JSON.stringify(SETTINGS_KEY);

/** `(settings) => void`: replaces the stored settings (a partial object: missing fields take their defaults). */
export const WRITE_SETTINGS = `async (settings) => { await browser.storage.local.set({ [${key}]: settings }); }`;

/** `() => settings | undefined`: the stored settings object. */
export const READ_SETTINGS = `async () => (await browser.storage.local.get(${key}))[${key}]`;

/**
 * Run in the popup: stands in for the content script's side of revealActor and analyzeAnyway (built in another
 * branch), so the test sees what the popup sends and decides the answer. Other messages (getPageStatus) still go
 * to the real content script. `window.__tabMessages` records what was sent; `window.__answerTabMessage(name, reply)`
 * answers the pending one with a wire reply ({ok: true, value} or {ok: false, error}).
 */
export const STUB_PAGE_ACTIONS = `(() => {
  const original = browser.tabs.sendMessage.bind(browser.tabs);
  const pending = {};
  window.__tabMessages = [];
  window.__answerTabMessage = (name, reply) => { pending[name](reply); delete pending[name]; return true; };
  browser.tabs.sendMessage = (tabId, message, options) => {
    if (message && (message.name === 'revealActor' || message.name === 'analyzeAnyway')) {
      window.__tabMessages.push({ tabId, name: message.name, payload: message.payload });
      return new Promise((resolve) => { pending[message.name] = resolve; });
    }
    return original(tabId, message, options);
  };
  return browser.tabs.sendMessage !== original;
})()`;

/**
 * `([tabId, reason]) => true`: adds `storeError` to a tab's analysis entry in storage.session, as the worker does
 * when the timeline could not keep the article (filling the disk for real is not something a test should do).
 */
export const MARK_STORE_ERROR = `async ([tabId, reason]) => {
  const key = 'tabAnalysis:' + tabId;
  const entry = (await browser.storage.session.get(key))[key];
  await browser.storage.session.set({ [key]: { ...entry, storeError: reason } });
  return true;
}`;
