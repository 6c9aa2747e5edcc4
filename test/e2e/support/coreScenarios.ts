/**
 * The core end-to-end checks (content script → background → popup, message validation), written once against a
 * small driver that chromium.test.ts (playwright-core) and firefox.test.ts (puppeteer-core over BiDi) implement.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitFor } from './poll';
import { call, FIND_TAB_BY_URL, READ_TAB_ENTRY, SEND_MESSAGE, SEND_RAW, type FoundTab, type StoredTabEntry } from './probes';
import type { PageServer } from './server';

export const POPUP = 'src/ui/popup/index.html';
export const OPTIONS = 'src/ui/options/index.html';

/** An extension page opened by the driver (the popup as a tab). */
export interface ExtensionView {
  /** textContent of the first element matching `selector`, once it exists. */
  textOf(selector: string): Promise<string>;
  /** The computed `direction` of the first element matching `selector`. */
  directionOf(selector: string): Promise<string>;
  close(): Promise<void>;
}

export interface CoreDriver {
  name: 'chromium' | 'firefox';
  server: PageServer;
  /** Opens `url` in a new tab and waits for its load. */
  openPage(url: string): Promise<void>;
  /** Evaluates an expression in an extension page (has `browser.*`). */
  probe<T>(expression: string): Promise<T>;
  /** Opens an extension page (path relative to the package root) in a tab of the given width. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<ExtensionView>;
  /** Reads a tab's stored analysis from where the background keeps it (Chromium: inside the worker itself). */
  readTabEntry(tabId: number): Promise<StoredTabEntry | undefined>;
}

interface PingReply {
  ok: true;
  value: { pong: true; workerStartedAt: number };
}

export const findTab = (driver: Pick<CoreDriver, 'probe'>, url: string): Promise<FoundTab> =>
  waitFor(`the content script of ${url}`, () => driver.probe<FoundTab | undefined>(call(FIND_TAB_BY_URL, url)));

export const ping = (driver: CoreDriver): Promise<PingReply> => driver.probe<PingReply>(call(SEND_MESSAGE, ['ping', {}]));

/** What the content script at `url` says about its page: the first thing to read when an analysis never comes. */
export const explainTab = (driver: CoreDriver, url: string) => async (): Promise<string> => {
  const found = await driver.probe<FoundTab | undefined>(call(FIND_TAB_BY_URL, url));
  return found ? `the content script says ${JSON.stringify(found.status)}` : 'no content script answers at that URL';
};

/** Opens `path` of the test server and waits until the background has stored the tab's analysis. */
export async function openAnalyzedArticle(driver: CoreDriver, path: string): Promise<{ tabId: number; entry: StoredTabEntry }> {
  const url = driver.server.url(path);
  await driver.openPage(url);
  const { tabId } = await findTab(driver, url);
  const entry = await waitFor(
    'the analysis in storage.session',
    async () => {
      const stored = await driver.readTabEntry(tabId);
      return stored?.status === 'analyzed' ? stored : undefined;
    },
    { explain: explainTab(driver, url) },
  );
  return { tabId, entry };
}

async function arabicArticleIsKept(driver: CoreDriver): Promise<void> {
  const { entry } = await openAnalyzedArticle(driver, '/arabic-article.html');
  assert.ok(entry.analysis, 'an analysis is stored');
  assert.match(entry.analysis.title, /وزراء الزراعة العرب/);
  assert.match(entry.analysis.text, /الرباط/);
  assert.ok(!entry.analysis.text.includes('Weekend Gardener'), 'the sidebar is not part of the article');
  const { status } = await findTab(driver, driver.server.url('/arabic-article.html'));
  assert.equal(status.arabic, true);
  assert.equal(status.isArticle, true);
  assert.equal(status.analyzed, true, 'the content script got the analysis back');
}

async function nonArabicPageSendsNothing(driver: CoreDriver): Promise<void> {
  const url = driver.server.url('/english-page.html');
  await driver.openPage(url);
  const { tabId, status } = await findTab(driver, url);
  assert.equal(status.arabic, false);
  assert.equal(status.isArticle, null, 'the reader never ran');
  assert.equal(status.analyzed, false);
  assert.equal(await driver.readTabEntry(tabId), undefined, 'nothing stored for this tab');
}

