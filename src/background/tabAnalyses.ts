/**
 * Each tab's latest analysis, in storage.session: it survives the worker being stopped and restarted,
 * and is forgotten when the browser closes (it is only a cache of what the page said).
 */
import browser from 'webextension-polyfill';
import type { Analysis } from '../nlp/types';
import type { TabAnalysisResponse } from '../common/messages';

const KEY_PREFIX = 'tabAnalysis:';

export interface TabAnalysisEntry {
  status: 'analyzed' | 'failed';
  analysis: Analysis | null;
  error?: string;
  updatedAt: number;
  storeError?: string;
}

const keyFor = (tabId: number): string => `${KEY_PREFIX}${tabId}`;

export async function readTabAnalysis(tabId: number): Promise<TabAnalysisResponse> {
  const stored = await browser.storage.session.get(keyFor(tabId));
  const entry = stored[keyFor(tabId)] as TabAnalysisEntry | undefined;
  if (!entry) return { status: 'none', analysis: null };
  return { status: entry.status, analysis: entry.analysis, error: entry.error, updatedAt: entry.updatedAt, storeError: entry.storeError };
}

export async function writeTabAnalysis(tabId: number, entry: TabAnalysisEntry): Promise<void> {
  try {
    await browser.storage.session.set({ [keyFor(tabId)]: entry });
  } catch (error) {
    // storage.session has a quota (10 MB in Chrome); long articles in many tabs can fill it. Make room once.
    await evictOldest(tabId);
    await browser.storage.session.set({ [keyFor(tabId)]: entry }).catch(() => {
      throw new Error(`could not keep the analysis of tab ${tabId}: ${String(error)}`);
    });
  }
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

/** Drops the older half of the other tabs' entries. */
async function evictOldest(keepTabId: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  const others = Object.entries(all)
    .filter(([key]) => key.startsWith(KEY_PREFIX) && key !== keyFor(keepTabId))
    .map(([key, value]) => ({ key, updatedAt: (value as TabAnalysisEntry).updatedAt ?? 0 }))
    .sort((a, b) => a.updatedAt - b.updatedAt);
  const drop = others.slice(0, Math.max(1, Math.ceil(others.length / 2))).map((entry) => entry.key);
  if (drop.length > 0) await browser.storage.session.remove(drop);
}
