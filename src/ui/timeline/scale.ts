/**
 * The geometry of the visual timeline, kept pure so it is unit-tested without a DOM:
 * a visible window of time mapped onto [0, width] px, flipped for right-to-left (later dates to the LEFT),
 * zoom around an anchor, pan, tick placement, lanes for sparse views and density bins for crowded ones.
 */
import { DAY_MS, type TimeSpan } from '../components/dateValue';

/** The part of time on screen: [start, end) in ms since epoch. */
export type TimeWindow = TimeSpan;

/** Zooming in further than this shows nothing more (values are days at the finest). */
export const MIN_WINDOW_MS = 7 * DAY_MS;

export interface TimeScale {
  window: TimeWindow;
  width: number;
  rtl: boolean;
  /** x in px of an instant; RTL puts later instants further left. */
  toX(instant: number): number;
  /** The instant under x px. */
  toTime(x: number): number;
}

export function createTimeScale(window: TimeWindow, width: number, rtl: boolean): TimeScale {
  const span = Math.max(1, window.end - window.start);
  return {
    window,
    width,
    rtl,
    toX(instant) {
      const fraction = (instant - window.start) / span;
      return (rtl ? 1 - fraction : fraction) * width;
    },
    toTime(x) {
      const fraction = width === 0 ? 0 : x / width;
      return window.start + (rtl ? 1 - fraction : fraction) * span;
    },
  };
}

/** The whole domain with a margin on both sides so end markers are not cut in half. */
export function fullWindow(domain: TimeSpan): TimeWindow {
  const span = Math.max(domain.end - domain.start, MIN_WINDOW_MS);
  const margin = span * 0.03;
  const middle = (domain.start + domain.end) / 2;
  return { start: middle - span / 2 - margin, end: middle + span / 2 + margin };
}

/** Keeps a window inside the bounds (shifting it, not shrinking it, unless it is wider than the bounds). */
function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const span = window.end - window.start;
  const boundsSpan = bounds.end - bounds.start;
  if (span >= boundsSpan) return { ...bounds };
  if (window.start < bounds.start) return { start: bounds.start, end: bounds.start + span };
  if (window.end > bounds.end) return { start: bounds.end - span, end: bounds.end };
  return window;
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping `anchor` (an instant) at the same place on screen,
 * as wheel zoom does under the pointer. The result stays within `bounds` and no narrower than MIN_WINDOW_MS.
 */
export function zoomWindow(window: TimeWindow, factor: number, anchor: number, bounds: TimeWindow): TimeWindow {
  const span = window.end - window.start;
  const boundsSpan = bounds.end - bounds.start;
  const newSpan = Math.min(boundsSpan, Math.max(MIN_WINDOW_MS, span / factor));
  const anchorFraction = span === 0 ? 0.5 : (anchor - window.start) / span;
  const start = anchor - anchorFraction * newSpan;
  return clampWindow({ start, end: start + newSpan }, bounds);
}

/** Moves the window by `fraction` of its width: positive is later in time, whatever the direction on screen. */
export function panWindow(window: TimeWindow, fraction: number, bounds: TimeWindow): TimeWindow {
  const shift = (window.end - window.start) * fraction;
  return clampWindow({ start: window.start + shift, end: window.end + shift }, bounds);
}

type TickUnit = 'year' | 'month' | 'day';

/** Tick instants on calendar boundaries (years, months or days), no more than about `maxTicks`. */
export function calendarTicks(window: TimeWindow, maxTicks: number): number[] {
  const span = window.end - window.start;
  const candidates: Array<[TickUnit, number]> = [
    ['day', 1], ['day', 2], ['day', 7], ['day', 14],
    ['month', 1], ['month', 2], ['month', 3], ['month', 6],
    ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 25], ['year', 50], ['year', 100],
  ];
  const approximate: Record<TickUnit, number> = { day: DAY_MS, month: 30.44 * DAY_MS, year: 365.25 * DAY_MS };
  const chosen = candidates.find(([unit, step]) => span / (approximate[unit] * step) <= maxTicks) ?? ['year', 500];
  const [unit, step] = chosen;
  const ticks: number[] = [];
  const first = new Date(window.start);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  let day = first.getUTCDate();
  if (unit === 'year') {
    year = Math.floor(year / step) * step;
    month = 0;
    day = 1;
  } else if (unit === 'month') {
    month = Math.floor(month / step) * step;
    day = 1;
  }
  for (let guard = 0; guard < 1000; guard += 1) {
    const instant = Date.UTC(year, month, day);
    if (instant > window.end) break;
    if (instant >= window.start) ticks.push(instant);
    if (unit === 'year') year += step;
    else if (unit === 'month') month += step;
    else day += step;
  }
  return ticks;
}

/**
 * Puts points (x px, ascending) into lanes so that markers in one lane are at least `minGap` px apart.
 * Returns the lane of each point, or -1 when all `laneCount` lanes are taken there (the view should then
 * switch to density).
 */
export function assignLanes(xs: readonly number[], minGap: number, laneCount: number): number[] {
  const laneEnds: number[] = Array.from({ length: laneCount }, () => Number.NEGATIVE_INFINITY);
  return xs.map((x) => {
    const lane = laneEnds.findIndex((end) => x - end >= minGap);
    if (lane >= 0) laneEnds[lane] = x;
    return lane;
  });
}

/** Counts instants per bin of equal time across the window; bins[0] is the earliest. */
export function densityBins(sortedInstants: readonly number[], window: TimeWindow, binCount: number): number[] {
  const bins = new Array<number>(binCount).fill(0);
  const span = window.end - window.start;
  const first = lowerBound(sortedInstants, window.start);
  for (let index = first; index < sortedInstants.length; index += 1) {
    const instant = sortedInstants[index] ?? 0;
    if (instant >= window.end) break;
    const bin = Math.min(binCount - 1, Math.floor(((instant - window.start) / span) * binCount));
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  return bins;
}

/** The first index whose value is ≥ `value` in an ascending array. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
