/**
 * Change announcements: every committed write is announced once on the database's BroadcastChannel, failed
 * writes never are, junk on the channel is ignored, and a store does not hear its own writes.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { TimelineStore } from '../../src/background/store';
import { changeChannelName, listenForChanges, parseChange, type TimelineChange } from '../../src/background/store/changes';
import { freshStore, makeAnalysis, url } from './helpers';

const stops: Array<() => void> = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
});

/** Collects the changes heard on a database's channel; `next(n)` resolves once n have arrived. */
function collect(name: string) {
  const heard: TimelineChange[] = [];
  let wake: (() => void) | undefined;
  stops.push(
    listenForChanges(name, (change) => {
      heard.push(change);
      wake?.();
    }),
  );
  const next = async (n: number) => {
    while (heard.length < n) await new Promise<void>((resolve) => (wake = resolve));
    return heard;
  };
  return { heard, next };
}

const article = (n: number) => makeAnalysis({ title: `خبر ${n}`, events: [{ date: '2024-01-01', text: `حدث رقم ${n}.` }] });

describe('change announcements', () => {
  it('announces each committed write once, after commit, with the articles it added', async () => {
    const { store, name } = await freshStore();
    const channel = collect(name);
    const first = await store.addArticle(article(1), { url: url(1) });
    // The message is posted after the commit: whoever hears it reads the new state.
    const [change] = await channel.next(1);
    expect(change).toEqual({ kind: 'timeline-changed', writeCount: 1, newArticles: 1, origin: store.changeOrigin });
    await store.addArticle(article(1), { url: url(1) }); // the same article again: updated, not new
    await store.addArticles([{ analysis: article(2), options: { url: url(2) } }, { analysis: article(3), options: { url: url(3) } }]);
    await store.deleteArticle(first.articleId);
    await store.clearAll();
    const heard = await channel.next(5);
    expect(heard.map((c) => [c.writeCount, c.newArticles])).toEqual([
      [1, 1],
      [2, 0],
      [3, 2],
      [4, 0],
      [5, 0],
    ]);
  });

  it('announces nothing for a failed (aborted) write', async () => {
    const { store, name } = await freshStore();
    const channel = collect(name);
    await expect(store.deleteArticle('no-such-article')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.importJSON('{"not":"ours"}')).rejects.toMatchObject({ code: 'invalid-import' });
    await store.addArticle(article(1), { url: url(1) });
    // Messages on one channel arrive in order: had the failures been announced, they would come first.
    const heard = await channel.next(1);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ writeCount: 1, newArticles: 1 });
  });

  it('lets watchChanges hear other instances only, and ignores junk on the channel', async () => {
    const { store: mine, factory, name } = await freshStore();
    const other = await TimelineStore.open(factory, { name });
    const heardByMine: TimelineChange[] = [];
    let wake: (() => void) | undefined;
    stops.push(
      mine.watchChanges((change) => {
        heardByMine.push(change);
        wake?.();
      }),
    );
    const raw = new BroadcastChannel(changeChannelName(name));
    stops.push(() => raw.close());
    for (const junk of [null, 'timeline-changed', { kind: 'timeline-changed' }, { kind: 'other', writeCount: 1, newArticles: 0, origin: 'x' }, { kind: 'timeline-changed', writeCount: -1, newArticles: 0, origin: 'x' }]) {
      raw.postMessage(junk);
    }
    await mine.addArticle(article(1), { url: url(1) }); // its own: not reported to itself
    await other.addArticle(article(2), { url: url(2) });
    while (heardByMine.length < 1) await new Promise<void>((resolve) => (wake = resolve));
    expect(heardByMine).toEqual([{ kind: 'timeline-changed', writeCount: 2, newArticles: 1, origin: other.changeOrigin }]);
    other.close();
  });

  it('parses only well-formed messages', () => {
    const good = { kind: 'timeline-changed', writeCount: 3, newArticles: 2, origin: 'store_1' };
    expect(parseChange(good)).toEqual(good);
    expect(parseChange({ ...good, extra: 'dropped' })).toEqual(good);
    for (const bad of [undefined, 42, [], { ...good, kind: 'changed' }, { ...good, writeCount: 1.5 }, { ...good, newArticles: '2' }, { ...good, origin: '' }, { ...good, origin: 7 }]) {
      expect(parseChange(bad)).toBeNull();
    }
  });
});
