/** Every event, grouped under its date, in a virtualised list: only rows in view are rendered. */
import { useCallback, useMemo } from 'preact/hooks';
import { formatDateValue } from '../components/dateValue';
import { useTranslator } from '../components/i18n';
import { VirtualList } from '../components/VirtualList';
import type { TimelineEvent } from './dataSource';

const HEADER_HEIGHT = 34;
/** Room for two lines of event text and the source line. */
const EVENT_HEIGHT = 82;

export type ListRow = { kind: 'date'; date: string; count: number } | { kind: 'event'; event: TimelineEvent };

/** Rows for events already sorted by date: a header before each run of events with the same date value. */
export function groupRowsByDate(sortedEvents: readonly TimelineEvent[]): ListRow[] {
  const rows: ListRow[] = [];
  let header: { kind: 'date'; date: string; count: number } | null = null;
  for (const event of sortedEvents) {
    if (header === null || header.date !== event.date) {
      header = { kind: 'date', date: event.date, count: 0 };
      rows.push(header);
    }
    header.count += 1;
    rows.push({ kind: 'event', event });
  }
  return rows;
}

export interface EventListProps {
  events: readonly TimelineEvent[];
  viewportHeight: number;
  onSelect(event: TimelineEvent): void;
}

export function EventList({ events, viewportHeight, onSelect }: EventListProps) {
  const { t, plural, language } = useTranslator();
  const rows = useMemo(() => groupRowsByDate(events), [events]);
  const rowHeight = useCallback((index: number) => (rows[index]?.kind === 'date' ? HEADER_HEIGHT : EVENT_HEIGHT), [rows]);
  const rowKey = useCallback((index: number) => {
    const row = rows[index];
    return row === undefined ? String(index) : row.kind === 'date' ? `d:${row.date}` : `e:${row.event.id}`;
  }, [rows]);
  const renderRow = (index: number) => {
    const row = rows[index];
    if (row === undefined) return null;
    if (row.kind === 'date') {
      return (
        <div class="anl-date-header" style={{ height: `${HEADER_HEIGHT}px` }}>
          {formatDateValue(row.date, language)} <span class="anl-muted">({plural('eventsCount', row.count)})</span>
        </div>
      );
    }
    const { event } = row;
    return (
      // dir="auto": the row (text and its source line) follows the event text's direction, not the UI's.
      <button type="button" class="anl-event-row" dir="auto" style={{ height: `${EVENT_HEIGHT}px` }} onClick={() => onSelect(event)}>
        {/* Two lines, not one: cutting a single Arabic line inside a Latin name left a mangled fragment. */}
        <span class="anl-event-text anl-clamp2" style={{ fontWeight: event.main ? '700' : '400' }}>
          {event.text}
        </span>
        <span class="anl-event-text anl-muted" style={{ fontSize: '.85rem' }}>
          <bdi>{event.article.site}</bdi> · <bdi>{event.article.title}</bdi>
        </span>
      </button>
    );
  };
  return <VirtualList rowCount={rows.length} rowHeight={rowHeight} viewportHeight={viewportHeight} renderRow={renderRow} rowKey={rowKey} label={t('eventList')} />;
}
