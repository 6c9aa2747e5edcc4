/**
 * Reading a saved page in Node: HTML string → linkedom Document → the same `readArticle` the
 * extension runs in the browser. The result carries no DOM references, so it can be printed
 * or passed to the analysis (`analyze` uses it for .html input).
 */
import { parseHTML } from 'linkedom';
import { readArticle, type PageReading } from '../page/article/index';

/** A page reading without the live-DOM map (`blocks`, `segments`). */
export type PageSummary = Omit<PageReading, 'blocks' | 'segments'>;

/**
 * Parses HTML the way a browser would frame it. linkedom keeps the first element it meets as
 * the document element, so a saved page that starts at <head> (browser snapshots often do) or
 * at a bare <p> would lose its body; such input is wrapped in <html> first.
 */
export function parseHtmlDocument(html: string): Document {
  const hasHtmlTag = /<html[\s>]/i.test(html.slice(0, 200_000));
  // Old IE conditional comments repeat <html>; a browser keeps the first, linkedom nests them
  // and loses the body, so later ones are dropped.
  let seenHtml = false;
  const deduped = hasHtmlTag
    ? html.replace(/<html(?=[\s>])[^>]*>/gi, (tag) => {
        if (seenHtml) return '';
        seenHtml = true;
        return tag;
      })
    : html;
  const source = hasHtmlTag ? deduped : `<!DOCTYPE html><html>${html}</html>`;
  let doc = parseHTML(source).document as unknown as Document;
  if (!doc.body || !doc.documentElement || doc.documentElement.nodeName.toUpperCase() !== 'HTML') {
    // Still no proper frame: put everything into a body of our own.
    doc = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
  }
  return doc;
}

/** Reads a page's HTML; never throws for bad HTML (the reading says why it is not an article). */
export function readPageFile(html: string, url = ''): PageSummary {
  let doc: Document;
  try {
    doc = parseHtmlDocument(html);
  } catch (err) {
    return {
      isArticle: false,
      lang: 'other',
      confidence: 0.5,
      reason: `not an article: the HTML could not be parsed (${err instanceof Error ? err.message : String(err)})`,
      title: '',
      published: '',
      publishedSource: 'none found',
      site: '',
      url,
      canonicalUrl: url,
      text: '',
    };
  }
  const { blocks: _blocks, segments: _segments, ...summary } = readArticle(doc, url);
  return summary;
}
