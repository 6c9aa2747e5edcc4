/**
 * The popup, the timeline page and the options page of the built add-on (dist/firefox) in headless Firefox ESR,
 * driven by puppeteer-core over WebDriver BiDi. Extension pages are driven through page scripts (string
 * expressions, see support/probes.ts). Saves Firefox screenshots of the popup, the options page and the timeline
 * page, light and dark, in docs/screenshots/ under `npm run screenshots`. Run with `npm run test:e2e -- firefox`.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { screenshotPath } from './support/paths';
import { launchFirefox, type FirefoxSession } from './support/launch';
import { call, FIND_TAB_BY_URL, READ_TAB_ENTRY, type FoundTab, type StoredTabEntry } from './support/probes';
import { READ_SETTINGS, STUB_PAGE_ACTIONS, WRITE_SETTINGS } from './support/uiProbes';
import { eventsPerArticle, inventedExport } from '../fixtures/ui/timelineExport';
import { TIMELINE_PAGE } from '../../src/common/pages';

const POPUP = 'src/ui/popup/index.html';
const OPTIONS = 'src/ui/options/index.html';
const FIXTURE_ARTICLES = 6;

interface StoredSettings {
  disabledSites?: string[];
  theme?: string;
  uiLanguage?: string;
}

/** `(selector) => text | undefined` of the first match. */
const textOf = (page: Page, selector: string): Promise<string | undefined> =>
  page.evaluate(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? undefined`) as Promise<string | undefined>;

/** Clicks the button whose text (or aria-label) is `name`; false when there is none. */
const clickButton = (page: Page, name: string): Promise<boolean> =>
  page.evaluate(`(() => {
    const name = ${JSON.stringify(name)};
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name || b.getAttribute('aria-label') === name);
    if (!button) return false;
    button.click();
    return true;
  })()`) as Promise<boolean>;

describe('Firefox ESR UI (dist/firefox)', () => {
  let server: PageServer;
  let session: FirefoxSession;
  let probe: Page;
  let scratch: string;

  const findTab = (url: string): Promise<FoundTab> =>
    waitFor(`the content script of ${url}`, () => probe.evaluate(call(FIND_TAB_BY_URL, url)) as Promise<FoundTab | undefined>);
  const writeSettings = (settings: StoredSettings) => probe.evaluate(call(WRITE_SETTINGS, settings));
  const readSettings = () => probe.evaluate(call(READ_SETTINGS, null)) as Promise<StoredSettings | undefined>;

  async function analysedArticleTab(): Promise<number> {
    const url = server.url('/arabic-article.html');
    const page = await session.browser.newPage();
    await page.goto(url);
    const { tabId } = await findTab(url);
    await waitFor('the analysis', async () => ((await probe.evaluate(call(READ_TAB_ENTRY, tabId))) as StoredTabEntry | undefined)?.status === 'analyzed');
    return tabId;
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await session.openExtensionPage(`${POPUP}?tabId=${tabId}`);
    await popup.setViewport({ width: 400, height: 600 });
    return popup;
  }

  /** The number in the event list's heading ("Events by date (12 events)"); -1 while there is no list. */
  const eventCount = async (page: Page): Promise<number> => {
    const heading = await textOf(page, '#anl-event-list');
    return heading === undefined ? -1 : Number(/\((?:\D*)(\d+)/.exec(heading)?.[1] ?? -1);
  };

  async function clearAll(page: Page): Promise<void> {
    assert.ok(await clickButton(page, 'Clear all data'));
    await waitFor('the confirmation', () => page.evaluate(`!!document.querySelector('[role=alertdialog]')`) as Promise<boolean>);
    assert.ok(await clickButton(page, 'Delete everything'));
    await waitFor('the empty timeline', async () => ((await page.evaluate('document.body.textContent')) as string).includes('Nothing read yet'));
  }

  /** Chooses a file in the page's import input, as a reader would (WebDriver BiDi's input.setFiles). */
  async function importFile(page: Page, name: string, content: string): Promise<void> {
    const path = join(scratch, name);
    await writeFile(path, content);
    const input = (await page.$('input[type=file]')) as ElementHandle<HTMLInputElement> | null;
    assert.ok(input, 'the import input');
    await input.uploadFile(path);
  }

  /**
   * Clicks an export button and returns the file's text. The page saves through a Blob URL and a link click
   * (downloadBlob); the link click is caught in the page and the Blob read back, since WebDriver BiDi here
   * gives no access to downloads. Everything up to the click is the page's own code path.
   */
  async function exportThrough(page: Page, button: string): Promise<{ name: string; text: string }> {
    await page.evaluate(`(() => {
      window.__saved = undefined;
      if (window.__catching) return;
      window.__catching = true;
      URL.revokeObjectURL = () => {};
      HTMLAnchorElement.prototype.click = function () {
        const name = this.download;
        fetch(this.href).then((r) => r.text()).then((text) => { window.__saved = { name, text }; });
      };
    })()`);
    assert.ok(await clickButton(page, button));
    return waitFor(`the ${button} file`, () => page.evaluate('window.__saved') as Promise<{ name: string; text: string } | undefined>);
  }

  before(async () => {
    server = await startPageServer();
    session = await launchFirefox();
    scratch = await mkdtemp(join(tmpdir(), 'anl-firefox-ui-'));
    probe = await session.openExtensionPage(TIMELINE_PAGE);
  });

  afterEach(async () => {
    await writeSettings({});
  });

  after(async () => {
    await session?.close();
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  test('the popup on an article: title, summary, actors and events', async () => {
    const tabId = await analysedArticleTab();
    const popup = await openPopup(tabId);
    const title = await waitFor('the title', () => textOf(popup, '#anl-article-title'));
    assert.match(title, /وزراء الزراعة العرب/);
    assert.match((await textOf(popup, 'section[aria-labelledby=anl-summary]')) ?? '', /خطة مشتركة لمواجهة موجة الجفاف/);
    assert.match((await textOf(popup, 'section[aria-labelledby=anl-actors]')) ?? '', /منير الجلاصي/);
    const events = (await popup.evaluate(`document.querySelectorAll('section[aria-labelledby=anl-events] ol > li').length`)) as number;
    assert.ok(events >= 2, 'the dated events are listed');
    assert.equal(await popup.evaluate(`getComputedStyle(document.querySelector('#anl-article-title')).direction`), 'rtl');
    await popup.screenshot({ path: screenshotPath('firefox-popup-light.png'), fullPage: true });

    // Revealing an actor: the popup asks the tab's content script (a stand-in here; see uiProbes.ts).
    assert.equal(await popup.evaluate(STUB_PAGE_ACTIONS), true);
    assert.ok(await clickButton(popup, 'Show منير الجلاصي in the page'));
    const sent = await waitFor('the revealActor message', async () => {
      const messages = (await popup.evaluate('window.__tabMessages')) as Array<{ tabId: number; name: string }>;
      return messages.length > 0 ? messages : undefined;
    });
    assert.deepEqual(sent.map(({ tabId: id, name }) => ({ id, name })), [{ id: tabId, name: 'revealActor' }]);
    await popup.close();
  });

  test('the popup on a non-article page: the reason and "Analyse anyway"', async () => {
    const url = server.url('/english-page.html');
    const page = await session.browser.newPage();
    await page.goto(url);
    const { tabId, status } = await findTab(url);
    const popup = await openPopup(tabId);
    const notice = await waitFor('the notice', () => textOf(popup, 'section[aria-labelledby=anl-not-article]'));
    assert.match(notice, /Not an Arabic news article/);
    assert.ok(notice.includes(status.reason));
    await popup.evaluate(STUB_PAGE_ACTIONS);
    assert.ok(await clickButton(popup, 'Analyse anyway'));
    await waitFor('the progress state', async () => ((await textOf(popup, '[role=status]')) ?? '').includes('Analysing the article…'));
    await popup.evaluate(`window.__answerTabMessage('analyzeAnyway', { ok: true, value: ${JSON.stringify(status)} })`);
    await waitFor('the notice again', () => textOf(popup, 'section[aria-labelledby=anl-not-article]'));
    await popup.close();
  });

  test('the popup on a switched-off site turns it back on', async () => {
    const tabId = await analysedArticleTab();
    await writeSettings({ disabledSites: ['127.0.0.1'] });
    const popup = await openPopup(tabId);
    await waitFor('the switched-off notice', async () => (await textOf(popup, '#anl-site-off')) === 'Switched off on 127.0.0.1');
    assert.ok(await clickButton(popup, 'Turn on for this site'));
    await waitFor('the article', () => textOf(popup, '#anl-article-title'));
    assert.deepEqual((await readSettings())?.disabledSites, []);
    await popup.close();
  });

  test('a setting changed on the options page is what the popup then shows', async () => {
    const tabId = await analysedArticleTab();
    const options = await session.openExtensionPage(OPTIONS);
    await options.setViewport({ width: 900, height: 900 });
    await waitFor('the options form', () => options.evaluate(`!!document.querySelector('input[name=anl-theme][value=dark]')`) as Promise<boolean>);
    // The storage line is the last part to load: the screenshot waits for it.
    const storageShown = () => options.evaluate(`/\\(articles: \\d+\\)/.test(document.body.textContent)`) as Promise<boolean>;
    await waitFor('the storage figures', storageShown);
    await options.screenshot({ path: screenshotPath('firefox-options-light.png'), fullPage: true });
    await options.evaluate(`document.querySelector('input[name=anl-theme][value=dark]').click()`);
    await waitFor('the theme saved', async () => (await readSettings())?.theme === 'dark');
    await waitFor('the dark options page', async () => (await options.evaluate(`document.querySelector('.anl-root')?.dataset.theme`)) === 'dark');
    await options.screenshot({ path: screenshotPath('firefox-options-dark.png'), fullPage: true });
    const popup = await openPopup(tabId);
    await waitFor('the dark popup', async () => (await popup.evaluate(`document.querySelector('.anl-root')?.dataset.theme`)) === 'dark');
    await waitFor('the article', () => textOf(popup, '#anl-article-title'));
    await popup.screenshot({ path: screenshotPath('firefox-popup-dark.png'), fullPage: true });
    await Promise.all([options.close(), popup.close()]);
  });

  test('the timeline page: import a backup, export it, clear all, import it back', async () => {
    const page = await session.openExtensionPage(TIMELINE_PAGE);
    await page.setViewport({ width: 1280, height: 900 });
    await waitFor('the page', async () => (await eventCount(page)) !== -1 || ((await page.evaluate('document.body.textContent')) as string).includes('Nothing read yet'));
    await clearAll(page);
    await importFile(page, 'invented-backup.json', JSON.stringify(inventedExport(FIXTURE_ARTICLES)));
    await waitFor('the import', async () => (await textOf(page, '[role=status]')) === `Imported ${FIXTURE_ARTICLES} new and 0 updated articles.`);
    await waitFor('the events', async () => (await eventCount(page)) === FIXTURE_ARTICLES * eventsPerArticle);
    assert.match((await page.evaluate('document.body.textContent')) as string, /لقاء بين سلمى الخطيب/);
    await page.screenshot({ path: screenshotPath('firefox-timeline-light.png') });

    // The chart's markers from the keyboard, in Firefox too: Tab from the chart reaches a marker, Enter opens it.
    await page.evaluate(`document.querySelector('[role=group][aria-label="Events on a time axis"]').focus()`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(`document.activeElement?.classList.contains('anl-chart-marker') ?? false`), true, 'a marker has focus after Tab');
    const firstMarker = await page.evaluate(`document.activeElement.getAttribute('data-event-id')`);
    await page.keyboard.press('ArrowRight');
    // Focus moves once the chart has re-rendered with the new tabbable marker.
    await waitFor('the arrow to move to another marker', async () => (await page.evaluate(`document.activeElement?.getAttribute('data-event-id') ?? null`)) !== firstMarker);
    await page.keyboard.press('Enter');
    await waitFor('the event opened from the chart', () => page.evaluate(`!!document.querySelector('#anl-selected-event')`) as Promise<boolean>);

    const csvBefore = await exportThrough(page, 'Export CSV');
    assert.equal(csvBefore.name, 'arabic-news-lens-timeline.csv');
    const backup = await exportThrough(page, 'Export backup (JSON)');
    assert.equal(backup.name, 'arabic-news-lens-backup.json');
    await clearAll(page);
    await importFile(page, 'arabic-news-lens-backup.json', backup.text);
    await waitFor('the events back', async () => (await eventCount(page)) === FIXTURE_ARTICLES * eventsPerArticle);
    const lines = (text: string) => text.split('\r\n').filter(Boolean).sort();
    const csvAfter = await exportThrough(page, 'Export CSV');
    assert.equal(lines(csvBefore.text).length, FIXTURE_ARTICLES * eventsPerArticle + 1);
    assert.deepEqual(lines(csvAfter.text), lines(csvBefore.text));

    await page.close();

    await writeSettings({ theme: 'dark', uiLanguage: 'ar' });
    const dark = await session.openExtensionPage(TIMELINE_PAGE);
    await dark.setViewport({ width: 1280, height: 900 });
    await waitFor('the page in Arabic', async () => (await textOf(dark, 'h1')) === 'الخط الزمني لكل ما قرأته');
    await waitFor('the events', async () => (await eventCount(dark)) === FIXTURE_ARTICLES * eventsPerArticle);
    await dark.screenshot({ path: screenshotPath('firefox-timeline-dark.png') });
    await dark.close();
  });

  test('an open timeline page hears of an article read in another tab: a notice, then its events on "Show"', async () => {
    const page = await session.openExtensionPage(TIMELINE_PAGE);
    await page.setViewport({ width: 1280, height: 900 });
    await waitFor('the page', async () => (await eventCount(page)) !== -1 || ((await page.evaluate('document.body.textContent')) as string).includes('Nothing read yet'));
    await clearAll(page);
    // The event page stores the article (a write elsewhere): the page says so politely and keeps what it shows.
    await analysedArticleTab();
    await waitFor('the notice', async () => (await textOf(page, '[aria-live=polite] .anl-notice span')) === 'The timeline has changed (1 new article).');
    assert.match((await page.evaluate('document.body.textContent')) as string, /Nothing read yet/, 'nothing swapped before the reader asks');
    assert.ok(await clickButton(page, 'Show'));
    await waitFor('the new article’s events', async () => (await eventCount(page)) > 0);
    assert.match((await page.evaluate('document.body.textContent')) as string, /Articles: 1 · /);
    assert.equal(await textOf(page, '[aria-live=polite] .anl-notice'), undefined, 'the notice is gone once shown');
    await page.close();
  });
});
