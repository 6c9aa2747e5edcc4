import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { TimelineStore } from '../../src/background/store';
import { openTimelineDB } from '../../src/background/store/schema';
import type { ActorRecordV1, ArticleRecordV1, EventRecordV1, MentionRecord } from '../../src/background/store/records';
import { makeAnalysis, url } from './helpers';

/** Writes a small timeline exactly as version 1 stored it (no normalised keys, no per-actor day index). */
async function writeVersion1(factory: IDBFactory, name: string) {
  const db = await openTimelineDB(factory, name, 1);
  expect(db.version).toBe(1);
  expect([...db.transaction('actors').store.indexNames]).toEqual(['byArticleCount', 'bySpelling']);
  const analysis = makeAnalysis({
    title: 'قديم',
    actors: [{ name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا'] }],
    events: [{ date: '2022-05-01', text: 'حدث قديم.', actors: ['الولايات المتحدة'] }],
  });
  const article: ArticleRecordV1 = {
    id: 'art_v1',
    canonicalUrl: url('old'),
    url: url('old'),
    urls: [url('old'), 'https://mirror.example/old'],
    title: 'قديم',
    site: 'example.com',
    published: '2022-05-02',
    lang: 'ar',
    summary: [],
    textHash: 'v1hash',
    readAt: 500,
    firstReadAt: 500,
    updatedAt: 500,
    analysis,
  };
  const actor: ActorRecordV1 = {
    id: 'act_v1',
    name: 'الولايات المتحدة',
    types: { LOC: 1 },
    names: { 'الولايات المتحدة': 1, 'أمريكا': 1 },
    primaryNames: { 'الولايات المتحدة': 1 },
    roles: {},
    articleCount: 1,
    firstSeen: 500,
    lastSeen: 500,
    createdAt: 500,
    spellings: ['الولايات المتحدة', 'أمريكا'],
  };
  const mention: MentionRecord = {
    actorId: 'act_v1',
    articleId: 'art_v1',
    seenAt: 500,
    locals: [{ localId: 'a1', name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا'], roles: [], mentionCount: 2, offsets: [] }],
  };
  const event: EventRecordV1 = {
    id: 'art_v1#0',
    articleId: 'art_v1',
    index: 0,
    date: '2022-05-01',
    grain: 'day',
    startDay: Date.UTC(2022, 4, 1) / 86_400_000,
    endDay: Date.UTC(2022, 4, 1) / 86_400_000,
    text: 'حدث قديم.',
    actorIds: ['act_v1'],
    localActorIds: ['a1'],
    main: false,
    score: 0,
    site: 'example.com',
  };
  const tx = db.transaction(['articles', 'actors', 'mentions', 'events'], 'readwrite');
  await (tx.objectStore('articles') as unknown as { put(v: unknown): Promise<unknown> }).put(article);
  await (tx.objectStore('actors') as unknown as { put(v: unknown): Promise<unknown> }).put(actor);
  await tx.objectStore('mentions').put(mention);
  await (tx.objectStore('events') as unknown as { put(v: unknown): Promise<unknown> }).put(event);
  await tx.done;
  db.close();
  return analysis;
}

describe('schema migration', () => {
  it('upgrades a version 1 database with data to version 2 without loss', async () => {
    const factory = new IDBFactory();
    const analysis = await writeVersion1(factory, 'migrate-me');

    const store = await TimelineStore.open(factory, { name: 'migrate-me' });
    expect(await store.stats()).toMatchObject({ articles: 1, actors: 1, mentions: 1, events: 1 });
    // The analysis moved out of the article record into its own store, unchanged.
    expect((await store.getArticle(url('old')))?.analysis).toEqual(analysis);
    // v2 lookups work on migrated records: normalised spelling (hamza folded), any URL, per-actor days.
    expect((await store.searchActors('امريكا')).map((a) => a.id)).toEqual(['act_v1']);
    expect((await store.getArticle('https://mirror.example/old'))?.article.id).toBe('art_v1');
    const timeline = await store.getTimeline({ actorId: 'act_v1' });
    expect(timeline.events.map((e) => e.text)).toEqual(['حدث قديم.']);

    // New articles merge with the migrated actor.
    const r = await store.addArticle(makeAnalysis({ title: 'جديد', actors: [{ name: 'أمريكا', type: 'ORG' }] }), { url: url('new') });
    expect(r.actorIds.a1).toBe('act_v1');
    expect((await store.getActorCard('act_v1'))?.actor.articleCount).toBe(2);
    store.close();

    const reopened = await openTimelineDB(factory, 'migrate-me');
    expect(reopened.version).toBe(2);
    expect([...reopened.transaction('actors').store.indexNames].sort()).toEqual(['byArticleCount', 'byBareKey', 'byKey', 'byLastWord', 'byToken']);
    expect([...reopened.objectStoreNames]).toContain('analyses');
    const migrated = (await reopened.get('actors', 'act_v1')) as unknown as Record<string, unknown>;
    expect(migrated.spellings).toBeUndefined();
    expect(((await reopened.get('articles', 'art_v1')) as unknown as Record<string, unknown>).analysis).toBeUndefined();
    reopened.close();
  });
});
