/**
 * Code that runs inside an extension page (or the Chromium worker) of the loaded extension, as source strings:
 * functions compiled by tsx carry helper calls that do not exist in the browser, so these are kept as plain JS.
 * Both browsers expose the promise-based `browser` namespace (Chrome 148+ natively).
 */
import { MESSAGE_CHANNEL } from '../../../src/common/messages';

const channel = JSON.stringify(MESSAGE_CHANNEL);

/** `(url) => {tabId, status}`: asks every tab's content script for its page status and picks the one at `url`. */
export const FIND_TAB_BY_URL = `async (url) => {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    try {
      const reply = await browser.tabs.sendMessage(tab.id, { channel: ${channel}, name: 'getPageStatus', payload: {} }, { frameId: 0 });
      // Only once the content script has taken its first look: before that its reason is a placeholder.
      if (reply && reply.ok && reply.value.url === url && reply.value.reason !== 'not looked at yet') return { tabId: tab.id, status: reply.value };
    } catch (error) { /* a tab without our content script */ }
  }
  return undefined;
}`;

/** `(tabId) => entry | undefined`: the analysis the background keeps for a tab in storage.session. */
export const READ_TAB_ENTRY = `async (tabId) => {
  const key = 'tabAnalysis:' + tabId;
  const stored = await browser.storage.session.get(key);
  return stored[key];
}`;

/** `([name, payload]) => reply`: sends one of our messages to the background and returns the raw wire reply. */
export const SEND_MESSAGE = `async ([name, payload]) => {
  try {
    const reply = await browser.runtime.sendMessage({ channel: ${channel}, name, payload });
    return reply === undefined ? { dropped: true } : reply;
  } catch (error) {
    return { dropped: true, error: String(error && error.message || error) };
  }
}`;

/** `(message) => reply`: sends an arbitrary value, for the junk-is-dropped checks. */
export const SEND_RAW = `async (message) => {
  try {
    const reply = await browser.runtime.sendMessage(message);
    return reply === undefined ? { dropped: true } : reply;
  } catch (error) {
    return { dropped: true, error: String(error && error.message || error) };
  }
}`;

/** Shape of a tab's entry as kept by src/background/tabAnalyses.ts. */
export interface StoredTabEntry {
  status: 'analyzed' | 'failed';
  analysis: { title: string; text: string; lang: string; actors: unknown[] } | null;
  error?: string;
  updatedAt: number;
}

export interface FoundTab {
  tabId: number;
  status: { url: string; arabic: boolean; isArticle: boolean | null; reason: string; analyzed: boolean };
}

/**
 * An expression that calls a probe with a JSON argument. (Playwright and Puppeteer only pass arguments to real
 * functions, and real functions compiled by tsx cannot be sent; see the top of this file.)
 */
export function call(probeSource: string, argument: unknown): string {
  return `(${probeSource})(${JSON.stringify(argument ?? null)})`;
}
