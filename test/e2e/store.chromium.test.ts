/**
 * The timeline store inside the built extension (dist/chrome) in headless Chromium: what survives the worker being
 * stopped mid-ingest, a schema upgrade and a full disk; what bad input does; and that nothing goes over the network.
 * Articles are generated Arabic pages (support/articles.ts) served from 127.0.0.1. The store's own code is also run
 * in an extension page (support/inPage.ts) to write a version-1 database and to feed input no page could produce.
 * The tests run in order and share one browser; each says what it expects the database to hold.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { startPageServer, type PageServer } from './support/server';
import { waitFor } from './support/poll';
import { CHROMIUM_BIN, DIST_CHROME, requireFile, chromiumExtensionArgs } from './support/paths';
import { call, FIND_TAB_BY_URL, SEND_MESSAGE, type FoundTab } from './support/probes';
import { generatedArticle, generatedRoutes } from './support/articles';
import { inPageBundle } from './support/bundle';
import {
  DELETE_TIMELINE,
  FAIL_PUTS_WITH_QUOTA,
  INSPECT_TIMELINE,
  LISTEN_FOR_PAUSE,
  PAUSE_MID_INGEST,
  type TimelineInspection,
} from './support/storeProbes';

const OPTIONS = 'src/ui/options/index.html';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string } | { dropped: true; error?: string };

interface SeenRequest {
  url: string;
  fromWorker: boolean;
}

describe('Chromium: the timeline store in the real extension', () => {
  let server: PageServer;
  let profileDir: string;
  let context: BrowserContext;
  let extensionId: string;
  let probe: Page;
  /** Every request any page, frame or service worker of the context issued (playwright reports worker requests too). */
  const requests: SeenRequest[] = [];
  /** What the test itself asked the server for (navigations and the recorder's positive controls). */
  const asked = new Set<string>();
  const articleTabs = new Map<number, Page>();

  const extensionUrl = (path: string): string => `chrome-extension://${extensionId}/${path}`;
  const send = <T>(name: string, payload: unknown): Promise<Reply<T>> => probe.evaluate<Reply<T>>(call(SEND_MESSAGE, [name, payload]));
  const inspect = (): Promise<TimelineInspection> => probe.evaluate<TimelineInspection>(`(${INSPECT_TIMELINE})()`);
  const status = async (url: string): Promise<FoundTab['status'] | undefined> =>
    ((await probe.evaluate(call(FIND_TAB_BY_URL, url))) as FoundTab | undefined)?.status;

  /** The store's code in the probe page (again after a reload). */
  async function withStoreCode(): Promise<void> {
    if (await probe.evaluate('typeof globalThis.anl === "object"')) return;
    await probe.evaluate(await inPageBundle());
  }

  /**
   * The running worker, woken by a ping if it was stopped. (Playwright keeps one Worker handle across restarts and
   * evaluates in whichever instance runs now.)
   */
  async function liveWorker(): Promise<Worker> {
    const reply = await send('ping', {});
    assert.ok('ok' in reply && reply.ok, 'the worker answers');
    return waitFor('the service worker', () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)));
  }

  async function stopWorker(): Promise<void> {
    const cdp = await context.newCDPSession(probe);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  async function openArticle(n: number): Promise<{ page: Page; url: string; canonicalUrl: string; title: string }> {
    const article = generatedArticle(n);
    const url = server.url(article.path);
    asked.add(url);
    const page = await context.newPage();
    await page.goto(url);
    return { page, url, canonicalUrl: article.canonicalUrl, title: article.title };
  }

  /** The content script got the analysis back and the worker kept it without a store error. */
  async function acknowledged(url: string): Promise<boolean> {
    const found = (await probe.evaluate(call(FIND_TAB_BY_URL, url))) as FoundTab | undefined;
    if (!found?.status.analyzed) return false;
    const reply = await send<{ storeError?: string }>('getTabAnalysis', { tabId: found.tabId });
    return 'ok' in reply && reply.ok && reply.value.storeError === undefined;
  }

  function assertConsistent(state: TimelineInspection): void {
    assert.deepEqual(state.problems, [], 'the database is consistent');
    assert.equal(state.counts.articles, state.counts.analyses);
  }

  before(async () => {
    requireFile(CHROMIUM_BIN, 'install Debian chromium (apt-get install -y chromium) or set CHROMIUM_BIN');
    requireFile(join(DIST_CHROME, 'manifest.json'), 'run `npm run build` first');
    server = await startPageServer({ generated: generatedRoutes });
    profileDir = await mkdtemp(join(tmpdir(), 'anl-store-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      args: chromiumExtensionArgs(DIST_CHROME),
    });
    context.on('request', (request: Request) => requests.push({ url: request.url(), fromWorker: request.serviceWorker() !== null }));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    probe = await context.newPage();
    await probe.goto(extensionUrl(OPTIONS));
    await withStoreCode();
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  test('a version-1 database with data is upgraded in place by the extension and keeps everything', async () => {
    await probe.evaluate(`(${DELETE_TIMELINE})()`);
    // Version 1 as it was written: the analysis inside the article record, actors found by exact spelling.
    await probe.evaluate(`(async () => {
      const db = await anl.openTimelineDB(indexedDB, anl.DB_NAME, 1);
      const text = 'قالت الولايات المتحدة أمس إن أمريكا تدعم الاتفاق. وفي 1 أيار 2022 وقع حدث قديم.';
      const analysis = {
        isArticle: true, lang: 'ar', title: 'خبر قديم', published: '2022-05-02', site: 'old.example', text,
        actors: [{ id: 'a1', name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا'], mentions: [{ start: 5, end: 21, text: 'الولايات المتحدة' }] }],
        dates: [{ start: 52, end: 63, text: '1 أيار 2022', value: '2022-05-01', grain: 'day' }],
        events: [{ date: '2022-05-01', grain: 'day', text: 'وقع حدث قديم.', start: 64, end: 77, actors: ['a1'] }],
        summary: [{ start: 0, end: 10, text: text.slice(0, 10) }],
      };
      const day = Date.UTC(2022, 4, 1) / 86400000;
      const tx = db.transaction(['articles', 'actors', 'mentions', 'events'], 'readwrite');
      await tx.objectStore('articles').put({ id: 'art_v1', canonicalUrl: 'https://old.example/news/1', url: 'https://old.example/news/1',
        urls: ['https://old.example/news/1', 'https://mirror.example/1'], title: 'خبر قديم', site: 'old.example', published: '2022-05-02',
        lang: 'ar', summary: [], textHash: 'v1hash', readAt: 500, firstReadAt: 500, updatedAt: 500, analysis });
      await tx.objectStore('actors').put({ id: 'act_v1', name: 'الولايات المتحدة', types: { LOC: 1 }, names: { 'الولايات المتحدة': 1, 'أمريكا': 1 },
        primaryNames: { 'الولايات المتحدة': 1 }, roles: {}, articleCount: 1, firstSeen: 500, lastSeen: 500, createdAt: 500,
        spellings: ['الولايات المتحدة', 'أمريكا'] });
      await tx.objectStore('mentions').put({ actorId: 'act_v1', articleId: 'art_v1', seenAt: 500,
        locals: [{ localId: 'a1', name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا'], roles: [], mentionCount: 2, offsets: [] }] });
      await tx.objectStore('events').put({ id: 'art_v1#0', articleId: 'art_v1', index: 0, date: '2022-05-01', grain: 'day', startDay: day, endDay: day,
        text: 'وقع حدث قديم.', actorIds: ['act_v1'], localActorIds: ['a1'], main: false, score: 0, site: 'old.example' });
      await tx.done;
      db.close();
    })()`);
    assert.equal((await probe.evaluate<{ version: number } | undefined>(`indexedDB.databases().then((l) => l.find((d) => d.name === anl.DB_NAME))`))?.version, 1);

    // The worker opens the database on the first question about the timeline; ask in a spelling only v2 can match.
    await stopWorker();
    const card = await send<{ actor: { id: string; name: string; articleCount: number; aliases: string[] } } | null>('getActorCard', { name: 'امريكا' });
    assert.ok('ok' in card && card.ok, `getActorCard answered: ${JSON.stringify(card)}`);
    assert.equal(card.value?.actor.id, 'act_v1', 'the migrated actor is found by a hamza-folded spelling');
    assert.equal(card.value?.actor.articleCount, 1);

    const state = await inspect();
    assert.equal(state.version, 2, 'the worker upgraded the database to version 2');
    assertConsistent(state);
    assert.deepEqual(state.counts, { articles: 1, analyses: 1, actors: 1, mentions: 1, events: 1 });
    const migrated = await probe.evaluate<{ title: string; actorTimeline: string[]; mirror: string | undefined }>(`(async () => {
      const store = await anl.TimelineStore.open(indexedDB);
      try {
        const stored = await store.getArticle('https://old.example/news/1');
        const timeline = await store.getTimeline({ actorId: 'act_v1' });
        const mirror = await store.getArticle('https://mirror.example/1');
        return { title: stored.analysis.title, actorTimeline: timeline.events.map((e) => e.text), mirror: mirror && mirror.article.id };
      } finally { store.close(); }
    })()`);
    assert.deepEqual(migrated, { title: 'خبر قديم', actorTimeline: ['وقع حدث قديم.'], mirror: 'art_v1' });
    await probe.evaluate(`(${DELETE_TIMELINE})()`);
  });

  test('stopping the worker in the middle of ingesting, repeatedly, loses and duplicates nothing', async () => {
    assert.equal((await inspect()).counts.articles, 0, 'starts from an empty timeline');
    await probe.evaluate(`(${LISTEN_FOR_PAUSE})()`);
    const opened: Array<{ n: number; url: string; canonicalUrl: string; page: Page }> = [];
    const interrupted: string[] = [];
    let n = 0;
    // Three rounds: one article read normally, then two opened while the worker is held inside the first one's
    // ingest transaction (its actors, mentions and events written, the article record not yet) and stopped there.
    for (let round = 0; round < 3; round++) {
      const normal = await openArticle(n++);
      opened.push({ n: n - 1, ...normal });
      await waitFor(`article ${n - 1} acknowledged`, () => acknowledged(normal.url));

      const worker = await liveWorker();
      await worker.evaluate(`(${PAUSE_MID_INGEST})()`);
      await probe.evaluate(`globalThis.anlPausedAt = undefined`);
      for (let k = 0; k < 2; k++) {
        const a = await openArticle(n++);
        opened.push({ n: n - 1, ...a });
      }
      const pausedAt = await waitFor('the worker paused inside an ingest', () => probe.evaluate<string | undefined>('globalThis.anlPausedAt'));
      interrupted.push(pausedAt);
      await stopWorker();
    }
    // And once more without a pause: stopped while articles are being read and analysed, wherever that is.
    for (let k = 0; k < 2; k++) {
      const a = await openArticle(n++);
      opened.push({ n: n - 1, ...a });
    }
    await stopWorker();

    const acked = new Set<string>();
    for (const a of opened) if (await acknowledged(a.url)) acked.add(a.canonicalUrl);
    const afterKills = await inspect();
    assertConsistent(afterKills);
    const stored = afterKills.articles.map((a) => a.canonicalUrl);
    for (const url of acked) assert.equal(stored.filter((s) => s === url).length, 1, `acknowledged ${url} is stored exactly once`);
    // The content script retries an unanswered request once, so an interrupted article may since have been stored
    // whole by a later worker; what must never be there is a part of one (assertConsistent: no orphan actors,
    // mentions or events) or a second copy.
    for (const url of interrupted) {
      assert.ok(stored.filter((s) => s === url).length <= 1, `the transaction stopped mid-way left no partial or second copy of ${url}`);
    }
    const firstReads = new Map(afterKills.articles.map((a) => [a.canonicalUrl, a.firstReadAt]));

    // Re-visiting every article (read or not) stores the rest once and updates the others in place.
    for (const a of opened) {
      asked.add(a.url);
      await a.page.reload();
    }
    for (const a of opened) await waitFor(`article ${a.n} acknowledged after the re-visit`, () => acknowledged(a.url));
    const final = await inspect();
    assertConsistent(final);
    assert.equal(final.counts.articles, opened.length, `${opened.length} articles, each once`);
    assert.deepEqual(new Set(final.articles.map((a) => a.canonicalUrl)), new Set(opened.map((a) => a.canonicalUrl)));
    for (const [url, firstReadAt] of firstReads) {
      assert.equal(final.articles.find((a) => a.canonicalUrl === url)?.firstReadAt, firstReadAt, `${url} updated in place, not re-added`);
    }
    for (const a of opened) articleTabs.set(a.n, a.page);
  });

  test('a full disk: the reader is told the article was not kept, and what was stored stays', async () => {
    const before = await inspect();
    assert.ok(before.counts.articles > 0);
    const worker = await liveWorker();
    await worker.evaluate(`(${FAIL_PUTS_WITH_QUOTA})()`);
    const article = await openArticle(50);
    const found = await waitFor('the content script of the article', () => probe.evaluate<FoundTab | undefined>(call(FIND_TAB_BY_URL, article.url)));
    const reply = await waitFor('the tab analysis with its store error', async () => {
      const r = await send<{ status: string; analysis: { title: string } | null; storeError?: string }>('getTabAnalysis', { tabId: found.tabId });
      return 'ok' in r && r.ok && r.value.status === 'analyzed' ? r.value : undefined;
    });
    assert.match(reply.storeError ?? '', /storage is full: this article was not added to the timeline \(what was stored before is kept\)/);
    assert.ok(reply.analysis, 'the page still has its analysis');
    const during = await inspect();
    assertConsistent(during);
    assert.deepEqual(during.articles, before.articles, 'nothing stored before changed');
    assert.deepEqual(during.counts, before.counts);

    // A fresh worker (the disk has room again) keeps the article when it is read again.
    await stopWorker();
    asked.add(article.url);
    await article.page.reload();
    await waitFor('the article stored after the re-visit', () => acknowledged(article.url));
    const later = await inspect();
    assert.equal(later.counts.articles, before.counts.articles + 1);
  });

  test('junk from a content script and messages from the web page are dropped; non-Arabic text is not stored', async () => {
    const before = await inspect();
    const page = articleTabs.get(0)!;
    const url = page.url();
    // The content script's isolated world: the only place besides our pages that can message the worker.
    const cdp = await context.newCDPSession(page);
    const worlds: Array<{ id: number; origin: string; name: string }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push({ id: c.id, origin: c.origin, name: c.name }));
    await cdp.send('Runtime.enable');
    const world = await waitFor('the content script world', () => worlds.find((w) => w.origin === `chrome-extension://${extensionId}`));
    const fromContentScript = async (message: unknown): Promise<unknown> => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => r === undefined ? { dropped: true } : r, (e) => ({ dropped: true, error: String(e) }))`,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      assert.equal(exceptionDetails, undefined);
      return result.value;
    };
    const channel = 'arabic-news-lens';
    const article = { url, canonicalUrl: '', title: 'عنوان', published: '', site: 'x', lang: 'ar', text: 'نص' };
    for (const junk of [
      { channel, name: 'analyzeArticle', payload: { article: { ...article, url: 'not a url' } } },
      { channel, name: 'analyzeArticle', payload: { article: { ...article, text: '' } } },
      { channel, name: 'analyzeArticle', payload: { article: { ...article, published: '2026-13-45' } } },
      { channel, name: 'analyzeArticle', payload: { article, extra: 1 } },
      // Only extension pages may read a tab's analysis: a page's content script cannot ask for another tab's.
      { channel, name: 'getTabAnalysis', payload: { tabId: 1 } },
      { channel, name: 'getActorCard', payload: { name: 'x'.repeat(5000) } },
      { channel: 'other', name: 'ping', payload: {} },
    ]) {
      assert.deepEqual(await fromContentScript(junk), { dropped: true }, `dropped: ${JSON.stringify(junk).slice(0, 120)}`);
    }
    // A well-formed request whose text is English, though it claims lang "ar": analysed, but not kept.
    const english = 'The city council approved the new budget on Tuesday after a long debate about schools and roads. '.repeat(20);
    const reply = (await fromContentScript({ channel, name: 'analyzeArticle', payload: { article: { ...article, canonicalUrl: 'http://127.0.0.1/english-in-disguise', text: english } } })) as {
      ok: boolean;
    };
    assert.equal(reply.ok, true, 'the content script still gets an analysis');
    await cdp.detach();

    // The page's own world has no channel to the extension (no externally_connectable).
    const fromPage = await page.evaluate(`(async () => {
      if (!globalThis.chrome || !chrome.runtime || !chrome.runtime.sendMessage) return 'no chrome.runtime.sendMessage in the page';
      try { await chrome.runtime.sendMessage(${JSON.stringify(extensionId)}, { channel: 'arabic-news-lens', name: 'ping', payload: {} }); return 'answered'; }
      catch (e) { return 'refused: ' + e.message; }
    })()`);
    assert.notEqual(fromPage, 'answered');

    const afterJunk = await inspect();
    assert.deepEqual(afterJunk.articles, before.articles, 'nothing was added or changed');
    assert.deepEqual(afterJunk.counts, before.counts);
    const ping = await send<{ pong: boolean }>('ping', {});
    assert.ok('ok' in ping && ping.ok, 'the worker still answers');
  });

  test('an article with 10,000 actors is stored in bounds and deleted whole; one with 60,000 is refused', async () => {
    const before = await inspect();
    const result = await probe.evaluate<{ stored: number; card: string | null; refused: string; deleted: number }>(`(async () => {
      const huge = (n) => ({
        isArticle: true, lang: 'ar', title: 'صفحة بعشرة آلاف فاعل', published: '2026-10-01', site: 'huge.example', text: 'نص ' + n,
        actors: Array.from({ length: n }, (_, i) => ({ id: 'a' + (i + 1), name: 'شخص' + i + ' الكبير', type: 'PERSON', aliases: [], mentions: [{ start: 0, end: 2, text: 'نص' }] })),
        dates: [], events: [], summary: [],
      });
      const store = await anl.TimelineStore.open(indexedDB);
      try {
        await store.addArticle(huge(10000), { url: 'https://huge.example/10k' });
        const stats = await store.stats();
        let refused = '';
        try { await store.addArticle(huge(60000), { url: 'https://huge.example/60k' }); } catch (e) { refused = e.code + ': ' + e.message; }
        const { removedActors } = await store.deleteArticle('https://huge.example/10k');
        return { stored: stats.actors, card: null, refused, deleted: removedActors };
      } finally { store.close(); }
    })()`);
    assert.equal(result.stored, before.counts.actors + 10_000, 'all 10,000 actors were stored');
    assert.match(result.refused, /^invalid-input: .*actors.*has too many actors/);
    assert.equal(result.deleted, 10_000, 'deleting the article removed the actors only it brought');
    const after = await inspect();
    assertConsistent(after);
    assert.deepEqual(after.articles, before.articles);
    assert.deepEqual(after.counts, before.counts);
  });

  test('an import file that is truncated, foreign or of another version is refused with its reason; nothing is lost', async () => {
    const before = await inspect();
    const outcomes = await probe.evaluate<Record<string, string>>(`(async () => {
      const store = await anl.TimelineStore.open(indexedDB);
      try {
        const exported = JSON.stringify(await store.exportJSON());
        const timelineJs = await store.exportTimelineJS();
        const files = {
          truncated: exported.slice(0, Math.floor(exported.length / 2)),
          foreign: JSON.stringify({ title: 'my bookmarks', items: [1, 2, 3] }),
          timelineJs: JSON.stringify(timelineJs),
          futureVersion: JSON.stringify({ ...JSON.parse(exported), version: 999 }),
          damagedArticle: JSON.stringify({ ...JSON.parse(exported), articles: [{ ...JSON.parse(exported).articles[0], analysis: { isArticle: true } }] }),
          empty: '',
        };
        const out = {};
        for (const [name, file] of Object.entries(files)) {
          try { await store.importJSON(file); out[name] = 'accepted'; } catch (e) { out[name] = e.code + ': ' + e.message; }
        }
        return out;
      } finally { store.close(); }
    })()`);
    for (const [name, outcome] of Object.entries(outcomes)) {
      assert.match(outcome, /^invalid-import: \S/, `${name} refused as an invalid import: ${outcome}`);
    }
    const after = await inspect();
    assert.deepEqual(after.articles, before.articles, 'nothing stored was changed');
    assert.deepEqual(after.counts, before.counts);
  });

  test('nothing is stored from an English page, an Arabic home page or an Arabic section listing', async () => {
    const before = await inspect();
    for (const [path, expectArabic] of [['/english-page.html', false], ['/', true], ['/section/politics', true]] as const) {
      const url = server.url(path);
      asked.add(url);
      const page = await context.newPage();
      await page.goto(url);
      const seen = await waitFor(`the content script's verdict on ${path}`, async () => {
        const s = await status(url);
        return s && (s.isArticle !== null || !s.arabic) ? s : undefined;
      });
      assert.equal(seen.arabic, expectArabic, `${path} read as ${expectArabic ? 'Arabic' : 'not Arabic'}`);
      assert.notEqual(seen.isArticle, true, `${path} is not an article (${seen.reason})`);
      assert.equal(seen.analyzed, false);
      await page.close();
    }
    const after = await inspect();
    assert.deepEqual(after.articles, before.articles);
    assert.deepEqual(after.counts, before.counts);
  });

  test('no network request at all: every request was the test’s own page load or the extension’s own files', async () => {
    // Positive controls: the recorder sees requests from a page and from the (restarted) worker.
    const controlPage = server.url('/control/page.html');
    const controlWorker = server.url('/control/worker.html');
    asked.add(controlPage).add(controlWorker);
    // (Cross-origin without host permission: the response is refused, but the request goes out and must be seen.)
    await probe.evaluate(`fetch(${JSON.stringify(controlPage)}).then((r) => r.status, () => 0)`);
    const worker = await liveWorker();
    await worker.evaluate(`fetch(${JSON.stringify(controlWorker)}).then((r) => r.status, () => 0)`);
    await waitFor('the recorder to see both controls', () =>
      requests.some((r) => r.url === controlPage) && requests.some((r) => r.url === controlWorker && r.fromWorker),
    );

    // Tabs' favicons are fetched by the browser itself, for any page, whatever extension is installed.
    const favicon = server.url('/favicon.ico');
    const strangers = requests.filter((r) => !r.url.startsWith(`chrome-extension://${extensionId}/`) && !asked.has(r.url) && r.url !== favicon);
    assert.deepEqual(strangers, [], 'no request the test did not make itself');
    // The server agrees: it was asked only for what the test loaded (and, from the browser itself, favicons).
    const askedPaths = new Set([...asked].map((u) => new URL(u).pathname));
    const unexpected = server.requests.filter((p) => !askedPaths.has(p) && p !== '/favicon.ico');
    assert.deepEqual(unexpected, []);
  });
});
