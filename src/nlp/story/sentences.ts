/**
 * Sentence splitting for Arabic news text, with offsets into the original text.
 *
 * Arabic news habits that a plain "split on full stops" gets wrong:
 * - `،` is a comma and never ends a sentence; `؟ ؛ . ! ?` and line breaks do.
 * - Quotes (`«»`, `“”`, `"`) often hold several sentences of a speaker: the quote stays whole
 *   unless it grows very long (then a runaway or unclosed quote cannot swallow the article).
 * - Datelines (`طهران - (وكالات):`, `القاهرة – رويترز:`) open the first paragraph; they are kept
 *   with the first sentence but marked so a summary can leave them out.
 * - Abbreviations and numbers: `2.5`, `أ.ف.ب`, `د. محمد` contain dots that end nothing.
 * - Page furniture copied with the text (`اقرأ أيضاً`, `تابعونا`, share lines, "back to top")
 *   and short headings are marked, so the summary and the events can skip them.
 */
import { normalizeArabic } from '../text/normalize';
import { isSpaceUnit } from '../text/letters';

export interface Sentence {
  /** Position in the article, 0-based. */
  index: number;
  /** Paragraph (line) number, 0-based, counting non-empty lines. */
  paragraph: number;
  /** The sentence including any dateline attached to it. */
  start: number;
  end: number;
  text: string;
  /** Where the sentence proper starts (after a dateline or bullet mark); equals `start` otherwise. */
  bodyStart: number;
  /** The dateline attached to this sentence, if any. */
  dateline?: { start: number; end: number; text: string };
  /** Page furniture: navigation, share lines, "see also" links, "back to top". */
  furniture: boolean;
  /** A heading-like line: short, not closed by a full stop (a headline, section name, caption). */
  heading: boolean;
  /** False when a quote opens without closing (or the reverse): the sentence is a half quote. */
  balancedQuotes: boolean;
  /** Number of word tokens (letters/digits runs). */
  words: number;
}

/** A quote longer than this stops protecting its inner full stops. */
const MAX_QUOTED_SENTENCE = 600;

