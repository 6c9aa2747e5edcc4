/**
 * The timeline store in real Chromium: the built extension (dist/chrome) is loaded headless, and the store's code
 * (test/e2e/support/inPage.ts) runs in one of its pages against the browser's true IndexedDB, in the extension's
 * origin, like the worker. Same synthetic history as the Node suite (history.ts), filled with addArticles batches.
 *
 * Figures: the fill time; median time to add one article at 0 and at N stored, against a raw idb put of the same
 * analysis; the popup's queries at N against naive scans of the same database; navigator.storage.estimate() and the
 * store's stats(); one article with 10,000 actors. Timings are taken inside the page (performance.now), so no
 * DevTools round trip is counted. For the same figures over fake-indexeddb in Node: `npm run bench store`.
 * `npm run bench store-browser` fills 2,000 articles (a few minutes on a small machine);
 * `STORE_BROWSER_BENCH_ARTICLES=10000 npm run bench store-browser` the full 10,000-article history.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { formatComparison, formatMeasurement, median, report, type BenchSuite, type Measurement } from './harness';
import { CHROMIUM_BIN, DIST_CHROME } from '../../test/e2e/support/paths';
import { inPageBundle } from '../../test/e2e/support/bundle';

/** 2,000 by default: the fill runs at ~20–50 ms per article here, so 10,000 takes several minutes. */
const TOTAL = Number(process.env.STORE_BROWSER_BENCH_ARTICLES ?? 2_000);
const BATCH = 100;
const BENCH_DB = 'bench-timeline';

/** In-page state and helpers, set up once: the store, the generator, a raw idb database, a timing loop. */
const SETUP = `(async () => {
  const store = await anl.TimelineStore.open(indexedDB, { name: ${JSON.stringify(BENCH_DB)} });
  const raw = await anl.openDB('bench-raw', 1, { upgrade(db) { db.createObjectStore('articles', { keyPath: 'id' }); } });
  const rawTimeline = await anl.openDB(${JSON.stringify(BENCH_DB)});
  const next = anl.makeGenerator(42);
  const b = { store, raw, rawTimeline, next, count: 0, rawId: 0 };
  b.addOne = async () => { const a = next(b.count++); await store.addArticle(a.analysis, { url: a.url, readAt: a.readAt }); };
  b.rawPut = async () => { const a = next(1000000 + b.rawId); await raw.put('articles', { id: 'r' + b.rawId++, url: a.url, readAt: a.readAt, analysis: a.analysis }); };
  b.fill = async (target) => {
    const t0 = performance.now();
    while (b.count < target) {
      const items = [];
      for (let i = 0; i < ${BATCH} && b.count < target; i++) { const a = next(b.count++); items.push({ analysis: a.analysis, options: { url: a.url, readAt: a.readAt } }); }
      await store.addArticles(items);
    }
    return performance.now() - t0;
  };
  /** Interleaved A B A B … runs (after warm-up), as the harness's compare() does. */
  b.compare = async (fa, fb, runs, warmup) => {
    for (let i = 0; i < warmup; i++) { await fa(); await fb(); }
    const a = [], c = [];
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now(); await fa(); a.push(performance.now() - t0);
      t0 = performance.now(); await fb(); c.push(performance.now() - t0);
    }
    return [a, c];
  };
  b.actorScan = async (actorId) => {
    const all = await rawTimeline.getAll('events');
    return all.filter((e) => e.actorIds.includes(actorId)).sort((x, y) => x.startDay - y.startDay || x.id.localeCompare(y.id)).slice(0, 50);
  };
  b.naiveSearch = async (query) => {
    const needle = anl.normalizeArabic(query);
    const actors = await rawTimeline.getAll('actors');
    return actors.filter((a) => Object.keys(a.names).some((n) => anl.normalizeArabic(n).includes(needle))).slice(0, 20);
  };
  globalThis.b = b;
})()`;

