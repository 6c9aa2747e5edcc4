import { describe, expect, it } from 'vitest';
import { domSpanFor, readArticle } from '../../src/page/article/index';
import { tokenize } from '../../src/nlp/text/tokenize';
import { fixtureDoc, htmlDoc } from './helpers';

/** The live text a span covers, read from the DOM nodes themselves. */
function liveText(span: NonNullable<ReturnType<typeof domSpanFor>>): string {
  if (span.start.node === span.end.node) return span.start.node.data.slice(span.start.offset, span.end.offset);
  return span.start.node.data.slice(span.start.offset) + '…' + span.end.node.data.slice(0, span.end.offset);
}

describe('offsets in the extracted text map back to the live document', () => {
  const doc = fixtureDoc('arabic-article-furniture.html');
  const reading = readArticle(doc, 'https://alofoq.example/news/2024/03/14/water-station-opens-1234567');

  it('maps every word of the text to the same characters in a live Text node', () => {
    const tokens = tokenize(reading.text);
    expect(tokens.length).toBeGreaterThan(100);
    for (const token of tokens) {
      const span = domSpanFor(reading.segments, token.start, token.end);
      expect(span, `no DOM span for «${token.text}» at ${token.start}`).not.toBeNull();
      expect(liveText(span!)).toBe(token.text);
      // Live nodes, not Readability's clone.
      expect(span!.start.node.ownerDocument).toBe(doc);
      expect(doc.body.contains(span!.start.node)).toBe(true);
    }
  });

  it('maps a multi-word range spanning inline elements', () => {
    const live = htmlDoc(`<!DOCTYPE html><html lang="ar"><head><title>خبر</title></head><body><article>
      <p>قال   الرئيس <b>جو   بايدن</b> إن المحادثات ستستمر في العاصمة خلال الأيام المقبلة، وإن الوفد سيعود بعد أسبوع لمتابعة الملفات العالقة بين الطرفين.</p>
      <p>وأضاف أن الجانبين اتفقا على تشكيل لجان فنية لمتابعة التفاصيل، وأن الاجتماع المقبل سيعقد في موعد يحدد لاحقا بعد التشاور مع الشركاء.</p>
      <p>وختم بالقول إن الأجواء كانت إيجابية، وإن الطرفين عبرا عن رغبتهما في التوصل إلى اتفاق يرضي الجميع قبل نهاية العام.</p>
      </article></body></html>`);
    const r = readArticle(live, 'https://news.example/2024/06/01/talks-123456');
    const start = r.text.indexOf('الرئيس جو بايدن');
    expect(start).toBeGreaterThanOrEqual(0);
    const span = domSpanFor(r.segments, start, start + 'الرئيس جو بايدن'.length);
    expect(span).not.toBeNull();
    expect(span!.start.node.data.slice(span!.start.offset)).toBe('الرئيس ');
    expect(span!.end.node.data.slice(0, span!.end.offset)).toBe('جو   بايدن');
  });

  it('splits <br>-separated paragraphs, joins a sentence broken by <br>, and still maps every word', () => {
    const line = (n: number) => `وقال المتحدث باسم الوزارة في تصريح صحفي إن المرحلة رقم ${n} من المشروع ستنتهي قبل الموعد المحدد، وإن العمل يسير وفق الخطة.`;
    const live = htmlDoc(`<!DOCTYPE html><html lang="ar"><head><title>عنوان</title></head><body><div id="story">
      <div class="text">الوزارة تعلن<br>موعد المرحلة الثانية.<br>${line(1)}<br>${line(2)}<br><br>${line(3)}<br>${line(4)}<br>${line(5)}</div></div></body></html>`);
    const r = readArticle(live, 'https://news.example/2024/06/01/phase-two-123456');
    const paragraphs = r.text.split('\n\n');
    expect(paragraphs).toContain('الوزارة تعلن موعد المرحلة الثانية.');
    for (let n = 1; n <= 5; n++) expect(paragraphs).toContain(line(n));
    for (const token of tokenize(r.text)) {
      const span = domSpanFor(r.segments, token.start, token.end);
      expect(span, `no DOM span for «${token.text}»`).not.toBeNull();
      expect(liveText(span!)).toBe(token.text);
    }
  });

  it('gives one block per paragraph, each pointing at the live element holding its text', () => {
    const paragraphs = reading.text.split('\n\n');
    expect(reading.blocks).toHaveLength(paragraphs.length);
    reading.blocks.forEach((block, i) => {
      expect(reading.text.slice(block.start, block.end)).toBe(paragraphs[i]);
      expect(doc.body.contains(block.element)).toBe(true);
      const elementText = (block.element.textContent ?? '').replace(/\s+/g, ' ');
      expect(elementText).toContain(paragraphs[i]!.slice(0, 30));
    });
  });

  it('returns null outside the text and for empty ranges', () => {
    expect(domSpanFor(reading.segments, -1, 3)).toBeNull();
    expect(domSpanFor(reading.segments, 5, 5)).toBeNull();
    expect(domSpanFor(reading.segments, reading.text.length + 1, reading.text.length + 5)).toBeNull();
  });
});
