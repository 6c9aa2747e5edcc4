/** Loading every event of a filter page by page, and placing events in time once per result. */
import { DAY_MS, parseDateValue, type TimeSpan } from '../components/dateValue';
import type { TimelineDataSource, TimelineEvent, TimelineFilter } from './dataSource';
import type { PlacedEvent } from './TimelineChart';

/** The store's largest page: fewer round trips to the worker. */
export const PAGE_SIZE = 500;

/**
 * Follows `nextCursor` until the filter's events are all loaded. `onFirstPage` lets the page show something
 * at once; `isCurrent` stops a load the reader has already replaced with another filter (returns null).
 */
export async function loadAllEvents(
  source: TimelineDataSource,
  filter: TimelineFilter,
  isCurrent: () => boolean,
  onFirstPage: (events: TimelineEvent[]) => void,
): Promise<TimelineEvent[] | null> {
  const events: TimelineEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await source.getTimeline({ ...filter, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) });
    if (!isCurrent()) return null;
    for (const event of page.events) events.push(event);
    cursor = page.nextCursor;
    if (cursor !== undefined && events.length === page.events.length) onFirstPage([...events]);
  } while (cursor !== undefined);
  return events;
}

function eventSpan(event: TimelineEvent): TimeSpan | null {
  const start = Date.parse(event.startDate);
  const end = Date.parse(event.endDate);
  if (Number.isFinite(start) && Number.isFinite(end)) return { start, end: end + DAY_MS };
  return parseDateValue(event.date);
}

export interface SortedEvents {
  /** By start of the date, for the list (same date values stay together). */
  byStart: TimelineEvent[];
  /** By midpoint, for the chart. */
  placed: PlacedEvent[];
  /** The span all events cover, null when there is none. */
  domain: TimeSpan | null;
}

/** Places events in time once per result, so zooming and scrolling never re-parse dates. */
export function sortEvents(events: readonly TimelineEvent[]): SortedEvents {
  const withSpans = events.flatMap((event) => {
    const span = eventSpan(event);
    return span === null ? [] : [{ event, span }];
  });
  const byStart = [...withSpans]
    .sort((a, b) => a.span.start - b.span.start || a.event.date.localeCompare(b.event.date))
    .map(({ event }) => event);
  const placed = withSpans.map(({ event, span }) => ({ event, instant: (span.start + span.end) / 2 })).sort((a, b) => a.instant - b.instant);
  // A loop, not Math.min(...spread): spreading 60,000 arguments can overflow the stack.
  let domain: TimeSpan | null = null;
  for (const { span } of withSpans) {
    domain = domain === null ? { ...span } : { start: Math.min(domain.start, span.start), end: Math.max(domain.end, span.end) };
  }
  return { byStart, placed, domain };
}
