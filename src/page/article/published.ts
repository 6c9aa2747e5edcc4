/**
 * The publication date as YYYY-MM-DD in the site's local time. A timestamp with an offset
 * (2024-03-14T23:30:00+03:00) is already local time, so its written date is the answer;
 * converting to UTC would move late-evening articles to the next day.
 */
import { findDates } from '../../nlp/dates/index';
import { isArticleNode, type JsonLdNode } from './jsonld';
import { metaContent } from './metadata';

export interface PublishedDate {
  /** YYYY-MM-DD or ''. */
  date: string;
  /** Where it came from, e.g. 'JSON-LD datePublished', 'meta article:published_time', 'URL'. */
  source: string;
}

const MONTHS_EN: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): string {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return '';
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : '';
}

/**
 * Reads a date the way pages write them in metadata: ISO 8601 (with or without time and
 * offset), 20240314, d/m/yyyy (day first unless that is impossible: the sites this serves write
 * day first), RFC 2822 ("Thu, 14 Mar 2024 10:00:00 +0300"), epoch seconds or milliseconds.
 * Returns the date as written, i.e. in the writer's local time; '' when unreadable.
 */
export function localDateOf(value: string): string {
  const s = value.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    return a > 12 || b <= 12 ? validDate(+m[3]!, b, a) : validDate(+m[3]!, a, b);
  }
  m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(s);
  if (m && MONTHS_EN[m[2]!.toLowerCase()]) return validDate(+m[3]!, MONTHS_EN[m[2]!.toLowerCase()]!, +m[1]!);
  m = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s);
  if (m && MONTHS_EN[m[1]!.toLowerCase()]) return validDate(+m[3]!, MONTHS_EN[m[1]!.toLowerCase()]!, +m[2]!);
  if (/^\d{10}(\d{3})?$/.test(s)) {
    // An epoch has no zone of its own: UTC is the only honest reading.
    const d = new Date(s.length === 10 ? +s * 1000 : +s);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return '';
}

/** Dates in URL paths: /2024/03/14/, /2024-03-14, /20240314/, /2013/middle_east/8/3/. */
export function dateFromUrl(url: string): string {
  let path: string;
  try {
    path = decodeURI(new URL(url).pathname);
  } catch {
    return '';
  }
  let m = /\/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/\-._]|$)/.exec(path);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /[/_-]((?:19|20)\d\d)(\d{2})(\d{2})(?=[/\-._]|$)/.exec(path);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /\/((?:19|20)\d\d)\/[a-z_-]+\/(\d{1,2})\/(\d{1,2})(?=\/|$)/i.exec(path);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  return '';
}

const META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'article.published',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'date',
  'created',
];

/** The first date the page gives, most trustworthy source first. */
export function publishedDate(doc: Document, jsonLd: JsonLdNode[], url: string, bodyText: string): PublishedDate {
  for (const node of jsonLd) {
    if (!isArticleNode(node)) continue;
    const v = node.datePublished ?? node.dateCreated;
    if (typeof v === 'string') {
      const date = localDateOf(v);
      if (date) return { date, source: 'JSON-LD datePublished' };
    }
  }
  for (const key of META_KEYS) {
    const v = metaContent(doc, key);
    const date = v ? localDateOf(v) : '';
    if (date) return { date, source: `meta ${key}` };
  }
  for (const node of jsonLd) {
    const v = node.datePublished ?? node.uploadDate;
    if (typeof v === 'string') {
      const date = localDateOf(v);
      if (date) return { date, source: 'JSON-LD datePublished' };
    }
  }
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  if (itemprop) {
    const date = localDateOf(itemprop.getAttribute('content') ?? itemprop.getAttribute('datetime') ?? itemprop.textContent ?? '');
    if (date) return { date, source: 'itemprop datePublished' };
  }
  // <time pubdate> first, then the first <time datetime> inside <article>, then anywhere.
  const times = [
    ...Array.from(doc.querySelectorAll('time[pubdate][datetime]')),
    ...Array.from(doc.querySelectorAll('article time[datetime]')),
    ...Array.from(doc.querySelectorAll('time[datetime]')).slice(0, 3),
  ];
  for (const t of times) {
    const date = localDateOf(t.getAttribute('datetime') ?? '');
    if (date) return { date, source: '<time datetime>' };
  }
  const fromUrl = dateFromUrl(url);
  if (fromUrl) return { date: fromUrl, source: 'URL' };
  const visible = visibleDate(doc, bodyText);
  if (visible) return { date: visible, source: 'visible date text' };
  return { date: '', source: 'none found' };
}

/**
 * Last resort: a full day date written near the top of the article or in an element whose
 * class says it is a date. Uses the shared date recogniser; relative expressions are
 * ignored because there is no reference date to resolve them against.
 */
function visibleDate(doc: Document, bodyText: string): string {
  const today = new Date();
  const ref = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  const near: string[] = [];
  const far: string[] = [];
  // Date-classed elements inside the article first, then the body's opening (a dateline),
  // and only then the rest of the page, whose header often shows today's date.
  for (const el of Array.from(doc.querySelectorAll('[class*="date" i], [class*="time" i], [id*="date" i]')).slice(0, 12)) {
    const t = (el.textContent ?? '').trim();
    if (t && t.length < 200) (el.closest('article, main, [role="main"]') ? near : far).push(t);
  }
  const samples = [...near, bodyText.slice(0, 400), ...far];
  for (const sample of samples) {
    for (const mention of safeFindDates(sample, ref)) {
      // Only a date that names its year is trustworthy without a reference.
      if (mention.grain === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(mention.value) && /\d{4}|[\u0660-\u0669]{4}/.test(mention.text)) {
        return mention.value;
      }
    }
  }
  return '';
}

function safeFindDates(text: string, ref: string): ReturnType<typeof findDates> {
  try {
    return findDates(text, ref);
  } catch {
    return [];
  }
}
