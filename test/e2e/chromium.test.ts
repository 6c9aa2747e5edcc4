/**
 * The built extension (dist/chrome) in Debian's Chromium, headless, driven by playwright-core; pages from 127.0.0.1.
 * Run through `npm run test:e2e` (which builds first if needed).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { CHROMIUM_BIN, DIST_CHROME, REPO_ROOT, requireFile, chromiumExtensionArgs } from './support/paths';
import { call, FIND_TAB_BY_URL, READ_TAB_ENTRY, SEND_MESSAGE, SEND_RAW, type FoundTab, type StoredTabEntry } from './support/probes';

const POPUP = 'src/ui/popup/index.html';
const OPTIONS = 'src/ui/options/index.html';
const SCREENSHOT = join(REPO_ROOT, 'docs', 'screenshots', 'popup-chromium.png');

interface PingReply {
  ok: true;
  value: { pong: true; workerStartedAt: number };
}

describe('Chromium (dist/chrome)', () => {
  let server: PageServer;
  let profileDir: string;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  /** An extension page to run probes from: it has the extension's APIs and survives worker restarts. */
  let probe: Page;

  const extensionUrl = (path: string): string => `chrome-extension://${extensionId}/${path}`;
  const findTab = (url: string): Promise<FoundTab> =>
    waitFor(`the content script of ${url}`, () => probe.evaluate<FoundTab | undefined>(call(FIND_TAB_BY_URL, url)));
  const readEntry = (tabId: number): Promise<StoredTabEntry | undefined> =>
    probe.evaluate<StoredTabEntry | undefined>(call(READ_TAB_ENTRY, tabId));
  /** What the content script at `url` says about its page: the first thing to read when an analysis never comes. */
  const explainTab = (url: string) => async (): Promise<string> => {
    const found = (await probe.evaluate(call(FIND_TAB_BY_URL, url))) as FoundTab | undefined;
    return found ? `the content script says ${JSON.stringify(found.status)}` : 'no content script answers at that URL';
  };

  before(async () => {
    requireFile(CHROMIUM_BIN, 'install Debian chromium (apt-get install -y chromium) or set CHROMIUM_BIN');
    requireFile(join(DIST_CHROME, 'manifest.json'), 'run `npm run build` first');
    server = await startPageServer();
    profileDir = await mkdtemp(join(tmpdir(), 'anl-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      args: chromiumExtensionArgs(DIST_CHROME),
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    probe = await context.newPage();
    await probe.goto(extensionUrl(OPTIONS));
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  test('an Arabic article: the content script reads it and the background keeps its analysis', async () => {
    const page = await context.newPage();
    const url = server.url('/arabic-article.html');
    await page.goto(url);
    const { tabId } = await findTab(url);
    // Read through the worker itself: the entry is in storage.session, where the background put it.
    const entry = await waitFor('the analysis in storage.session', () => worker.evaluate<StoredTabEntry | undefined>(call(READ_TAB_ENTRY, tabId)), {
      explain: explainTab(url),
    });
    assert.equal(entry.status, 'analyzed');
    assert.ok(entry.analysis, 'an analysis is stored');
    assert.match(entry.analysis.title, /وزراء الزراعة العرب/);
    assert.match(entry.analysis.text, /الرباط/);
    assert.ok(!entry.analysis.text.includes('Weekend Gardener'));
    const { status } = await findTab(url);
    assert.equal(status.arabic, true);
    assert.equal(status.isArticle, true);
    assert.equal(status.analyzed, true, 'the content script got the analysis back');
  });

  test('a non-Arabic page: the content script stops after its first look and sends nothing', async () => {
    const page = await context.newPage();
    const url = server.url('/english-page.html');
    await page.goto(url);
    const { tabId, status } = await findTab(url);
    assert.equal(status.arabic, false);
    assert.equal(status.isArticle, null, 'the reader never ran');
    assert.equal(status.analyzed, false);
    assert.equal(await readEntry(tabId), undefined, 'nothing stored for this tab');
  });

  test('the popup renders the analysis of the Arabic tab (and the screenshot is saved)', async () => {
    const url = server.url('/arabic-article.html');
    const page = await context.newPage();
    await page.goto(url);
    const { tabId } = await findTab(url);
    await waitFor('the analysis', async () => (await readEntry(tabId))?.status === 'analyzed', { explain: explainTab(url) });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 480 });
    await popup.goto(`${extensionUrl(POPUP)}?tabId=${tabId}`);
    const title = popup.locator('#anl-article-title');
    await title.waitFor();
    assert.match((await title.textContent()) ?? '', /وزراء الزراعة العرب/);
    // The title carries dir=auto: its own (Arabic) text decides, whatever the popup's language.
    assert.equal(await title.evaluate((element) => getComputedStyle(element).direction), 'rtl', 'the Arabic title is laid out right to left');
    await mkdir(join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
    await popup.screenshot({ path: SCREENSHOT, fullPage: true });
    await popup.close();
  });

  test('the popup explains why a non-Arabic page has no analysis', async () => {
    const url = server.url('/english-page.html');
    const page = await context.newPage();
    await page.goto(url);
    const { tabId, status } = await findTab(url);
    const popup = await context.newPage();
    await popup.goto(`${extensionUrl(POPUP)}?tabId=${tabId}`);
    const notice = popup.locator('section[aria-labelledby=anl-not-article]');
    await notice.waitFor();
    assert.ok(((await notice.textContent()) ?? '').includes(status.reason), 'the reason is shown');
    await popup.close();
  });

  test('an article that appears after load (SPA navigation) is analysed', async () => {
    const page = await context.newPage();
    await page.goto(server.url('/late-article.html'));
    const url = server.url('/late/desalination-plant');
    await page.waitForURL(url);
    const { tabId } = await findTab(url);
    const entry = await waitFor('the late article in storage.session', async () => {
      const stored = await readEntry(tabId);
      return stored?.analysis?.text.includes('تحلية مياه البحر') ? stored : undefined;
    }, { explain: explainTab(url) });
    assert.equal(entry.status, 'analyzed');
  });

  test('the options page renders its privacy statement', async () => {
    const privacy = probe.locator('[data-testid=privacy]');
    await privacy.waitFor();
    assert.match((await privacy.textContent()) ?? '', /on your device/);
  });

  test('junk, malformed and wrongly addressed messages are dropped, not answered', async () => {
    const send = (message: unknown) => probe.evaluate<{ dropped?: boolean; ok?: boolean }>(call(SEND_RAW, message));
    const channel = 'arabic-news-lens';
    for (const junk of [
      'hello',
      null,
      { channel, name: 'noSuchMessage', payload: {} },
      { channel, name: 'getTabAnalysis', payload: { tabId: 'seven' } },
      { channel, name: 'getTabAnalysis', payload: { tabId: 1, extra: true } },
      // analyzeArticle is accepted from content scripts only; this probe is an extension page.
      { channel, name: 'analyzeArticle', payload: { article: { url: 'http://x.test/', canonicalUrl: '', title: '', published: '', site: '', lang: 'ar', text: 'نص' } } },
    ]) {
      const reply = await send(junk);
      assert.equal(reply.dropped, true, `dropped: ${JSON.stringify(junk)}`);
    }
    const ping = await probe.evaluate<PingReply>(call(SEND_MESSAGE, ['ping', {}]));
    assert.equal(ping.ok, true, 'a valid message still works after the junk');
  });

  test('after the service worker is stopped the extension still answers, and the tab analysis survived', async () => {
    const url = server.url('/arabic-article.html');
    const page = await context.newPage();
    await page.goto(url);
    const { tabId } = await findTab(url);
    await waitFor('the analysis', async () => (await readEntry(tabId))?.status === 'analyzed', { explain: explainTab(url) });
    const before = await probe.evaluate<PingReply>(call(SEND_MESSAGE, ['ping', {}]));
    assert.equal(before.ok, true);

    const cdp = await context.newCDPSession(probe);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();

    // The next message starts a new worker: its start time proves the restart.
    const restarted = await waitFor('a restarted worker', async () => {
      const reply = await probe.evaluate<PingReply>(call(SEND_MESSAGE, ['ping', {}]));
      return reply.ok && reply.value.workerStartedAt > before.value.workerStartedAt ? reply : undefined;
    });
    assert.equal(restarted.value.pong, true);
    const stored = await probe.evaluate<{ ok: boolean; value: { status: string; analysis: { title: string } | null } }>(
      call(SEND_MESSAGE, ['getTabAnalysis', { tabId }]),
    );
    assert.equal(stored.ok, true);
    assert.equal(stored.value.status, 'analyzed');
    assert.match(stored.value.analysis?.title ?? '', /وزراء الزراعة العرب/);
  });
});
