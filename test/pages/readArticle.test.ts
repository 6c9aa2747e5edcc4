import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/page/article/index';
import { fixtureDoc, htmlDoc } from './helpers';

const NEWS_URL = 'https://news.example/2024/06/01/story-123456';

describe('readArticle on an Arabic article wrapped in site furniture', () => {
  const doc = fixtureDoc('arabic-article-furniture.html');
  const before = doc.documentElement.outerHTML;
  const reading = readArticle(doc, 'https://alofoq.example/news/2024/03/14/water-station-opens-1234567?utm_source=x');

  it('says it is an Arabic news article, with the reasons', () => {
    expect(reading.isArticle).toBe(true);
    expect(reading.lang).toBe('ar');
    expect(reading.confidence).toBeGreaterThan(0.8);
    expect(reading.reason).toContain('JSON-LD NewsArticle');
  });

  it('reads title, site, canonical URL and the local publication date', () => {
    expect(reading.title).toBe('بلدية الواحة تفتتح محطة جديدة لتحلية المياه');
    expect(reading.site).toBe('صحيفة الأفق');
    expect(reading.canonicalUrl).toBe('https://alofoq.example/news/2024/03/14/water-station-opens-1234567');
    // 23:30 at +03:00 is 20:30 UTC the same day; the site's local date is the 14th either way,
    // and it must not be shifted by the machine's zone.
    expect(reading.published).toBe('2024-03-14');
    expect(reading.publishedSource).toBe('JSON-LD datePublished');
  });

  it('keeps the article paragraphs, separated by blank lines', () => {
    const paragraphs = reading.text.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^افتتح رئيس بلدية الواحة سالم الكعبي/);
    expect(paragraphs[4]).toMatch(/^من جهتهم/);
    expect(reading.text).not.toMatch(/\n{3}|^\s|\s$/);
  });

  it('drops read-also lines, follow-us lines, share bars, tags, captions and back-to-top', () => {
    for (const furniture of ['اقرأ أيضاً', 'طالع أيضا', 'وزارة البيئة تطلق حملة', 'تابعونا', 'فيسبوك', 'الوسوم', 'زر الذهاب', 'أخبار ذات صلة', 'جميع الحقوق', 'المحطة الجديدة لتحلية المياه في مدينة الواحة']) {
      expect(reading.text).not.toContain(furniture);
    }
  });

  it('does not change the page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('readArticle verdicts', () => {
  it('rejects a section listing', () => {
    const reading = readArticle(fixtureDoc('arabic-listing.html'), 'https://alofoq.example/category/local');
    expect(reading.isArticle).toBe(false);
    expect(reading.lang).toBe('ar');
    expect(reading.reason).toMatch(/listing|headline links|teasers/);
  });

  it('rejects the same listing without its URL, on structure alone', () => {
    const reading = readArticle(fixtureDoc('arabic-listing.html'));
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/headline links|teasers/);
  });

  it('rejects Persian and Urdu news articles however article-like they are', () => {
    const fa = readArticle(fixtureDoc('persian-article.html'), NEWS_URL);
    expect(fa).toMatchObject({ isArticle: false, lang: 'fa' });
    expect(fa.reason).toMatch(/not Arabic: Persian/);
    const ur = readArticle(fixtureDoc('urdu-article.html'), NEWS_URL);
    expect(ur).toMatchObject({ isArticle: false, lang: 'ur' });
  });

  it('accepts an Arabic article served with lang="en-US"', () => {
    const reading = readArticle(fixtureDoc('lang-en-arabic.html'), 'https://news.example/local/olive-harvest-season-begins-4455667');
    expect(reading).toMatchObject({ isArticle: true, lang: 'ar', title: 'مزارعو الوادي يستعدون لموسم قطف الزيتون' });
    expect(reading.text).not.toContain('Copyright');
  });

  it('reads Arabic written as numeric character references', () => {
    const reading = readArticle(fixtureDoc('numeric-refs.html'), NEWS_URL);
    expect(reading.isArticle).toBe(true);
    expect(reading.title).toBe('رحلات جوية يومية جديدة إلى المدن الساحلية');
    expect(reading.text).toContain('أعلنت هيئة الطيران المدني');
    expect(reading.text).not.toContain('&#');
  });

  it('says no, with a reason, for broken HTML', () => {
    const reading = readArticle(fixtureDoc('broken.html'), NEWS_URL);
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/too little body text/);
  });

  it('says no, with a reason, for a page without body text', () => {
    const reading = readArticle(fixtureDoc('no-body.html'), NEWS_URL);
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/no body text/);
  });

  it('rejects a home page even when it claims og:type article', () => {
    const html = fixtureDoc('arabic-article-furniture.html').documentElement.outerHTML;
    const reading = readArticle(htmlDoc(html), 'https://alofoq.example/');
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/home page/);
  });

  it('rejects a forum thread and a Wikipedia page', () => {
    const post = '<div class="postbit"><div class="post-message">شكرا على الموضوع المفيد يا أخي، وأتمنى أن تكتب المزيد عن هذا الأمر في المستقبل القريب إن شاء الله.</div></div>';
    const forum = htmlDoc(`<!DOCTYPE html><html lang="ar"><head><title>موضوع للنقاش</title><meta name="generator" content="vBulletin 4.2"></head><body>${post.repeat(12)}</body></html>`);
    expect(readArticle(forum, 'https://montada.example/showthread.php?t=99').reason).toMatch(/forum/);
    const wiki = fixtureDoc('arabic-article-furniture.html').documentElement.outerHTML;
    const reading = readArticle(htmlDoc(wiki), 'https://ar.wikipedia.org/wiki/%D9%85%D8%AD%D8%B7%D8%A9');
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/encyclopedia/);
  });

  it('rejects a shop page with a product schema', () => {
    const shop = htmlDoc(`<!DOCTYPE html><html lang="ar"><head><title>هاتف ذكي جديد</title>
      <script type="application/ld+json">{"@type":"Product","name":"هاتف","offers":{"@type":"Offer","price":"999"}}</script></head>
      <body><h1>هاتف ذكي جديد بشاشة كبيرة</h1><p>${'هاتف بشاشة كبيرة وبطارية تدوم طويلا مع كاميرا متطورة وذاكرة واسعة للتخزين. '.repeat(12)}</p><span itemprop="price">999 ريال</span></body></html>`);
    const reading = readArticle(shop, 'https://shop.example/product/phone-x-2000');
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/shop/);
  });

  it('rejects a video page with little text', () => {
    const video = htmlDoc(`<!DOCTYPE html><html lang="ar"><head><title>فيديو: لحظة افتتاح الجسر الجديد</title><meta property="og:type" content="video.other">
      <script type="application/ld+json">{"@type":"VideoObject","name":"لحظة افتتاح الجسر","uploadDate":"2024-03-14"}</script></head>
      <body><h1>فيديو: لحظة افتتاح الجسر الجديد</h1><video src="v.mp4"></video><p>شاهد لحظة افتتاح الجسر الجديد الذي يربط ضفتي النهر في وسط المدينة بحضور المسؤولين.</p></body></html>`);
    const reading = readArticle(video, 'https://news.example/video/bridge-opening-moment-778899');
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/video|too little body text/);
  });

  it('rejects a search results page by its URL', () => {
    const html = fixtureDoc('arabic-article-furniture.html').documentElement.outerHTML;
    const reading = readArticle(htmlDoc(html), 'https://alofoq.example/search?q=%D9%85%D9%8A%D8%A7%D9%87');
    expect(reading.isArticle).toBe(false);
    expect(reading.reason).toMatch(/search/);
  });

  it('survives a 5 MB page and still finds the article', () => {
    const base = fixtureDoc('arabic-article-furniture.html').documentElement.outerHTML;
    const comment = '<div class="comment"><p>تعليق قصير من أحد القراء.</p><a href="/u/1">قارئ</a></div>\n';
    const big = base.replace('</main>', `</main><section id="comments">${comment.repeat(Math.ceil(5_000_000 / comment.length))}</section>`);
    expect(big.length).toBeGreaterThan(5_000_000);
    const reading = readArticle(htmlDoc(big), 'https://alofoq.example/news/2024/03/14/water-station-opens-1234567');
    expect(reading.isArticle).toBe(true);
    expect(reading.text).toMatch(/^افتتح رئيس بلدية الواحة/);
  }, 180_000); // linkedom clones and parses 5 MB slowly on a busy machine; browsers are much faster

  it('does not throw on frames or editable areas', () => {
    const frames = htmlDoc('<!DOCTYPE html><html lang="ar"><head><title>إطارات</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>');
    const framed = readArticle(frames, NEWS_URL);
    expect(framed.isArticle).toBe(false);
    expect(framed.reason).not.toBe('');
    const editable = htmlDoc('<!DOCTYPE html><html lang="ar"><head><title>محرر</title></head><body contenteditable="true"><p>نص قصير يكتبه المستخدم في المحرر.</p></body></html>');
    const edited = readArticle(editable, NEWS_URL);
    expect(edited.isArticle).toBe(false);
    expect(edited.reason).not.toBe('');
  });

  it('falls back to a visible Arabic date when the page has no date metadata', () => {
    const doc = htmlDoc(`<!DOCTYPE html><html lang="ar"><head><title>خبر بلا تاريخ</title></head><body><article><h1>خبر بلا تاريخ في بياناته</h1>
      <div class="post-date">نشر يوم الخميس 14 مارس 2024</div>
      ${'<p>قال مسؤولون في المدينة إن أعمال الصيانة في الشارع الرئيسي ستستمر حتى نهاية الشهر، وإن حركة السير ستحول إلى الطرق الفرعية خلال ساعات النهار.</p>'.repeat(4)}
      </article></body></html>`);
    const reading = readArticle(doc, 'https://news.example/local/road-works-main-street');
    expect(reading.published).toBe('2024-03-14');
    expect(reading.publishedSource).toBe('visible date text');
  });
});
