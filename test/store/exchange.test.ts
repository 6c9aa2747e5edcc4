import { describe, expect, it } from 'vitest';
import { StoreError, type TimelineStore } from '../../src/background/store';
import { csvField } from '../../src/background/store/exchange';
import { freshStore, makeAnalysis, snapshot, url } from './helpers';

async function populated(): Promise<TimelineStore> {
  const { store } = await freshStore();
  await store.addArticle(
    makeAnalysis({
      title: 'عنوان، مع "فاصلة"',
      site: 'a.example',
      actors: [
        { name: 'جو بايدن', aliases: ['بايدن'] },
        { name: 'إيران', type: 'LOC' },
      ],
      events: [
        { date: '2024-03-14', text: 'قال بايدن:\n"نعم، سنفعل".', actors: ['جو بايدن', 'إيران'] },
        { date: '2024-03', grain: 'month', text: '=SUM(A1) خبر', actors: ['إيران'] },
        { date: '2023', grain: 'year', text: 'عام مضى <b>', actors: [] },
        { date: '2024-02-01/2024-02-10', grain: 'part-of-month', text: 'أوائل شباط.', actors: ['جو بايدن'] },
      ],
    }),
    { url: url(1), readAt: 1_000 },
  );
  const b = await store.addArticle(makeAnalysis({ title: 'ب', actors: [{ name: 'بايدن' }, { name: 'هانتر بايدن' }] }), {
    url: url(2),
    readAt: 2_000,
  });
  await store.splitActor(b.actorIds.a1!, { articleId: b.articleId });
  return store;
}

describe('exports', () => {
  it('writes TimelineJS JSON with the precision of each date, escaping page text', async () => {
    const store = await populated();
    const doc = await store.exportTimelineJS({}, 'خطي الزمني');
    expect(doc.title?.text.headline).toBe('خطي الزمني');
    expect(doc.events.map((e) => [e.start_date, e.end_date])).toEqual([
      [{ year: 2023 }, undefined],
      [{ year: 2024, month: 2, day: 1 }, { year: 2024, month: 2, day: 10 }],
      [{ year: 2024, month: 3 }, undefined],
      [{ year: 2024, month: 3, day: 14 }, undefined],
    ]);
    const year = doc.events[0]!;
    expect(year.text.text).toContain('عام مضى &#60;b&#62;');
    expect(year.group).toBe('a.example');
    expect(year.unique_id).toMatch(/#2$/);
    expect(doc.events[3]!.text.text).toContain('جو بايدن، إيران');
  });

  it('writes RFC 4180 CSV in UTF-8 with BOM, one row per event', async () => {
    const store = await populated();
    const csv = await store.exportCSV();
    expect(csv.startsWith('\uFEFFdate,end_date,precision,text,actors,article_title,url\r\n')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows).toHaveLength(6); // header, 4 events, trailing empty
    expect(rows[2]).toBe(`2024-02-01,2024-02-10,part-of-month,أوائل شباط.,جو بايدن,"عنوان، مع ""فاصلة""",${url(1)}`);
    expect(rows[3]).toContain(",'=SUM(A1) خبر,");
    // The quoted newline stays inside one field.
    expect(rows[4]).toBe(`2024-03-14,,day,"قال بايدن:\n""نعم، سنفعل"".",جو بايدن; إيران,"عنوان، مع ""فاصلة""",${url(1)}`);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('-1')).toBe("'-1");
  });

  it('round-trips the full JSON export into an empty store', async () => {
    const store = await populated();
    const file = JSON.stringify(await store.exportJSON());
    const { store: copy } = await freshStore();
    const result = await copy.importJSON(file);
    expect(result).toEqual({ added: 2, updated: 0, corrections: 1 });
    const a = await snapshot(store);
    const b = await snapshot(copy);
    expect(b.stats).toEqual(a.stats);
    expect(b.content.articles).toEqual(a.content.articles);
    expect(b.content.corrections).toEqual(a.content.corrections);
    const strip = (s: typeof a) => s.timeline.events.map((e) => ({ ...e, id: '', article: { ...e.article, id: '' }, actors: e.actors.map((x) => x.name) }));
    expect(strip(b)).toEqual(strip(a));
    // The article split travelled with the file: the bare name stays apart from Joe.
    const joe = await copy.searchActors('جو بايدن');
    expect(joe[0]?.articleCount).toBe(1);
    // Importing the same file again updates rather than duplicates.
    expect(await copy.importJSON(file)).toEqual({ added: 0, updated: 2, corrections: 1 });
    expect((await copy.stats()).articles).toBe(2);
  });
});

describe('import rejects bad files without touching the timeline', () => {
  const cases: Array<[string, (good: string) => unknown, RegExp]> = [
    ['truncated', (good) => good.slice(0, Math.floor(good.length * 0.7)), /not valid JSON.*truncated/],
    ['foreign JSON', () => JSON.stringify({ events: [] }), /not an Arabic News Lens export/],
    ['an array', () => '[]', /not an Arabic News Lens export/],
    ['a future version', (good) => good.replace('"version":1', '"version":99'), /Unsupported export version 99/],
    ['an unknown field', (good) => good.replace('"corrections":', '"extra":1,"corrections":'), /damaged.*extra/],
    [
      'a damaged analysis',
      (good) => {
        const data = JSON.parse(good) as { articles: Array<{ analysis: { actors: Array<{ type: string }> } }> };
        data.articles[1]!.analysis.actors[0]!.type = 'SPACESHIP';
        return data;
      },
      /article 1 .*actors\.0\.type/,
    ],
  ];
  for (const [name, corrupt, reason] of cases) {
    it(`rejects ${name}`, async () => {
      const source = await populated();
      const good = JSON.stringify(await source.exportJSON());
      const { store } = await freshStore();
      await store.addArticle(makeAnalysis({ title: 'موجود', actors: [{ name: 'عمان', type: 'LOC' }] }), { url: url(9) });
      const before = await snapshot(store);
      const err = await store.importJSON(corrupt(good)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('invalid-import');
      expect((err as StoreError).message).toMatch(reason);
      expect(await snapshot(store)).toEqual(before);
    });
  }
});
