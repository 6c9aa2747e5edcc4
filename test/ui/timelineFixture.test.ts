/** The invented backups the e2e tests and the browser benchmark import are accepted by the real store, whole. */
import { describe, expect, it } from 'vitest';
import { freshStore } from '../store/helpers';
import { eventsPerArticle, inventedExport } from '../fixtures/ui/timelineExport';

describe('inventedExport', () => {
  it('imports into the timeline store with every article and event, and searches by another spelling', async () => {
    const { store } = await freshStore();
    const result = await store.importJSON(JSON.stringify(inventedExport(40)));
    expect(result.added).toBe(40);
    const stats = await store.stats();
    expect(stats.articles).toBe(40);
    expect(stats.events).toBe(40 * eventsPerArticle);
    const [found] = await store.searchActors('الخطيب', 1);
    expect(found?.name).toBe('سلمى الخطيب');
  });

  it('never repeats an article text (the store would merge the two)', () => {
    const texts = new Set(inventedExport(10_000).articles.map((article) => (article.analysis as { text: string }).text));
    expect(texts.size).toBe(10_000);
  });

  it('is the same file for the same count', () => {
    expect(JSON.stringify(inventedExport(5))).toBe(JSON.stringify(inventedExport(5)));
  });
});
