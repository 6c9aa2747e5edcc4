/**
 * The cheap every-page look (issue 3): is this page possibly Arabic? It runs on every page the
 * browser opens, so it reads only the title, a few meta tags and a bounded sample of body text
 * (a TreeWalker that stops after a few KB), never the whole DOM, and changes nothing.
 *
 * `lang`/`dir` attributes are hints only: Arabic pages ship lang="en-US" or no lang at all, so
 * the verdict comes from the text. Persian, Urdu, Kurdish and Pashto pages share the script and
 * are told apart by letters and function words (nlp/text/language).
 *
 * Usage in the content script:
 *   const look = firstLook(document);
 *   if (look.arabic) { const { readArticle } = await import('./article/index'); … }
 *   else if (look.undecided) { retry later, e.g. after the page has rendered its text }
 */
import { identifyLanguage, LANGUAGE_NAMES, type ScriptLanguage } from '../nlp/text/language';

export interface FirstLook {
  /** True when the page's text is Arabic: worth loading the article reader. */
  arabic: boolean;
  /** Human-readable, e.g. 'Arabic text (0.97)' or 'Persian: …'. */
  reason: string;
  lang: ScriptLanguage;
  confidence: number;
  /** True when there was too little text to tell (an app shell still loading): look again later. */
  undecided: boolean;
  /** Characters of text sampled. */
  sampledChars: number;
}

export interface FirstLookOptions {
  /** Body text to sample, in characters (default 3000). */
  maxChars?: number;
  /** Nodes to visit at most, so pages of empty elements stay cheap (default 4000). */
  maxNodes?: number;
}

/** Elements whose text is not page prose (nodeName as the DOM reports it: upper case for HTML, as written for SVG). */
const SKIP_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'CODE', 'PRE', 'TEXTAREA', 'IFRAME', 'OBJECT', 'CANVAS']);
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const MIN_LETTERS = 40;

export function firstLook(doc: Document, options: FirstLookOptions = {}): FirstLook {
  try {
    return look(doc, options.maxChars ?? 3000, options.maxNodes ?? 4000);
  } catch (err) {
    return { arabic: false, reason: `first look failed: ${err instanceof Error ? err.message : String(err)}`, lang: 'other', confidence: 0.5, undecided: true, sampledChars: 0 };
  }
}

function look(doc: Document, maxChars: number, maxNodes: number): FirstLook {
  const root = doc.documentElement;
  const declared = (root?.getAttribute('lang') ?? root?.getAttribute('xml:lang') ?? '').toLowerCase();
  const rtl = (root?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? '').toLowerCase() === 'rtl';
  const title = doc.title ?? '';
  const description = metaDescription(doc);
  const body = sampleBodyText(doc, maxChars, maxNodes);
  const hint = declared ? `lang=${declared}` : 'no lang';

  // Nothing of the Arabic script anywhere in what we read: the common case, decided at once.
  if (!ARABIC_SCRIPT.test(title) && !ARABIC_SCRIPT.test(body) && !ARABIC_SCRIPT.test(description)) {
    const little = body.length < 200 && (declared.startsWith('ar') || rtl);
    return {
      arabic: false,
      reason: little ? `no Arabic text yet (${hint}, ${body.length} characters)` : `no Arabic-script text (${hint})`,
      lang: 'other',
      confidence: little ? 0.5 : 0.95,
      undecided: little,
      sampledChars: body.length,
    };
  }

  let guess = identifyLanguage(body, { minLetters: MIN_LETTERS });
  let from = 'page text';
  if (guess.lang === 'other' || guess.confidence < 0.6) {
    // Latin chrome first (English menus around an Arabic body) or too little text: the
    // headline and description speak for the article, and a few paragraphs deeper in.
    const deeper = `${title}\n${description}\n${paragraphSample(doc, maxChars)}`;
    const second = identifyLanguage(deeper, { minLetters: MIN_LETTERS });
    if (second.lang !== 'other' && second.confidence >= guess.confidence) {
      guess = second;
      from = 'title and paragraphs';
    }
  }
  const sampledChars = body.length;
  if (guess.lang === 'ar') {
    return { arabic: true, reason: `Arabic ${from} (${guess.confidence}; ${hint})`, lang: 'ar', confidence: guess.confidence, undecided: false, sampledChars };
  }
  // A few Arabic letters beside little text may be an app still rendering; beside plenty of
  // other text they are a quote or a name on a foreign page.
  if (guess.lang === 'other' && guess.arabicScriptLetters < MIN_LETTERS && body.length < 500) {
    return {
      arabic: false,
      reason: `too little Arabic-script text to tell (${guess.arabicScriptLetters} letters; ${hint})`,
      lang: 'other',
      confidence: 0.5,
      undecided: true,
      sampledChars,
    };
  }
  return {
    arabic: false,
    reason: `${LANGUAGE_NAMES[guess.lang]} ${from} (${guess.evidence}; ${hint})`,
    lang: guess.lang,
    confidence: guess.confidence,
    undecided: false,
    sampledChars,
  };
}

function metaDescription(doc: Document): string {
  const head = doc.head;
  if (!head) return '';
  const el = head.querySelector('meta[property="og:title"]') ?? head.querySelector('meta[name="description"]');
  return el?.getAttribute('content') ?? '';
}

/**
 * Calls `visit` for each text node under `root` in document order, skipping the contents of
 * script, style and the like, until `visit` returns false or `maxNodes` nodes have been seen.
 * A hand-written walk (firstChild / nextSibling) rather than a TreeWalker: it is lazy in every
 * DOM, whereas some (linkedom) build a TreeWalker's whole node list up front.
 */
export function forEachTextNode(root: Node, visit: (text: Text) => boolean, maxNodes = Infinity): void {
  let node: Node | null = root.firstChild;
  let seen = 0;
  while (node && seen < maxNodes) {
    seen++;
    if (node.nodeType === 3) {
      if (!visit(node as Text)) return;
    } else if (node.nodeType === 1 && node.firstChild && !SKIP_PARENTS.has(node.nodeName)) {
      node = node.firstChild;
      continue;
    }
    // Next node in document order that is not inside the subtree just finished.
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (node === root) return;
    }
    node = node ? node.nextSibling : null;
  }
}

/** The first `maxChars` of body text, visiting at most `maxNodes` nodes. */
function sampleBodyText(doc: Document, maxChars: number, maxNodes: number): string {
  const body = doc.body;
  if (!body) return '';
  let out = '';
  forEachTextNode(
    body,
    (text) => {
      const t = text.data.trim();
      if (t) out += t.length > maxChars ? t.slice(0, maxChars) + ' ' : t + ' ';
      return out.length < maxChars;
    },
    maxNodes,
  );
  return out;
}

/** Text of the first paragraphs (<p>), bounded: the article body usually sits there. */
function paragraphSample(doc: Document, maxChars: number): string {
  const ps = doc.getElementsByTagName('p');
  let out = '';
  for (let i = 0; i < ps.length && i < 30 && out.length < maxChars; i++) {
    const t = (ps[i]!.textContent ?? '').trim();
    if (t.length > 30) out += t.slice(0, 1000) + '\n';
  }
  return out;
}
