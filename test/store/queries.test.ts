import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestResult, TimelineStore } from '../../src/background/store';
import { freshStore, makeAnalysis, url } from './helpers';

/** Three articles on two sites, with events of day, month, year and range precision. */
let store: TimelineStore;
let first: IngestResult;
let second: IngestResult;
let third: IngestResult;

beforeAll(async () => {
  ({ store } = await freshStore());
  first = await store.addArticle(
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
    { url: url('q1'), readAt: 1_000 },
  );
  second = await store.addArticle(
    makeAnalysis({
      title: 'زيارة إلى واشنطن',
      site: 'b.example',
      actors: [
        { name: 'عراقجي' },
        { name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا', 'واشنطن'] },
      ],
      events: [
        { date: '2024-02-01/2024-02-10', grain: 'range', text: 'مفاوضات في أوائل شباط.', actors: ['عراقجي', 'الولايات المتحدة'] },
        { date: '2024-04-02', text: 'وصل الوزير إلى واشنطن.', actors: ['عراقجي'] },
      ],
    }),
    { url: url('q2'), readAt: 2_000 },
  );
  third = await store.addArticle(
    makeAnalysis({
      title: 'خبر ثالث',
      site: 'a.example',
      actors: [{ name: 'حركة حماس', type: 'GROUP', aliases: ['حماس'] }],
      events: [{ date: '2024-03-20', text: 'أعلنت حماس موقفها.', actors: ['حركة حماس'] }],
    }),
    { url: url('q3'), readAt: 3_000 },
  );
});

describe('getTimeline', () => {
  it('lists all events by date', async () => {
    const page = await store.getTimeline();
    expect(page.events.map((e) => e.startDate)).toEqual(['2023-01-01', '2024-02-01', '2024-03-01', '2024-03-14', '2024-03-20', '2024-04-02']);
    expect(page.nextCursor).toBeUndefined();
    const range = page.events[1]!;
    expect(range).toMatchObject({ date: '2024-02-01/2024-02-10', endDate: '2024-02-10', grain: 'range' });
    expect(range.article).toMatchObject({ title: 'زيارة إلى واشنطن', url: url('q2'), site: 'b.example' });
    expect(range.actors.map((a) => a.name).sort()).toEqual(['الولايات المتحدة', 'عباس عراقجي']);
  });

  it('pages with a cursor without gaps or repeats, both directions', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const all = (await store.getTimeline({ order, limit: 100 })).events.map((e) => e.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.getTimeline({ order, limit: 2, ...(cursor ? { cursor } : {}) });
        paged.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(all).toHaveLength(6);
    }
  });

  it('pages filtered queries (cursor path) and one actor (index path) the same way', async () => {
    const collect = async (q: Parameters<TimelineStore['getTimeline']>[0]) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.getTimeline({ ...q, limit: 1, ...(cursor ? { cursor } : {}) });
        ids.push(...page.events.map((e) => e.date));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    expect(await collect({ site: 'a.example' })).toEqual(['2023', '2024-03', '2024-03-14', '2024-03-20']);
    expect(await collect({ actorId: first.actorIds.a1! })).toEqual(['2024-02-01/2024-02-10', '2024-03-14', '2024-04-02']);
    expect(await collect({ actorId: first.actorIds.a1!, order: 'desc' })).toEqual(['2024-04-02', '2024-03-14', '2024-02-01/2024-02-10']);
  });

  it('filters one actor, merged across articles', async () => {
    const page = await store.getTimeline({ actorId: first.actorIds.a1! });
    expect(second.actorIds.a1).toBe(first.actorIds.a1);
    expect(page.events.map((e) => e.text)).toEqual([
      'مفاوضات في أوائل شباط.',
      'التقى عراقجي بالوسطاء في مسقط.',
      'وصل الوزير إلى واشنطن.',
    ]);
  });

  it('filters a date range by overlap (a year or month counts if it overlaps)', async () => {
    const march = await store.getTimeline({ from: '2024-03-10', to: '2024-03-31' });
    expect(march.events.map((e) => e.date)).toEqual(['2024-03', '2024-03-14', '2024-03-20']);
    const early = await store.getTimeline({ from: '2023-06-01', to: '2024-02-05' });
    expect(early.events.map((e) => e.date)).toEqual(['2023', '2024-02-01/2024-02-10']);
    const oneActor = await store.getTimeline({ actorId: first.actorIds.a1!, from: '2024-02-05', to: '2024-03-31' });
    expect(oneActor.events.map((e) => e.date)).toEqual(['2024-02-01/2024-02-10', '2024-03-14']);
  });

  it('filters by actor type, site and text in any spelling', async () => {
    expect((await store.getTimeline({ type: 'GROUP' })).events.map((e) => e.text)).toEqual(['أعلنت حماس موقفها.']);
    expect((await store.getTimeline({ site: 'b.example' })).events).toHaveLength(2);
    // ة/ه and hamza variants in the query still match.
    expect((await store.getTimeline({ text: 'اعلنت' })).events).toHaveLength(1);
    expect((await store.getTimeline({ text: 'زياره الى' })).events).toHaveLength(2); // article title matches
  });

  it('rejects bad query values with a reason', async () => {
    await expect(store.getTimeline({ from: '2024-13-01' })).rejects.toThrow(/Invalid from/);
    await expect(store.getTimeline({ cursor: 'garbage' })).rejects.toThrow(/Invalid cursor/);
  });
});

