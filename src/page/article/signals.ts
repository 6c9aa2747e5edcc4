/**
 * Structural signals of the page as a whole: how much of it is headline links (listings,
 * home pages), paragraphs, <article> elements, and the marks of forums, wikis, shops and video
 * pages. Computed over the live document without changing it.
 */
import { typesOf, type JsonLdNode } from './jsonld';
import { metaContent } from './metadata';
import { forEachTextNode } from '../firstLook';

export interface PageSignals {
  /** Links whose text looks like a headline (4+ words or 25+ characters): teasers of other articles. */
  headlineLinks: number;
  links: number;
  /** Characters of text inside links / all visible text. */
  linkDensity: number;
  /** <p> elements with 80+ characters of their own text, and their characters. */
  paragraphs: number;
  paragraphChars: number;
  articleElements: number;
  h1Count: number;
  visibleChars: number;
  forum: string;
  wiki: string;
  shop: string;
  video: boolean;
  editable: boolean;
}

/**
 * Visible-ish text length (script and style excluded), from a walk bounded to `limitNodes`
 * nodes so a 5 MB page costs no more than a large one.
 */
function visibleTextLength(root: Element, limitNodes = 60_000): number {
  let chars = 0;
  forEachTextNode(
    root,
    (text) => {
      chars += text.data.trim().length;
      return true;
    },
    limitNodes,
  );
  return chars;
}

export function pageSignals(doc: Document, jsonLd: JsonLdNode[]): PageSignals {
  const body = doc.body;
  const signals: PageSignals = {
    headlineLinks: 0,
    links: 0,
    linkDensity: 0,
    paragraphs: 0,
    paragraphChars: 0,
    articleElements: 0,
    h1Count: 0,
    visibleChars: 0,
    forum: '',
    wiki: '',
    shop: '',
    video: false,
    editable: false,
  };
  if (!body) return signals;
  const chars = visibleTextLength(body);
  signals.visibleChars = chars;
  const anchors = body.getElementsByTagName('a');
  signals.links = anchors.length;
  let linkChars = 0;
  // Bounded like the walk above; nested anchors (invalid HTML) may count twice, which is harmless.
  for (let i = 0; i < anchors.length && i < 5000; i++) {
    const text = (anchors[i]!.textContent ?? '').replace(/\s+/g, ' ').trim();
    linkChars += text.length;
    if (text.length >= 25 || text.split(' ').length >= 4) signals.headlineLinks++;
  }
  signals.linkDensity = chars ? Math.min(1, linkChars / chars) : 0;
  const ps = body.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < 5000; i++) {
    const p = ps[i]!;
    const len = (p.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    if (len >= 80) {
      signals.paragraphs++;
      signals.paragraphChars += len;
    }
  }
  signals.articleElements = body.getElementsByTagName('article').length;
  signals.h1Count = body.getElementsByTagName('h1').length;

  const generator = metaContent(doc, 'generator').toLowerCase();
  const types = new Set(jsonLd.flatMap(typesOf));
  const forumGenerator = /vbulletin|phpbb|xenforo|discourse|mybb|simple machines|invision|vanilla/.exec(generator);
  if (forumGenerator) signals.forum = `forum software (${forumGenerator[0]})`;
  else if (types.has('DiscussionForumPosting') || types.has('QAPage')) signals.forum = 'JSON-LD forum/Q&A posting';
  else if (doc.querySelectorAll('.postbit, .postcontent, .post-message, .message-body, [id^="post_message_"], .topic-post').length >= 3) signals.forum = 'forum post layout';

  if (/mediawiki/.test(generator) || doc.getElementById('mw-content-text')) signals.wiki = 'MediaWiki page';

  const ogType = metaContent(doc, 'og:type').toLowerCase();
  if (types.has('Product') || ogType === 'product' || ogType === 'og:product') signals.shop = 'product page (schema/og:type)';
  else if (doc.querySelectorAll('[itemprop="price"], .add-to-cart, [name="add-to-cart"], .product-price').length >= 1) signals.shop = 'price / add-to-cart markup';

  signals.video = types.has('VideoObject') || ogType.startsWith('video');
  signals.editable = body.isContentEditable === true || body.getAttribute('contenteditable') === 'true' || doc.designMode === 'on';
  return signals;
}
