/**
 * The highlight and card scenarios, written once against a small driver interface that highlight.chromium.test.ts
 * (playwright-core) and highlight.firefox.test.ts (puppeteer-core over BiDi) implement.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { waitFor } from './poll';
import { screenshotPath } from './paths';
import { call, FIND_TAB_BY_URL, type FoundTab } from './probes';
import { sharedPagesPresent, SHARED_PAGES, type PageServer } from './server';
import { findTab } from './coreScenarios';
import {
  DOM_UNCHANGED,
  HOST_ON_SCREEN,
  type HostBox,
  LENS_OP,
  PAGE_COMMAND,
  PAGE_HIGHLIGHTS,
  WRITE_SETTINGS,
  letters,
  type CardSnapshot,
  type DomCheck,
  type LensState,
  type MentionInfo,
} from './lens';

export interface DriverPage {
  /** Evaluates an expression in the page's main world. */
  evaluate<T>(expression: string): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  pressKey(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Uncaught exceptions and console errors seen in the page since it opened. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface Driver {
  name: 'chromium' | 'firefox';
  server: PageServer;
  /** Opens a page (BEFORE_SNAPSHOT_INIT installed first, errors collected) and waits for its load. */
  openPage(url: string): Promise<DriverPage>;
  /** Evaluates an expression in an extension page (has `browser.*`). */
  probe<T>(expression: string): Promise<T>;
  /** URLs requested by anything in the browser, outside the test server's own pages; null when not observable. */
  foreignRequests(): string[] | null;
}

/** Writes the reader's settings; the card speaks Arabic (the reader's choice in the options) unless `patch` says. */
export const writeSettings = (driver: Driver, patch: Record<string, unknown>): Promise<unknown> =>
  driver.probe(call(WRITE_SETTINGS, { uiLanguage: 'ar', ...patch }));

export const lensOp = <T>(driver: Driver, tabId: number, op: string, ...args: unknown[]): Promise<T> =>
  driver.probe<T>(call(LENS_OP, [tabId, op, args]));

export { findTab };

/** Waits until the lens on the tab runs with highlights painted. */
export async function waitForLens(driver: Driver, tabId: number, url: string): Promise<LensState> {
  return waitFor(
    `highlights on ${url}`,
    async () => {
      const state = await lensOp<LensState>(driver, tabId, 'state');
      return state.running && state.painted && (state.mentions ?? 0) > 0 ? state : undefined;
    },
    {
      timeoutMs: 30_000,
      explain: async () => {
        const found = await driver.probe<FoundTab | undefined>(call(FIND_TAB_BY_URL, url));
        const state = await lensOp<LensState>(driver, tabId, 'state').catch((error: unknown) => String(error));
        return `page status ${JSON.stringify(found?.status)}; lens ${JSON.stringify(state)}`;
      },
    },
  );
}

export async function waitForCard(driver: Driver, tabId: number, what: string, test: (card: CardSnapshot) => boolean = () => true): Promise<CardSnapshot> {
  return waitFor(what, async () => {
    const card = await lensOp<CardSnapshot | null>(driver, tabId, 'snapshot');
    return card && test(card) ? card : undefined;
  });
}

/** The centre of a mention's first line box, after scrolling it into view if needed. */
async function mentionPoint(driver: Driver, tabId: number, index: number): Promise<{ x: number; y: number; mention: MentionInfo }> {
  const mention = await lensOp<MentionInfo | null>(driver, tabId, 'mention', index);
  assert.ok(mention?.rects?.length, `mention ${index} has a box on screen`);
  const rect = mention.rects[0]!;
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, mention };
}

/** The page's highlight registry (name → range texts); waits until it has entries. */
async function nonEmptyRegistry(page: DriverPage): Promise<Record<string, string[]>> {
  return waitFor('highlights in the page registry', async () => {
    const registry = await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS);
    return registry && Object.keys(registry).length > 0 ? registry : undefined;
  });
}

