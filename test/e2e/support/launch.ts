/**
 * Launching the built extension in each real browser, for the UI tests and the browser benchmark
 * and the core tests. Offline: no browser downloads anything.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page as PuppeteerPage } from 'puppeteer-core';
import { GECKO_ID } from '../../../vite.config';
import { CHROMIUM_BIN, DIST_CHROME, DIST_FIREFOX, FIREFOX_BIN, requireFile, chromiumExtensionArgs } from './paths';
import { waitFor } from './poll';

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * `keepProfile`: use (and keep) this profile directory instead of a fresh temporary one, e.g. to reuse a filled
 * IndexedDB between benchmark runs (the extension's id depends on its path only, so it finds its data again).
 */
export async function launchChromium(keepProfile?: string): Promise<ChromiumSession> {
  requireFile(CHROMIUM_BIN, 'install Debian chromium (apt-get install -y chromium) or set CHROMIUM_BIN');
  requireFile(join(DIST_CHROME, 'manifest.json'), 'run `npm run build` first');
  const profileDir = keepProfile ?? (await mkdtemp(join(tmpdir(), 'anl-chromium-ui-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: chromiumExtensionArgs(DIST_CHROME),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async close() {
      await context.close();
      if (keepProfile === undefined) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

export interface FirefoxSession {
  browser: Browser;
  extensionUrl(path: string): string;
  /**
   * Opens an extension page. Firefox's WebDriver does not report such navigations as finished, so the goto is
   * not awaited; the page is ready once its script has rendered into #app.
   */
  openExtensionPage(path: string): Promise<PuppeteerPage>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  requireFile(FIREFOX_BIN, 'install Debian firefox-esr (apt-get install -y firefox-esr) or set FIREFOX_BIN');
  requireFile(join(DIST_FIREFOX, 'manifest.json'), 'run `npm run build` first');
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  const installed = await browser.installExtension(DIST_FIREFOX);
  if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path}`;
  return {
    browser,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      page.goto(extensionUrl(path)).catch(() => undefined);
      await waitFor(`${path} to render`, () => page.evaluate(`(document.querySelector('#app')?.childElementCount ?? 0) > 0`).catch(() => false));
      return page;
    },
    close: () => browser.close(),
  };
}
