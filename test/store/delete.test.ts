import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/background/store';
import { freshStore, makeAnalysis, url } from './helpers';

describe('deleteArticle and clearAll', () => {
  it('removes what only the deleted article contributed and keeps the rest', async () => {
    const { store } = await freshStore();
    const a = await store.addArticle(
      makeAnalysis({
        title: 'أ',
        actors: [
          { name: 'جو بايدن', aliases: ['بايدن'], role: 'الرئيس الأمريكي' },
          { name: 'كييف', type: 'LOC' },
        ],
        events: [{ date: '2024-01-01', text: 'زار بايدن كييف.', actors: ['جو بايدن', 'كييف'] }],
      }),
      { url: url(1), readAt: 1_000 },
    );
    const b = await store.addArticle(
      makeAnalysis({
        title: 'ب',
        actors: [{ name: 'جو بايدن', aliases: ['الرئيس بايدن'], role: 'المرشح الديمقراطي' }],
        events: [{ date: '2024-02-01', text: 'خطب بايدن.', actors: ['جو بايدن'] }],
      }),
      { url: url(2), readAt: 2_000 },
    );
    const joe = a.actorIds.a1!;
    expect(b.actorIds.a1).toBe(joe);

    const { removedActors } = await store.deleteArticle(b.articleId);
    expect(removedActors).toBe(0);
    const card = await store.getActorCard(joe);
    expect(card?.actor).toMatchObject({ articleCount: 1, firstSeen: 1_000, lastSeen: 1_000 });
    // The alias and role only article b brought are gone; article a's stay.
    expect(card?.aliases.map((x) => x.value).sort()).toEqual(['بايدن', 'جو بايدن']);
    expect(card?.roles.map((x) => x.value)).toEqual(['الرئيس الأمريكي']);
    expect((await store.getTimeline()).events.map((e) => e.text)).toEqual(['زار بايدن كييف.']);
    expect(await store.searchActors('الرئيس بايدن')).toEqual([]);
    expect(await store.getArticle(url(2))).toBeUndefined();

    const second = await store.deleteArticle(url(1));
    expect(second.removedActors).toBe(2);
    expect(await store.stats()).toMatchObject({ articles: 0, actors: 0, mentions: 0, events: 0 });
  });

  it('says clearly when the article does not exist', async () => {
    const { store } = await freshStore();
    const err = await store.deleteArticle('art_nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('not-found');
  });

  it('clears everything, optionally keeping the reader corrections', async () => {
    const { store } = await freshStore();
    const a = await store.addArticle(makeAnalysis({ actors: [{ name: 'أبو مازن' }] }), { url: url(1) });
    const b = await store.addArticle(makeAnalysis({ body: 'آخر', actors: [{ name: 'محمود عباس' }] }), { url: url(2) });
    await store.mergeActors(a.actorIds.a1!, b.actorIds.a1!);
    await store.clearAll({ keepCorrections: true });
    expect(await store.stats()).toMatchObject({ articles: 0, actors: 0, events: 0, mentions: 0, corrections: 1 });
    await store.clearAll();
    expect((await store.stats()).corrections).toBe(0);
  });
});