function assertNoErrors(page: DriverPage, where: string): void {
  assert.deepEqual(page.errors, [], `no exception or console error on ${where}`);
}

/** Our own article: highlights by type, hover card, keyboard card, DOM untouched, no errors, no requests. */
export async function ownArticleScenario(driver: Driver): Promise<void> {
  const url = driver.server.url('/highlight-article.html');
  const page = await driver.openPage(url);
  const { tabId } = await findTab(driver, url);
  const state = await waitForLens(driver, tabId, url);
  assert.equal(state.on, true);

  // The page's own view of the registry: one highlight per type, ranges over the names.
  const registry = await nonEmptyRegistry(page);
  const persons = (registry['anl-person'] ?? []).map(letters);
  assert.ok(persons.includes(letters('خالد الرواشدة')), `PERSON highlights include خالد الرواشدة: ${JSON.stringify(registry['anl-person'])}`);
  assert.ok(persons.includes(letters('حسن الشاذلي')), 'PERSON highlights include حسن الشاذلي');
  assert.ok(persons.includes(letters('الرواشدة')), 'the short form is highlighted too');
  assert.ok((registry['anl-loc'] ?? []).map(letters).includes(letters('بغداد')), 'LOC highlights include بغداد');
  assert.ok((registry['anl-org'] ?? []).map(letters).includes(letters('البنك الدولي')), 'ORG highlights include البنك الدولي');
  const mentionList = await lensOp<MentionInfo[]>(driver, tabId, 'mentions');
  assert.equal(Object.values(registry).flat().length, mentionList.length, 'every mention on the page is registered once');
  await page.screenshot(screenshotPath(`highlight-${driver.name}.png`));

  // Hover: the real mouse over the first mention of خالد الرواشدة.
  const index = mentionList.findIndex((m) => m.actorName === 'خالد الرواشدة');
  assert.ok(index >= 0);
  const point = await mentionPoint(driver, tabId, index);
  assert.equal(await lensOp<number | null>(driver, tabId, 'hitTest', point.x, point.y), index, 'the hit-test finds the mention under its own box');
  await page.mouseMove(5, 5);
  await page.mouseMove(point.x, point.y);
  const card = await waitForCard(driver, tabId, 'the hover card');
  assert.equal(card.name, 'خالد الرواشدة');
  assert.equal(card.dir, 'rtl');
  assert.match(card.text, /وزير الطاقة الأردني/, 'the role the text gives');
  assert.match(card.text, /الرواشدة/);
  assert.equal(card.pinned, false);
  // The timeline part arrives from the background (this article is in the store now): the card grows and must
  // still fit on screen.
  await waitForCard(driver, tabId, 'the timeline part of the card', (c) => c.text.includes('آخر الأحداث المؤرخة'));
  const box = await waitFor('the card on screen', async () => {
    const b = await page.evaluate<HostBox | null>(HOST_ON_SCREEN);
    return b && b.top >= 0 && b.left >= 0 && b.bottom <= b.height && b.right <= b.width ? b : undefined;
  }).catch(async () => assert.fail(`the card is off screen: ${JSON.stringify(await page.evaluate<HostBox | null>(HOST_ON_SCREEN))}`));
  assert.ok(box.bottom - box.top > 100, 'the card has its content');
  await page.screenshot(screenshotPath(`card-${driver.name}.png`));
  let dom = await page.evaluate<DomCheck>(DOM_UNCHANGED);
  assert.ok(dom.beforeLength > 1000, 'the before-snapshot was taken');
  assert.equal(dom.same, true, `the DOM outside the card host is byte-identical while the card is open: ${dom.firstDifference}`);
  assert.equal(dom.hosts, 1, 'exactly one host element');

  // Moving away closes a hover card.
  await page.mouseMove(3, 3);
  await waitFor('the hover card to close', async () => (await lensOp<CardSnapshot | null>(driver, tabId, 'snapshot')) === null);

  // Keyboard: the command the background sends for Alt+Shift+N (manifest `commands`).
  const reply = await driver.probe<{ ok: boolean; value: { done: boolean } }>(call(PAGE_COMMAND, [tabId, 'next-mention']));
  assert.deepEqual(reply, { ok: true, value: { done: true } });
  const first = await waitForCard(driver, tabId, 'the keyboard card');
  assert.equal(first.focused, true, 'keyboard focus moves into the card');
  assert.equal(first.name, mentionList[0]!.actorName, 'stepping starts at the first mention in view');
  await driver.probe(call(PAGE_COMMAND, [tabId, 'next-mention']));
  await waitForCard(driver, tabId, 'the next mention\'s card', (c) => c.name === mentionList[1]!.actorName);
  await driver.probe(call(PAGE_COMMAND, [tabId, 'previous-mention']));
  await waitForCard(driver, tabId, 'the previous mention\'s card', (c) => c.name === mentionList[0]!.actorName);
  // Escape closes it (keyboard focus is in the card).
  await page.pressKey('Escape');
  await waitFor('Escape to close the card', async () => (await lensOp<CardSnapshot | null>(driver, tabId, 'snapshot')) === null);

  // Toggle: highlights leave the registry and come back.
  await driver.probe(call(PAGE_COMMAND, [tabId, 'toggle-highlights']));
  await waitFor('highlights switched off', async () => Object.keys((await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS)) ?? {}).length === 0);
  await driver.probe(call(PAGE_COMMAND, [tabId, 'toggle-highlights']));
  await waitFor('highlights back on', async () => ((await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS))?.['anl-person']?.length ?? 0) > 0);

  dom = await page.evaluate<DomCheck>(DOM_UNCHANGED);
  assert.equal(dom.same, true, `the DOM outside the card host is byte-identical after all of it: ${dom.firstDifference}`);
  assertNoErrors(page, url);
  await page.close();
}

