/**
 * Body extraction: @mozilla/readability on a clone of the document, then removal of the
 * furniture Arabic news sites put around articles, then the clean text with a map back to the
 * LIVE document.
 *
 * Readability rearranges the clone but moves text nodes rather than re-creating them, so a
 * clone→live map made right after cloning (a parallel walk of both trees) tells, for every text
 * node of Readability's output, which live text node it came from. Each stretch of the output
 * text is recorded as a `TextSegment` (offsets in `text` → live Text node); see `textMap.ts`
 * for turning offsets into DOM positions. When Readability had to re-parse its working copy
 * (it does for short pages), the map misses and the live node is found by its text instead.
 */
import { Readability } from '@mozilla/readability';
import { forEachTextNode } from '../firstLook';
import { isWhitespace } from './textMap';
import { FURNITURE_CLASS, isFurnitureLine, isReadAlsoHeading, normalizeForMatch } from './furniture';

/** A stretch of `text` copied from one live Text node with whitespace runs collapsed to one space. */
export interface TextSegment {
  start: number;
  end: number;
  node: Text;
  /** Index in `node.data` of the first character copied; from there, runs of whitespace became one space. */
  dataStart: number;
}

/**
 * One paragraph of `text` and the live element it was read from. A paragraph whose text could
 * not be traced back to the page (rare: Readability re-parsed and the text occurs nowhere
 * verbatim) has no block.
 */
export interface TextBlock {
  start: number;
  end: number;
  element: Element;
}

export interface Extraction {
  text: string;
  paragraphs: number;
  blocks: TextBlock[];
  segments: TextSegment[];
  /** Furniture paragraphs and boxes removed (read-also lines, share bars, captions…). */
  removed: number;
  /** The body's opening paragraph that repeated the headline (dropped from `text`), or ''. */
  headline: string;
  /** Readability's own title guess, for reference. */
  readabilityTitle: string;
  /** '' on success; otherwise why nothing could be extracted. */
  failure: string;
}

export interface ExtractOptions {
  /** The headline: a first paragraph repeating it is dropped from the body. */
  title?: string;
  /** Readability's minimum article length (characters); short news items need less than its 500. */
  charThreshold?: number;
}

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'HR', 'MAIN', 'ASIDE', 'ADDRESS', 'CAPTION', 'CENTER',
]);
const DROP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'FORM', 'IFRAME', 'FRAME', 'SVG', 'CANVAS', 'NAV']);

