import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/background/store';
import { freshStore, makeAnalysis, snapshot, url } from './helpers';

const muscat = () =>
  makeAnalysis({
    title: 'محادثات مسقط',
    body: 'قالت طهران إن المحادثات مستمرة.',
    actors: [
      { name: 'عباس عراقجي', aliases: ['عراقجي'], role: 'وزير الخارجية الإيراني' },
      { name: 'إيران', type: 'LOC' },
    ],
    events: [{ date: '2024-03-14', text: 'التقى عراقجي بالوسطاء في مسقط.', actors: ['عباس عراقجي', 'إيران'], main: true }],
  });

async function expectStoreError(p: Promise<unknown>, code: StoreError['code'], text?: RegExp) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
  if (text) expect((err as StoreError).message).toMatch(text);
}

describe('addArticle', () => {
  it('stores an article and serves its analysis by URL', async () => {
    const { store } = await freshStore();
    const analysis = muscat();
    const result = await store.addArticle(analysis, { url: url(1), readAt: 1000 });
    expect(result.status).toBe('added');
    const stored = await store.getArticle(url(1));
    expect(stored?.analysis).toEqual(analysis);
    expect(stored?.article.title).toBe('محادثات مسقط');
    expect(Object.keys(stored!.actorIds).sort()).toEqual(['a1', 'a2']);
    const stats = await store.stats();
    expect(stats).toMatchObject({ articles: 1, actors: 2, mentions: 2, events: 1 });
    expect(stats.approxBytes).toBeGreaterThan(JSON.stringify(analysis).length);
    // With fewer records than the sample size the estimate is the exact size (up to rounding).
    expect(Math.abs(stats.approxBytes - (await store.stats({ exact: true })).approxBytes)).toBeLessThanOrEqual(6);
  });

  it('stores the same canonical URL once and updates it in place', async () => {
    const { store } = await freshStore();
    const first = await store.addArticle(muscat(), { url: `${url(1)}?utm=x`, canonicalUrl: url(1), readAt: 1000 });
    const changed = muscat();
    changed.title = 'محادثات مسقط (محدث)';
    const second = await store.addArticle(changed, { url: `${url(1)}#comments`, canonicalUrl: url(1), readAt: 2000 });
    expect(second.status).toBe('updated');
    expect(second.articleId).toBe(first.articleId);
    // Actors keep their ids across a re-read and are not counted twice.
    expect(second.actorIds).toEqual(first.actorIds);
    expect(await store.stats()).toMatchObject({ articles: 1, actors: 2, mentions: 2, events: 1 });
    const card = await store.getActorCard(first.actorIds.a1!);
    expect(card?.actor.articleCount).toBe(1);
    expect((await store.getArticle(url(1)))?.article.title).toBe('محادثات مسقط (محدث)');
  });

  it('recognises the same text under another URL (normalised hash) as the same article', async () => {
    const { store } = await freshStore();
    const a = muscat();
    await store.addArticle(a, { url: url(1), readAt: 1000 });
    // A syndicated copy: other URL, different hamza spelling and spacing, same text otherwise.
    const copy = { ...a, text: a.text.replace('إن', 'ان').replace(/ /g, '  ') };
    const r = await store.addArticle(copy, { url: 'https://mirror.example.org/x', readAt: 3000 });
    expect(r.status).toBe('updated');
    const stored = await store.getArticle('https://mirror.example.org/x');
    expect(stored?.article.urls.sort()).toEqual(['https://mirror.example.org/x', url(1)].sort());
    expect((await store.stats()).articles).toBe(1);
  });

  it('stores an article once when two reads of it race', async () => {
    const { store } = await freshStore();
    const results = await Promise.all([
      store.addArticle(muscat(), { url: url(1) }),
      store.addArticle(muscat(), { url: url(1) }),
      store.addArticle(muscat(), { url: `${url(1)}#again` }),
    ]);
    expect(new Set(results.map((r) => r.articleId)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(['added', 'updated', 'updated']);
    expect(await store.stats()).toMatchObject({ articles: 1, actors: 2, mentions: 2, events: 1 });
  });

  it('stores a batch all or nothing', async () => {
    const { store } = await freshStore();
    const bad = { ...muscat(), events: [{ ...muscat().events[0]!, date: 'soon' }] };
    await expectStoreError(
      store.addArticles([
        { analysis: muscat(), options: { url: url(1) } },
        { analysis: bad, options: { url: url(2) } },
      ]),
      'invalid-input',
      /Article 1: .*events\.0\.date/,
    );
    expect((await store.stats()).articles).toBe(0);
    const ok = await store.addArticles([
      { analysis: muscat(), options: { url: url(1) } },
      { analysis: makeAnalysis({ actors: [{ name: 'عراقجي' }] }), options: { url: url(2) } },
    ]);
    expect(ok[1]!.actorIds.a1).toBe(ok[0]!.actorIds.a1);
  });

  it('refuses pages that are not Arabic news articles and stores nothing', async () => {
    const { store } = await freshStore();
    const page = { ...muscat(), isArticle: false, reason: 'a list of headlines' };
    await expectStoreError(store.addArticle(page, { url: url(1) }), 'not-article', /a list of headlines/);
    expect(await store.stats()).toMatchObject({ articles: 0, actors: 0, events: 0, mentions: 0 });
  });

  it('rejects wrong shapes with the path of the problem and keeps what was stored', async () => {
    const { store } = await freshStore();
    await store.addArticle(muscat(), { url: url(1) });
    const before = await snapshot(store);

    const badType = muscat() as unknown as { actors: Array<{ type: string }> };
    badType.actors[0]!.type = 'ALIEN';
    await expectStoreError(store.addArticle(badType, { url: url(2) }), 'invalid-input', /actors\.0\.type/);
    await expectStoreError(store.addArticle({ hello: 'world' }, { url: url(3) }), 'invalid-input', /isArticle/);
    await expectStoreError(store.addArticle(null, { url: url(3) }), 'invalid-input');
    await expectStoreError(store.addArticle(muscat(), { url: '' }), 'invalid-input', /url/);

    const badDate = muscat();
    badDate.events[0]!.date = '2024-02-31';
    await expectStoreError(store.addArticle(badDate, { url: url(4) }), 'invalid-input', /events\.0\.date/);

    const unknownActor = muscat();
    unknownActor.events[0]!.actors = ['a9'];
    await expectStoreError(store.addArticle(unknownActor, { url: url(5) }), 'invalid-input', /unknown actor "a9"/);

    expect(await snapshot(store)).toEqual(before);
  });

  it('ingests an article with 10,000 actors', async () => {
    const { store } = await freshStore();
    const actors = Array.from({ length: 10_000 }, (_, i) => ({
      id: `a${i + 1}`,
      name: `شخص ${i}`,
      type: 'PERSON' as const,
      aliases: [],
      mentions: [{ start: 0, end: 1, text: 'ش' }],
    }));
    const analysis = { ...muscat(), actors, events: [] };
    const r = await store.addArticle(analysis, { url: url(1) });
    expect(Object.keys(r.actorIds)).toHaveLength(10_000);
    expect((await store.stats()).actors).toBe(10_000);
    expect((await store.searchActors('شخص 9999'))[0]?.name).toBe('شخص 9999');
  }, 120_000); // a generous guard for a busy machine; the speed itself is measured by `npm run bench store`
});
