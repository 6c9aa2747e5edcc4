/**
 * Highlights and hover cards in Debian's Chromium, headless (playwright-core), with the test build (dist-e2e/chrome:
 * the extension plus the test-only hook that reads the card's closed shadow root). Pages from 127.0.0.1 and, when
 * ../shared/data is present, saved real articles. Non-loopback traffic goes to a dead proxy, and every request the
 * browser context makes is recorded.
 */
import { after, before, describe } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPageServer, type PageServer } from './support/server';
import { CHROMIUM_BIN, requireFile, chromiumExtensionArgs } from './support/paths';
import { BEFORE_SNAPSHOT_INIT, DIST_E2E_CHROME, isExtensionInternal } from './support/lens';
import { registerLensTests, writeSettings, type Driver, type DriverPage } from './support/lensScenarios';

describe('Chromium: highlights and cards (dist-e2e/chrome)', () => {
  let server: PageServer;
  let profileDir: string;
  let context: BrowserContext;
  let probe: Page;
  let driver: Driver;
  /** Every request of the browser context, with the URL of the page that made it. */
  const requested: { url: string; page: string }[] = [];

  before(async () => {
    requireFile(CHROMIUM_BIN, 'install Debian chromium (apt-get install -y chromium) or set CHROMIUM_BIN');
    requireFile(join(DIST_E2E_CHROME, 'manifest.json'), 'run `npm run test:e2e` (it builds dist-e2e) or `ANL_E2E=1 npm run build`');
    server = await startPageServer();
    profileDir = await mkdtemp(join(tmpdir(), 'anl-chromium-hl-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      viewport: { width: 900, height: 700 },
      args: chromiumExtensionArgs(DIST_E2E_CHROME, ['--proxy-server=http://127.0.0.1:9']),
    });
    context.on('request', (request) => {
      let page = '';
      try {
        page = request.frame().url();
      } catch {
        // a request without a frame (a worker's): attributed to nobody, so it is checked
      }
      requested.push({ url: request.url(), page });
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    probe = await context.newPage();
    await probe.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
    await context.addInitScript(BEFORE_SNAPSHOT_INIT);

    driver = {
      name: 'chromium',
      server,
      async openPage(url) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
        });
        await page.goto(url);
        await page.bringToFront();
        const handle: DriverPage = {
          evaluate: <T,>(expression: string) => page.evaluate<T>(expression),
          mouseMove: (x, y) => page.mouse.move(x, y),
          pressKey: (key) => page.keyboard.press(key),
          screenshot: async (path) => void (await page.screenshot({ path })),
          errors,
          close: () => page.close(),
        };
        return handle;
      },
      probe: <T,>(expression: string) => probe.evaluate<T>(expression),
      // The saved real pages ask for their own images and scripts (they fail at the dead proxy); those are the
      // page's, not ours, so requests made from those pages are left out. Our own pages reference nothing.
      foreignRequests: () =>
        requested
          .filter(({ page }) => !page.includes('/shared/pages/'))
          .map(({ url }) => url)
          .filter((url) => !url.startsWith('data:'))
          .filter((url) => !isExtensionInternal(url) && !url.startsWith(server.url('/')) && !url.startsWith(server.otherHostUrl('/'))),
    };
  });

  before(() => writeSettings(driver, {}));

  after(async () => {
    await context?.close();
    await server?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  registerLensTests(() => driver, 'the isolated world and the closed shadow root', () => requested.length);
});
