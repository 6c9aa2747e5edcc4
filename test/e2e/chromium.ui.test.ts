/**
 * The popup, the timeline page and the options page of the built extension (dist/chrome) in headless Chromium:
 * what a reader sees and can do, over the real background, storage and IndexedDB. Also saves the screenshots in
 * docs/screenshots/ under `npm run screenshots` (light in English, dark in Arabic). Run with `npm run test:e2e -- chromium`.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { screenshotPath } from './support/paths';
import { launchChromium, type ChromiumSession } from './support/launch';
import { call, FIND_TAB_BY_URL, READ_TAB_ENTRY, type FoundTab, type StoredTabEntry } from './support/probes';
import { MARK_STORE_ERROR, READ_SETTINGS, STUB_PAGE_ACTIONS, WRITE_SETTINGS } from './support/uiProbes';
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

describe('Chromium UI (dist/chrome)', () => {
  let server: PageServer;
  let session: ChromiumSession;
  /**
   * An extension page to run probes from. The timeline page, not the options page: Chromium's openOptionsPage
   * focuses an options tab that is already open instead of opening one, and the links test needs to see it open.
   */
  let probe: Page;

  const findTab = (url: string): Promise<FoundTab> =>
    waitFor(`the content script of ${url}`, () => probe.evaluate<FoundTab | undefined>(call(FIND_TAB_BY_URL, url)));
  const writeSettings = (settings: StoredSettings) => probe.evaluate(call(WRITE_SETTINGS, settings));
  const readSettings = () => probe.evaluate<StoredSettings | undefined>(call(READ_SETTINGS, null));

  /** Opens the Arabic test article and waits until the background has its analysis; returns its tab id. */
  async function analysedArticleTab(): Promise<number> {
    const url = server.url('/arabic-article.html');
    const page = await session.context.newPage();
    await page.goto(url);
    const { tabId } = await findTab(url);
    await waitFor('the analysis', async () => (await probe.evaluate<StoredTabEntry | undefined>(call(READ_TAB_ENTRY, tabId)))?.status === 'analyzed');
    return tabId;
  }

  async function openPopup(tabId: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const popup = await session.context.newPage();
    await popup.emulateMedia({ colorScheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`${session.extensionUrl(POPUP)}?tabId=${tabId}`);
    return popup;
  }

  async function openTimeline(query = '', colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(session.extensionUrl(TIMELINE_PAGE) + query);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  /** The texts of the events the (virtualised) list has rendered: the first screenful. */
  const eventTexts = (page: Page): Promise<string[]> =>
    page.locator('.anl-event-text:not(.anl-muted)').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));
  /** How many events the list holds, from its heading ("Events by date (12 events)"); -1 while there is none. */
  const eventCount = async (page: Page): Promise<number> => {
    const heading = page.locator('#anl-event-list');
    if ((await heading.count()) === 0) return -1;
    return Number(/\((?:\D*)(\d+)/.exec((await heading.textContent()) ?? '')?.[1] ?? -1);
  };

  /** Clears the timeline through the page's own button and confirmation. */
  async function clearAll(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Clear all data' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText(/Nothing read yet/).waitFor();
  }

  async function importFile(page: Page, name: string, content: string): Promise<void> {
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  before(async () => {
    server = await startPageServer();
    session = await launchChromium();
    probe = await session.context.newPage();
    await probe.goto(session.extensionUrl(TIMELINE_PAGE));
  });

  // Each test starts from the default settings, whatever the one before left.
  afterEach(async () => {
    await writeSettings({});
  });

  after(async () => {
    await session?.close();
    await server?.close();
  });

  test('the popup on an article: title, summary, actors and events; an actor click asks the page to reveal it', async () => {
    const tabId = await analysedArticleTab();
    const popup = await openPopup(tabId);
    const title = popup.locator('#anl-article-title');
    await title.waitFor();
    assert.match((await title.textContent()) ?? '', /وزراء الزراعة العرب/);
    assert.match((await popup.locator('section[aria-labelledby=anl-summary]').textContent()) ?? '', /خطة مشتركة لمواجهة موجة الجفاف/);
    const actorButtons = popup.getByRole('button', { name: /^Show .+ in the page$/ });
    assert.ok((await actorButtons.count()) >= 3, 'the key actors are listed');
    assert.match((await popup.locator('section[aria-labelledby=anl-actors]').textContent()) ?? '', /منير الجلاصي/);
    assert.ok((await popup.locator('section[aria-labelledby=anl-events] ol > li').count()) >= 2, 'the dated events are listed');
    assert.equal(await popup.getByRole('img', { name: 'The article’s events on a timeline' }).count(), 1, 'the mini timeline is drawn');
    await popup.screenshot({ path: screenshotPath('popup-chromium.png'), fullPage: true });

    assert.equal(await popup.evaluate<boolean>(STUB_PAGE_ACTIONS), true, 'the stand-in for the content script is installed');
    await popup.getByRole('button', { name: 'Show منير الجلاصي in the page' }).click();
    const sent = await waitFor('the revealActor message', async () => {
      const messages = await popup.evaluate<Array<{ tabId: number; name: string; payload: { actorId?: string } }>>('window.__tabMessages');
      return messages.length > 0 ? messages : undefined;
    });
    assert.equal(sent[0]!.name, 'revealActor');
    assert.equal(sent[0]!.tabId, tabId);
    assert.match(sent[0]!.payload.actorId ?? '', /^a\d+$/);
    // A content script that does not answer: the popup says so, without the message name in front.
    await popup.evaluate(`window.__answerTabMessage('revealActor', { ok: false, error: 'the page was reloaded' })`);
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    const alertText = (await alert.textContent()) ?? '';
    assert.match(alertText, /the page was reloaded/);
    assert.doesNotMatch(alertText, /revealActor:/);
    await popup.close();
  });

  test('the popup says when the worker could not keep the article in the timeline, above the story', async () => {
    const tabId = await analysedArticleTab();
    await probe.evaluate(call(MARK_STORE_ERROR, [tabId, 'storage is full: this article was not added to the timeline']));
    const popup = await openPopup(tabId);
    const alert = popup.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /This article was not added to your timeline.*storage is full/);
    assert.match((await popup.locator('#anl-article-title').textContent()) ?? '', /وزراء الزراعة العرب/, 'the story is still shown');
    await popup.close();
  });

  test('the popup on a non-article page: the reason, and "Analyse anyway" asks the page and shows progress', async () => {
    const url = server.url('/english-page.html');
    const page = await session.context.newPage();
    await page.goto(url);
    const { tabId, status } = await findTab(url);
    const popup = await openPopup(tabId);
    const notice = popup.locator('section[aria-labelledby=anl-not-article]');
    await notice.waitFor();
    assert.match((await notice.getByRole('heading').textContent()) ?? '', /Not an Arabic news article/);
    assert.ok(((await notice.textContent()) ?? '').includes(status.reason), 'the content script’s reason is shown');

    await popup.evaluate(STUB_PAGE_ACTIONS);
    await popup.getByRole('button', { name: 'Analyse anyway' }).click();
    await popup.getByRole('status').getByText('Analysing the article…').waitFor();
    const sent = await popup.evaluate<Array<{ tabId: number; name: string }>>('window.__tabMessages');
    assert.deepEqual(sent.map(({ tabId: id, name }) => ({ id, name })), [{ id: tabId, name: 'analyzeAnyway' }]);
    // The page answers; the popup asks the background again and shows the tab's state (still not an article).
    await popup.evaluate(`window.__answerTabMessage('analyzeAnyway', { ok: true, value: ${JSON.stringify(status)} })`);
    await notice.waitFor();
    await popup.close();
  });

  test('the popup on a switched-off site offers the switch to turn it back on, and the switch turns it off again', async () => {
    const tabId = await analysedArticleTab();
    await writeSettings({ disabledSites: ['127.0.0.1'] });
    const popup = await openPopup(tabId);
    await popup.getByRole('heading', { name: 'Switched off on 127.0.0.1' }).waitFor();
    await popup.getByRole('button', { name: 'Turn on for this site' }).click();
    await popup.locator('#anl-article-title').waitFor();
    assert.deepEqual((await readSettings())?.disabledSites, []);

    // A click, not uncheck(): the checkbox goes away with the view it belongs to.
    await popup.getByRole('checkbox', { name: 'Read articles on 127.0.0.1' }).click();
    await popup.getByRole('heading', { name: 'Switched off on 127.0.0.1' }).waitFor();
    assert.deepEqual((await readSettings())?.disabledSites, ['127.0.0.1']);
    await popup.close();
  });

  test('the popup’s links open the timeline page and the options page in tabs', async () => {
    const tabId = await analysedArticleTab();
    const popup = await openPopup(tabId);
    await popup.locator('#anl-article-title').waitFor();
    const [timeline] = await Promise.all([session.context.waitForEvent('page'), popup.getByRole('button', { name: 'Open the timeline' }).click()]);
    await timeline.getByRole('heading', { level: 1, name: 'Timeline of everything read' }).waitFor();
    assert.equal(new URL(timeline.url()).pathname, `/${TIMELINE_PAGE}`);
    const [options] = await Promise.all([session.context.waitForEvent('page'), popup.getByRole('button', { name: 'Options' }).click()]);
    await options.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(new URL(options.url()).pathname, `/${OPTIONS}`);
    await Promise.all([timeline.close(), options.close(), popup.close()]);
  });

  test('a setting changed on the options page is what the popup then shows', async () => {
    const tabId = await analysedArticleTab();
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl(OPTIONS));
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    // The page follows its own change at once: it is now in Arabic.
    await options.getByRole('radio', { name: 'داكنة' }).check();
    await options.getByLabel('أوقف الإضافة على موقع (اسم المضيف)').fill('127.0.0.1');
    await options.getByRole('button', { name: 'أضف', exact: true }).click();
    await waitFor('the settings saved', async () => ((await readSettings())?.disabledSites ?? []).includes('127.0.0.1'));
    assert.deepEqual(await readSettings().then((s) => ({ theme: s?.theme, uiLanguage: s?.uiLanguage })), { theme: 'dark', uiLanguage: 'ar' });

    const popup = await openPopup(tabId);
    await popup.getByRole('heading', { name: 'الإضافة متوقفة على 127.0.0.1' }).waitFor();
    assert.equal(await popup.evaluate('document.documentElement.dir'), 'rtl');
    assert.equal(await popup.locator('.anl-root').getAttribute('data-theme'), 'dark');
    await options.getByRole('button', { name: 'أعد التشغيل: 127.0.0.1' }).click();
    await waitFor('the site back on', async () => ((await readSettings())?.disabledSites ?? []).length === 0);
    await popup.reload();
    await popup.getByRole('heading', { name: 'الفاعلون الرئيسيون' }).waitFor();
    await popup.screenshot({ path: screenshotPath('chromium-popup-dark.png'), fullPage: true });
    await options.setViewportSize({ width: 900, height: 900 });
    await options.screenshot({ path: screenshotPath('chromium-options-dark.png'), fullPage: true });
    await writeSettings({});
    await options.reload();
    await options.getByRole('heading', { level: 1, name: /Options/ }).waitFor();
    await options.screenshot({ path: screenshotPath('chromium-options-light.png'), fullPage: true });
    await Promise.all([options.close(), popup.close()]);
  });

  test('the timeline page shows an imported backup, filters it, and opens an actor from ?actor=', async () => {
    const page = await openTimeline();
    await clearAll(page);
    await importFile(page, 'invented-backup.json', JSON.stringify(inventedExport(FIXTURE_ARTICLES)));
    await page.getByRole('status').getByText(`Imported ${FIXTURE_ARTICLES} new and 0 updated articles.`).waitFor();
    await waitFor('the imported events listed', async () => (await eventCount(page)) === FIXTURE_ARTICLES * eventsPerArticle);
    assert.match((await page.getByText(/^Articles: /).textContent()) ?? '', new RegExp(`Articles: ${FIXTURE_ARTICLES} · .* · events: ${FIXTURE_ARTICLES * eventsPerArticle}`));
    assert.ok((await eventTexts(page)).some((text) => text.includes('لقاء بين سلمى الخطيب')));

    await page.getByRole('combobox', { name: 'Site' }).selectOption('akhbar.example');
    // Articles 0 and 4 of the six are on akhbar.example.
    await waitFor('the site filter applied', async () => (await eventCount(page)) === 2 * eventsPerArticle);
    assert.equal((await eventTexts(page)).length, 2 * eventsPerArticle);
    await page.screenshot({ path: screenshotPath('chromium-timeline-filtered.png') });

    // The chart's markers from the keyboard: Tab goes from the chart into its one tabbable marker, the arrow key to
    // the next event in time, Enter opens it in the side panel.
    await page.getByRole('group', { name: 'Events on a time axis' }).focus();
    await page.keyboard.press('Tab');
    const focusedMarker = () => page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null);
    const firstMarker = await focusedMarker();
    assert.ok(firstMarker, 'a marker has focus after Tab');
    await page.keyboard.press('ArrowRight');
    // Focus moves once the chart has re-rendered with the new tabbable marker.
    const secondMarker = await waitFor('the arrow to move to another marker', async () => {
      const id = await focusedMarker();
      return id !== null && id !== firstMarker ? id : undefined;
    });
    await waitFor('the focused marker’s ring', async () => (await page.locator('.anl-chart-focus').count()) === 1);
    const markerName = (await page.locator(`.anl-chart-marker[data-event-id="${secondMarker}"]`).getAttribute('aria-label')) ?? '';
    await page.keyboard.press('Enter');
    await page.locator('#anl-selected-event').waitFor();
    assert.ok(markerName.startsWith((await page.locator('#anl-selected-event').textContent()) ?? '-'), 'the opened event is the focused one');
    await page.close();

    // The hover card's "full timeline" goes through the worker's openTimeline, which opens the page on the actor.
    const [opened] = await Promise.all([
      session.context.waitForEvent('page'),
      probe.evaluate(`browser.runtime.sendMessage({ channel: 'arabic-news-lens', name: 'openTimeline', payload: { name: 'الخطيب' } })`),
    ]);
    await opened.getByRole('heading', { level: 2, name: /سلمى الخطيب/ }).waitFor();
    assert.match((await opened.locator('aside').textContent()) ?? '', /وزيرة المياه/);
    await opened.close();

    const light = await openTimeline();
    await waitFor('the events', async () => (await eventCount(light)) === FIXTURE_ARTICLES * eventsPerArticle);
    await light.screenshot({ path: screenshotPath('chromium-timeline-light.png') });
    await light.close();
    await writeSettings({ uiLanguage: 'ar' });
    const dark = await openTimeline('', 'dark');
    await waitFor('the events', async () => (await eventCount(dark)) === FIXTURE_ARTICLES * eventsPerArticle);
    await dark.getByRole('heading', { level: 1, name: 'الخط الزمني لكل ما قرأته' }).waitFor();
    await dark.screenshot({ path: screenshotPath('chromium-timeline-dark.png') });
    await dark.close();
  });

  test('export then import round-trips: the backup brings back the same articles and events', async () => {
    const page = await openTimeline();
    await clearAll(page);
    await importFile(page, 'invented-backup.json', JSON.stringify(inventedExport(FIXTURE_ARTICLES)));
    await waitFor('the imported events', async () => (await eventCount(page)) === FIXTURE_ARTICLES * eventsPerArticle);

    /** Clicks an export button and reads the file the browser downloaded. */
    const download = async (button: string, fileName: string): Promise<string> => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      assert.equal(file.suggestedFilename(), fileName);
      return readFile(await file.path(), 'utf8');
    };
    const exportBackup = () => download('Export backup (JSON)', 'arabic-news-lens-backup.json');
    // Every event, one CSV line each, in an order that does not depend on how ties were stored.
    const allEvents = async () => (await download('Export CSV', 'arabic-news-lens-timeline.csv')).split('\r\n').filter(Boolean).sort();
    const eventsBefore = await allEvents();
    assert.equal(eventsBefore.length, FIXTURE_ARTICLES * eventsPerArticle + 1, 'a header and one line per event');
    const exported = await exportBackup();
    await clearAll(page);
    assert.equal(await eventCount(page), -1, 'no event list once everything is cleared');
    await importFile(page, 'arabic-news-lens-backup.json', exported);
    await page.getByRole('status').getByText(`Imported ${FIXTURE_ARTICLES} new and 0 updated articles.`).waitFor();
    await waitFor('the events back', async () => (await eventCount(page)) === FIXTURE_ARTICLES * eventsPerArticle);
    assert.deepEqual(await allEvents(), eventsBefore);
    // The store holds the same articles as before: a second export equals the first but for its date.
    const again = await exportBackup();
    const withoutDate = (text: string) => ({ ...(JSON.parse(text) as Record<string, unknown>), exportedAt: null });
    assert.deepEqual(withoutDate(again), withoutDate(exported));
    await page.close();
  });

  test('an open timeline page hears of an article read in another tab: a notice, then its events on "Show"', async () => {
    const page = await openTimeline();
    await clearAll(page);
    // The worker stores the article (a write elsewhere): the page says so politely and keeps what it shows.
    const articleTab = await analysedArticleTab();
    const region = page.locator('[aria-live=polite]').filter({ hasText: 'The timeline has changed' });
    await region.getByText('The timeline has changed (1 new article).').waitFor();
    assert.equal(await page.getByText(/Nothing read yet/).count(), 1, 'nothing swapped before the reader asks');
    await region.getByRole('button', { name: 'Show' }).click();
    await waitFor('the new article’s events', async () => (await eventCount(page)) > 0);
    assert.ok((await eventTexts(page)).length > 0);
    await page.getByText(/^Articles: 1 · /).waitFor();
    assert.equal(await region.count(), 0, 'the notice is gone once shown');
    assert.ok(articleTab > 0);
    await page.close();
  });
});
