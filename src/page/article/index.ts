/**
 * Article detection and extraction over a DOM Document (issue 3): the heavy part, loaded only
 * for pages `firstLook` found Arabic.
 *
 *   const reading = readArticle(document, location.href);
 *   if (reading.isArticle) send({ url, canonicalUrl, title, published, site, text });
 *   // later, to highlight text[start, end):
 *   const range = rangeFor(document, reading.segments, start, end);
 *
 * The document is never modified (Readability works on a clone). `readArticle` never throws:
 * any failure is a reading with `isArticle: false` and the reason.
 */
import { identifyLanguage } from '../../nlp/text/language';
import { forEachTextNode } from '../firstLook';
import { decide } from './decide';
import { extractArticle, type TextBlock, type TextSegment } from './extract';
import { readJsonLd, typesOf } from './jsonld';
import { canonicalUrl, hostnameOf, metaContent, pickTitle, siteName } from './metadata';
import { publishedDate } from './published';
import { pageSignals } from './signals';
import { urlShape } from './urlShape';

export type { TextBlock, TextSegment } from './extract';
export { domSpanFor, rangeFor, type DomPoint, type DomSpan } from './textMap';

export interface PageReading {
  isArticle: boolean;
  /** 'ar', 'fa', 'ur', 'ckb', 'ps' or 'other' (see nlp/text/language). */
  lang: string;
  /** 0..1, for the verdict as a whole. */
  confidence: number;
  /** Human-readable: the signals behind the verdict. */
  reason: string;
  title: string;
  /** YYYY-MM-DD in the site's local time, or ''. */
  published: string;
  /** Where `published` was found ('JSON-LD datePublished', 'meta article:published_time', 'URL', …, or 'none found'). */
  publishedSource: string;
  site: string;
  url: string;
  canonicalUrl: string;
  /** Clean body text, paragraphs separated by a blank line. */
  text: string;
  /**
   * One entry per paragraph of `text` (start/end offsets, paragraph break excluded) with the
   * live element it was read from: for scrolling to a paragraph or marking it.
   */
  blocks: TextBlock[];
  /**
   * Offsets in `text` → live Text nodes, in text order; pass them to `rangeFor` / `domSpanFor`
   * to highlight text[start, end) in the page.
   */
  segments: TextSegment[];
}

export function readArticle(doc: Document, url = ''): PageReading {
  const reading: PageReading = {
    isArticle: false,
    lang: 'other',
    confidence: 0.5,
    reason: '',
    title: '',
    published: '',
    publishedSource: 'none found',
    site: hostnameOf(url),
    url,
    canonicalUrl: url,
    text: '',
    blocks: [],
    segments: [],
  };
  try {
    if (!doc?.documentElement) return { ...reading, reason: 'not an article: no document' };
    if (!doc.body) return { ...reading, reason: 'not an article: the page has no body', title: (doc.title ?? '').trim() };
    const jsonLd = readJsonLd(doc);
    reading.canonicalUrl = canonicalUrl(doc, url);
    const pageUrl = url || reading.canonicalUrl;
    reading.site = siteName(doc, jsonLd, pageUrl);
    reading.title = pickTitle(doc, jsonLd, reading.site, pageUrl);

    const extraction = extractArticle(doc, { title: reading.title });
    reading.text = extraction.text;
    reading.blocks = extraction.blocks;
    reading.segments = extraction.segments;
    if (!reading.title) reading.title = extraction.readabilityTitle;
    // The same headline printed in the body keeps the spaces a <title> lost at its line breaks.
    const spaces = (s: string) => (s.match(/\s/g) ?? []).length;
    if (extraction.headline && spaces(extraction.headline) > spaces(reading.title)) reading.title = extraction.headline.trim();

    // The extracted body is the best sample of the article's language; without one, the page's visible text.
    // A short extraction (a copyright line on a home page) says little, so the page's visible text joins it.
    const body = extraction.text.slice(0, 20000);
    const sample = body.length >= 600 ? `${reading.title}\n${body}` : `${reading.title}\n${body}\n${visibleSample(doc, 20000)}`;
    const language = identifyLanguage(sample);
    reading.lang = language.lang === 'other' ? declaredNonArabicLanguage(doc) : language.lang;

    const published = publishedDate(doc, jsonLd, pageUrl, extraction.text);
    reading.published = published.date;
    reading.publishedSource = published.source;

    const verdict = decide({
      language,
      url: urlShape(pageUrl),
      signals: pageSignals(doc, jsonLd),
      schemaTypes: new Set(jsonLd.flatMap(typesOf)),
      ogType: metaContent(doc, 'og:type').toLowerCase(),
      bodyChars: extraction.text.length,
      paragraphs: extraction.paragraphs,
      publishedSource: published.source,
      extractionFailure: extraction.failure,
      titleIsH1: titleIsOnlyH1(doc, reading.title),
      proseParagraphs: extraction.text ? extraction.text.split('\n\n').filter((p) => p.length >= 100).length : 0,
    });
    reading.isArticle = verdict.isArticle;
    reading.confidence = verdict.confidence;
    reading.reason = verdict.reason;
    return reading;
  } catch (err) {
    return { ...reading, isArticle: false, blocks: [], segments: [], reason: `not an article: the page could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Visible text of the page (scripts and styles excluded), at most `limit` characters. */
function visibleSample(doc: Document, limit: number): string {
  let out = '';
  if (doc.body) {
    forEachTextNode(doc.body, (text) => {
      const t = text.data.trim();
      if (t) out += t + ' ';
      return out.length < limit;
    });
  }
  return out;
}

function titleIsOnlyH1(doc: Document, title: string): boolean {
  const h1s = doc.getElementsByTagName('h1');
  if (h1s.length !== 1 || !title) return false;
  const squash = (s: string) => s.replace(/\s+/g, '');
  const h1 = squash(h1s[0]!.textContent ?? '');
  return h1.length >= 15 && (h1 === squash(title) || squash(title).includes(h1) || h1.includes(squash(title)));
}

/**
 * For text outside the Arabic script the identifier only says 'other'; the page's own lang
 * (en, fr…) is more useful there, unless it claims an Arabic-script language the text is not.
 */
function declaredNonArabicLanguage(doc: Document): string {
  const declared = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(declared) && !['ar', 'fa', 'ur', 'ps', 'ckb', 'ku'].includes(declared) ? declared : 'other';
}