export function extractArticle(doc: Document, options: ExtractOptions = {}): Extraction {
  const empty = (failure: string): Extraction => ({ text: '', paragraphs: 0, blocks: [], segments: [], removed: 0, headline: '', readabilityTitle: '', failure });
  if (!doc.documentElement || !doc.body) return empty('the page has no body');
  const clone = doc.cloneNode(true) as Document;
  const cloneToLive = new Map<Node, Node>();
  mapTrees(doc.documentElement, clone.documentElement, cloneToLive);

  // Captions are read before Readability, which often drops figures and keeps only their text twin.
  const captions = collectCaptions(clone.body ?? clone.documentElement);
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(clone, {
      serializer: (node) => node,
      keepClasses: true,
      charThreshold: options.charThreshold ?? 250,
    }).parse();
  } catch (err) {
    return empty(`Readability failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const content = parsed?.content;
  if (!content || content.nodeType !== 1) return empty('Readability found no article body');
  const root = content as Element;

  let removed = removeFurnitureBoxes(root);
  const raw = readParagraphs(root);
  const kept: RawParagraph[] = [];
  const seen = new Set<string>();
  const title = normalizeForMatch(options.title ?? '');
  let skipLinkLines = false;
  let headline = '';
  for (const para of raw) {
    const text = para.parts.map((p) => p.text).join('');
    const norm = normalizeForMatch(text);
    const linkShare = text.length ? para.linkChars / text.length : 0;
    let drop = false;
    if (!/[\p{L}\p{N}]/u.test(text)) drop = true;
    // Short lines without Arabic letters in an Arabic body: time stamps, counters, store badges.
    else if (text.length < 30 && !/[\u0621-\u064A\u066E-\u06D3]/.test(text)) drop = true;
    else if (isReadAlsoHeading(text)) {
      drop = true;
      skipLinkLines = true;
    } else if (isFurnitureLine(text)) drop = true;
    else if (skipLinkLines && linkShare > 0.6) drop = true;
    else if (linkShare > 0.7 && text.length < 250) drop = true; // a line of links: related stories, tags
    else if (captions.has(norm)) drop = true;
    else if (seen.has(norm)) drop = true;
    else if (!headline && title && kept.length < 4 && kept.every((k) => k.chars < 200) && isTitleRepeat(norm, title)) {
      // The headline printed again above the body (after a kicker or dateline at most).
      drop = true;
      headline = text;
    }
    // A line of prose ends the run of links after a read-also heading.
    if (!drop) skipLinkLines = false;
    if (drop) {
      removed++;
      continue;
    }
    seen.add(norm);
    para.chars = text.length;
    kept.push(para);
  }

  const live = new LiveTextFinder(doc, cloneToLive);
  const segments: TextSegment[] = [];
  const blocks: TextBlock[] = [];
  let text = '';
  for (const para of kept) {
    if (text) text += '\n\n';
    const start = text.length;
    for (const part of para.parts) {
      const node = part.node ? live.find(part.node) : null;
      if (node) segments.push({ start: text.length, end: text.length + part.text.length, node, dataStart: part.dataStart });
      text += part.text;
    }
    const element = liveElementFor(para, cloneToLive, segments, start);
    if (element) blocks.push({ start, end: text.length, element });
  }
  return { text, paragraphs: kept.length, blocks, segments, removed, headline, readabilityTitle: (parsed?.title ?? '').trim(), failure: text ? '' : 'no body text left after cleaning' };
}

/** The body's first paragraph repeats the headline (spacing aside: titles lose spaces at line breaks). */
function isTitleRepeat(paragraph: string, title: string): boolean {
  // Letters and digits only: titles lose spaces at line breaks and gain quotes or punctuation.
  const a = paragraph.replace(/[^\p{L}\p{N}]+/gu, '');
  const b = title.replace(/[^\p{L}\p{N}]+/gu, '');
  if (!a || !b) return false;
  return a === b || (b.includes(a) && a.length > b.length * 0.8);
}

/** Records clone node → live node for the whole tree; both trees have the same shape right after cloning. */
function mapTrees(live: Node, copy: Node, map: Map<Node, Node>): void {
  const stack: Array<[Node, Node]> = [[live, copy]];
  while (stack.length) {
    const [l, c] = stack.pop()!;
    map.set(c, l);
    let lc = l.firstChild;
    let cc = c.firstChild;
    while (lc && cc) {
      if (lc.nodeType === 1 || lc.nodeType === 3) stack.push([lc, cc]);
      lc = lc.nextSibling;
      cc = cc.nextSibling;
    }
  }
}

/** Share bars, tag lists, related boxes: removed whole when they are a small part of the body. */
function removeFurnitureBoxes(root: Element): number {
  const total = (root.textContent ?? '').length || 1;
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!el.isConnected && !root.contains(el)) continue;
    const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE_CLASS.test(marker)) continue;
    if ((el.textContent ?? '').length > total * 0.3) continue;
    el.remove();
    removed++;
  }
  for (const el of Array.from(root.querySelectorAll('figcaption, caption'))) {
    el.remove();
    removed++;
  }
  return removed;
}

/** Caption and alt texts, normalised: a paragraph repeating one is a caption printed as text. */
function collectCaptions(root: Element): Set<string> {
  const out = new Set<string>();
  const add = (v: string | null) => {
    const n = normalizeForMatch(v ?? '');
    if (n.length >= 15 && n.length < 400) out.add(n);
  };
  for (const img of Array.from(root.querySelectorAll('img[alt], img[title]')).slice(0, 500)) {
    add(img.getAttribute('alt'));
    add(img.getAttribute('title'));
  }
  for (const caption of Array.from(root.querySelectorAll('figcaption, .caption, [class*="caption" i]')).slice(0, 500)) add(caption.textContent);
  return out;
}

interface RawPart {
  /** Null for the space standing for a line break (<br> inside a paragraph). */
  node: Text | null;
  text: string;
  dataStart: number;
}
interface RawParagraph {
  parts: RawPart[];
  element: Element | null;
  linkChars: number;
  /** Length of the paragraph's text. */
  chars: number;
}

/** Splits the content into paragraphs at block elements and <br>, collapsing whitespace. */
function readParagraphs(root: Element): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  let current: RawParagraph = { parts: [], element: null, linkChars: 0, chars: 0 };
  let lastWasSpace = true;
  const flush = () => {
    // Trailing space is not part of the paragraph.
    const last = current.parts[current.parts.length - 1];
    if (last && last.text.endsWith(' ')) {
      last.text = last.text.slice(0, -1);
      if (!last.text) current.parts.pop();
    }
    if (current.parts.length) paragraphs.push(current);
    current = { parts: [], element: null, linkChars: 0, chars: 0 };
    lastWasSpace = true;
  };
  const visit = (node: Node, blockParent: Element, inLink: boolean) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      let out = '';
      let dataStart = -1;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i]!;
        if (isWhitespace(ch)) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
          if (dataStart < 0) dataStart = i;
          out += ' ';
        } else {
          lastWasSpace = false;
          if (dataStart < 0) dataStart = i;
          out += ch;
        }
      }
      if (!out) return;
      if (!current.element) current.element = blockParent;
      current.parts.push({ node: node as Text, text: out, dataStart });
      if (inLink) current.linkChars += out.trim().length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (DROP_TAGS.has(tag)) return;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return;
    const block = BLOCK_TAGS.has(tag);
    if (tag === 'BR') {
      // A <br> ends a paragraph when the line reads as one (long, or closed by punctuation);
      // inside a sentence (a headline broken over two lines) it is a space.
      const line = current.parts.map((p) => p.text).join('').trim();
      if (line.length >= 80 || /[.!?؟:»"…]$/.test(line)) flush();
      else if (!lastWasSpace) {
        current.parts.push({ node: null, text: ' ', dataStart: 0 });
        lastWasSpace = true;
      }
      return;
    }
    if (block) flush();
    const link = inLink || tag === 'A';
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child, block ? el : blockParent, link);
    if (block) flush();
  };
  visit(root, root, false);
  flush();
  return paragraphs;
}

/** Finds the live Text node for a Text node of Readability's output. */
class LiveTextFinder {
  private byData: Map<string, Text[]> | null = null;
  constructor(
    private readonly doc: Document,
    private readonly cloneToLive: Map<Node, Node>,
  ) {}

  find(cloneNode: Text): Text | null {
    const mapped = this.cloneToLive.get(cloneNode);
    if (mapped && mapped.nodeType === 3 && (mapped as Text).data === cloneNode.data) return mapped as Text;
    // Readability re-parsed its copy: look the text up among the live text nodes, in document order.
    const queue = this.index().get(cloneNode.data);
    return queue?.shift() ?? null;
  }

  private index(): Map<string, Text[]> {
    if (this.byData) return this.byData;
    const map = new Map<string, Text[]>();
    const body = this.doc.body;
    if (body) {
      forEachTextNode(body, (t) => {
        if (t.data.trim()) {
          const list = map.get(t.data);
          if (list) list.push(t);
          else map.set(t.data, [t]);
        }
        return true;
      });
    }
    this.byData = map;
    return map;
  }
}

/** The live element of a paragraph: its block element if that survived from the page, else the parent of its first text. */
function liveElementFor(para: RawParagraph, cloneToLive: Map<Node, Node>, segments: TextSegment[], start: number): Element | null {
  const mapped = para.element ? cloneToLive.get(para.element) : undefined;
  if (mapped && mapped.nodeType === 1 && (mapped as Element).tagName !== 'BODY' && (mapped as Element).tagName !== 'HTML') {
    // Readability wraps content in its own div; only take an element that belongs to the page.
    return mapped as Element;
  }
  const first = segments.find((s) => s.start >= start);
  return first?.node.parentElement ?? null;
}
