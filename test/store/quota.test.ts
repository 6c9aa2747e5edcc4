import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/background/store';
import { toStoreError } from '../../src/background/store/errors';
import { freshStore, makeAnalysis, snapshot, url } from './helpers';

const originalPut = IDBObjectStore.prototype.put;

/** Makes the n-th `put` from now on fail as a full disk does. */
function failPutAfter(n: number): void {
  let calls = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (++calls >= n) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return originalPut.apply(this, args);
  };
}

afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

const article = (title: string, actor: string) =>
  makeAnalysis({
    title,
    body: title,
    actors: [{ name: actor }, { name: 'إيران', type: 'LOC' }],
    events: [{ date: '2024-03-14', text: `${title} حدث.`, actors: [actor, 'إيران'] }],
  });

describe('a full quota', () => {
  for (const failingPut of [1, 3, 6]) {
    it(`surfaces a typed quota error and keeps what was stored (put #${failingPut} fails)`, async () => {
      const { store } = await freshStore();
      await store.addArticle(article('الأول', 'عباس عراقجي'), { url: url(1) });
      const before = await snapshot(store);

      failPutAfter(failingPut);
      const err = await store.addArticle(article('الثاني', 'جو بايدن'), { url: url(2) }).catch((e: unknown) => e);
      IDBObjectStore.prototype.put = originalPut;

      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('quota');
      expect((err as StoreError).message).toMatch(/Storage is full.*Nothing stored before was lost/);
      expect(await snapshot(store)).toEqual(before);

      // Space freed: the same article now goes in whole.
      await store.addArticle(article('الثاني', 'جو بايدن'), { url: url(2) });
      expect((await store.stats()).articles).toBe(2);
    });
  }

  it('maps quota errors by name, including Firefox’s old one, and leaves other errors as storage', () => {
    expect(toStoreError(new DOMException('x', 'QuotaExceededError'), 'save').code).toBe('quota');
    expect(toStoreError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, 'save').code).toBe('quota');
    expect(toStoreError(new DOMException('x', 'UnknownError'), 'save').code).toBe('storage');
  });
});
