/**
 * One pass over the text: a normalised copy for matching (letters folded with the shared
 * `foldLetters`, diacritics and tatweel dropped, Latin lower-cased) with a map back to the
 * original offsets, and word/number/punctuation tokens over that copy. Dropping marks lets
 * `غداً` and `غدا` match the same entry while spans still cover the marks in the original.
 */
import { foldLetters } from '../text/normalize';

/**
 * Per-code-unit folding table for U+0600–U+06FF, built once from the shared `foldLetters` so the
 * two never disagree; the scan then folds with one array lookup per character instead of
 * building a string character by character (the date pass must stay far cheaper than chrono's).
 */
const ARABIC_BLOCK_FOLD = (() => {
  const table = new Uint16Array(0x100);
  for (let i = 0; i < 0x100; i++) {
    const folded = foldLetters(String.fromCharCode(0x0600 + i));
    table[i] = folded.length === 1 ? folded.charCodeAt(0) : 0x0600 + i;
  }
  return table;
})();



export type TokenKind = 'word' | 'number' | 'punct';

export interface ScanToken {
  /** Normalised text of the token. */
  text: string;
  kind: TokenKind;
  /** Offsets in the normalised copy. */
  start: number;
  end: number;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

/**
 * The scanned text as parallel typed arrays (one entry per token), so a long article costs a
 * few flat arrays rather than an object per token; token objects are made only where a date
 * may start (`tokenAt`).
 */
export interface Scan {
  count: number;
  /** Offsets of each token in the normalised copy. */
  starts: Int32Array;
  ends: Int32Array;
  /** 0 word, 1 number, 2 punctuation. */
  kinds: Uint8Array;
  /** 1 when whitespace separates the token from the previous one. */
  spaced: Uint8Array;
  sentences: Int32Array;
  /** A hash of each word (see `signatureOf`), 0 for other tokens. */
  signatures: Int32Array;
  normalized: string;
  /** Original offset of each normalised code unit; `origin[length]` is the text length. */
  origin: Int32Array;
  original: string;
}

const KIND_NAMES: TokenKind[] = ['word', 'number', 'punct'];

/** FNV-1a over the word's code units: a fingerprint shared by the scan and the start-word filter. */
export function signatureOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 0x01000193);
  return hash | 1;
}

/**
 * A set of signatures (odd int32s, so never 0) in an open-addressing table: the scan asks it for
 * every word of every text, and a Set<number> boxed each signature outside the small-integer
 * range (half of them) into a fresh heap number to hash it.
 */
export class SignatureSet {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(signatures: Iterable<number>) {
    const values = [...new Set(signatures)];
    for (const v of values) if ((v | 0) !== v || (v & 1) === 0) throw new Error(`not a signature: ${v}`);
    let size = 16;
    while (size < 2 * values.length) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (const v of values) {
      let at = Math.imul(v, 0x9e3779b1) & this.mask;
      while (this.table[at] !== 0) at = (at + 1) & this.mask;
      this.table[at] = v;
    }
  }

  has(signature: number): boolean {
    for (let at = Math.imul(signature, 0x9e3779b1) & this.mask; ; at = (at + 1) & this.mask) {
      const v = this.table[at]!;
      if (v === signature) return v !== 0;
      if (v === 0) return false;
    }
  }
}

export function tokenAt(s: Scan, i: number): ScanToken | undefined {
  if (i < 0 || i >= s.count) return undefined;
  const start = s.starts[i]!;
  const end = s.ends[i]!;
  return { text: s.normalized.slice(start, end), kind: KIND_NAMES[s.kinds[i]!]!, start, end, spaceBefore: s.spaced[i] === 1, sentence: s.sentences[i]! };
}

function isMark(code: number): boolean {
  return (
    code === 0x0640 ||
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06dc) ||
    (code >= 0x06df && code <= 0x06e8) ||
    (code >= 0x06ea && code <= 0x06ed) ||
    code === 0x200c || // zero-width non-joiner / joiner inside words
    code === 0x200d
  );
}

