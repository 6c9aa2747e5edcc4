/**
 * The built extension (dist/firefox) in Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi.
 * Installed as a temporary add-on; its moz-extension:// UUID is pinned by a pref so its pages have a known address.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { DIST_FIREFOX, FIREFOX_BIN, requireFile } from './support/paths';
import { call, FIND_TAB_BY_URL, READ_TAB_ENTRY, SEND_MESSAGE, SEND_RAW, type FoundTab, type StoredTabEntry } from './support/probes';
import { GECKO_ID } from '../../vite.config';

const POPUP = 'src/ui/popup/index.html';
const OPTIONS = 'src/ui/options/index.html';

describe('Firefox ESR (dist/firefox)', () => {
  let server: PageServer;
  let browser: Browser;
  const extensionUuid = randomUUID();
  /** An extension page to run probes from. */
  let probe: Page;

  const extensionUrl = (path: string): string => `moz-extension://${extensionUuid}/${path}`;

  /**
   * Opens an extension page. Firefox's WebDriver does not report such navigations as finished, so the goto is not
   * awaited; the page is ready once its script has rendered into #app.
   */
  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.goto(extensionUrl(path)).catch(() => undefined);
    await waitFor(`${path} to render`, () => page.evaluate(`(document.querySelector('#app')?.childElementCount ?? 0) > 0`).catch(() => false));
    return page;
  }

  const findTab = (url: string): Promise<FoundTab> =>
    waitFor(`the content script of ${url}`, () => probe.evaluate(call(FIND_TAB_BY_URL, url)) as Promise<FoundTab | undefined>);
  const readEntry = (tabId: number): Promise<StoredTabEntry | undefined> =>
    probe.evaluate(call(READ_TAB_ENTRY, tabId)) as Promise<StoredTabEntry | undefined>;
  /** What the content script at `url` says about its page: the first thing to read when an analysis never comes. */
  const explainTab = (url: string) => async (): Promise<string> => {
    const found = (await probe.evaluate(call(FIND_TAB_BY_URL, url))) as FoundTab | undefined;
    return found ? `the content script says ${JSON.stringify(found.status)}` : 'no content script answers at that URL';
  };

  before(async () => {
    requireFile(FIREFOX_BIN, 'install Debian firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_BIN');
    requireFile(join(DIST_FIREFOX, 'manifest.json'), 'run `npm run build` first');
    server = await startPageServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }) },
    });
    const installedId = await browser.installExtension(DIST_FIREFOX);
    assert.equal(installedId, GECKO_ID);
    probe = await openExtensionPage(OPTIONS);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an Arabic article: the content script reads it and the background keeps its analysis', async () => {
    const page = await browser.newPage();
    const url = server.url('/arabic-article.html');
    await page.goto(url);
    const { tabId } = await findTab(url);
    const entry = await waitFor('the analysis in storage.session', async () => {
      const stored = await readEntry(tabId);
      return stored?.status === 'analyzed' ? stored : undefined;
    }, { explain: explainTab(url) });
    assert.ok(entry.analysis, 'an analysis is stored');
    assert.match(entry.analysis.title, /وزراء الزراعة العرب/);
    assert.match(entry.analysis.text, /الرباط/);
    const { status } = await findTab(url);
    assert.equal(status.arabic, true);
    assert.equal(status.isArticle, true);
    assert.equal(status.analyzed, true, 'the content script got the analysis back');
  });

  test('a non-Arabic page: the content script stops after its first look and sends nothing', async () => {
    const page = await browser.newPage();
    const url = server.url('/english-page.html');
    await page.goto(url);
    const { tabId, status } = await findTab(url);
    assert.equal(status.arabic, false);
    assert.equal(status.isArticle, null, 'the reader never ran');
    assert.equal(status.analyzed, false);
    assert.equal(await readEntry(tabId), undefined, 'nothing stored for this tab');
  });

  test('the popup renders the analysis of the Arabic tab', async () => {
    const url = server.url('/arabic-article.html');
    const page = await browser.newPage();
    await page.goto(url);
    const { tabId } = await findTab(url);
    await waitFor('the analysis', async () => (await readEntry(tabId))?.status === 'analyzed', { explain: explainTab(url) });
    const popup = await openExtensionPage(`${POPUP}?tabId=${tabId}`);
    const title = await waitFor('the article title in the popup', () =>
      popup.evaluate(`document.querySelector('#anl-article-title')?.textContent ?? undefined`) as Promise<string | undefined>,
    );
    assert.match(title, /وزراء الزراعة العرب/);
    await popup.close();
  });

  test('the popup explains why a non-Arabic page has no analysis', async () => {
    const url = server.url('/english-page.html');
    const page = await browser.newPage();
    await page.goto(url);
    const { tabId, status } = await findTab(url);
    const popup = await openExtensionPage(`${POPUP}?tabId=${tabId}`);
    const notice = await waitFor('the not-an-article notice', () =>
      popup.evaluate(`document.querySelector('section[aria-labelledby=anl-not-article]')?.textContent ?? undefined`) as Promise<
        string | undefined
      >,
    );
    assert.ok(notice.includes(status.reason), 'the reason is shown');
    await popup.close();
  });

  test('an article that appears after load (SPA navigation) is analysed', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/late-article.html'));
    const url = server.url('/late/desalination-plant');
    const { tabId } = await findTab(url);
    const entry = await waitFor('the late article in storage.session', async () => {
      const stored = await readEntry(tabId);
      return stored?.analysis?.text.includes('تحلية مياه البحر') ? stored : undefined;
    }, { explain: explainTab(url) });
    assert.equal(entry.status, 'analyzed');
  });

  test('the options page renders its privacy statement', async () => {
    const privacy = (await probe.evaluate(`document.querySelector('[data-testid=privacy]')?.textContent ?? ''`)) as string;
    assert.match(privacy, /on your device/);
  });

  test('junk, malformed and wrongly addressed messages are dropped, and the background still answers', async () => {
    const channel = 'arabic-news-lens';
    for (const junk of [
      'hello',
      { channel, name: 'noSuchMessage', payload: {} },
      { channel, name: 'getTabAnalysis', payload: { tabId: -3 } },
      { channel, name: 'analyzeArticle', payload: { article: { url: 'http://x.test/', canonicalUrl: '', title: '', published: '', site: '', lang: 'ar', text: 'نص' } } },
    ]) {
      const reply = (await probe.evaluate(call(SEND_RAW, junk))) as { dropped?: boolean };
      assert.equal(reply.dropped, true, `dropped: ${JSON.stringify(junk)}`);
    }
    const ping = (await probe.evaluate(call(SEND_MESSAGE, ['ping', {}]))) as { ok: boolean; value?: { pong: boolean } };
    assert.equal(ping.ok, true);
    assert.equal(ping.value?.pong, true);
  });
});
