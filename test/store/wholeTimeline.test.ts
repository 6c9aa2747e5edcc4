// The timeline page reads the whole timeline once and filters it in memory (src/ui/timeline/timelineIndex.ts);
// these tests hold that reading and that filtering to what the store's own paged query answers.
import { wrap, type IDBPDatabase } from 'idb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelineEvent, TimelineQuery, TimelineStore } from '../../src/background/store';
import { buildTimelineIndex, filterTimeline } from '../../src/ui/timeline/timelineIndex';
import { freshStore, makeAnalysis, url } from './helpers';

let store: TimelineStore;

async function paged(query: TimelineQuery = {}): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.getTimeline({ ...query, limit: 2, ...(cursor ? { cursor } : {}) });
    events.push(...page.events);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

const ids = (events: readonly TimelineEvent[]) => events.map((e) => e.id).sort();

beforeAll(async () => {
  ({ store } = await freshStore());
  await store.addArticle(
    makeAnalysis({
      title: 'محادثات مسقط',
      site: 'a.example',
      actors: [
        { name: 'عباس عراقجي', aliases: ['عراقجي'], role: 'وزير الخارجية الإيراني' },
        { name: 'إيران', type: 'LOC' },
        { name: 'سلطنة عمان', type: 'LOC', aliases: ['عمان'] },
      ],
      events: [
        { date: '2024-03-14', text: 'التقى عراقجي بالوسطاء في مسقط.', actors: ['عباس عراقجي', 'سلطنة عمان'] },
        { date: '2024-03', grain: 'month', text: 'جولات المحادثات خلال آذار.', actors: ['إيران'] },
        { date: '2023', grain: 'year', text: 'توقفت المحادثات عام ٢٠٢٣.', actors: ['إيران'] },
      ],
    }),
    { url: url('w1'), readAt: 1_000 },
  );
  await store.addArticle(
    makeAnalysis({
      title: 'زيارة إلى واشنطن',
      site: 'b.example',
      actors: [{ name: 'عراقجي' }, { name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا', 'واشنطن'] }],
      events: [
        { date: '2024-02-01/2024-02-10', grain: 'range', text: 'مفاوضات في أوائل شباط.', actors: ['عراقجي', 'الولايات المتحدة'] },
        { date: '2024-04-02', text: 'وصل الوزير إلى واشنطن.', actors: ['عراقجي'] },
      ],
    }),
    { url: url('w2'), readAt: 2_000 },
  );
  await store.addArticle(
    makeAnalysis({
      title: 'خبر ثالث عن أمريكا',
      site: 'a.example',
      actors: [{ name: 'حركة حماس', type: 'GROUP', aliases: ['حماس'] }],
      events: [{ date: '2024-03-20', text: 'أعلنت حماس موقفها.', actors: ['حركة حماس'] }],
    }),
    { url: url('w3'), readAt: 3_000 },
  );
  const gone = await store.addArticle(
    makeAnalysis({ title: 'مقال محذوف', site: 'c.example', actors: [{ name: 'مجهول' }], events: [{ date: '2024-01-05', text: 'حدث محذوف.', actors: ['مجهول'] }] }),
    { url: url('w4'), readAt: 4_000 },
  );
  await store.deleteArticle(gone.articleId);
});

describe('getWholeTimeline', () => {
  it('returns every event with its actors and article, in the order getTimeline pages them', async () => {
    const whole = await store.getWholeTimeline();
    expect(whole).toEqual(await paged());
    expect(whole).toHaveLength(6);
    expect(whole.some((e) => e.text === 'حدث محذوف.')).toBe(false);
  });

  it('shares one article and one actor object between the events that name them', async () => {
    const whole = await store.getWholeTimeline();
    const fromFirst = whole.filter((e) => e.article.title === 'محادثات مسقط');
    expect(fromFirst).toHaveLength(3);
    expect(fromFirst[1]!.article).toBe(fromFirst[0]!.article);
    const araghchi = whole.flatMap((e) => e.actors).filter((a) => a.name === 'عباس عراقجي');
    expect(araghchi.length).toBeGreaterThan(1);
    expect(new Set(araghchi).size).toBe(1);
  });

  it('is empty for an empty store', async () => {
    const { store: empty } = await freshStore();
    expect(await empty.getWholeTimeline()).toEqual([]);
  });
});

describe('the page’s in-memory filters agree with the store’s query', () => {
  it('for sites, types, actors, date ranges and text in any spelling', async () => {
    const index = buildTimelineIndex(await store.getWholeTimeline());
    const araghchi = (await store.searchActors('عراقجي', 1))[0]!.id;
    const queries: TimelineQuery[] = [
      {},
      { site: 'a.example' },
      { site: 'nowhere.example' },
      { type: 'LOC' },
      { type: 'GROUP' },
      { actorId: araghchi },
      { from: '2024-03-10' },
      { to: '2024-02-05' },
      // A range overlapping a month value and a multi-day range only in part.
      { from: '2024-02-09', to: '2024-03-01' },
      { from: '2024-03-15', to: '2024-03-15' },
      { text: 'المحادثات' },
      // Another spelling (hamza) of a word in a title.
      { text: 'امريكا' },
      { text: 'عراقجى' },
      { site: 'a.example', type: 'LOC', from: '2024-01-01' },
    ];
    for (const query of queries) {
      const inMemory = filterTimeline(index, query);
      expect({ query, ids: ids(inMemory.byStart) }).toEqual({ query, ids: ids(await paged(query)) });
      expect(ids(inMemory.placed.map((p) => p.event))).toEqual(ids(inMemory.byStart));
    }
    expect(index.sites).toEqual(['a.example', 'b.example']);
  });
});

describe('the kept copy of the whole timeline', () => {
  /** The database without the store, at its current version. */
  const openIdb = (name: string, factory: IDBFactory) => wrap(factory.open(name)) as unknown as Promise<IDBPDatabase>;

  /** The copy record and the write count, read straight from the database. */
  async function metaOf(factory: IDBFactory, name: string) {
    const db = await openIdb(name, factory);
    try {
      return { copy: await db.get('meta', 'wholeTimeline'), writes: (await db.get('meta', 'writes'))?.value as number | undefined };
    } finally {
      db.close();
    }
  }

  it('is saved after a bulk read, then served instead of the records, and dropped by any write', async () => {
    const { store: s, factory, name } = await freshStore();
    await s.addArticle(
      makeAnalysis({ title: 'أول', site: 'a.example', actors: [{ name: 'سلمى الخطيب' }], events: [{ date: '2024-01-02', text: 'حدث أول.', actors: ['سلمى الخطيب'] }] }),
      { url: url('c1'), readAt: 1 },
    );
    const fresh = await s.getWholeTimeline();
    await vi.waitFor(async () => expect((await metaOf(factory, name)).copy).toBeDefined());
    const { copy, writes } = await metaOf(factory, name);
    expect(copy.value).toBe(writes);
    // Served from the copy: equal to the bulk read, refs still shared.
    const again = await s.getWholeTimeline();
    expect(again).toEqual(fresh);
    // Proof that the copy (not the records) answered: a doctored copy with the right count shows through.
    const db = await openIdb(name, factory);
    await db.put('meta', { ...copy, snapshot: (copy.snapshot as string).replace('حدث أول.', 'من النسخة') });
    db.close();
    expect((await s.getWholeTimeline())[0]!.text).toBe('من النسخة');

    await s.addArticle(
      makeAnalysis({ title: 'ثان', site: 'b.example', actors: [{ name: 'سلمى الخطيب' }], events: [{ date: '2024-01-03', text: 'حدث ثان.', actors: ['سلمى الخطيب'] }] }),
      { url: url('c2'), readAt: 2 },
    );
    expect((await metaOf(factory, name)).copy).toBeUndefined();
    const afterWrite = await s.getWholeTimeline();
    expect(afterWrite.map((e) => e.text)).toEqual(['حدث أول.', 'حدث ثان.']);
  });

  it('never answers with events older than the last write, even when a write lands while a copy is being made', async () => {
    const { store: s } = await freshStore();
    const reads: Array<Promise<TimelineEvent[]>> = [];
    for (let n = 0; n < 4; n++) {
      reads.push(s.getWholeTimeline());
      await s.addArticle(
        makeAnalysis({ title: `مقال ${n}`, site: 'a.example', actors: [{ name: 'مازن العلي' }], events: [{ date: `2024-02-0${n + 1}`, text: `حدث ${n}.`, actors: ['مازن العلي'] }] }),
        { url: url(`r${n}`), readAt: n },
      );
      expect((await s.getWholeTimeline()).map((e) => e.text)).toHaveLength(n + 1);
    }
    await Promise.all(reads);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await s.getWholeTimeline()).toEqual(await s.getTimeline({ limit: 500 }).then((p) => p.events));
    await s.clearAll();
    expect(await s.getWholeTimeline()).toEqual([]);
  });
});

describe('a damaged copy', () => {
  it('is ignored: the timeline is read in bulk and the copy replaced', async () => {
    const { store: s, factory, name } = await freshStore();
    await s.addArticle(
      makeAnalysis({ title: 'أول', site: 'a.example', actors: [{ name: 'سلمى الخطيب' }], events: [{ date: '2024-01-02', text: 'حدث أول.', actors: ['سلمى الخطيب'] }] }),
      { url: url('d1'), readAt: 1 },
    );
    const bulk = await s.getTimeline({ limit: 500 }).then((p) => p.events);
    const open = () => wrap(factory.open(name)) as unknown as Promise<IDBPDatabase>;
    const db = await open();
    const writes = (await db.get('meta', 'writes'))?.value as number;
    db.close();
    const { packTimeline } = await import('../../src/background/store/snapshot');
    const good = JSON.parse(packTimeline(bulk)) as { actors: unknown[]; events: unknown[][] };
    const damaged = [
      '{not json',
      JSON.stringify({ format: 999, actors: [], articles: [], events: [] }),
      JSON.stringify({ ...good, actors: undefined }),
      JSON.stringify({ ...good, events: [null] }),
      JSON.stringify({ ...good, events: good.events.map((e) => [...e.slice(0, 8), [99], 0]) }),
      JSON.stringify({ ...good, events: good.events.map((e) => [...e.slice(0, 9), 7]) }),
    ];
    for (const snapshot of damaged) {
      // A copy with the right write count, so only its content can disqualify it.
      const writer = await open();
      await writer.put('meta', { key: 'wholeTimeline', value: writes, snapshot });
      writer.close();
      expect(await s.getWholeTimeline(), snapshot.slice(0, 60)).toEqual(bulk);
    }
    // The bulk read saved a sound copy over the damaged one.
    await vi.waitFor(async () => {
      const reader = await open();
      const copy = await reader.get('meta', 'wholeTimeline');
      reader.close();
      expect(copy.snapshot).toBe(packTimeline(bulk));
    });
  });
});

describe('the storage figure', () => {
  it('does not count the kept copy, so opening the timeline page does not grow it', async () => {
    const { store: s, factory, name } = await freshStore();
    await s.addArticle(
      makeAnalysis({ title: 'أول', site: 'a.example', actors: [{ name: 'سلمى الخطيب' }], events: [{ date: '2024-01-02', text: 'حدث أول.', actors: ['سلمى الخطيب'] }] }),
      { url: url('s1'), readAt: 1 },
    );
    const before = await s.stats({ exact: true });
    await s.getWholeTimeline();
    await vi.waitFor(async () => {
      const db = (await wrap(factory.open(name))) as unknown as IDBPDatabase;
      const copy = await db.get('meta', 'wholeTimeline');
      db.close();
      expect(copy).toBeDefined();
    });
    expect((await s.stats({ exact: true })).approxBytes).toBe(before.approxBytes);
  });
});

describe('a copy made by another version of the extension', () => {
  it('is not served: an update may join events differently without a schema change', async () => {
    const { store: writer, factory, name } = await freshStore();
    await writer.addArticle(
      makeAnalysis({ title: 'أول', site: 'a.example', actors: [{ name: 'سلمى الخطيب' }], events: [{ date: '2024-01-02', text: 'حدث أول.', actors: ['سلمى الخطيب'] }] }),
      { url: url('v1'), readAt: 1 },
    );
    const { TimelineStore: Store } = await import('../../src/background/store');
    const older = await Store.open(factory, { name, codeVersion: '0.1.0' });
    const newer = await Store.open(factory, { name, codeVersion: '0.2.0' });
    const bulk = await older.getWholeTimeline();
    const open = () => wrap(factory.open(name)) as unknown as Promise<IDBPDatabase>;
    await vi.waitFor(async () => {
      const db = await open();
      const copy = await db.get('meta', 'wholeTimeline');
      db.close();
      expect(copy?.madeBy).toBe('0.1.0');
    });
    // Mark the old version's copy so it shows if served.
    const db = await open();
    const copy = await db.get('meta', 'wholeTimeline');
    await db.put('meta', { ...copy, snapshot: (copy.snapshot as string).replace('حدث أول.', 'من النسخة القديمة') });
    db.close();
    expect((await older.getWholeTimeline())[0]!.text).toBe('من النسخة القديمة');
    expect(await newer.getWholeTimeline()).toEqual(bulk);
  });
});