function isLetter(code: number): boolean {
  return (
    (code >= 0x0621 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    code === 0x06d5 ||
    (code >= 0x06fa && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08ff) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x200f || code === 0x200e || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x3000 || code === 0xfeff;
}

/** Sentence ends: a future marker in one sentence should not make a date in the next one future. */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x061f || code === 0x06d4 || code === 0x0a;
}

/** Character classes for U+0000–U+06FF, looked up once per character in the scan's hot loop. */
const OTHER = 0;
const SPACE = 1;
const LETTER = 2;
const DIGIT = 3;
const MARK = 4;
const CLASS_TABLE = (() => {
  const table = new Uint8Array(0x700);
  for (let code = 0; code < 0x700; code++) {
    table[code] = isMark(code) ? MARK : isSpace(code) ? SPACE : code >= 0x30 && code <= 0x39 ? DIGIT : isLetter(code) ? LETTER : OTHER;
  }
  return table;
})();

function classOf(code: number): number {
  if (code < 0x700) return CLASS_TABLE[code]!;
  return isMark(code) ? MARK : isSpace(code) ? SPACE : isLetter(code) ? LETTER : OTHER;
}

/**
 * Scratch buffers reused from call to call: a scan is used and dropped within one synchronous
 * findDates call, so reusing them spares the garbage collector megabytes per long article.
 */
let scratch = allocate(4096);

function allocate(capacity: number) {
  return {
    capacity,
    codes: new Uint16Array(capacity),
    origin: new Int32Array(capacity + 1),
    starts: new Int32Array(capacity + 1),
    ends: new Int32Array(capacity + 1),
    kinds: new Uint8Array(capacity + 1),
    spaced: new Uint8Array(capacity + 1),
    sentences: new Int32Array(capacity + 1),
    signatures: new Int32Array(capacity + 1),
  };
}

const UTF16 = new TextDecoder('utf-16le');

/** Scans the text. The returned arrays are only valid until the next call. */
export function scan(original: string): Scan {
  if (original.length > scratch.capacity) scratch = allocate(Math.max(original.length, scratch.capacity * 2));
  const { origin, codes, starts, ends, kinds, spaced, sentences, signatures } = scratch;
  let length = 0;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (code < 0x600) {
      // Latin, digits, spaces and punctuation: the common non-Arabic case needs no table.
      origin[length] = i;
      codes[length++] = code >= 0x41 && code <= 0x5a ? code + 32 : code;
      continue;
    }
    if (classOf(code) === MARK) continue;
    origin[length] = i;
    codes[length++] = code <= 0x6ff ? ARABIC_BLOCK_FOLD[code - 0x0600]! : code;
  }
  origin[length] = original.length;
  // The platform decoder turns the code units into a string in one native step.
  const normalized = UTF16.decode(codes.subarray(0, length));
  let count = 0;
  let sentence = 0;
  let spaceBefore = 1;
  let i = 0;
  while (i < length) {
    const code = codes[i]!;
    const cls = classOf(code);
    if (cls === SPACE) {
      if (code === 0x0a) sentence++;
      spaceBefore = 1;
      i++;
      continue;
    }
    const start = i;
    let kind: number;
    if (cls === DIGIT) {
      kind = 1;
      while (i < length && codes[i]! >= 0x30 && codes[i]! <= 0x39) i++;
    } else if (cls === LETTER) {
      kind = 0;
      let hash = 0x811c9dc5;
      while (i < length && classOf(codes[i]!) === LETTER) hash = Math.imul(hash ^ codes[i++]!, 0x01000193);
      signatures[count] = hash | 1;
    } else {
      kind = 2;
      i++;
    }
    if (kind !== 0) signatures[count] = 0;
    starts[count] = start;
    ends[count] = i;
    kinds[count] = kind;
    spaced[count] = spaceBefore;
    sentences[count] = sentence;
    count++;
    spaceBefore = 0;
    // A dot between digits (3.5) does not end a sentence.
    if (kind === 2 && isSentenceEnd(code) && !(code === 0x2e && i < length && codes[i]! >= 0x30 && codes[i]! <= 0x39)) sentence++;
  }
  return { count, starts, ends, kinds, spaced, sentences, signatures, normalized, origin, original };
}

/** Maps a span of the normalised copy back to the original text, taking trailing marks along. */
export function originalSpan(s: Scan, start: number, end: number): { start: number; end: number } {
  const originalStart = s.origin[start]!;
  let originalEnd = end > start ? s.origin[end - 1]! + 1 : originalStart;
  while (originalEnd < s.original.length && isMark(s.original.charCodeAt(originalEnd))) originalEnd++;
  return { start: originalStart, end: originalEnd };
}
