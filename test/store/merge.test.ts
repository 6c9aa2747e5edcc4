import { describe, expect, it } from 'vitest';
import type { TimelineStore } from '../../src/background/store';
import { freshStore, makeAnalysis, url, type ActorSpec } from './helpers';

let n = 0;
async function read(store: TimelineStore, actors: ActorSpec[], events: Parameters<typeof makeAnalysis>[0]['events'] = []) {
  const id = ++n;
  return store.addArticle(makeAnalysis({ title: `خبر ${id}`, body: `خبر رقم ${id}.`, actors, events }), { url: url(id) });
}

const joe: ActorSpec = { name: 'جو بايدن', aliases: ['بايدن'], role: 'الرئيس الأمريكي' };
const hunter: ActorSpec = { name: 'هانتر بايدن', aliases: ['بايدن'], role: 'نجل الرئيس' };

describe('cross-article actor merging', () => {
  it('joins a bare surname to the full name seen before (بايدن / جو بايدن)', async () => {
    const { store } = await freshStore();
    const a = await read(store, [joe]);
    const b = await read(store, [{ name: 'بايدن' }]);
    expect(b.actorIds.a1).toBe(a.actorIds.a1);
    const card = await store.getActorCard(a.actorIds.a1!);
    expect(card?.actor.name).toBe('جو بايدن');
    expect(card?.actor.articleCount).toBe(2);
  });

  it('joins a full name to a bare-name actor it lists as alias', async () => {
    const { store } = await freshStore();
    const a = await read(store, [{ name: 'بايدن' }]);
    const b = await read(store, [joe]);
    expect(b.actorIds.a1).toBe(a.actorIds.a1);
    expect((await store.getActorCard(a.actorIds.a1!))?.actor.name).toBe('جو بايدن');
  });

  it('bridges spellings through aliases and folds hamza and ة/ه variants', async () => {
    const { store } = await freshStore();
    const a = await read(store, [{ name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا'] }]);
    const b = await read(store, [{ name: 'امريكا', type: 'ORG' }]);
    const c = await read(store, [{ name: 'حركة حماس', type: 'GROUP' }]);
    const d = await read(store, [{ name: 'حركه حماس', type: 'GROUP' }]);
    expect(b.actorIds.a1).toBe(a.actorIds.a1);
    expect(d.actorIds.a1).toBe(c.actorIds.a1);
    expect((await store.stats()).actors).toBe(2);
  });

  it('keeps different people who share a surname apart', async () => {
    const { store } = await freshStore();
    const a = await read(store, [joe]);
    const b = await read(store, [hunter]);
    expect(b.actorIds.a1).not.toBe(a.actorIds.a1);
  });

  it('keeps actor ids when an article is read again, without handing them to a namesake', async () => {
    const { store } = await freshStore();
    const first = await store.addArticle(makeAnalysis({ actors: [joe] }), { url: url('same') });
    const again = await store.addArticle(makeAnalysis({ actors: [joe, hunter] }), { url: url('same') });
    expect(again.status).toBe('updated');
    expect(again.actorIds.a1).toBe(first.actorIds.a1);
    expect(again.actorIds.a2).not.toBe(first.actorIds.a1);
    expect((await store.stats()).actors).toBe(2);
  });

  it('keeps apart ministries named by their portfolio alone, and joins one named with its country', async () => {
    const { store } = await freshStore();
    const a = await read(store, [{ name: 'وزارة الخارجية', type: 'ORG' }]);
    const b = await read(store, [{ name: 'وزارة الخارجية', type: 'ORG' }]);
    expect(b.actorIds.a1).not.toBe(a.actorIds.a1);
    const water = await read(store, [{ name: 'وزارة الموارد المائية', type: 'ORG' }]);
    const water2 = await read(store, [{ name: 'وزارة الموارد المائية', type: 'ORG' }]);
    expect(water2.actorIds.a1).not.toBe(water.actorIds.a1);
    const c = await read(store, [{ name: 'وزارة الخارجية الأمريكية', type: 'ORG' }]);
    const d = await read(store, [{ name: 'وزارة الخارجية الأمريكية', type: 'ORG' }]);
    expect(d.actorIds.a1).toBe(c.actorIds.a1);
    const again = await store.addArticle(makeAnalysis({ title: 'خبر 1', body: 'خبر رقم 1.', actors: [{ name: 'وزارة الخارجية', type: 'ORG' }] }), { url: url(n - 5) });
    expect(again.actorIds.a1).toBe(a.actorIds.a1);
  });

  it('keeps a person and a place with the same spelling apart', async () => {
    const { store } = await freshStore();
    const a = await read(store, [{ name: 'عمان', type: 'LOC' }]);
    const b = await read(store, [{ name: 'عمان', type: 'PERSON' }]);
    expect(b.actorIds.a1).not.toBe(a.actorIds.a1);
  });

  it('gives a bare surname to the clearly most frequent full name, else keeps it apart', async () => {
    const { store } = await freshStore();
    const j = await read(store, [joe]);
    const h = await read(store, [hunter]);
    // One article each: ambiguous, so the bare name stays its own actor.
    const ambiguous = await read(store, [{ name: 'بايدن' }]);
    expect([j.actorIds.a1, h.actorIds.a1]).not.toContain(ambiguous.actorIds.a1);

    const { store: s2 } = await freshStore();
    const j2 = await read(s2, [joe]);
    await read(s2, [joe]);
    await read(s2, [hunter]);
    // Joe has twice Hunter's articles: the bare surname is his.
    const bare = await read(s2, [{ name: 'بايدن' }]);
    expect(bare.actorIds.a1).toBe(j2.actorIds.a1);
  });

  it('lets roles decide between people sharing a surname, and keep a disagreeing one apart', async () => {
    const { store } = await freshStore();
    await read(store, [joe]);
    const h = await read(store, [hunter]);
    const son = await read(store, [{ name: 'بايدن', role: 'نجل' }]);
    expect(son.actorIds.a1).toBe(h.actorIds.a1);

    const { store: s2 } = await freshStore();
    const j = await read(s2, [joe]);
    await read(s2, [joe]);
    const footballer = await read(s2, [{ name: 'بايدن', role: 'لاعب كرة القدم' }]);
    expect(footballer.actorIds.a1).not.toBe(j.actorIds.a1);
    const president = await read(s2, [{ name: 'بايدن', role: 'رئيس الولايات المتحدة' }]);
    expect(president.actorIds.a1).toBe(j.actorIds.a1);
  });

  it('merges two actors when a later article shows they are one (and moves their events)', async () => {
    const { store } = await freshStore();
    const a = await read(store, [{ name: 'أمريكا', type: 'LOC' }], [{ date: '2024-01-02', text: 'حدث أول.', actors: ['أمريكا'] }]);
    const b = await read(
      store,
      [{ name: 'الولايات المتحدة', type: 'ORG' }],
      [{ date: '2024-01-03', text: 'حدث ثان.', actors: ['الولايات المتحدة'] }],
    );
    expect(a.actorIds.a1).not.toBe(b.actorIds.a1);
    const c = await read(store, [{ name: 'الولايات المتحدة', type: 'LOC', aliases: ['أمريكا'] }]);
    const merged = c.actorIds.a1!;
    expect((await store.stats()).actors).toBe(1);
    const page = await store.getTimeline({ actorId: merged });
    expect(page.events.map((e) => e.text)).toEqual(['حدث أول.', 'حدث ثان.']);
    expect((await store.getActorCard(merged))?.actor.articleCount).toBe(3);
  });
});

describe('reader corrections', () => {
  it('a merge sticks: later articles with either spelling join the merged actor', async () => {
    const { store } = await freshStore();
    const a = await read(store, [{ name: 'أبو مازن' }]);
    const b = await read(store, [{ name: 'محمود عباس' }]);
    expect(a.actorIds.a1).not.toBe(b.actorIds.a1);
    const merged = await store.mergeActors(b.actorIds.a1!, a.actorIds.a1!);
    expect(merged.articleCount).toBe(2);
    expect(merged.aliases).toEqual(expect.arrayContaining(['أبو مازن', 'محمود عباس']));
    // After deleting both articles the actor is gone, but the rule still joins the spellings.
    await store.deleteArticle(url(n - 1));
    await store.deleteArticle(url(n));
    expect((await store.stats()).actors).toBe(0);
    const c = await read(store, [{ name: 'محمود عباس' }]);
    const d = await read(store, [{ name: 'ابو مازن' }]);
    expect(d.actorIds.a1).toBe(c.actorIds.a1);
  });

  it('an alias split sticks: the bare spelling goes to its own actor from now on', async () => {
    const { store } = await freshStore();
    const j = await read(store, [joe], [{ date: '2024-01-05', text: 'تحدث بايدن.', actors: ['جو بايدن'] }]);
    const bare = await read(store, [{ name: 'بايدن' }], [{ date: '2024-01-06', text: 'وصل بايدن.', actors: ['بايدن'] }]);
    expect(bare.actorIds.a1).toBe(j.actorIds.a1);
    const split = await store.splitActor(j.actorIds.a1!, { alias: 'بايدن' });
    expect(split.newActorId).toBeDefined();
    const joeCard = await store.getActorCard(j.actorIds.a1!);
    expect(joeCard?.actor.articleCount).toBe(1);
    expect(joeCard?.recentEvents.map((e) => e.text)).toEqual(['تحدث بايدن.']);
    const newCard = await store.getActorCard(split.newActorId!);
    expect(newCard?.recentEvents.map((e) => e.text)).toEqual(['وصل بايدن.']);
    // A later bare mention respects the rule; a full name still goes to Joe.
    const later = await read(store, [{ name: 'بايدن' }]);
    expect(later.actorIds.a1).not.toBe(j.actorIds.a1);
    const full = await read(store, [joe]);
    expect(full.actorIds.a1).toBe(j.actorIds.a1);
    expect((await store.listCorrections()).map((r) => r.kind)).toEqual(['split']);
  });

  it('an article split sticks when that article is read again', async () => {
    const { store } = await freshStore();
    const a = await read(store, [joe]);
    const wrongId = ++n;
    const wrongUrl = url(wrongId);
    const wrong = makeAnalysis({ title: 'خبر عن هانتر', actors: [{ name: 'بايدن' }] });
    const w = await store.addArticle(wrong, { url: wrongUrl });
    expect(w.actorIds.a1).toBe(a.actorIds.a1);
    const split = await store.splitActor(a.actorIds.a1!, { articleId: w.articleId });
    expect(split.newActorId).toBeDefined();
    const again = await store.addArticle(wrong, { url: wrongUrl });
    expect(again.actorIds.a1).not.toBe(a.actorIds.a1);
    expect((await store.getActorCard(a.actorIds.a1!))?.actor.articleCount).toBe(1);
  });

  it('refuses corrections that make no sense, with a reason', async () => {
    const { store } = await freshStore();
    const a = await read(store, [joe]);
    await expect(store.mergeActors(a.actorIds.a1!, a.actorIds.a1!)).rejects.toThrow(/itself/);
    await expect(store.mergeActors(a.actorIds.a1!, 'act_missing')).rejects.toThrow(/No actor/);
    await expect(store.splitActor(a.actorIds.a1!, { alias: 'ترامب' })).rejects.toThrow(/not a spelling/);
    await expect(store.splitActor(a.actorIds.a1!, { articleId: a.articleId })).rejects.toThrow(/Nothing would remain/);
  });
});