function pack(name: string, times: number[]): Measurement {
  return { name, runs: times.length, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
}

async function compareInPage(
  page: Page,
  candidate: { name: string; fn: string },
  baseline: { name: string; fn: string },
  runs: number,
  warmup = 2,
): Promise<string[]> {
  const [a, c] = await page.evaluate<[number[], number[]]>(`b.compare(${candidate.fn}, ${baseline.fn}, ${runs}, ${warmup})`);
  const result = { candidate: pack(candidate.name, a), baseline: pack(baseline.name, c), ratio: median(a) / median(c) };
  return [...formatComparison(result), ''];
}

export const suite: BenchSuite = {
  name: 'store-browser',
  skip() {
    if (!existsSync(CHROMIUM_BIN)) return `no Chromium at ${CHROMIUM_BIN} (apt-get install -y chromium, or set CHROMIUM_BIN)`;
    if (!existsSync(join(DIST_CHROME, 'manifest.json'))) return 'dist/chrome is missing: run `npm run build` first';
    return undefined;
  },
  async run() {
    const profile = await mkdtemp(join(tmpdir(), 'anl-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(worker.url()).host}/src/ui/options/index.html`);
      await page.evaluate(await inPageBundle());
      await page.evaluate(SETUP);
      const version = context.browser()?.version() ?? (await page.evaluate<string>('navigator.userAgent'));

      // ---------- adding ----------
      const lines: string[] = [`Chromium: ${version}`, ''];
      const addAt = async (label: string) =>
        lines.push(
          ...(await compareInPage(
            page,
            { name: `addArticle at ${label} stored`, fn: 'b.addOne' },
            { name: 'baseline: raw idb put of the analysis', fn: 'b.rawPut' },
            21,
          )),
        );
      await addAt('0');
      const fillMs = await page.evaluate<number>(`b.fill(${TOTAL})`);
      const stored = await page.evaluate<number>('b.count');
      await addAt(stored.toLocaleString('en'));
      lines.push(
        `fill to ${stored.toLocaleString('en')} articles in batches of ${BATCH} (addArticles, one transaction each): ${(fillMs / 1000).toFixed(1)} s, ` +
          `${(fillMs / stored).toFixed(1)} ms per article`,
      );
      report('store-browser: adding articles (real IndexedDB, Chromium)', lines);

      // ---------- the popup's queries ----------
      const ids = await page.evaluate<{ top: { id: string; name: string; articleCount: number }; person: { id: string; name: string; articleCount: number } }>(`(async () => {
        let top, person;
        const index = b.rawTimeline.transaction('actors').store.index('byArticleCount');
        for (let c = await index.openCursor(null, 'prev'); c && !(top && person); c = await c.continue()) {
          top ??= c.value;
          if (!person && (c.value.types.PERSON || 0) > 0) person = c.value;
        }
        const pick = (a) => ({ id: a.id, name: a.name, articleCount: a.articleCount });
        return { top: pick(top), person: pick(person) };
      })()`);
      const q: string[] = [];
      q.push(
        ...(await compareInPage(
          page,
          { name: `one actor's timeline, page of 50 (${ids.top.name}, ${ids.top.articleCount} articles)`, fn: `() => b.store.getTimeline({ actorId: ${JSON.stringify(ids.top.id)}, limit: 50 })` },
          { name: 'baseline: scan all events, filter, sort', fn: `() => b.actorScan(${JSON.stringify(ids.top.id)})` },
          7,
          1,
        )),
      );
      q.push(
        ...(await compareInPage(
          page,
          { name: `one person's card (${ids.person.name}, ${ids.person.articleCount} articles)`, fn: `() => b.store.getActorCard(${JSON.stringify(ids.person.id)})` },
          { name: 'baseline: scan all events, filter, sort', fn: `() => b.actorScan(${JSON.stringify(ids.person.id)})` },
          7,
          1,
        )),
      );
      q.push(
        ...(await compareInPage(
          page,
          { name: 'full timeline, first page of 50 (by date)', fn: '() => b.store.getTimeline({ limit: 50 })' },
          { name: 'baseline: raw getAll of 50 events by the date index (no joins)', fn: `() => b.rawTimeline.getAllFromIndex('events', 'byDay', undefined, 50)` },
          15,
        )),
      );
      q.push(
        ...(await compareInPage(
          page,
          { name: 'searchActors("بايد")', fn: `() => b.store.searchActors('بايد')` },
          { name: 'baseline: scan all actors, normalise, includes', fn: `() => b.naiveSearch('بايد')` },
          7,
          1,
        )),
      );
      const getArticle = await page.evaluate<number[]>(`(async () => {
        const url = anl.makeGenerator(42)(0).url;
        const times = [];
        for (let i = 0; i < 23; i++) { const t0 = performance.now(); await b.store.getArticle(url); if (i >= 2) times.push(performance.now() - t0); }
        return times;
      })()`);
      q.push(formatMeasurement(pack('getArticle(tab URL) for the popup', getArticle)));
      report(`store-browser: popup queries at ${stored.toLocaleString('en')} articles (real IndexedDB, Chromium)`, q);

      // ---------- size ----------
      const size = await page.evaluate<{ estimate: { usage?: number; quota?: number }; sampled: { approxBytes: number; articles: number; actors: number; mentions: number; events: number }; exact: number; exactMs: number }>(`(async () => {
        const estimate = await navigator.storage.estimate();
        const sampled = await b.store.stats();
        const t0 = performance.now();
        const exact = await b.store.stats({ exact: true });
        return { estimate: { usage: estimate.usage, quota: estimate.quota }, sampled, exact: exact.approxBytes, exactMs: performance.now() - t0 };
      })()`);
      const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1_048_576).toFixed(1)} MiB`);
      report('store-browser: storage size', [
        `articles ${size.sampled.articles.toLocaleString('en')}, actors ${size.sampled.actors.toLocaleString('en')}, mentions ${size.sampled.mentions.toLocaleString('en')}, events ${size.sampled.events.toLocaleString('en')}`,
        `navigator.storage.estimate(): usage ${mb(size.estimate.usage)} of quota ${mb(size.estimate.quota)} (the extension's whole origin: the timeline plus the raw baseline database of ${await page.evaluate<number>('b.rawId')} articles)`,
        `store stats(): ${mb(size.sampled.approxBytes)} sampled estimate, ${mb(size.exact)} exact JSON (UTF-8) in ${(size.exactMs / 1000).toFixed(1)} s; per article ${(size.exact / size.sampled.articles / 1024).toFixed(1)} KiB`,
      ]);

      // ---------- one pathological article ----------
      const hugeMs = await page.evaluate<number>(`(async () => {
        const n = 10000;
        const analysis = {
          isArticle: true, lang: 'ar', title: 'صفحة ضخمة', published: '2024-01-01', site: 'huge.example', text: 'نص',
          actors: Array.from({ length: n }, (_, i) => ({ id: 'a' + (i + 1), name: 'شخص ' + i, type: 'PERSON', aliases: [], mentions: [{ start: 0, end: 1, text: 'ن' }] })),
          dates: [], events: [], summary: [],
        };
        const s = await anl.TimelineStore.open(indexedDB, { name: 'bench-huge' });
        const t0 = performance.now();
        await s.addArticle(analysis, { url: 'https://huge.example/1' });
        const ms = performance.now() - t0;
        s.close();
        return ms;
      })()`);
      report('store-browser: one article with 10,000 actors', [`addArticle into an empty timeline: ${(hugeMs / 1000).toFixed(1)} s (single run)`]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  },
};
