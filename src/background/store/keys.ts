/** Normalised lookup keys for actor names, text hashing, and date values as day numbers. */
import { normalizeArabic } from '../../nlp/text/normalize';

/**
 * The key under which a spelling is looked up: Arabic folding (hamza seats, ى/ي, ة/ه, marks),
 * lower case for Latin names, punctuation dropped, single spaces. `أمريكا` and `امريكا` share a key.
 */
export function nameKey(name: string): string {
  return normalizeArabic(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function keyTokens(key: string): string[] {
  return key ? key.split(' ') : [];
}

/** Distinct non-empty keys of some spellings, in first-seen order. */
export function keysOf(spellings: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const s of spellings) {
    const k = nameKey(s);
    if (k) keys.add(k);
  }
  return [...keys];
}

export function tokensOf(keys: Iterable<string>): string[] {
  const tokens = new Set<string>();
  for (const k of keys) for (const t of keyTokens(k)) tokens.add(t);
  return [...tokens];
}

/** Last words of the multi-word keys (`جو بايدن` → `بايدن`). */
export function lastWordsOf(keys: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const k of keys) {
    const tokens = keyTokens(k);
    if (tokens.length > 1) words.add(tokens[tokens.length - 1]!);
  }
  return [...words];
}

/** An actor whose every spelling is one word is findable by those words from a full name. */
export function bareKeysOf(keys: readonly string[]): string[] {
  return keys.every((k) => !k.includes(' ')) ? [...keys] : [];
}

/** SHA-256 (hex) of the normalised text with whitespace collapsed: re-published copies hash alike. */
export async function textHash(text: string): Promise<string> {
  const normalised = normalizeArabic(text).replace(/\s+/g, ' ').trim();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const DAY_MS = 86_400_000;

function utcDay(year: number, monthIndex: number, day: number): number {
  return Math.floor(Date.UTC(year, monthIndex, day) / DAY_MS);
}

/** Inclusive day range of one ISO value without `/`: day, month, year or ISO week. */
function singleValueDays(value: string): { startDay: number; endDay: number } | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const day = utcDay(y, mo - 1, d);
    // Reject impossible calendar dates such as 2024-02-31 instead of letting Date roll them over.
    const check = new Date(day * DAY_MS);
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
    return { startDay: day, endDay: day };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { startDay: utcDay(y, mo - 1, 1), endDay: utcDay(y, mo, 0) };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    return { startDay: utcDay(y, 0, 1), endDay: utcDay(y, 11, 31) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (w < 1 || w > 53) return undefined;
    // ISO week 1 contains 4 January; weeks start on Monday.
    const jan4 = utcDay(y, 0, 4);
    const jan4Weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7;
    const start = jan4 - jan4Weekday + (w - 1) * 7;
    return { startDay: start, endDay: start + 6 };
  }
  return undefined;
}

/** Inclusive days covered by a date value of the analysis contract, or undefined if it is not one. */
export function dateValueDays(value: string): { startDay: number; endDay: number } | undefined {
  const parts = value.split('/');
  if (parts.length === 1) return singleValueDays(value);
  if (parts.length !== 2) return undefined;
  const from = singleValueDays(parts[0]!);
  const to = singleValueDays(parts[1]!);
  if (!from || !to || to.endDay < from.startDay) return undefined;
  return { startDay: from.startDay, endDay: to.endDay };
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → day number, or undefined. */
export function isoToDay(iso: string): number | undefined {
  const r = singleValueDays(iso);
  return r && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? r.startDay : undefined;
}
