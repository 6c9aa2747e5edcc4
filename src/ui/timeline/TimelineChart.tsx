/**
 * The zoomable visual timeline: a horizontal time axis (later dates to the left in RTL), events as markers in
 * lanes while they fit, as a density histogram when they do not. Only events inside the visible window are drawn.
 * Zoom: buttons, the wheel (around the pointer) and the keyboard (+/−, arrows, Home).
 * Markers are reachable from the keyboard too: one of them is in the tab order (a roving tabindex, so the chart
 * costs one Tab stop however many events it shows); arrow keys go from event to event in time, Home/End to the
 * first and last, Enter or Space opens one. Each marker is named by its date and what happened.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TimeSpan } from '../components/dateValue';
import { formatAxisLabel, formatDateValue } from '../components/dateValue';
import { clipText } from '../components/format';
import { useTranslator } from '../components/i18n';
import type { TimelineEvent } from './dataSource';
import {
  assignLanes,
  calendarTicks,
  createTimeScale,
  densityBins,
  fullWindow,
  lowerBound,
  panWindow,
  zoomWindow,
  type TimeWindow,
} from './scale';

/** An event with the instant its marker stands at; the list is sorted by instant. */
export interface PlacedEvent {
  event: TimelineEvent;
  instant: number;
}

export interface TimelineChartProps {
  /** Sorted by instant. */
  placed: readonly PlacedEvent[];
  /** The span all events cover. */
  domain: TimeSpan;
  onSelect(event: TimelineEvent): void;
  /** Width before the first measurement (and in tests, where nothing is laid out). */
  initialWidth?: number;
}

const HEIGHT = 190;
const AXIS_Y = HEIGHT - 34;
const LANE_COUNT = 10;
const LANE_HEIGHT = 13;
const MARKER_GAP_PX = 8;
/** Above this many events in the window, lanes cannot stay readable: draw density. */
const MAX_MARKERS = 500;
const ZOOM_STEP = 1.6;
/** A marker's name stays short enough to be read out as the reader arrows past it. */
const NAME_CHARS = 160;
const clip = (text: string) => clipText(text, NAME_CHARS);

