/**
 * The timeline store in Firefox ESR (dist/firefox), where the background is an event page. Firefox has no command
 * that stops it like CDP's ServiceWorker.stopAllWorkers; instead its idle timeout is cut to one second, so Firefox
 * itself unloads the event page after every article of a batch and a fresh one (new start time) reads the next.
 * This proves nothing is lost or duplicated across restarts; unlike the Chromium test it does not stop the page
 * inside a transaction (Firefox keeps an event page up while it answers a message).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { DIST_FIREFOX, FIREFOX_BIN, requireFile } from './support/paths';
import { call, FIND_TAB_BY_URL, SEND_MESSAGE, type FoundTab } from './support/probes';
import { generatedArticle, generatedRoutes } from './support/articles';
import { INSPECT_TIMELINE, type TimelineInspection } from './support/storeProbes';
import { GECKO_ID } from '../../vite.config';

const OPTIONS = 'src/ui/options/index.html';
/** Firefox unloads an idle event page after this long (default 30 s). */
const IDLE_TIMEOUT_MS = 1000;

type Reply<T> = { ok: true; value: T } | { ok: false; error: string } | { dropped: true; error?: string };

describe('Firefox ESR: the timeline store across event-page restarts', () => {
  let server: PageServer;
  let browser: Browser;
  let probe: Page;
  const extensionUuid = randomUUID();

  const send = async <T>(name: string, payload: unknown): Promise<Reply<T>> => (await probe.evaluate(call(SEND_MESSAGE, [name, payload]))) as Reply<T>;
  const inspect = async (): Promise<TimelineInspection> => (await probe.evaluate(`(${INSPECT_TIMELINE})()`)) as TimelineInspection;
  const startedAt = async (): Promise<number> => {
    const reply = await send<{ workerStartedAt: number }>('ping', {});
    assert.ok('ok' in reply && reply.ok, 'the background answers');
    return reply.value.workerStartedAt;
  };
  async function acknowledged(url: string): Promise<boolean> {
    const found = (await probe.evaluate(call(FIND_TAB_BY_URL, url))) as FoundTab | undefined;
    if (!found?.status.analyzed) return false;
    const reply = await send<{ storeError?: string }>('getTabAnalysis', { tabId: found.tabId });
    return 'ok' in reply && reply.ok && reply.value.storeError === undefined;
  }

  /** What the content script and the background say about a tab, when it is not acknowledged in time. */
  const explain = (url: string) => async (): Promise<string> => {
    const found = (await probe.evaluate(call(FIND_TAB_BY_URL, url))) as FoundTab | undefined;
    const views = await probe.evaluate(`browser.extension.getViews().map((w) => w.location.pathname).join(', ')`);
    if (!found) return `no content script answers at that URL; views: ${String(views)}`;
    return `content script: ${JSON.stringify(found.status)}; views: ${String(views)}; background: ${JSON.stringify(await send('getTabAnalysis', { tabId: found.tabId })).slice(0, 300)}`;
  };

  before(async () => {
    requireFile(FIREFOX_BIN, 'install Debian firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_BIN');
    requireFile(join(DIST_FIREFOX, 'manifest.json'), 'run `npm run build` first');
    server = await startPageServer({ generated: generatedRoutes });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
        'extensions.background.idle.timeout': IDLE_TIMEOUT_MS,
      },
    });
    assert.equal(await browser.installExtension(DIST_FIREFOX), GECKO_ID);
    probe = await browser.newPage();
    // Firefox's WebDriver does not report extension-page navigations as finished: wait on the page instead.
    probe.goto(`moz-extension://${extensionUuid}/${OPTIONS}`).catch(() => undefined);
    await waitFor('the options page', () => probe.evaluate(`(document.querySelector('#app')?.childElementCount ?? 0) > 0`).catch(() => false));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Whether Firefox has the event page loaded now (asking extension.getViews does not wake it or keep it up). */
  const backgroundLoaded = async (): Promise<boolean> =>
    (await probe.evaluate(`browser.extension.getViews().some((w) => w.location.pathname.includes('background'))`)) as boolean;

  test('articles read while Firefox keeps unloading the event page are stored once each; re-visits add no duplicates', async (t) => {
    assert.equal((await inspect()).counts.articles, 0);
    const opened: Array<{ url: string; canonicalUrl: string; page: Page }> = [];
    const starts = new Set<number>();
    // Each article is acknowledged, or (should Firefox unload the page while it works) its request dies with the
    // page: the test sees the page gone and the article not acknowledged, and the re-visit below reads it again.
    for (let n = 0; n < 8; n++) {
      const article = generatedArticle(200 + n);
      const url = server.url(article.path);
      const page = await browser.newPage();
      await page.goto(url);
      opened.push({ url, canonicalUrl: article.canonicalUrl, page });
      await waitFor(`article ${n} acknowledged or its event page gone`, async () => (await acknowledged(url)) || !(await backgroundLoaded()), {
        explain: explain(url),
      });
      starts.add(await startedAt());
      await waitFor('the event page unloaded', async () => !(await backgroundLoaded()), { timeoutMs: 30_000 });
    }
    assert.ok(starts.size >= 8, `a fresh event page for every article (${starts.size} starts seen)`);

    const acked: string[] = [];
    for (const a of opened) if (await acknowledged(a.url)) acked.push(a.canonicalUrl);
    t.diagnostic(`${acked.length} of ${opened.length} articles acknowledged before their event page was unloaded`);
    const first = await inspect();
    assert.deepEqual(first.problems, [], 'the database is consistent');
    for (const url of acked) assert.equal(first.articles.filter((s) => s.canonicalUrl === url).length, 1, `acknowledged ${url} is stored once`);

    // Re-visit everything with the event page kept awake (events reset Firefox's idle timer).
    await probe.evaluate(`globalThis.anlKeepAwake = setInterval(() => browser.runtime.sendMessage({ channel: 'arabic-news-lens', name: 'ping', payload: {} }), 50)`);
    try {
      for (const a of opened) await a.page.reload();
      for (const a of opened) await waitFor(`${a.url} acknowledged after the re-visit`, () => acknowledged(a.url), { explain: explain(a.url) });
    } finally {
      await probe.evaluate('clearInterval(globalThis.anlKeepAwake)');
    }
    const again = await inspect();
    assert.deepEqual(again.problems, [], 'the database is consistent');
    assert.equal(again.counts.articles, opened.length, 'every article once, no duplicates');
    assert.deepEqual(new Set(again.articles.map((a) => a.canonicalUrl)), new Set(opened.map((a) => a.canonicalUrl)));
    for (const a of first.articles) {
      assert.equal(again.articles.find((s) => s.id === a.id)?.firstReadAt, a.firstReadAt, `${a.canonicalUrl} updated in place`);
    }
  });
});
