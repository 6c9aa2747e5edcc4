/**
 * The extension's pages in real headless Chromium (dist/chrome), with an empty timeline and with 10,000 articles:
 *   - the popup's time to first content (the article's title on screen), empty store vs. 10k store;
 *   - the timeline page's render (first events on screen, and every event loaded), empty vs. 10k, both after a
 *     write (every record read) and with nothing written since the last opening (the kept copy read);
 *   - the site filter at 10k against the unfiltered view (the same page switching back and forth);
 *   - a search of the events' words at 10k against clearing it (same page, back and forth);
 *   - the timeline page's JS heap after a garbage collection, empty vs. 10k (Chromium's Runtime.getHeapUsage);
 *   - how long filling IndexedDB with 10k articles takes (one import of our JSON backup through the page's input).
 * Times are taken in the page (performance.now() from navigation start, or around the filter change), so the
 * driver's round trips are not counted. The empty-store baselines run in a fresh profile; the filled profile is kept
 * in .cache/ui-bench/ and reused (the fill time reported is the one measured when it was filled; delete the folder
 * to fill again). `UI_BENCH_ARTICLES=2000 npm run bench ui-browser` runs a smaller store.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { formatMeasurement, median, report, type BenchSuite, type Measurement } from './harness';
import { launchChromium, type ChromiumSession } from '../../test/e2e/support/launch';
import { startPageServer } from '../../test/e2e/support/server';
import { CHROMIUM_BIN, DIST_CHROME, REPO_ROOT } from '../../test/e2e/support/paths';
import { waitFor } from '../../test/e2e/support/poll';
import { call, FIND_TAB_BY_URL, READ_TAB_ENTRY, type FoundTab, type StoredTabEntry } from '../../test/e2e/support/probes';
import { eventsPerArticle, inventedExport } from '../../test/fixtures/ui/timelineExport';
import { TIMELINE_PAGE } from '../../src/common/pages';

const ARTICLES = Number(process.env.UI_BENCH_ARTICLES ?? 10_000);
const POPUP_RUNS = 15;
const PAGE_RUNS = 5;
const FILTER_RUNS = 7;
/** The invented backup puts every fourth article on this site. */
const FILTER_SITE = 'akhbar.example';

/** Records, in the page, when the popup first shows the article (ms since navigation start). */
const POPUP_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('#anl-article-title')) { window.__firstContentAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/**
 * Records when the timeline page first shows events (or says the store is empty) and when it has every event
 * (no spinner left), in ms since navigation start.
 */
const TIMELINE_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    const list = document.querySelector('#anl-event-list, .anl-notice');
    if (list && window.__firstEventsAt === undefined) window.__firstEventsAt = performance.now();
    if (list && !document.querySelector('main .anl-spinner')) { window.__completeAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

/**
 * Run in the timeline page: sets the site filter and resolves with the ms until the list shows `expected`
 * events with nothing left loading.
 */
const FILTER_BY_SITE = `async ([site, expected]) => {
  const select = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === ${JSON.stringify(FILTER_SITE)}));
  const count = () => Number((/\\(([^)]*)\\)/.exec(document.querySelector('#anl-event-list')?.textContent ?? '')?.[1] ?? '').replace(/\\D/g, ''));
  const started = performance.now();
  select.value = site;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  // A MutationObserver, not requestAnimationFrame or timers: those are throttled in pages that are not in front.
  await new Promise((resolve, reject) => {
    const done = () => count() === expected && !document.querySelector('main .anl-spinner');
    if (done()) return resolve();
    setTimeout(() => reject(new Error('the list never showed ' + expected + ' events (it shows ' + count() + ')')), 120000);
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(); } });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return performance.now() - started;
}`;

/**
 * Run in the timeline page: types `text` into the event search and resolves with [ms, events listed] once the
 * list shows `expected` events (or, with expected -1, any count other than the one before) and nothing is loading.
 */
const SEARCH_EVENTS = `async ([text, expected]) => {
  const input = [...document.querySelectorAll('input[type=search]')].find((i) => i.closest('label')?.textContent?.includes('Search the events'));
  const count = () => Number((/\\(([^)]*)\\)/.exec(document.querySelector('#anl-event-list')?.textContent ?? '')?.[1] ?? '').replace(/\\D/g, ''));
  const before = count();
  const started = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve, reject) => {
    const done = () => (expected < 0 ? count() !== before : count() === expected) && !document.querySelector('main .anl-spinner');
    if (done()) return resolve();
    setTimeout(() => reject(new Error('the list never showed the search result (it shows ' + count() + ')')), 120000);
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(); } });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return [performance.now() - started, count()];
}`;
/** Words of one of the invented articles' topics ("desalination"): some events have them, most do not. */
const SEARCH_TEXT = 'تحلية المياه';

/** The page's JS heap in MB after a full garbage collection (what the page keeps, not what it last allocated). */
async function heapMegabytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}

function fromSamples(name: string, samples: number[], unitsPerRun?: number, unit?: string): Measurement {
  return { name, runs: samples.length, medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), unitsPerRun, unit };
}

