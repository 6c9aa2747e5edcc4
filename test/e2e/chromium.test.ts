/**
 * The built extension (dist/chrome) in Debian's Chromium, headless, driven by playwright-core; pages from 127.0.0.1.
 * The shared checks are in support/coreScenarios.ts; the worker-restart check needs Chromium's DevTools protocol.
 * Run through `npm run test:e2e` (which builds first if needed).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { launchChromium, type ChromiumSession } from './support/launch';
import { call, READ_TAB_ENTRY, SEND_MESSAGE, type StoredTabEntry } from './support/probes';
import { OPTIONS, openAnalyzedArticle, ping, registerCoreTests, type CoreDriver } from './support/coreScenarios';

describe('Chromium (dist/chrome)', () => {
  let server: PageServer;
  let session: ChromiumSession;
  /** An extension page to run probes from: it has the extension's APIs and survives worker restarts. */
  let probe: Page;
  let driver: CoreDriver;

  before(async () => {
    server = await startPageServer();
    session = await launchChromium();
    probe = await session.context.newPage();
    await probe.goto(session.extensionUrl(OPTIONS));
    driver = {
      name: 'chromium',
      server,
      async openPage(url) {
        const page = await session.context.newPage();
        await page.goto(url);
      },
      probe: <T,>(expression: string) => probe.evaluate<T>(expression),
      async openExtensionPage(path, viewport) {
        const page = await session.context.newPage();
        if (viewport) await page.setViewportSize(viewport);
        await page.goto(session.extensionUrl(path));
        return {
          async textOf(selector) {
            const element = page.locator(selector).first();
            await element.waitFor();
            return (await element.textContent()) ?? '';
          },
          directionOf: (selector) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).direction),
          close: () => page.close(),
        };
      },
      // Read through the worker itself: the entry is in storage.session, where the background put it.
      readTabEntry: (tabId) => session.worker.evaluate<StoredTabEntry | undefined>(call(READ_TAB_ENTRY, tabId)),
    };
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  registerCoreTests(() => driver);

  test('after the service worker is stopped the extension still answers, and the tab analysis survived', async () => {
    const { tabId } = await openAnalyzedArticle(driver, '/arabic-article.html');
    const before = await ping(driver);
    assert.equal(before.ok, true);

    const cdp = await session.context.newCDPSession(probe);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();

    // The next message starts a new worker: its start time proves the restart.
    const restarted = await waitFor('a restarted worker', async () => {
      const reply = await ping(driver);
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