/** The popup's "show in page": revealActor opens the actor's card. */
export async function revealScenario(driver: Driver): Promise<void> {
  const url = driver.server.url('/highlight-article.html');
  const page = await driver.openPage(url);
  const { tabId } = await findTab(driver, url);
  await waitForLens(driver, tabId, url);
  const mentions = await lensOp<MentionInfo[]>(driver, tabId, 'mentions');
  const target = mentions.find((m) => m.actorName === 'حسن الشاذلي');
  assert.ok(target);
  // The analysis' id of the actor comes from the stored tab analysis.
  const actorId = await driver.probe<string | undefined>(
    call(`async ([tabId]) => { const s = await browser.storage.session.get('tabAnalysis:' + tabId); const e = s['tabAnalysis:' + tabId]; return e && e.analysis.actors.find((a) => a.name === 'حسن الشاذلي')?.id; }`, [tabId]),
  );
  assert.ok(actorId, 'the stored analysis names the actor');
  const revealed = await driver.probe<{ ok: boolean; value: { revealed: boolean } }>(
    call(`async ([tabId, actorId]) => browser.tabs.sendMessage(tabId, { channel: 'arabic-news-lens', name: 'revealActor', payload: { actorId } }, { frameId: 0 })`, [tabId, actorId]),
  );
  assert.deepEqual(revealed, { ok: true, value: { revealed: true } });
  const card = await waitForCard(driver, tabId, 'the revealed card');
  assert.equal(card.name, 'حسن الشاذلي');
  assertNoErrors(page, url);
  await page.close();
}