const TERMINATORS = new Set(['.', '!', '?', '؟', '؛', '…', ';']);
const CLOSERS = new Set(['»', '”', '"', ')', ']', '’', "'", '›']);
const OPEN_QUOTE: Record<string, string> = { '«': '»', '“': '”', '‹': '›' };
/** The characters `splitLine` has to look at: quotes and terminators. */
const SPECIAL = /[«»“”‹›".!?؟؛…;]/g;

/** Lines that are navigation or sharing chrome rather than article text (on normalised text). */
const FURNITURE_PATTERNS: RegExp[] = [
  /^(اقرا|شاهد|انظر|طالع) (ايضا|ايضًا|كذلك)/,
  /^(اقرا|شاهد) المزيد/,
  /^للمزيد/,
  /^(تابعونا|تابعوا|تابعنا|تابع) /,
  /^تابعونا$/,
  /زر الذهاب الي الاعلي/,
  /^العوده الي الاعلي/,
  /^(شارك|شاركوا|مشاركه|انشر)( |$|:)/,
  /^(فيسبوك|تويتر|واتساب|تلغرام|تيليجرام|انستغرام|يوتيوب|لينكدان)( |$)/,
  /^(اشترك|اشتركوا|سجل|حمل تطبيق)/,
  /^(رابط مختصر|الرابط المختصر|طباعه|ارسال لصديق|نسخ الرابط)/,
  /^(المصدر|مصدر الخبر|حقوق النشر|جميع الحقوق)\s*[:：]/,
  /^(اخر الاخبار|الاكثر قراءه|الاكثر مشاهده|اخبار ذات صله|مواضيع ذات صله|مقالات ذات صله)/,
  /^(اضغط هنا|انقر هنا)/,
  /(حقوق|الحقوق) (النشر )?محفوظه/,
];

/** Furniture lines are short; a long sentence is article text whatever words it starts with. */
const MAX_FURNITURE_LENGTH = 160;

export function isFurniture(text: string): boolean {
  if (text.length > MAX_FURNITURE_LENGTH) return false;
  const n = normalizeArabic(text).replace(/^[\s\p{P}\p{S}]+/u, '').trim();
  return FURNITURE_PATTERNS.some((re) => re.test(n));
}

/**
 * A dateline at the start of a paragraph: `PLACE - (SOURCE):`, `PLACE – SOURCE:`,
 * `PLACE (SOURCE) -`, `PLACE- SOURCE-`, `PLACE - (SOURCE) -`, `PLACE - `. Places and agencies are short runs of
 * words.
 */
const DATELINE_PATTERNS: RegExp[] = [
  /^\s*[\p{L}\p{M}][\p{L}\p{M} ]{1,40}?\s*[-–—]\s*\(?\s*[\p{L}\p{M}][\p{L}\p{M} .،,]{1,40}?\s*\)?\s*[:：]\s*/u,
  /^\s*[\p{L}\p{M}][\p{L}\p{M} ]{1,40}?\s*\(\s*[\p{L}\p{M}][\p{L}\p{M} .،,]{1,40}?\s*\)\s*[-–—:：]\s*/u,
  // A place and a source between dashes: `عمان- الرأي- …`, `الدوحة - (اف ب) - …` (Jordanian and Gulf papers
  // often leave out the space before the dash), and a byline, source and place: `فلان- سبق- الرياض: …`. Before
  // the bare-place pattern, which would stop at the first dash.
  /^\s*[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2}\s*[-–—]\s*\(?\s*[\p{L}\p{M}][\p{L}\p{M} .]{0,24}?\s*\)?\s*[-–—]\s*(?:[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2}\s*[:：]\s*)?(?=\p{L})/u,
  // A bare place and a dash: `عمّان - أعلنت …` (one to three words before a spaced dash).
  /^\s*[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2} [-–—] (?=\p{L})/u,
];

/** What every DATELINE_PATTERNS entry must contain. */
const DATELINE_MARK = /[-–—(]/;

/** A paragraph that is only a short `SOURCE – PLACE` or `PLACE (SOURCE)` line, no sentence in it. */
const DATELINE_LINE = /^\s*[\p{L}\p{M}][\p{L}\p{M} ]{1,40}?\s*(?:[-–—]\s*\(?[\p{L}\p{M} .]{2,40}\)?|\([\p{L}\p{M} .]{2,40}\))\s*[:：]?\s*$/u;

const BULLET = /^\s*(?:[•·▪●◦‣∙*\-–—]|\d{1,2}[.)-](?!\d))\s+/u;
/** Number of words (runs of letters and digits, marks and tatweel inside them), without allocating. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const kind = charKind(text.charCodeAt(i), text, i);
    if (kind === WORD_START) {
      if (!inWord) n++;
      inWord = true;
    } else if (kind === OTHER) inWord = false;
  }
  return n;
}

const OTHER = 0;
const WORD_START = 1;
/** Marks and tatweel: inside a word they continue it, alone they start nothing. */
const WORD_INNER = 2;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

/**
 * `charKind` of each BMP code unit outside the surrogates, plus one (0 = not worked out yet): one
 * array read per character of every sentence instead of a chain of range tests.
 */
const KIND_PLUS_ONE = new Uint8Array(0x10000);

function charKind(c: number, text: string, i: number): number {
  const known = KIND_PLUS_ONE[c]!;
  if (known !== 0) return known - 1;
  // A surrogate's kind depends on the units after it: never remembered.
  if (c >= 0xd800 && c <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? WORD_START : OTHER;
  const kind = unitKind(c);
  KIND_PLUS_ONE[c] = kind + 1;
  return kind;
}

/** The kind of a code unit that is not a surrogate (depends on `c` alone). */
function unitKind(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return WORD_START;
  if (c < 0x80) return OTHER;
  if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x066e && c <= 0x06d3)) return WORD_START;
  // (U+0670 already counts as a word start above, as 0x066e–0x06d3 covers it.)
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0640) return WORD_INNER;
  const ch = String.fromCharCode(c);
  if (LETTER_OR_DIGIT.test(ch)) return WORD_START;
  return MARK.test(ch) ? WORD_INNER : OTHER;
}

