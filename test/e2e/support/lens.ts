/**
 * Support for the highlight/card end-to-end tests (highlight.*.test.ts), shared by both browsers.
 * The lens is driven and read through the TEST-ONLY hook of dist-e2e builds (src/page/e2eHooks.ts), from an extension
 * page; the page itself is inspected in its main world, as a site's own script would see it.
 */
import { join } from 'node:path';
import { MESSAGE_CHANNEL } from '../../../src/common/messages';
import { REPO_ROOT } from './paths';

export const DIST_E2E_CHROME = join(REPO_ROOT, 'dist-e2e', 'chrome');
export const DIST_E2E_FIREFOX = join(REPO_ROOT, 'dist-e2e', 'firefox');
export const CARD_HOST_TAG = 'arabic-news-lens-card';

/** `([tabId, op, args]) => value`: one question to the content script's test hook. */
export const LENS_OP = `async ([tabId, op, args]) => {
  const reply = await browser.tabs.sendMessage(tabId, { channel: 'arabic-news-lens-e2e', op, args }, { frameId: 0 });
  if (!reply || !reply.ok) throw new Error('e2e hook: ' + JSON.stringify(reply));
  return reply.value;
}`;

/** `([tabId, command]) => reply`: the message the background sends for a keyboard command (manifest \`commands\`). */
export const PAGE_COMMAND = `async ([tabId, command]) => browser.tabs.sendMessage(tabId, { channel: ${JSON.stringify(MESSAGE_CHANNEL)}, name: 'pageCommand', payload: { command } }, { frameId: 0 })`;

/** `(settings) => void`: writes the reader's settings as the options page does (storage.local, key "settings"). */
export const WRITE_SETTINGS = `async (settings) => { await browser.storage.local.set({ settings }); return true; }`;

/**
 * Main-world script installed before any page script: keeps the page's serialisation as the parser left it (at
 * DOMContentLoaded, before content scripts at document_idle run) and the functions to compare it later, captured
 * before a hostile page can replace them.
 */
export const BEFORE_SNAPSHOT_INIT = `(() => {
  const serialize = () => {
    const clone = document.documentElement.cloneNode(true);
    for (const host of clone.querySelectorAll(${JSON.stringify(CARD_HOST_TAG)})) host.remove();
    return clone.outerHTML;
  };
  Object.defineProperty(window, '__anlSerialize', { value: serialize });
  document.addEventListener('DOMContentLoaded', () => Object.defineProperty(window, '__anlBefore', { value: document.documentElement.outerHTML }), { once: true });
})()`;

/** Main world: whether the DOM outside the card host is the parser's, byte for byte, and how many hosts there are. */
export const DOM_UNCHANGED = `(() => {
  const before = window.__anlBefore ?? '';
  const after = window.__anlSerialize ? window.__anlSerialize() : '';
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  return {
    same: before.length > 0 && after === before,
    beforeLength: before.length,
    hosts: document.querySelectorAll(${JSON.stringify(CARD_HOST_TAG)}).length,
    firstDifference: after === before ? '' : 'before: ' + before.slice(Math.max(0, at - 80), at + 80) + ' | after: ' + after.slice(Math.max(0, at - 80), at + 80),
  };
})()`;

/** Main world: the highlight registry as the page sees it: name → texts of its ranges. */
export const PAGE_HIGHLIGHTS = `(() => {
  const out = {};
  if (!window.CSS || !CSS.highlights) return null;
  for (const [name, highlight] of CSS.highlights) out[name] = [...highlight].map((range) => range.toString());
  return out;
})()`;

export interface LensState {
  running: boolean;
  mentions?: number;
  on?: boolean;
  painted?: boolean;
  open?: number | null;
  timings?: { articleAt: number; lensAt: number };
}

export interface MentionInfo {
  actorName: string;
  type: string;
  text: string;
  rects?: { left: number; top: number; width: number; height: number }[];
}

export interface CardSnapshot {
  name: string;
  text: string;
  label: string;
  dir: string;
  pinned: boolean;
  focused: boolean;
}

export interface DomCheck {
  same: boolean;
  /** Around the first differing character, when not the same. */
  firstDifference: string;
  beforeLength: number;
  hosts: number;
}

/** Names as the highlights should show them: Arabic letters only, so clitics and spacing do not matter. */
export const letters = (text: string): string => text.replace(/[^\u0621-\u064A]/g, '');

/** Requests the extension may cause: its own packaged files. Everything else seen must be the test page itself. */
export function isExtensionInternal(url: string): boolean {
  return /^(chrome-extension|moz-extension):\/\//.test(url);
}

/** Main world: the card host's box and the viewport, to check the open card stays on screen. */
export const HOST_ON_SCREEN = `(() => {
  const host = document.querySelector(${JSON.stringify(CARD_HOST_TAG)});
  if (!host) return null;
  const r = host.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight };
})()`;

export interface HostBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