function ratioLine(a: Measurement, b: Measurement): string {
  return `${'ratio'.padEnd(48)} ${(a.medianMs / b.medianMs).toFixed(3)}× (${a.name} / ${b.name}, medians)`;
}

async function popupFirstContent(session: ChromiumSession, tabId: number): Promise<number[]> {
  const popup = await session.context.newPage();
  await popup.bringToFront();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.addInitScript(POPUP_PROBE);
  const samples: number[] = [];
  for (let run = 0; run < POPUP_RUNS + 2; run += 1) {
    await popup.goto(`${session.extensionUrl('src/ui/popup/index.html')}?tabId=${tabId}`);
    const at = await waitFor('the popup’s first content', () => popup.evaluate<number | undefined>('window.__firstContentAt'));
    if (run >= 2) samples.push(at); // two warm-up loads
  }
  await popup.close();
  return samples;
}

/**
 * Run in an extension page: does to the timeline database what any write does to the page's kept copy of the
 * whole timeline (src/background/store/snapshot.ts): the write count moves on and the copy goes. The next opening
 * then reads every record, as the first opening after reading an article does.
 */
const AS_AFTER_A_WRITE = `new Promise((resolve, reject) => {
  const open = indexedDB.open('arabic-news-lens-timeline');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const get = meta.get('writes');
    get.onsuccess = () => { meta.put({ key: 'writes', value: (get.result?.value ?? 0) + 1 }); meta.delete('wholeTimeline'); };
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

/** Run in an extension page: the size in characters of the kept copy of the whole timeline, 0 while there is none. */
const KEPT_COPY_CHARS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('arabic-news-lens-timeline');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction(['meta'], 'readonly').objectStore('meta').get('wholeTimeline');
    get.onsuccess = () => { db.close(); resolve(get.result?.snapshot?.length ?? 0); };
    get.onerror = () => reject(get.error);
  };
})`;

async function timelineRender(page: Page, url: string, afterAWrite = false): Promise<{ first: number[]; complete: number[] }> {
  // In front: Chromium throttles timers and frames in background tabs, which would time the throttling.
  await page.bringToFront();
  const first: number[] = [];
  const complete: number[] = [];
  for (let run = 0; run < PAGE_RUNS + 1; run += 1) {
    if (afterAWrite) await page.evaluate(AS_AFTER_A_WRITE);
    await page.goto(url);
    const at = await waitFor('the timeline loaded', () => page.evaluate<[number, number] | undefined>('window.__completeAt === undefined ? undefined : [window.__firstEventsAt, window.__completeAt]'), {
      timeoutMs: 120_000,
    });
    if (run >= 1) {
      first.push(at[0]);
      complete.push(at[1]);
    }
  }
  return { first, complete };
}

