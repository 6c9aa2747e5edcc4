/**
 * The timeline store over fake-indexeddb with a synthetic reading history of 10,000 articles
 * (~600 words, 15 actors, 8 dates, 6 events each; actors drawn from a Zipf-like pool so that
 * cross-article merging, bare surnames and spelling variants are exercised).
 *
 * Figures: median time to add one article at 0, 1k and 10k stored articles, against a raw idb
 * `put` of the same record (no merging, no indexes); the popup's queries at 10k against naive
 * scans that do the same job without the store's indexes; the storage size; the build time.
 * `STORE_BENCH_ARTICLES=2000 npm run bench store` runs a smaller history.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { performance } from 'node:perf_hooks';
import { compare, formatComparison, formatMeasurement, measure, report, type BenchSuite } from './harness';
import { TimelineStore } from '../../src/background/store';
import type { Analysis } from '../../src/nlp/types';
import { makeGenerator } from './history';
import { normalizeArabic } from '../../src/nlp/text/normalize';

export { makeGenerator }; // the generator lives in history.ts (no Node API, so the browser bench can bundle it)

// ---------- the suite ----------

const TOTAL = Number(process.env.STORE_BENCH_ARTICLES ?? 10_000);
const BATCH = 100;

export const suite: BenchSuite = {
  name: 'store',
  async run() {
    // The global fake `indexedDB`, so the naive baselines (idb's openDB) read the very same database.
    const store = await TimelineStore.open(indexedDB, { name: 'bench-timeline' });
    const raw = await openDB('bench-raw', 1, {
      upgrade(db) {
        db.createObjectStore('articles', { keyPath: 'id' });
      },
    });
    const next = makeGenerator(42);
    let count = 0;
    let rawId = 0;
    const addOne = async () => {
      const a = next(count++);
      await store.addArticle(a.analysis, { url: a.url, readAt: a.readAt });
    };
    const rawPut = async () => {
      const a = next(1_000_000 + rawId);
      await raw.put('articles', { id: `r${rawId++}`, url: a.url, readAt: a.readAt, analysis: a.analysis });
    };
    const lines: string[] = [];
    const addAt = async (label: string) => {
      const r = await compare(
        { name: `addArticle at ${label} stored`, fn: addOne },
        { name: 'baseline: raw idb put of the analysis', fn: rawPut },
        { runs: 21, warmup: 2 },
      );
      lines.push(...formatComparison(r), '');
    };
    let built = 0;
    const buildTo = async (target: number) => {
      while (count < target) {
        const items = [];
        for (let i = 0; i < BATCH && count < target; i++) {
          const a = next(count++);
          built++;
          items.push({ analysis: a.analysis, options: { url: a.url, readAt: a.readAt } });
        }
        await store.addArticles(items);
        if (count % 1_000 === 0) process.stderr.write(`store bench: ${count.toLocaleString('en')} articles stored\n`);
      }
    };

    await addAt('0');
    // Wall time suffers when the machine is shared; CPU time says what the build itself costs.
    const cpu0 = process.cpuUsage();
    let t0 = performance.now();
    await buildTo(Math.min(1_000, TOTAL));
    const firstK = performance.now() - t0;
    await addAt(count.toLocaleString('en'));
    t0 = performance.now();
    await buildTo(TOTAL);
    const rest = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    await addAt(count.toLocaleString('en'));
    report(`store: adding articles (fake-indexeddb, Node)`, [
      ...lines,
      `build of ${built.toLocaleString('en')} articles in batches of ${BATCH} (one transaction each): ${((firstK + rest) / 1000).toFixed(1)} s ` +
        `(first 1,000: ${(firstK / 1000).toFixed(1)} s, rest: ${(rest / 1000).toFixed(1)} s); CPU time ${cpuSeconds.toFixed(1)} s, ` +
        `${((cpuSeconds * 1000) / built).toFixed(1)} ms CPU per article`,
    ]);

    // ---------- the popup's queries at full size ----------
    const q: string[] = [];
    // The naive baselines read the same database without the store's indexes.
    const rawTimeline = await openDB('bench-timeline');
    // The most frequent actor, and the most frequent person, by the actors' article counts.
    const byCount = rawTimeline.transaction('actors').store.index('byArticleCount');
    let topId: string | undefined;
    let personId: string | undefined;
    for (let c = await byCount.openCursor(null, 'prev'); c && !(topId && personId); c = await c.continue()) {
      const rec = c.value as { id: string; types: Record<string, number> };
      topId ??= rec.id;
      if (!personId && (rec.types.PERSON ?? 0) > 0) personId = rec.id;
    }
    const top = (await store.getActorCard(topId!))!.actor;
    const person = (await store.getActorCard(personId!))!.actor;
    const actorScan = async (actorId: string) => {
      const all = (await rawTimeline.getAll('events')) as Array<{ actorIds: string[]; startDay: number; id: string }>;
      return all.filter((e) => e.actorIds.includes(actorId)).sort((a, b) => a.startDay - b.startDay || a.id.localeCompare(b.id)).slice(0, 50);
    };
    let r = await compare(
      { name: `one actor's timeline, page of 50 (${top.name}, ${top.articleCount} articles)`, fn: () => store.getTimeline({ actorId: top.id, limit: 50 }) },
      { name: 'baseline: scan all events, filter, sort', fn: () => actorScan(top.id) },
      { runs: 7, warmup: 1 },
    );
    q.push(...formatComparison(r), '');
    r = await compare(
      { name: `one person's card (${person.name}, ${person.articleCount} articles)`, fn: () => store.getActorCard(person.id) },
      { name: 'baseline: scan all events, filter, sort', fn: () => actorScan(person.id) },
      { runs: 7, warmup: 1 },
    );
    q.push(...formatComparison(r), '');
    r = await compare(
      { name: 'full timeline, first page of 50 (by date)', fn: () => store.getTimeline({ limit: 50 }) },
      { name: 'baseline: raw getAll of 50 events by the date index (no joins)', fn: () => rawTimeline.getAllFromIndex('events', 'byDay', undefined, 50) },
      { runs: 15 },
    );
    q.push(...formatComparison(r), '');
    const naiveSearch = async (query: string) => {
      const needle = normalizeArabic(query);
      const actors = (await rawTimeline.getAll('actors')) as Array<{ names: Record<string, number> }>;
      return actors.filter((a) => Object.keys(a.names).some((n) => normalizeArabic(n).includes(needle))).slice(0, 20);
    };
    r = await compare(
      { name: 'searchActors("بايد")', fn: () => store.searchActors('بايد') },
      { name: 'baseline: scan all actors, normalise, includes', fn: () => naiveSearch('بايد') },
      { runs: 7, warmup: 1 },
    );
    q.push(...formatComparison(r), '');
    const someUrl = next(0).url; // url of article 0 (the generator is deterministic per index)
    q.push(formatMeasurement(await measure('getArticle(tab URL) for the popup', () => store.getArticle(someUrl), { runs: 21 })));
    report(`store: popup queries at ${count.toLocaleString('en')} articles`, q);

    // ---------- size ----------
    t0 = performance.now();
    const stats = await store.stats({ exact: true });
    const statsMs = performance.now() - t0;
    const sampledStats = await measure('stats() (sampled size estimate)', () => store.stats(), { runs: 5, warmup: 1 });
    const sampled = await store.stats();
    let analysisBytes = 0;
    const encoder = new TextEncoder();
    for (let c = await rawTimeline.transaction('analyses').store.openCursor(); c; c = await c.continue()) {
      analysisBytes += encoder.encode(JSON.stringify((c.value as { analysis: unknown }).analysis)).length;
    }
    const mb = (b: number) => `${(b / 1_048_576).toFixed(1)} MiB`;
    report('store: storage size', [
      `articles ${stats.articles.toLocaleString('en')}, actors ${stats.actors.toLocaleString('en')}, mentions ${stats.mentions.toLocaleString('en')}, events ${stats.events.toLocaleString('en')}`,
      `stored bytes (exact JSON, UTF-8): ${mb(stats.approxBytes)}; the analyses alone: ${mb(analysisBytes)}; ratio ${(stats.approxBytes / analysisBytes).toFixed(2)}×; per article ${(stats.approxBytes / stats.articles / 1024).toFixed(1)} KiB`,
      `sampled estimate: ${mb(sampled.approxBytes)} (${((sampled.approxBytes / stats.approxBytes - 1) * 100).toFixed(1)}% off the exact figure)`,
      formatMeasurement(sampledStats),
      `stats({exact: true}) took ${(statsMs / 1000).toFixed(1)} s (a full scan)`,
    ]);
    rawTimeline.close();
    raw.close();
    store.close();
    await hugeArticles();
  },
};

/** One article with N actors: time should grow linearly with N (actors are found by key, not compared pairwise). */
async function hugeArticles(): Promise<void> {
  const lines: string[] = [];
  const huge = (n: number, sharedSurname: boolean): Analysis => ({
    isArticle: true,
    lang: 'ar',
    title: 'صفحة ضخمة',
    published: '2024-01-01',
    site: 'huge.example',
    text: 'نص',
    actors: Array.from({ length: n }, (_, i) => ({
      id: `a${i + 1}`,
      name: sharedSurname ? `شخص${i} بايدن` : `شخص ${i}`,
      type: 'PERSON' as const,
      aliases: sharedSurname ? ['بايدن'] : [],
      mentions: [{ start: 0, end: 1, text: 'ن' }],
    })),
    dates: [],
    events: [],
    summary: [],
  });
  for (const sharedSurname of [false, true]) {
    const times: number[] = [];
    for (const n of [1_000, 10_000]) {
      const s = await TimelineStore.open(indexedDB, { name: `bench-huge-${n}-${sharedSurname}` });
      const t0 = performance.now();
      await s.addArticle(huge(n, sharedSurname), { url: `https://huge.example/${n}` });
      times.push(performance.now() - t0);
      s.close();
      lines.push(`one article with ${n.toLocaleString('en').padStart(6)} actors${sharedSurname ? ', all sharing one surname' : ''}: ${(times.at(-1)! / 1000).toFixed(2)} s (single run)`);
    }
    lines.push(`ratio 10,000 / 1,000 actors: ${(times[1]! / times[0]!).toFixed(1)}× (linear would be 10×)`, '');
  }
  report('store: bounded ingest of pathological articles', lines);
}
