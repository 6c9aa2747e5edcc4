/**
 * Date recognition and resolution (issue 5): every date expression in a text, resolved against
 * the publication date by the conventions of CONTRACT.md ("How dates resolve").
 *
 * Pure TypeScript, no DOM or Node API: it runs in the worker, the page, tests and the CLI.
 */
import type { DateMention } from '../types';
import { toEpochDay, isValidGregorian } from './calendar';
import { DateParser } from './parse';
import { formatValue } from './resolve';
import { originalSpan, scan } from './scan';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The epoch day of a `YYYY-MM-DD` reference, or undefined when it is not a real calendar day. */
export function parseReference(ref: string): number | undefined {
  const m = ISO_DAY.exec(ref);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidGregorian(year, month, day) ? toEpochDay(year, month, day) : undefined;
}

/**
 * Every date expression in `text`, resolved against the publication date `ref` (YYYY-MM-DD).
 * Throws a RangeError when `ref` is not a valid day, since every relative value would be wrong.
 */
export function findDates(text: string, ref: string): DateMention[] {
  const refDay = parseReference(ref);
  if (refDay === undefined) throw new RangeError(`reference date must be a real day as YYYY-MM-DD, got "${ref}"`);
  if (!text) return [];
  const scanned = scan(text);
  const matches = new DateParser(scanned, refDay).run();
  const mentions: DateMention[] = [];
  for (const match of matches) {
    if (!match.value) continue;
    const { start, end } = originalSpan(scanned, scanned.starts[match.start]! + match.prefix, scanned.ends[match.end - 1]!);
    const mention: DateMention = { text: text.slice(start, end), start, end, value: formatValue(match.value), grain: match.value.grain };
    if (match.value.hijri) mention.hijri = match.value.hijri;
    mentions.push(mention);
  }
  return mentions;
}
