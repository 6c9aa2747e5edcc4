/**
 * Highlights and hover cards in Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi, with the
 * test build (dist-e2e/firefox: the extension plus the test-only hook that reads the card's closed shadow root).
 * Pages from 127.0.0.1 and, when ../shared/data is present, saved real articles. Requests are recorded per page
 * through BiDi network events; the browser is kept offline by prefs.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { FIREFOX_BIN, requireFile } from './support/paths';
import { BEFORE_SNAPSHOT_INIT, DIST_E2E_FIREFOX, isExtensionInternal } from './support/lens';
import { registerLensTests, writeSettings, type Driver, type DriverPage } from './support/lensScenarios';
import { GECKO_ID } from '../../vite.config';

describe('Firefox ESR: highlights and cards (dist-e2e/firefox)', () => {
  let server: PageServer;
  let browser: Browser;
  let probe: Page;
  let driver: Driver;
  const extensionUuid = randomUUID();
  /** Requests seen by the pages opened through the driver, with the page's URL. */
  const requested: { url: string; page: string }[] = [];

  before(async () => {
    requireFile(FIREFOX_BIN, 'install Debian firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_BIN');
    requireFile(join(DIST_E2E_FIREFOX, 'manifest.json'), 'run `npm run test:e2e` (it builds dist-e2e) or `ANL_E2E=1 npm run build`');
    server = await startPageServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: true,
      defaultViewport: { width: 900, height: 700 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
        // Offline except loopback: anything else goes to a proxy port where nothing listens.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.no_proxies_on': '127.0.0.1,localhost',
        'network.proxy.allow_hijacking_localhost': false,
      },
    });
    assert.equal(await browser.installExtension(DIST_E2E_FIREFOX), GECKO_ID);
    probe = await browser.newPage();
    probe.goto(`moz-extension://${extensionUuid}/src/ui/options/index.html`).catch(() => undefined);
    await waitFor('the options page to render', () => probe.evaluate(`(document.querySelector('#app')?.childElementCount ?? 0) > 0`).catch(() => false));

    driver = {
      name: 'firefox',
      server,
      async openPage(url) {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
        });
        // Tagged with the URL opened here: page.url() is still about:blank for the first requests.
        page.on('request', (request) => requested.push({ url: request.url(), page: url }));
        await page.evaluateOnNewDocument(BEFORE_SNAPSHOT_INIT);
        await page.goto(url);
        await page.bringToFront();
        const handle: DriverPage = {
          evaluate: <T,>(expression: string) => page.evaluate(expression) as Promise<T>,
          mouseMove: (x, y) => page.mouse.move(x, y),
          pressKey: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
          screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
          errors,
          close: () => page.close(),
        };
        return handle;
      },
      probe: <T,>(expression: string) => probe.evaluate(expression) as Promise<T>,
      // The saved real pages ask for their own resources (blocked by their CSP or the dead proxy): those are left out.
      foreignRequests: () =>
        requested
          .filter(({ page }) => !page.includes('/shared/pages/'))
          .map(({ url }) => url)
          .filter((url) => !url.startsWith('data:'))
          .filter((url) => !isExtensionInternal(url) && !url.startsWith(server.url('/')) && !url.startsWith(server.otherHostUrl('/'))),
    };
    await writeSettings(driver, {});
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  registerLensTests(() => driver, 'Xray wrappers and the closed shadow root', () => requested.length);
});