/** Opens the Arabic test article and waits for its analysis; returns its tab id. */
async function analysedArticle(session: ChromiumSession, probe: Page, articleUrl: string): Promise<number> {
  const article = await session.context.newPage();
  await article.goto(articleUrl);
  const { tabId } = await waitFor('the article’s content script', () => probe.evaluate<FoundTab | undefined>(call(FIND_TAB_BY_URL, articleUrl)));
  await waitFor('the analysis', async () => (await probe.evaluate<StoredTabEntry | undefined>(call(READ_TAB_ENTRY, tabId)))?.status === 'analyzed', { timeoutMs: 120_000 });
  return tabId;
}

async function timelinePage(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(TIMELINE_PROBE);
  await page.goto(session.extensionUrl(TIMELINE_PAGE));
  return page;
}

/** The number in the event list's heading, once everything is loaded. */
const LISTED_EVENTS = `Number((/\\(([^)]*)\\)/.exec(document.querySelector('#anl-event-list')?.textContent ?? '')?.[1] ?? '').replace(/\\D/g, ''))`;

export const suite: BenchSuite = {
  name: 'ui-browser',
  skip() {
    if (!existsSync(CHROMIUM_BIN)) return `no Chromium at ${CHROMIUM_BIN} (apt-get install chromium, or set CHROMIUM_BIN)`;
    if (!existsSync(join(DIST_CHROME, 'manifest.json'))) return 'dist/chrome is missing: run `npm run build` first';
    return undefined;
  },
  async run() {
    const server = await startPageServer();
    const articleUrl = server.url('/arabic-article.html');
    const lines: string[] = [];
    try {
      // Baselines in a fresh profile, emptied with the timeline page's own "clear all".
      const fresh = await launchChromium();
      let popupEmpty: Measurement;
      let renderEmpty: Measurement;
      let heapEmpty = NaN;
      try {
        const page = await timelinePage(fresh);
        const tabId = await analysedArticle(fresh, page, articleUrl);
        await page.getByRole('button', { name: 'Clear all data' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
        await page.getByText(/Nothing read yet/).waitFor();
        popupEmpty = fromSamples('popup first content, empty store', await popupFirstContent(fresh, tabId));
        renderEmpty = fromSamples('timeline loaded, empty store', (await timelineRender(page, fresh.extensionUrl(TIMELINE_PAGE))).complete);
        heapEmpty = await heapMegabytes(page);
      } finally {
        await fresh.close();
      }

      // The filled store lives in a kept profile: filling takes minutes on a small machine, so it is done once.
      const profile = join(REPO_ROOT, '.cache', 'ui-bench', `chromium-${ARTICLES}`);
      const filledMarker = join(profile, 'anl-filled.json');
      const filled = await launchChromium(profile);
      try {
        const page = await timelinePage(filled);
        if (!existsSync(filledMarker)) {
          await page.getByRole('heading', { level: 1 }).waitFor();
          if ((await page.getByRole('button', { name: 'Clear all data' }).count()) > 0 && !(await page.getByText(/Nothing read yet/).count())) {
            await page.getByRole('button', { name: 'Clear all data' }).click();
            await page.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
            await page.getByText(/Nothing read yet/).waitFor();
          }
          const backup = JSON.stringify(inventedExport(ARTICLES));
          const started = performance.now();
          await page.locator('input[type=file]').setInputFiles({ name: 'bench-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
          const done = page.getByRole('status').getByText(/^Imported /);
          await done.waitFor({ timeout: 3_600_000 });
          const seconds = (performance.now() - started) / 1000;
          const outcome = (await done.textContent()) ?? '';
          writeFileSync(filledMarker, JSON.stringify({ articles: ARTICLES, megabytes: backup.length / 1e6, seconds, outcome, at: new Date().toISOString() }));
        }
        const fill = JSON.parse(readFileSync(filledMarker, 'utf8')) as { megabytes: number; seconds: number; outcome: string; at: string };
        lines.push(
          `fill: ${ARTICLES.toLocaleString('en')} articles (${fill.megabytes.toFixed(1)} MB backup) imported through the timeline page in ${fill.seconds.toFixed(1)} s ` +
            `(${fill.outcome}; measured ${fill.at}, profile kept in ${profile})`,
        );

        const tabId = await analysedArticle(filled, page, articleUrl);
        const popupFull = fromSamples(`popup first content, ${ARTICLES.toLocaleString('en')} articles`, await popupFirstContent(filled, tabId));
        lines.push(formatMeasurement(popupFull), formatMeasurement(popupEmpty), ratioLine(popupFull, popupEmpty));

        // After a write (the usual case: articles were read since the last opening), the page reads every record.
        const cold = await timelineRender(page, filled.extensionUrl(TIMELINE_PAGE), true);
        const events = await page.evaluate<number>(LISTED_EVENTS);
        const renderFirst = fromSamples(`timeline first events, ${ARTICLES.toLocaleString('en')} articles`, cold.first);
        const renderComplete = fromSamples(`timeline all ${events.toLocaleString('en')} events, after a write`, cold.complete, events, 'events');
        lines.push(formatMeasurement(renderFirst), formatMeasurement(renderComplete), formatMeasurement(renderEmpty), ratioLine(renderComplete, renderEmpty));
        // Nothing written since the last opening: the kept copy answers. The page saves it just after its first
        // render; the runs above navigate away at once, so the page is given the time a reader would give it.
        await page.goto(filled.extensionUrl(TIMELINE_PAGE));
        const copyChars = await waitFor(
          'the kept copy',
          async () => {
            const chars = await page.evaluate<number>(KEPT_COPY_CHARS);
            return chars > 0 ? chars : undefined;
          },
          { timeoutMs: 60_000 },
        );
        lines.push(`kept copy of the whole timeline: ${(copyChars / 1e6).toFixed(1)} million characters`);
        const warm = await timelineRender(page, filled.extensionUrl(TIMELINE_PAGE));
        const renderWarm = fromSamples(`timeline all ${events.toLocaleString('en')} events, unchanged`, warm.complete, events, 'events');
        lines.push(formatMeasurement(renderWarm), ratioLine(renderWarm, renderEmpty));

        const filtered: number[] = [];
        const unfiltered: number[] = [];
        const siteEvents = Math.ceil(ARTICLES / 4) * eventsPerArticle;
        for (let run = 0; run < FILTER_RUNS + 1; run += 1) {
          const toSite = await page.evaluate<number>(call(FILTER_BY_SITE, [FILTER_SITE, siteEvents]));
          const toAll = await page.evaluate<number>(call(FILTER_BY_SITE, ['', events]));
          if (run >= 1) {
            filtered.push(toSite);
            unfiltered.push(toAll);
          }
        }
        const filterSite = fromSamples(`filter by site (${siteEvents.toLocaleString('en')} events)`, filtered);
        const filterNone = fromSamples(`remove the filter (${events.toLocaleString('en')} events)`, unfiltered);
        lines.push(formatMeasurement(filterSite), formatMeasurement(filterNone), ratioLine(filterSite, filterNone));

        const searched: number[] = [];
        const cleared: number[] = [];
        let found = -1;
        for (let run = 0; run < FILTER_RUNS + 1; run += 1) {
          const [toSearch, listed] = await page.evaluate<[number, number]>(call(SEARCH_EVENTS, [SEARCH_TEXT, found]));
          const [toAll] = await page.evaluate<[number, number]>(call(SEARCH_EVENTS, ['', events]));
          found = listed;
          if (run >= 1) {
            searched.push(toSearch);
            cleared.push(toAll);
          }
        }
        const search = fromSamples(`search the events (${found.toLocaleString('en')} found)`, searched);
        const searchCleared = fromSamples(`clear the search (${events.toLocaleString('en')} events)`, cleared);
        lines.push(formatMeasurement(search), formatMeasurement(searchCleared), ratioLine(search, searchCleared));
        lines.push(`timeline page JS heap after GC: ${(await heapMegabytes(page)).toFixed(1)} MB with ${events.toLocaleString('en')} events, ${heapEmpty.toFixed(1)} MB with an empty store`);
      } finally {
        await filled.close();
      }
      report(`ui-browser: extension pages in headless Chromium (${ARTICLES.toLocaleString('en')} articles)`, lines);
    } finally {
      await server.close();
    }
  },
};