/** Splits `text` into sentences; every character that is not whitespace belongs to exactly one sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let pendingDateline: { start: number; end: number; text: string } | undefined;
  for (const { start: lineStart, end: lineEnd } of paragraphSpans(text)) {
    const line = text.slice(lineStart, lineEnd);
    const parts = splitLine(text, lineStart, lineEnd);
    const short = line.length <= 120 && countWords(line) <= 6;
    // A lone `SOURCE – PLACE` line is the dateline of the paragraph that follows.
    if (parts.length === 1 && short && paragraph < 4 && DATELINE_LINE.test(line) && !isFurniture(line)) {
      const p = parts[0]!;
      pendingDateline = { start: p.start, end: p.end, text: text.slice(p.start, p.end) };
    } else {
      let first = true;
      for (const part of parts) {
        let { start, bodyStart } = { start: part.start, bodyStart: part.start };
        let dateline: Sentence['dateline'];
        if (first) {
          const own = matchDateline(text, part.start, part.end, paragraph);
          if (own) dateline = { start: own.start, end: own.end, text: own.text };
          else if (pendingDateline) dateline = pendingDateline;
          if (dateline) {
            start = Math.min(start, dateline.start);
            bodyStart = own ? own.bodyStart : part.start;
          }
          const bullet = BULLET.exec(text.slice(bodyStart, part.end));
          if (bullet) bodyStart += bullet[0].length;
        }
        pendingDateline = undefined;
        first = false;
        sentences.push(makeSentence(text, sentences.length, paragraph, start, bodyStart, part.end, dateline));
      }
      markHeading(text, sentences, paragraph, lineStart, lineEnd);
    }
    paragraph++;
  }
  // A dateline line with nothing after it is a (short) sentence of its own.
  if (pendingDateline) {
    const d: { start: number; end: number; text: string } = pendingDateline;
    sentences.push(makeSentence(text, sentences.length, paragraph, d.start, d.start, d.end, undefined));
  }
  return sentences;
}

/**
 * A line ends a sentence when its last visible character is a terminator (or a closer after one):
 * /[.!?؟؛…:»”"')\]]\s*$/u, read backwards from the end (the regex was tried at every position of
 * every line of every article).
 */
export function lineTerminated(line: string): boolean {
  let k = line.length - 1;
  while (k >= 0 && isSpaceUnit(line.charCodeAt(k))) k--;
  return k >= 0 && LINE_END_MARKS.has(line.charCodeAt(k));
}

const LINE_END_MARKS = new Set([...'.!?؟؛…:»”"\')]'].map((ch) => ch.charCodeAt(0)));

/** The closers markHeading looks past at the end of a line: » ” " ' ) ] (and spaces). */
const LINE_END_CLOSERS = new Set([...'»”"\')]'].map((ch) => ch.charCodeAt(0)));

/**
 * The last code unit of `line` before any closing quotes, brackets and spaces at its end, or ''
 * (what line.replace(/[\s»”"')\]]+$/u, '').slice(-1) gives, without the regex).
 */
export function lastBeforeClosers(line: string): string {
  let k = line.length - 1;
  while (k >= 0 && (isSpaceUnit(line.charCodeAt(k)) || LINE_END_CLOSERS.has(line.charCodeAt(k)))) k--;
  return k >= 0 ? line[k]! : '';
}