export function TimelineChart({ placed, domain, onSelect, initialWidth = 800 }: TimelineChartProps) {
  const { t, plural, language, direction } = useTranslator();
  const rtl = direction === 'rtl';
  const bounds = useMemo(() => fullWindow(domain), [domain.start, domain.end]);
  // The zoom belongs to the bounds it was made in: new data (new bounds) shows everything again. Derived during
  // render rather than reset in an effect, which could run after a first click and undo it.
  const [zoom, setZoom] = useState<{ bounds: TimeWindow; view: TimeWindow }>({ bounds, view: bounds });
  const view = zoom.bounds === bounds ? zoom.view : bounds;
  const setView = (next: TimeWindow) => setZoom({ bounds, view: next });
  const [width, setWidth] = useState(initialWidth);
  /** The marker that is in the tab order (an event id), and the one with keyboard focus, which gets a ring. */
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  /** A marker to focus once it is rendered (after an arrow key). */
  const pendingFocus = useRef<string | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  const instants = useMemo(() => placed.map((item) => item.instant), [placed]);
  const scale = createTimeScale(view, width, rtl);
  const first = lowerBound(instants, view.start);
  const last = lowerBound(instants, view.end);
  const visible = placed.slice(first, last);
  const xs = visible.map((item) => scale.toX(item.instant));
  // Lanes are assigned left to right on screen, so order by x (reversed in RTL).
  const order = rtl ? xs.map((_, index) => xs.length - 1 - index) : xs.map((_, index) => index);
  const lanesInOrder = visible.length <= MAX_MARKERS ? assignLanes(order.map((index) => xs[index] ?? 0), MARKER_GAP_PX, LANE_COUNT) : null;
  const density = lanesInOrder === null || lanesInOrder.includes(-1);

  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    const markers = svgRef.current?.querySelectorAll<SVGElement>('.anl-chart-marker') ?? [];
    for (const marker of markers) if (marker.getAttribute('data-event-id') === id) marker.focus();
  });

  const markersShown = !density && lanesInOrder !== null;
  // The roving marker: the last one reached, or the earliest in view when that one is not drawn any more.
  const activeIndex = markersShown ? Math.max(0, visible.findIndex((item) => item.event.id === activeId)) : -1;

  /** Moves the window (same width) so that `instant` is in its middle, within the bounds. */
  const centreOn = (instant: number) => {
    const span = view.end - view.start;
    const start = Math.min(Math.max(instant - span / 2, bounds.start), bounds.end - span);
    setView({ start, end: start + span });
  };

  const onMarkerKeyDown = (event: KeyboardEvent, index: number) => {
    const later = rtl ? 'ArrowLeft' : 'ArrowRight';
    const earlier = rtl ? 'ArrowRight' : 'ArrowLeft';
    // Arrows walk through every event, not only those in view: past the window's edge the window follows, so a
    // keyboard reader reaches what a mouse reader would pan to. Home and End stay within what is drawn.
    let target: number;
    if (event.key === later || event.key === 'ArrowDown') target = Math.min(placed.length - 1, first + index + 1);
    else if (event.key === earlier || event.key === 'ArrowUp') target = Math.max(0, first + index - 1);
    else if (event.key === 'Home') target = first;
    else if (event.key === 'End') target = last - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      const item = visible[index];
      if (item !== undefined) onSelect(item.event);
      return;
    } else return; // + and − still zoom (the chart's own keys)
    // Handled here: the chart around it must not pan as well.
    event.preventDefault();
    event.stopPropagation();
    const item = placed[target];
    if (item === undefined) return;
    if (target < first || target >= last) centreOn(item.instant);
    pendingFocus.current = item.event.id;
    setActiveId(item.event.id);
  };

  const zoomBy = (factor: number, anchor = (view.start + view.end) / 2) => setView(zoomWindow(view, factor, anchor, bounds));
  const panBy = (fraction: number) => setView(panWindow(view, fraction, bounds));

  const onKeyDown = (event: KeyboardEvent) => {
    const later = rtl ? 'ArrowLeft' : 'ArrowRight';
    const earlier = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP);
    else if (event.key === '-' || event.key === '_') zoomBy(1 / ZOOM_STEP);
    else if (event.key === later) panBy(0.25);
    else if (event.key === earlier) panBy(-0.25);
    else if (event.key === 'Home' || event.key === '0') setView(bounds);
    else return;
    event.preventDefault();
  };

  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const svg = svgRef.current;
    const rect = svg?.getBoundingClientRect();
    const x = rect && rect.width > 0 ? ((event.clientX - rect.left) / rect.width) * width : width / 2;
    zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, scale.toTime(x));
  };

  const ticks = calendarTicks(view, Math.max(2, Math.floor(width / 110)));
  const visibleSpan = view.end - view.start;

  let marks;
  let focusRing = null;
  if (markersShown && lanesInOrder !== null) {
    marks = order.map((visibleIndex, position) => {
      const item = visible[visibleIndex];
      if (item === undefined) return null;
      const lane = lanesInOrder[position] ?? 0;
      const cx = xs[visibleIndex] ?? 0;
      const cy = AXIS_Y - 12 - lane * LANE_HEIGHT;
      const r = item.event.main ? 5 : 3.5;
      const name = `${formatDateValue(item.event.date, language)} · ${clip(item.event.text)}`;
      if (item.event.id === focusedId) {
        focusRing = <circle class="anl-chart-focus" cx={cx} cy={cy} r={r + 3.5} fill="none" stroke="var(--anl-focus)" stroke-width="2.5" pointer-events="none" />;
      }
      return (
        <circle
          key={item.event.id}
          class="anl-chart-marker"
          data-event-id={item.event.id}
          role="button"
          aria-label={name}
          tabindex={visibleIndex === activeIndex ? 0 : -1}
          cx={cx}
          cy={cy}
          r={r}
          fill="var(--anl-accent)"
          onClick={() => onSelect(item.event)}
          onKeyDown={(event) => onMarkerKeyDown(event, visibleIndex)}
          onFocus={() => {
            setActiveId(item.event.id);
            setFocusedId(item.event.id);
          }}
          onBlur={() => setFocusedId((current) => (current === item.event.id ? null : current))}
          style={{ cursor: 'pointer' }}
        >
          <title>{name}</title>
        </circle>
      );
    });
  } else {
    const binCount = Math.max(1, Math.floor(width / 6));
    const bins = densityBins(instants, view, binCount);
    const tallest = Math.max(1, ...bins);
    const binWidth = width / binCount;
    marks = bins.map((count, index) => {
      if (count === 0) return null;
      const barHeight = Math.max(2, (count / tallest) * (AXIS_Y - 16));
      const x = rtl ? width - (index + 1) * binWidth : index * binWidth;
      return <rect key={index} class="anl-chart-bar" x={x + 0.5} y={AXIS_Y - barHeight} width={Math.max(1, binWidth - 1)} height={barHeight} fill="var(--anl-accent)" opacity="0.8" />;
    });
  }

  return (
    <div class="anl-stack">
      <div class="anl-row" role="toolbar" aria-label={t('timelineChart')}>
        <button type="button" onClick={() => panBy(-0.5)}>
          {rtl ? '→ ' : '← '}
          {t('panEarlier')}
        </button>
        <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={t('zoomOut')}>
          − <span aria-hidden="true">{t('zoomOut')}</span>
        </button>
        <button type="button" onClick={() => setView(bounds)}>
          {t('zoomReset')}
        </button>
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)} aria-label={t('zoomIn')}>
          + <span aria-hidden="true">{t('zoomIn')}</span>
        </button>
        <button type="button" onClick={() => panBy(0.5)}>
          {t('panLater')}
          {rtl ? ' ←' : ' →'}
        </button>
        <span class="anl-muted" aria-live="polite">
          {density ? t('densityNote', { count: visible.length }) : plural('eventsShown', visible.length)}
        </span>
      </div>
      <div
        ref={containerRef}
        role="group"
        tabIndex={0}
        aria-label={t('timelineChart')}
        aria-describedby="anl-chart-help"
        data-window-start={Math.round(view.start)}
        data-window-end={Math.round(view.end)}
        onKeyDown={onKeyDown}
        onWheel={onWheel}
      >
        <svg ref={svgRef} class="anl-chart" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} style={{ direction: 'ltr' }}>
          <line x1="0" x2={width} y1={AXIS_Y} y2={AXIS_Y} stroke="var(--anl-border)" stroke-width="1.5" />
          {ticks.map((tick, index) => {
            const x = scale.toX(tick);
            const newYear = index === 0 || new Date(tick).getUTCFullYear() !== new Date(ticks[index - 1]!).getUTCFullYear();
            return (
              <g key={tick}>
                <line x1={x} x2={x} y1={AXIS_Y} y2={AXIS_Y + 6} stroke="var(--anl-border)" />
                {/* Labels near an edge hug it instead of being cut in half. */}
                <text x={x} y={AXIS_Y + 20} text-anchor={x < 40 ? 'start' : x > width - 40 ? 'end' : 'middle'} font-size="11" fill="var(--anl-muted)">
                  {formatAxisLabel(tick, visibleSpan, language, newYear)}
                </text>
              </g>
            );
          })}
          {marks}
          {focusRing}
        </svg>
      </div>
      <p id="anl-chart-help" class="anl-muted" style={{ margin: '0', fontSize: '.85rem' }}>
        {t('chartHelp')}
      </p>
    </div>
  );
}