async function popupShowsTheArticle(driver: CoreDriver): Promise<void> {
  const { tabId } = await openAnalyzedArticle(driver, '/arabic-article.html');
  const popup = await driver.openExtensionPage(`${POPUP}?tabId=${tabId}`, { width: 400, height: 480 });
  assert.match(await popup.textOf('#anl-article-title'), /وزراء الزراعة العرب/);
  // The title carries dir=auto: its own (Arabic) text decides, whatever the popup's language.
  assert.equal(await popup.directionOf('#anl-article-title'), 'rtl', 'the Arabic title is laid out right to left');
  await popup.close();
}

async function popupExplainsNonArticle(driver: CoreDriver): Promise<void> {
  const url = driver.server.url('/english-page.html');
  await driver.openPage(url);
  const { tabId, status } = await findTab(driver, url);
  const popup = await driver.openExtensionPage(`${POPUP}?tabId=${tabId}`);
  const notice = await popup.textOf('section[aria-labelledby=anl-not-article]');
  assert.ok(notice.includes(status.reason), `the reason "${status.reason}" is shown in: ${notice}`);
  await popup.close();
}

async function lateArticleIsAnalysed(driver: CoreDriver): Promise<void> {
  // The page's router swaps in the article and changes the URL after load.
  await driver.openPage(driver.server.url('/late-article.html'));
  const url = driver.server.url('/late/desalination-plant');
  const { tabId } = await findTab(driver, url);
  const entry = await waitFor(
    'the late article in storage.session',
    async () => {
      const stored = await driver.readTabEntry(tabId);
      return stored?.analysis?.text.includes('تحلية مياه البحر') ? stored : undefined;
    },
    { explain: explainTab(driver, url) },
  );
  assert.equal(entry.status, 'analyzed');
}

async function optionsShowPrivacy(driver: CoreDriver): Promise<void> {
  const options = await driver.openExtensionPage(OPTIONS);
  assert.match(await options.textOf('[data-testid=privacy]'), /on your device/);
  await options.close();
}

const CHANNEL = 'arabic-news-lens';
/** Messages the background must drop without an answer. */
const JUNK: readonly unknown[] = [
  'hello',
  null,
  { channel: CHANNEL, name: 'noSuchMessage', payload: {} },
  { channel: CHANNEL, name: 'getTabAnalysis', payload: { tabId: 'seven' } },
  { channel: CHANNEL, name: 'getTabAnalysis', payload: { tabId: -3 } },
  { channel: CHANNEL, name: 'getTabAnalysis', payload: { tabId: 1, extra: true } },
  // analyzeArticle is accepted from content scripts only; the probe is an extension page.
  {
    channel: CHANNEL,
    name: 'analyzeArticle',
    payload: { article: { url: 'http://x.test/', canonicalUrl: '', title: '', published: '', site: '', lang: 'ar', text: 'نص' } },
  },
];

async function junkIsDropped(driver: CoreDriver): Promise<void> {
  for (const junk of JUNK) {
    const reply = await driver.probe<{ dropped?: boolean }>(call(SEND_RAW, junk));
    assert.equal(reply.dropped, true, `dropped: ${JSON.stringify(junk)}`);
  }
  const reply = await ping(driver);
  assert.equal(reply.ok, true, 'a valid message still works after the junk');
  assert.equal(reply.value.pong, true);
}

/** Registers the shared checks inside the caller's describe(); `getDriver` is read when each test runs. */
export function registerCoreTests(getDriver: () => CoreDriver): void {
  test('an Arabic article: the content script reads it and the background keeps its analysis', () => arabicArticleIsKept(getDriver()));
  test('a non-Arabic page: the content script stops after its first look and sends nothing', () => nonArabicPageSendsNothing(getDriver()));
  test('the popup renders the analysis of the Arabic tab, right to left', () => popupShowsTheArticle(getDriver()));
  test('the popup explains why a non-Arabic page has no analysis', () => popupExplainsNonArticle(getDriver()));
  test('an article that appears after load (SPA navigation) is analysed', () => lateArticleIsAnalysed(getDriver()));
  test('the options page renders its privacy statement', () => optionsShowPrivacy(getDriver()));
  test('junk, malformed and wrongly addressed messages are dropped, and the background still answers', () => junkIsDropped(getDriver()));
}

/** A tab's stored entry read from an extension page (both browsers let their extension pages read storage.session). */
export const readTabEntryFromProbe = (driver: Pick<CoreDriver, 'probe'>, tabId: number): Promise<StoredTabEntry | undefined> =>
  driver.probe<StoredTabEntry | undefined>(call(READ_TAB_ENTRY, tabId));