/**
 * Paragraphs as [start, end) spans. Usually every line is a paragraph. Text copied from print
 * layouts is hard-wrapped instead: most lines stop mid-sentence at about the same width. Then a
 * line break is only a space, and a paragraph ends at a blank line or at a line that stops well
 * short of the width.
 */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push({ start, end });
    start = end + 1;
  }
  const filled = lines.filter((l) => text.slice(l.start, l.end).trim());
  const width = wrapWidth(text, filled);
  if (width === undefined) return filled;
  const paragraphs: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    if (!content.trim()) {
      if (current) paragraphs.push(current);
      current = undefined;
      continue;
    }
    current = current ? { start: current.start, end: line.end } : { ...line };
    if (content.trim().length < 0.6 * width && lineTerminated(content)) {
      paragraphs.push(current);
      current = undefined;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** The wrap width when the text looks hard-wrapped, else undefined. */
function wrapWidth(text: string, lines: readonly { start: number; end: number }[]): number | undefined {
  if (lines.length < 4) return undefined;
  const open = lines.map((l) => text.slice(l.start, l.end).trim()).filter((l) => !lineTerminated(l));
  if (open.length < 3 || open.length < 0.5 * lines.length) return undefined;
  const lengths = open.map((l) => l.length);
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  const sd = Math.sqrt(lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / lengths.length);
  return mean >= 30 && sd / mean <= 0.25 ? mean : undefined;
}

function makeSentence(
  text: string,
  index: number,
  paragraph: number,
  start: number,
  bodyStart: number,
  end: number,
  dateline: Sentence['dateline'],
): Sentence {
  const body = text.slice(bodyStart, end);
  const { words, balancedQuotes } = wordsAndQuotes(body);
  return {
    index,
    paragraph,
    start,
    end,
    text: text.slice(start, end),
    bodyStart,
    ...(dateline ? { dateline } : {}),
    furniture: isFurniture(body),
    heading: false,
    balancedQuotes,
    words,
  };
}

/** Paragraphs of a few words not closed by a full stop are headings, section names or captions. */
function markHeading(text: string, sentences: Sentence[], paragraph: number, lineStart: number, lineEnd: number): void {
  if (lineEnd - lineStart > 400) return; // far more than 16 words
  const line = text.slice(lineStart, lineEnd).trim();
  const last = lastBeforeClosers(line);
  const closed = last === '.' && !line.endsWith('..');
  let count = 0;
  for (let i = sentences.length - 1; i >= 0 && sentences[i]!.paragraph === paragraph; i--) count++;
  if (closed || count > 2 || countWords(line) > 16) return;
  for (let i = sentences.length - 1; i >= 0 && sentences[i]!.paragraph === paragraph; i--) {
    if (!sentences[i]!.dateline) sentences[i]!.heading = true;
  }
}

function matchDateline(
  text: string,
  start: number,
  end: number,
  paragraph: number,
): { start: number; end: number; text: string; bodyStart: number } | undefined {
  if (paragraph > 4) return undefined;
  const head = text.slice(start, Math.min(end, start + 90));
  // Every pattern needs a dash or an opening bracket: most first sentences have neither.
  if (!DATELINE_MARK.test(head)) return undefined;
  for (const re of DATELINE_PATTERNS) {
    const m = re.exec(head);
    if (!m) continue;
    // The rest must be a real sentence, and the dateline only a few words.
    if (countWords(m[0]) > 7 || countWords(text.slice(start + m[0].length, end)) < 3) continue;
    const spanEnd = start + m[0].trimEnd().length;
    return { start, end: spanEnd, text: text.slice(start, spanEnd), bodyStart: start + m[0].length };
  }
  return undefined;
}

/**
 * `countWords(s)` and whether the quotes in `s` are balanced, in one pass over the body (every
 * sentence needs both, and reading the text is the cost).
 */
function wordsAndQuotes(s: string): { words: number; balancedQuotes: boolean } {
  let words = 0;
  let inWord = false;
  let guillemets = 0;
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x00ab: guillemets++; break; // «
      case 0x00bb: guillemets--; break; // »
      case 0x201c: curly++; break; // “
      case 0x201d: curly--; break; // ”
      case 0x22: straight++; break; // "
    }
    const kind = charKind(c, s, i);
    if (kind === WORD_START) {
      if (!inWord) words++;
      inWord = true;
    } else if (kind === OTHER) inWord = false;
  }
  return { words, balancedQuotes: guillemets === 0 && curly === 0 && straight % 2 === 0 };
}