describe('actor cards, search, articles', () => {
  it('builds an actor card with types, aliases, roles, articles and recent events', async () => {
    const card = await store.getActorCard(first.actorIds.a1!);
    expect(card?.actor).toMatchObject({ name: 'عباس عراقجي', type: 'PERSON', articleCount: 2, firstSeen: 1_000, lastSeen: 2_000 });
    expect(card?.types).toEqual([{ value: 'PERSON', count: 2 }]);
    expect(card?.aliases.map((a) => a.value)).toEqual(['عراقجي', 'عباس عراقجي']);
    expect(card?.roles).toEqual([{ value: 'وزير الخارجية الإيراني', count: 1 }]);
    expect(card?.articles.map((a) => a.title)).toEqual(['زيارة إلى واشنطن', 'محادثات مسقط']);
    expect(card?.recentEvents.map((e) => e.date)).toEqual(['2024-04-02', '2024-03-14', '2024-02-01/2024-02-10']);
  });

  it('finds a card by any spelling of the name', async () => {
    expect((await store.getActorCard('امريكا'))?.actor.id).toBe(second.actorIds.a2);
    expect(await store.getActorCard('لا أحد')).toBeUndefined();
  });

  it('searches names by normalised prefix and by word', async () => {
    expect((await store.searchActors('أمري')).map((a) => a.name)).toEqual(['الولايات المتحدة']);
    expect((await store.searchActors('حماس')).map((a) => a.id)).toEqual([third.actorIds.a1]);
    expect((await store.searchActors('عراقج')).map((a) => a.id)).toEqual([first.actorIds.a1]);
    expect(await store.searchActors('  ')).toEqual([]);
  });

  it('lists articles most recent first, paged', async () => {
    const p1 = await store.listArticles({ limit: 2 });
    expect(p1.articles.map((a) => a.title)).toEqual(['خبر ثالث', 'زيارة إلى واشنطن']);
    const p2 = await store.listArticles({ limit: 2, cursor: p1.nextCursor! });
    expect(p2.articles.map((a) => a.title)).toEqual(['محادثات مسقط']);
    expect((await store.listArticles({ site: 'a.example' })).articles).toHaveLength(2);
  });

  it('serves the article by id and by canonical URL', async () => {
    expect((await store.getArticle(third.articleId))?.article.url).toBe(url('q3'));
    expect((await store.getArticle(`${url('q3')}#top`))?.article.id).toBe(third.articleId);
    expect(await store.getArticle('https://elsewhere.example/')).toBeUndefined();
  });
});
