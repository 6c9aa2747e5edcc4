import { describe, expect, it } from 'vitest';
import { firstLook } from '../../src/page/firstLook';
import { fixtureDoc, htmlDoc } from './helpers';

describe('firstLook', () => {
  it('finds an Arabic article page Arabic', () => {
    const look = firstLook(fixtureDoc('arabic-article-furniture.html'));
    expect(look).toMatchObject({ arabic: true, lang: 'ar', undecided: false });
  });

  it('does not trust lang="en" on an Arabic page', () => {
    const look = firstLook(fixtureDoc('lang-en-arabic.html'));
    expect(look.arabic).toBe(true);
    expect(look.reason).toContain('lang=en-us');
  });

  it('reads text hidden in numeric character references', () => {
    expect(firstLook(fixtureDoc('numeric-refs.html')).arabic).toBe(true);
  });

  it('turns Persian and Urdu pages away, naming the language', () => {
    const fa = firstLook(fixtureDoc('persian-article.html'));
    expect(fa).toMatchObject({ arabic: false, lang: 'fa', undecided: false });
    expect(fa.reason).toMatch(/Persian/);
    const ur = firstLook(fixtureDoc('urdu-article.html'));
    expect(ur).toMatchObject({ arabic: false, lang: 'ur' });
  });

  it('turns a large English page away after a bounded sample', () => {
    const paragraph = '<p>The council met on Tuesday to discuss the new budget for roads, schools and parks in the city.</p>';
    const doc = htmlDoc(`<!DOCTYPE html><html lang="en"><head><title>City news</title></head><body>${paragraph.repeat(20000)}</body></html>`);
    const look = firstLook(doc, { maxChars: 3000 });
    expect(look).toMatchObject({ arabic: false, lang: 'other', undecided: false });
    expect(look.sampledChars).toBeLessThan(3200);
  });

  it('finds the Arabic body behind English page chrome through the title and paragraphs', () => {
    const chrome = '<a href="/x">Home page link</a> '.repeat(200);
    const body = '<p>أعلنت وزارة الزراعة أن موسم الحصاد سيبدأ في الأسبوع المقبل، وأن المزارعين سيحصلون على دعم إضافي لشراء البذور والأسمدة هذا العام.</p>'.repeat(3);
    const doc = htmlDoc(`<!DOCTYPE html><html lang="en"><head><title>موسم الحصاد يبدأ الأسبوع المقبل</title></head><body><div>${chrome}</div>${body}</body></html>`);
    expect(firstLook(doc, { maxChars: 2000 }).arabic).toBe(true);
  });

  it('decides no for an English page that quotes an Arabic word in its title', () => {
    const body = '<p>Ministers met in the capital on Monday to discuss trade, energy and the new rail link between the two countries.</p>'.repeat(10);
    const look = firstLook(htmlDoc(`<!DOCTYPE html><html lang="en"><head><title>The word سلام in diplomacy</title></head><body>${body}</body></html>`));
    expect(look).toMatchObject({ arabic: false, undecided: false });
  });

  it('says undecided for an Arabic app shell whose text has not arrived', () => {
    const look = firstLook(htmlDoc('<!DOCTYPE html><html lang="ar" dir="rtl"><head><title></title></head><body><div id="root"></div></body></html>'));
    expect(look).toMatchObject({ arabic: false, undecided: true });
  });

  it('does not throw on a page without a body', () => {
    const look = firstLook(fixtureDoc('no-body.html'));
    expect(look.arabic).toBe(false);
  });
});