/** A saved real article from ../shared/data/pages/positive. Returns false (skipped) when the folder is absent. */
export async function savedPageScenario(driver: Driver, file: string, expected: { name: string; highlight: string }[]): Promise<boolean> {
  if (!sharedPagesPresent()) return false;
  const url = driver.server.url(`/shared/pages/positive/${file}`);
  const page = await driver.openPage(url);
  const { tabId } = await findTab(driver, url);
  await waitForLens(driver, tabId, url);
  const registry = await nonEmptyRegistry(page);
  for (const { name, highlight } of expected) {
    const texts = (registry[highlight] ?? []).map(letters);
    assert.ok(texts.includes(letters(name)), `${highlight} has ${name}: ${JSON.stringify(registry[highlight]?.slice(0, 20))}`);
  }
  // Keyboard card on a real page.
  await driver.probe(call(PAGE_COMMAND, [tabId, 'next-mention']));
  const card = await waitForCard(driver, tabId, 'a card on the saved page');
  assert.equal(card.dir, 'rtl');
  assert.ok(card.name.length > 0);
  const dom = await page.evaluate<DomCheck>(DOM_UNCHANGED);
  assert.equal(dom.same, true, `the saved page's DOM outside the card host is byte-identical: ${dom.firstDifference}`);
  // The page's own scripts are blocked by the CSP it is served with; anything thrown would be ours.
  assert.deepEqual(page.errors.filter((e) => !/Content Security Policy|Content-Security-Policy|CSP/i.test(e)), [], `no exception on ${file}`);
  await page.close();
  return true;
}

/** The hostile page: the card still works (the content script's world is not the page's) or steps aside quietly. */
export async function hostileScenario(driver: Driver): Promise<{ highlighted: boolean; card: boolean }> {
  const url = driver.server.url('/hostile-article.html');
  const page = await driver.openPage(url);
  const { tabId } = await findTab(driver, url);
  const status = await waitFor('the hostile page to be analysed', async () => {
    const found = await driver.probe<FoundTab | undefined>(call(FIND_TAB_BY_URL, url));
    return found?.status.analyzed ? found.status : undefined;
  });
  assert.equal(status.isArticle, true);
  const state = await waitFor('the lens on the hostile page', async () => {
    const s = await lensOp<LensState>(driver, tabId, 'state');
    return s.running ? s : undefined;
  });
  let card = false;
  if (state.painted) {
    await driver.probe(call(PAGE_COMMAND, [tabId, 'next-mention']));
    const snapshot = await waitForCard(driver, tabId, 'the card on the hostile page').catch(() => null);
    card = snapshot !== null;
    if (snapshot) assert.equal(snapshot.dir, 'rtl');
  }
  const dom = await page.evaluate<DomCheck>(DOM_UNCHANGED);
  assert.equal(dom.same, true, `the hostile page's DOM outside the card host is byte-identical: ${dom.firstDifference}`);
  assert.ok(dom.hosts <= 1);
  assertNoErrors(page, url);
  // The page still works: its own text is there and readable from its world.
  assert.match(await page.evaluate<string>('document.querySelector("h1").textContent'), /محطة رياح/);
  await page.close();
  return { highlighted: state.painted === true, card };
}

/** A site switched off in the settings: no reader, no message, no highlights; switching it back on starts them. */
export async function switchedOffScenario(driver: Driver): Promise<void> {
  const host = new URL(driver.server.otherHostUrl('/')).hostname;
  await writeSettings(driver, { disabledSites: [host] });
  try {
    const url = driver.server.otherHostUrl('/highlight-article.html');
    const page = await driver.openPage(url);
    const { tabId } = await findTab(driver, url);
    // The switch is read from storage first; until then the page is simply 'not looked at yet'.
    const status = await waitFor('the switched-off status', async () => {
      const found = await driver.probe<FoundTab | undefined>(call(FIND_TAB_BY_URL, url));
      return found?.status.reason === 'switched off for this site' ? found.status : undefined;
    });
    assert.equal(status.isArticle, null, 'the reader never ran');
    assert.equal(status.arabic, false, 'not even the first look ran');
    // Give a running extension every chance to act, then check it did nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(await lensOp<LensState>(driver, tabId, 'state'), { running: false });
    assert.deepEqual(await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS), {}, 'nothing registered');
    const stored = await driver.probe<unknown>(call(`async (tabId) => (await browser.storage.session.get('tabAnalysis:' + tabId))['tabAnalysis:' + tabId]`, tabId));
    assert.equal(stored, undefined, 'no analysis was asked for');
    const dom = await page.evaluate<DomCheck>(DOM_UNCHANGED);
    assert.equal(dom.same, true, dom.firstDifference);

    // Switched back on from the popup: the page is read and highlighted without a reload.
    await writeSettings(driver, { disabledSites: [] });
    await waitForLens(driver, tabId, url);
    // And off again: the highlights go at once.
    await writeSettings(driver, { disabledSites: [host] });
    await waitFor('highlights removed when the site is switched off', async () => Object.keys((await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS)) ?? {}).length === 0);
    assert.deepEqual(await lensOp<LensState>(driver, tabId, 'state'), { running: false });
    assertNoErrors(page, url);
    await page.close();
  } finally {
    await writeSettings(driver, { disabledSites: [] });
  }
}

