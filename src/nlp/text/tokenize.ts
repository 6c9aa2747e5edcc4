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
 * token on its own (punctuation, symbols, emoji).
 */
const TOKEN = /[\p{L}\p{M}\p{N}\u0640]+(?:['’.,\u066B\u066C][\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], start, end: start + m[0].length });
  }
  return tokens;
}