/** Sentence spans within one line [lineStart, lineEnd), trimmed of surrounding whitespace. */
function splitLine(text: string, lineStart: number, lineEnd: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let sentenceStart = lineStart;
  const quoteStack: string[] = [];
  let straightOpen = false;
  let i = lineStart;
  for (;;) {
    // Jump to the next quote or terminator: everything in between is plain text.
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(text);
    if (!next || next.index >= lineEnd) break;
    i = next.index;
    const ch = text[i]!;
    const closer = OPEN_QUOTE[ch];
    if (closer) quoteStack.push(closer);
    else if (quoteStack.length && ch === quoteStack[quoteStack.length - 1]) quoteStack.pop();
    else if (ch === '"') straightOpen = !straightOpen;

    if (TERMINATORS.has(ch) && !isInnerDot(text, i, lineEnd)) {
      const quoted = quoteStack.length > 0 || straightOpen;
      if (!quoted || i - sentenceStart > MAX_QUOTED_SENTENCE) {
        let j = i + 1;
        // Take the whole run of terminators and closing quotes/brackets with the sentence.
        while (j < lineEnd) {
          const c = text[j]!;
          if (TERMINATORS.has(c) || c === ')' || c === ']') j++;
          else if (quoteStack.length && c === quoteStack[quoteStack.length - 1]) {
            quoteStack.pop();
            j++;
          } else if (c === '"' && straightOpen) {
            straightOpen = false;
            j++;
          } else if (CLOSERS.has(c) && c !== '"') j++;
          else break;
        }
        // A terminator glued to the next word (`U.S`, `أ.ف.ب`) ends nothing.
        if (j < lineEnd && !/\s/.test(text[j]!) && ch === '.') {
          i++;
          continue;
        }
        pushTrimmed(text, spans, sentenceStart, j);
        sentenceStart = j;
        if (quoted) {
          quoteStack.length = 0;
          straightOpen = false;
        }
        i = j;
        continue;
      }
    }
    i++;
  }
  pushTrimmed(text, spans, sentenceStart, lineEnd);
  return spans;
}

/**
 * A dot inside a number (`2.5`), after a one-letter abbreviation (`د.`), or inside a chain of
 * initials (`أ.ف.ب`) is not a full stop. A one letter after a number (`1827 م.`) is the era mark: that ends sentences.
 */
function isInnerDot(text: string, i: number, lineEnd: number): boolean {
  if (text[i] !== '.') return false;
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  if (/\p{N}/u.test(prev) && /\p{N}/u.test(next)) return true;
  if (!/\p{L}/u.test(prev)) return false;
  // Length of the word before the dot.
  let k = i - 1;
  while (k >= 0 && /[\p{L}\p{M}]/u.test(text[k]!)) k--;
  const wordLength = i - 1 - k;
  if (wordLength !== 1) return false;
  // The last dot of a chain of initials (`أ.ف.ب.`) before a space is a full stop: agencies close sentences.
  if (text[k] === '.' && /\s/.test(text[i + 1] ?? ' ')) return false;
  // Era marks after a year: `1770 م.`, `1445هـ.`
  const before = text.slice(Math.max(0, k - 6), k + 1);
  if (/\p{N}\s*$/u.test(before)) return false;
  return i + 1 < lineEnd;
}

/**
 * Text without punctuation (or a runaway quote) would make one enormous "sentence": past
 * MAX_SENTENCE characters it is cut at the last comma, else the last space, before the limit.
 */
const MAX_SENTENCE = 1200;

function pushTrimmed(text: string, spans: { start: number; end: number }[], start: number, end: number): void {
  for (;;) {
    while (start < end && /\s/.test(text[start]!)) start++;
    if (end - start <= MAX_SENTENCE) break;
    const head = text.slice(start, start + MAX_SENTENCE);
    let cut = Math.max(head.lastIndexOf('،'), head.lastIndexOf(','));
    if (cut < MAX_SENTENCE / 3) cut = head.search(/\s\S*$/);
    const chunkEnd = cut > 0 ? start + cut + 1 : start + MAX_SENTENCE;
    pushOne(text, spans, start, chunkEnd);
    start = chunkEnd;
  }
  pushOne(text, spans, start, end);
}

function pushOne(text: string, spans: { start: number; end: number }[], start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