/** Settings followed live: colours and types change what is registered without a reload. */
export async function liveSettingsScenario(driver: Driver): Promise<void> {
  const url = driver.server.url('/highlight-article.html');
  const page = await driver.openPage(url);
  const { tabId } = await findTab(driver, url);
  await waitForLens(driver, tabId, url);
  try {
    await writeSettings(driver, { highlightTypes: ['PERSON'] });
    await waitFor('only PERSON highlights', async () => {
      const registry = (await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS)) ?? {};
      return Object.keys(registry).join() === 'anl-person';
    });
    // Highlights hidden with the shortcut stay hidden when an unrelated setting changes; the card's language
    // follows the settings (English, left to right), which also shows the change has arrived.
    await driver.probe(call(PAGE_COMMAND, [tabId, 'toggle-highlights']));
    await waitFor('highlights hidden by the shortcut', async () => Object.keys((await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS)) ?? {}).length === 0);
    await writeSettings(driver, { highlightTypes: ['PERSON'], uiLanguage: 'en', colors: { PERSON: '#AA3377' } });
    await waitFor('the English card', async () => {
      await driver.probe(call(PAGE_COMMAND, [tabId, 'next-mention']));
      const card = await lensOp<CardSnapshot | null>(driver, tabId, 'snapshot');
      return card?.dir === 'ltr' && /Person|Organi[sz]ation|Place|Group/.test(card.text);
    });
    assert.deepEqual(await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS), {}, 'still hidden after the settings change');
    await driver.probe(call(PAGE_COMMAND, [tabId, 'toggle-highlights']));
    await waitFor('highlights shown again', async () => Object.keys((await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS)) ?? {}).join() === 'anl-person');
    await writeSettings(driver, { highlights: false });
    await waitFor('no highlights', async () => Object.keys((await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS)) ?? {}).length === 0);
  } finally {
    await writeSettings(driver, {});
  }
  await waitFor('all highlights back', async () => Object.keys((await page.evaluate<Record<string, string[]> | null>(PAGE_HIGHLIGHTS)) ?? {}).length >= 3);
  assertNoErrors(page, url);
  await page.close();
}

/** Nothing but the test pages themselves was requested: the extension made no network request. */
export function assertNoExtensionRequests(driver: Driver): void {
  const foreign = driver.foreignRequests();
  if (foreign) assert.deepEqual(foreign, [], 'no request beyond the test pages');
  // favicon.ico: the browser's own request for the tab icon.
  const unexpected = driver.server.requests.filter((path) => !path.endsWith('.html') && !path.startsWith('/late/') && path !== '/favicon.ico');
  assert.deepEqual(unexpected, [], 'the test server was asked for pages only');
}

