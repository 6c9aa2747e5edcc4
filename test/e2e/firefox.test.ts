/**
 * The built extension (dist/firefox) in Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi.
 * Installed as a temporary add-on; its moz-extension:// UUID is pinned by a pref so its pages have a known address.
 * The checks themselves are in support/coreScenarios.ts, shared with Chromium.
 */
import { after, before, describe } from 'node:test';
import type { Page } from 'puppeteer-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { launchFirefox, type FirefoxSession } from './support/launch';
import { OPTIONS, readTabEntryFromProbe, registerCoreTests, type CoreDriver } from './support/coreScenarios';

describe('Firefox ESR (dist/firefox)', () => {
  let server: PageServer;
  let session: FirefoxSession;
  /** An extension page to run probes from. */
  let probe: Page;
  let driver: CoreDriver;

  before(async () => {
    server = await startPageServer();
    session = await launchFirefox();
    probe = await session.openExtensionPage(OPTIONS);
    driver = {
      name: 'firefox',
      server,
      async openPage(url) {
        const page = await session.browser.newPage();
        await page.goto(url);
      },
      probe: <T,>(expression: string) => probe.evaluate(expression) as Promise<T>,
      async openExtensionPage(path, viewport) {
        const page = await session.openExtensionPage(path);
        if (viewport) await page.setViewport(viewport);
        // Puppeteer has no auto-waiting locators over BiDi here: poll for the element instead.
        const whenPresent = <T,>(selector: string, read: string): Promise<T> =>
          waitFor(`${selector} in ${path}`, () => page.evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)}); return e ? ${read} : undefined; })()`) as Promise<T | undefined>);
        return {
          textOf: (selector) => whenPresent<string>(selector, `(e.textContent ?? '')`),
          directionOf: (selector) => whenPresent<string>(selector, 'getComputedStyle(e).direction'),
          close: () => page.close(),
        };
      },
      readTabEntry: (tabId) => readTabEntryFromProbe(driver, tabId),
    };
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  registerCoreTests(() => driver);
});
