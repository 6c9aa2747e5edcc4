import { describe, expect, it } from 'vitest';
import { dateFromUrl, localDateOf } from '../../src/page/article/published';
import { stripSiteFromTitle } from '../../src/page/article/metadata';
import { urlShape } from '../../src/page/article/urlShape';
import { readJsonLd, isArticleNode } from '../../src/page/article/jsonld';
import { htmlDoc } from './helpers';

describe('localDateOf: the date as the site wrote it', () => {
  it('keeps the local date of a timestamp with an offset', () => {
    expect(localDateOf('2024-03-14T23:30:00+03:00')).toBe('2024-03-14');
    expect(localDateOf('2024-03-15T01:10:00+0400')).toBe('2024-03-15');
    expect(localDateOf('2020-06-03T03:01+0400')).toBe('2020-06-03');
    expect(localDateOf('2024-03-03T13:52:13.299Z')).toBe('2024-03-03');
  });
  it('reads the other forms pages use', () => {
    expect(localDateOf('20240314')).toBe('2024-03-14');
    expect(localDateOf('14/03/2024')).toBe('2024-03-14');
    expect(localDateOf('08/10/2009')).toBe('2009-10-08');
    expect(localDateOf('03/25/2024')).toBe('2024-03-25');
    expect(localDateOf('Thu, 14 Mar 2024 22:00:00 +0300')).toBe('2024-03-14');
    expect(localDateOf('March 14, 2024')).toBe('2024-03-14');
    expect(localDateOf('٢٠٢٤-٠٣-١٤')).toBe('2024-03-14');
  });
  it('refuses what is not a date', () => {
    expect(localDateOf('2024-02-30')).toBe('');
    expect(localDateOf('yesterday')).toBe('');
    expect(localDateOf('')).toBe('');
  });
});

describe('dateFromUrl', () => {
  it('finds dated paths', () => {
    expect(dateFromUrl('https://a.example/news/2024/03/14/slug')).toBe('2024-03-14');
    expect(dateFromUrl('https://www.youm7.example/story/2024/5/13/slug/6573469')).toBe('2024-05-13');
    expect(dateFromUrl('https://a.example/2013/middle_east/8/3/story/index.html')).toBe('2013-08-03');
    expect(dateFromUrl('https://a.example/news/2020-06-03-1.3874341')).toBe('2020-06-03');
    expect(dateFromUrl('https://a.example/article_20240314_001.html')).toBe('2024-03-14');
  });
  it('ignores ids and years alone', () => {
    expect(dateFromUrl('https://a.example/news/1353889/slug')).toBe('');
    expect(dateFromUrl('https://a.example/archive/2024/')).toBe('');
    expect(dateFromUrl('not a url')).toBe('');
  });
});

describe('stripSiteFromTitle', () => {
  it('removes the site name and section labels', () => {
    expect(stripSiteFromTitle('وزير الري يشهد توقيع عقد دراسة جديدة - اليوم السابع', ['اليوم السابع'])).toBe('وزير الري يشهد توقيع عقد دراسة جديدة');
    expect(stripSiteFromTitle('القائم بالأعمال يثمن الجهود - عبر الإمارات - أخبار وتقارير - البيان', ['البيان'])).toBe('القائم بالأعمال يثمن الجهود');
    expect(stripSiteFromTitle('صحيفة الأفق | البلدية تفتتح محطة جديدة للمياه', ['صحيفة الأفق'])).toBe('البلدية تفتتح محطة جديدة للمياه');
  });
  it('keeps a title whose dash belongs to the headline', () => {
    expect(stripSiteFromTitle('مباراة القمة - الشوط الأول', ['صحيفة الأفق'])).toBe('مباراة القمة - الشوط الأول');
    expect(stripSiteFromTitle('وزارة العمل: تفاصيل تسفير العمال', ['اليوم السابع'])).toBe('وزارة العمل: تفاصيل تسفير العمال');
  });
});

describe('urlShape', () => {
  it('recognises article URLs', () => {
    expect(urlShape('https://a.example/news/2024/03/14/slug').kind).toBe('article');
    expect(urlShape('https://a.example/news/lifestyle/898682/%D8%B4%D8%B9%D8%B1').kind).toBe('article');
    expect(urlShape('https://a.example/local/olive-harvest-season-begins').kind).toBe('article');
    expect(urlShape('https://a.example/index.php?id=12345').kind).toBe('article');
  });
  it('recognises pages that are not articles', () => {
    expect(urlShape('https://a.example/').kind).toBe('home');
    expect(urlShape('https://a.example/ar/').kind).toBe('home');
    expect(urlShape('https://a.example/category/sport').kind).toBe('listing');
    expect(urlShape('https://a.example/tag/%D9%85%D9%8A%D8%A7%D9%87').kind).toBe('listing');
    expect(urlShape('https://a.example/search?q=gaza').kind).toBe('search');
    expect(urlShape('https://a.example/?s=gaza').kind).toBe('search');
    expect(urlShape('https://ar.wikipedia.org/wiki/x').kind).toBe('wiki');
    expect(urlShape('https://a.example/vb/showthread.php?t=5').kind).toBe('forum');
    expect(urlShape('https://a.example/product/phone-x-2000').kind).toBe('shop');
    expect(urlShape('').kind).toBe('unknown');
  });
});

describe('readJsonLd', () => {
  it('finds articles inside @graph and tolerates broken blocks', () => {
    const doc = htmlDoc(`<!DOCTYPE html><html><head>
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["ReportageNewsArticle"],"headline":"h"}]}</script>
      <script type="application/ld+json">{"@type":"Article", "headline":"broken",}</script>
      <script type="application/ld+json">{ not json at all</script>
      </head><body></body></html>`);
    const nodes = readJsonLd(doc);
    expect(nodes.filter(isArticleNode).map((n) => n.headline)).toEqual(['h', 'broken']);
  });
});
