/**
 * Word tokens with offsets into the original text. Offsets are what let the page map an
 * entity or a date back to the DOM, so tokens are never normalised here: callers normalise
 * `token.text` themselves.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * A token is a run of letters, marks and digits (Arabic, Latin, any script), with inner
 * tatweel, apostrophes and dots between digits kept; every other non-space character is a
 * token on its own (punctuation, symbols, emoji). This regex is the definition; `tokenize`
 * follows it code unit by code unit (test/normalize.test.ts compares the two), and hands a
 * token to the regex itself only where a surrogate pair is involved.
 */
export const TOKEN = /[\p{L}\p{M}\p{N}\u0640]+(?:['’.,\u066B\u066C][\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
/** The same, anchored where it is asked to match. */
const TOKEN_AT = new RegExp(TOKEN.source, 'uy');

const UNKNOWN = 0;
const SPACE = 1;
const OTHER = 2;
const WORD = 3;
/** A word character that is also a number (`\p{N}`). */
const NUMBER = 4;
const SURROGATE = 5;

/**
 * Class of each BMP code unit, learnt from the regex classes the first time the unit is seen:
 * Unicode property tests cost once per distinct character, not once per character of text.
 */
const classes = new Uint8Array(0x10000);
const IS_SPACE = /^\s$/u;
const IS_WORD = /^[\p{L}\p{M}\p{N}\u0640]$/u;
const IS_NUMBER = /^\p{N}$/u;

function classOf(c: number): number {
  const known = classes[c]!;
  if (known !== UNKNOWN) return known;
  let cls: number;
  if (c >= 0xd800 && c <= 0xdfff) cls = SURROGATE;
  else {
    const ch = String.fromCharCode(c);
    cls = IS_SPACE.test(ch) ? SPACE : IS_NUMBER.test(ch) ? NUMBER : IS_WORD.test(ch) ? WORD : OTHER;
  }
  classes[c] = cls;
  return cls;
}

function isWordClass(cls: number): boolean {
  return cls === WORD || cls === NUMBER;
}

/** The characters that may join digit groups inside a token: ' ’ . , ٫ ٬ */
function isDigitJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, (start, end) => tokens.push({ text: text.slice(start, end), start, end }));
  return tokens;
}

/**
 * Calls `visit` with the offsets [start, end) of every token of `tokenize`, in order, and makes
 * no token objects: a caller that builds its own per-token records (the recogniser does, for
 * every word of every article) then allocates one object per token rather than two.
 */
export function forEachToken(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classOf(text.charCodeAt(i));
    if (cls === SPACE) {
      i++;
      continue;
    }
    let end = cls === OTHER ? i + 1 : cls === SURROGATE ? -1 : wordEnd(text, i);
    if (end < 0) {
      // A surrogate pair in or at the token: the regex decides what the token is.
      TOKEN_AT.lastIndex = i;
      end = i + TOKEN_AT.exec(text)![0].length;
    }
    visit(i, end);
    i = end;
  }
}

/**
 * End of the word token starting at `start`: a run of word characters, then any number of
 * joiner + digits groups (`3.5`, `1,000`). -1 when a surrogate is met on the way.
 */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let j = start + 1;
  for (; j < n; j++) {
    const cls = classOf(text.charCodeAt(j));
    if (cls === SURROGATE) return -1;
    if (!isWordClass(cls)) break;
  }
  while (j + 1 < n && isDigitJoiner(text.charCodeAt(j))) {
    const cls = classOf(text.charCodeAt(j + 1));
    if (cls === SURROGATE) return -1;
    if (cls !== NUMBER) break;
    j += 2;
    for (; j < n; j++) {
      const next = classOf(text.charCodeAt(j));
      if (next === SURROGATE) return -1;
      if (next !== NUMBER) break;
    }
  }
  return j;
}