/** An English single-page site that navigates to an Arabic story: found through the URL watch alone. */
export async function spaNavigationScenario(driver: Driver): Promise<void> {
  const page = await driver.openPage(driver.server.url('/spa-english-first.html'));
  const url = driver.server.url('/late/2026/11/12/power-link');
  const { tabId } = await findTab(driver, url);
  await waitForLens(driver, tabId, url);
  const registry = await nonEmptyRegistry(page);
  assert.ok((registry['anl-person'] ?? []).map(letters).includes(letters('حسن الشاذلي')), 'the new article is highlighted');
  assertNoErrors(page, url);
  await page.close();
}

/** The popup's "analyse anyway" on an Arabic page detection turned down: read, analysed and highlighted. */
export async function analyzeAnywayScenario(driver: Driver): Promise<void> {
  const url = driver.server.url('/arabic-notice.html');
  const page = await driver.openPage(url);
  const { tabId } = await findTab(driver, url);
  const before = await waitFor('the reader\'s verdict', async () => {
    const found = await driver.probe<FoundTab | undefined>(call(FIND_TAB_BY_URL, url));
    return found && found.status.isArticle !== null ? found.status : undefined;
  });
  assert.equal(before.isArticle, false, 'detection says this is not an article');
  assert.deepEqual(await lensOp<LensState>(driver, tabId, 'state'), { running: false });
  const reply = await driver.probe<{ ok: boolean; value: FoundTab['status'] }>(
    call(`async (tabId) => browser.tabs.sendMessage(tabId, { channel: 'arabic-news-lens', name: 'analyzeAnyway', payload: {} }, { frameId: 0 })`, tabId),
  );
  assert.equal(reply.ok, true);
  assert.equal(reply.value.analyzed, true, 'analysed on request');
  assert.match(reply.value.reason, /analysed on request/);
  await waitForLens(driver, tabId, url);
  const registry = await nonEmptyRegistry(page);
  assert.ok((registry['anl-person'] ?? []).map(letters).includes(letters('خالد الرواشدة')));
  assertNoErrors(page, url);
  await page.close();
}

/**
 * Registers every highlight/card check inside the caller's describe(); `getDriver` is read when each test runs.
 * `isolation` names what keeps a hostile page's overrides away from our code in that browser.
 */
export function registerLensTests(getDriver: () => Driver, isolation: string, requestCount: () => number): void {
  test('our article: highlights by type, hover and keyboard cards, DOM untouched, no errors', () => ownArticleScenario(getDriver()));

  test('the popup\'s "show in page" (revealActor) opens the actor\'s card', () => revealScenario(getDriver()));

  test('saved real articles from ../shared/data/pages/positive', async (t) => {
    if (!sharedPagesPresent()) return t.skip(`${SHARED_PAGES} is absent`);
    assert.ok(await savedPageScenario(getDriver(), 'bbc-com-arabic-aaron-bushnell-2024.html', [{ name: 'غزة', highlight: 'anl-loc' }]));
    assert.ok(await savedPageScenario(getDriver(), 'arabic-cnn-com-syria-clashes-2013.html', [{ name: 'دمشق', highlight: 'anl-loc' }]));
  });

  test('a hostile page (prototypes replaced, !important everywhere, strict CSP): the card still works', async () => {
    const outcome = await hostileScenario(getDriver());
    assert.deepEqual(outcome, { highlighted: true, card: true }, `${isolation} keep the page's overrides away`);
  });

  test('a site switched off: nothing happens there; switching it on and off again follows live', () => switchedOffScenario(getDriver()));

  test('settings followed live: types, language and the highlight switch', () => liveSettingsScenario(getDriver()));

  test('an English single-page site navigating to an Arabic story: found through the URL watch', () => spaNavigationScenario(getDriver()));

  test('"analyse anyway" on an Arabic page detection turned down', () => analyzeAnywayScenario(getDriver()));

  test('no network request beyond the test pages', () => {
    assert.ok(requestCount() > 0, 'requests were recorded');
    assertNoExtensionRequests(getDriver());
  });
}
