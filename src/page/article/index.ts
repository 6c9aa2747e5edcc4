/** Article detection and extraction over a DOM Document (issue 3). Placeholder until it lands. */
export interface PageReading {
  isArticle: boolean;
  lang: string;
  confidence: number;
  reason: string;
  title: string;
  /** YYYY-MM-DD in the site's local time, or ''. */
  published: string;
  site: string;
  url: string;
  canonicalUrl: string;
  /** Clean body text, paragraphs separated by a blank line. */
  text: string;
}

export function readArticle(doc: Document, url = ''): PageReading {
  const text = (doc.body?.innerText ?? doc.body?.textContent ?? '').trim();
  return {
    isArticle: text.length > 0,
    lang: 'ar',
    confidence: 0,
    reason: 'placeholder reader: body text taken as is',
    title: doc.title,
    published: '',
    site: new URL(url || 'http://localhost/').hostname,
    url,
    canonicalUrl: url,
    text,
  };
}
