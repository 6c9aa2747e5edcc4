/**
 * Turning the analysis' ISO date values into instants and display text.
 * Values: `2024-01-10`, `2024-01`, `2024`, `2024-W05`, or `2024-02-01/2024-02-10` (inclusive days), per CONTRACT.md.
 * Everything is in UTC: the values are calendar days, not moments, so no local time zone may shift them.
 */
import type { ViewLanguage } from './strings';

const DAY_MS = 86_400_000;

/** The stretch of time a date value covers: [start, end) in ms since epoch, UTC. */
export interface TimeSpan {
  start: number;
  end: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

function isoWeekMonday(year: number, week: number): number {
  // 4 January always falls in ISO week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const weekdayFromMonday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekdayFromMonday * DAY_MS + (week - 1) * 7 * DAY_MS;
}

function parseSingle(value: string): TimeSpan | null {
  let match = DAY.exec(value);
  if (match) {
    const start = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return { start, end: start + DAY_MS };
  }
  match = MONTH.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]) - 1;
    return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
  }
  match = YEAR.exec(value);
  if (match) {
    const year = Number(match[1]);
    return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  }
  match = WEEK.exec(value);
  if (match) {
    const start = isoWeekMonday(Number(match[1]), Number(match[2]));
    return { start, end: start + 7 * DAY_MS };
  }
  return null;
}

/** The time a value covers, or null for a value this UI cannot place. */
export function parseDateValue(value: string): TimeSpan | null {
  const slash = value.indexOf('/');
  if (slash < 0) return parseSingle(value);
  const first = parseSingle(value.slice(0, slash));
  const last = parseSingle(value.slice(slash + 1));
  if (first === null || last === null || last.end < first.start) return null;
  return { start: first.start, end: last.end };
}

/** The middle of a value's span: where a point marker for it goes. */
export function dateValueMidpoint(value: string): number | null {
  const span = parseDateValue(value);
  return span === null ? null : (span.start + span.end) / 2;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: ViewLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    formatters.set(key, found);
  }
  return found;
}

const DAY_STYLE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const MONTH_STYLE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long' };
const YEAR_STYLE: Intl.DateTimeFormatOptions = { year: 'numeric' };

/**
 * A date value as a reader would write it in `language` (Arabic month names come from Intl).
 * Unknown shapes are shown as written rather than hidden.
 */
export function formatDateValue(value: string, language: ViewLanguage): string {
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const first = value.slice(0, slash);
    const last = value.slice(slash + 1);
    const from = parseSingle(first);
    const to = parseSingle(last);
    if (from === null || to === null) return value;
    const fromDate = new Date(from.start);
    const toDate = new Date(to.start);
    // formatRange folds shared parts: "1–10 February 2024".
    return formatter(language, DAY_STYLE).formatRange(fromDate, toDate);
  }
  const span = parseSingle(value);
  if (span === null) return value;
  const date = new Date(span.start);
  if (DAY.test(value)) return formatter(language, DAY_STYLE).format(date);
  if (MONTH.test(value)) return formatter(language, MONTH_STYLE).format(date);
  if (YEAR.test(value)) return formatter(language, YEAR_STYLE).format(date);
  // ISO week: shown as the days it covers, which readers understand better than a week number.
  const sunday = new Date(span.end - DAY_MS);
  return formatter(language, DAY_STYLE).formatRange(date, sunday);
}

/** An instant (ms, UTC) as a day in `language`. */
export function formatDay(instant: number, language: ViewLanguage): string {
  return formatter(language, DAY_STYLE).format(new Date(instant));
}

/** A short axis label for an instant, coarse or fine depending on how much time the axis shows. */
/**
 * A tick's label at the zoom the span implies. Day ticks name the year only where `withYear` says (the chart
 * passes the first tick and every tick in a new year), so a zoomed-in axis still says which year it shows.
 */
export function formatAxisLabel(instant: number, visibleSpanMs: number, language: ViewLanguage, withYear = false): string {
  const date = new Date(instant);
  if (visibleSpanMs > 3 * 365 * DAY_MS) return formatter(language, YEAR_STYLE).format(date);
  if (visibleSpanMs > 90 * DAY_MS) return formatter(language, { year: 'numeric', month: 'short' }).format(date);
  return formatter(language, withYear ? { year: 'numeric', month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric' }).format(date);
}

/** The `YYYY-MM-DD` of an instant (UTC), for date inputs. */
export function isoDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

export { DAY_MS };
