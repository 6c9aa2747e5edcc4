/**
 * The whole timeline in memory, arranged once so that every filter change is a single pass over plain fields:
 * no request to the store, no date parsing, no sorting, no join. Built when the events arrive (once per load);
 * filtering 20,000 events then takes a few milliseconds, so filters and search answer as the reader types.
 *
 * The filters mean what the store's `getTimeline` means (tested side by side in test/store/wholeTimeline.test.ts):
 * a date range keeps events whose days overlap it, type keeps events with an actor of that (dominant) type,
 * text keeps events whose text or article title contains it in any spelling (normalizeArabic on both sides).
 */
import { normalizeArabic } from '../../nlp/text/normalize';
import { DAY_MS, parseDateValue, type TimeSpan } from '../components/dateValue';
import type { TimelineEvent, TimelineFilter } from './dataSource';
import type { PlacedEvent } from './TimelineChart';

/** One event with what filters compare, computed once. */
interface Entry {
  event: TimelineEvent;
  /** [start, end) in ms, UTC. */
  span: TimeSpan;
  /** First and last day covered, in ms at 00:00 UTC (what the date range compares). */
  firstDay: number;
  lastDay: number;
  /** The instant the chart puts the marker at. */
  instant: number;
}

export interface TimelineIndex {
  /** By start, then date value (same values stay together for the list's date headers). */
  byStart: readonly Entry[];
  /** By instant, for the chart. */
  byInstant: readonly Entry[];
  /** Every site with an event, sorted: what the site filter offers. */
  sites: readonly string[];
  /** Every year an event starts or ends in, latest first: what the date fields offer. */
  years: readonly number[];
  /** Normalised "text + title" per event id, made on the first text search only (most readers never search). */
  searchKeys: Map<TimelineEvent, string> | null;
  size: number;
}

export interface FilteredTimeline {
  /** For the list. */
  byStart: TimelineEvent[];
  /** Sorted by instant, for the chart. */
  placed: PlacedEvent[];
  /** The span all kept events cover, null when none is kept. */
  domain: TimeSpan | null;
}

function eventSpan(event: TimelineEvent): TimeSpan | null {
  const start = Date.parse(event.startDate);
  const end = Date.parse(event.endDate);
  if (Number.isFinite(start) && Number.isFinite(end)) return { start, end: end + DAY_MS };
  return parseDateValue(event.date);
}

/** Arranges loaded events; events whose date cannot be placed in time are left out (the chart could not draw them). */
export function buildTimelineIndex(events: readonly TimelineEvent[]): TimelineIndex {
  const entries: Entry[] = [];
  const sites = new Set<string>();
  const years = new Set<number>();
  for (const event of events) {
    const span = eventSpan(event);
    if (span === null) continue;
    const entry = { event, span, firstDay: span.start, lastDay: span.end - DAY_MS, instant: (span.start + span.end) / 2 };
    entries.push(entry);
    sites.add(event.article.site);
    years.add(new Date(entry.firstDay).getUTCFullYear());
    years.add(new Date(entry.lastDay).getUTCFullYear());
  }
  const byStart = [...entries].sort((a, b) => a.span.start - b.span.start || (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0));
  const byInstant = entries.sort((a, b) => a.instant - b.instant);
  return { byStart, byInstant, sites: [...sites].sort(), years: [...years].sort((a, b) => b - a), searchKeys: null, size: entries.length };
}

/** `YYYY-MM-DD` → ms at 00:00 UTC, or undefined when absent or not a day. */
function dayStart(iso: string | undefined): number | undefined {
  if (iso === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

function searchKeysOf(index: TimelineIndex): Map<TimelineEvent, string> {
  if (index.searchKeys !== null) return index.searchKeys;
  const titles = new Map<string, string>();
  const keys = new Map<TimelineEvent, string>();
  for (const { event } of index.byStart) {
    let title = titles.get(event.article.id);
    if (title === undefined) titles.set(event.article.id, (title = normalizeArabic(event.article.title)));
    // A separator no query can contain keeps a match from spanning the end of the text and the title.
    keys.set(event, `${normalizeArabic(event.text)}\u0000${title}`);
  }
  index.searchKeys = keys;
  return keys;
}

/** Whether any filter is set (an empty filter keeps the arrays as they are). */
function isEmpty(filter: TimelineFilter): boolean {
  return Object.values(filter).every((value) => value === undefined || value === '');
}

/** The events a filter keeps, in list order and in chart order, and the span they cover. */
export function filterTimeline(index: TimelineIndex, filter: TimelineFilter): FilteredTimeline {
  const from = dayStart(filter.from);
  const to = dayStart(filter.to);
  const needle = filter.text === undefined ? '' : normalizeArabic(filter.text).trim();
  const keys = needle === '' ? null : searchKeysOf(index);
  const { actorId, type, site } = filter;
  const keep = isEmpty(filter)
    ? () => true
    : (entry: Entry): boolean => {
        const { event } = entry;
        if (from !== undefined && entry.lastDay < from) return false;
        if (to !== undefined && entry.firstDay > to) return false;
        if (site !== undefined && event.article.site !== site) return false;
        if (actorId !== undefined && !event.actors.some((actor) => actor.id === actorId)) return false;
        if (type !== undefined && !event.actors.some((actor) => actor.type === type)) return false;
        if (keys !== null && !(keys.get(event) ?? '').includes(needle)) return false;
        return true;
      };
  const byStart: TimelineEvent[] = [];
  for (const entry of index.byStart) if (keep(entry)) byStart.push(entry.event);
  const placed: PlacedEvent[] = [];
  let domain: TimeSpan | null = null;
  for (const entry of index.byInstant) {
    if (!keep(entry)) continue;
    placed.push({ event: entry.event, instant: entry.instant });
    if (domain === null) domain = { ...entry.span };
    else {
      if (entry.span.start < domain.start) domain.start = entry.span.start;
      if (entry.span.end > domain.end) domain.end = entry.span.end;
    }
  }
  return { byStart, placed, domain };
}
