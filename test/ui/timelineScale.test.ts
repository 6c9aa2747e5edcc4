import { describe, expect, it } from 'vitest';
import { DAY_MS, formatDateValue, parseDateValue } from '../../src/ui/components/dateValue';
import {
  MIN_WINDOW_MS,
  assignLanes,
  calendarTicks,
  createTimeScale,
  densityBins,
  fullWindow,
  panWindow,
  zoomWindow,
} from '../../src/ui/timeline/scale';

const JAN_2024 = Date.UTC(2024, 0, 1);
const JAN_2025 = Date.UTC(2025, 0, 1);
const year2024 = { start: JAN_2024, end: JAN_2025 };

describe('time scale', () => {
  it('maps dates to x left to right, and later dates to the LEFT in RTL', () => {
    const ltr = createTimeScale(year2024, 1000, false);
    const rtl = createTimeScale(year2024, 1000, true);
    const july = Date.UTC(2024, 6, 2);
    expect(ltr.toX(JAN_2024)).toBe(0);
    expect(ltr.toX(JAN_2025)).toBe(1000);
    expect(rtl.toX(JAN_2024)).toBe(1000);
    expect(rtl.toX(JAN_2025)).toBe(0);
    expect(ltr.toX(july)).toBeCloseTo(1000 - rtl.toX(july), 6);
    expect(rtl.toX(Date.UTC(2024, 10, 1))).toBeLessThan(rtl.toX(Date.UTC(2024, 1, 1)));
    // toTime inverts toX in both directions.
    expect(rtl.toTime(rtl.toX(july))).toBeCloseTo(july, -1);
    expect(ltr.toTime(ltr.toX(july))).toBeCloseTo(july, -1);
  });

  it('zooms around the anchor, keeping it at the same place on screen', () => {
    const bounds = fullWindow({ start: Date.UTC(2015, 0, 1), end: JAN_2025 });
    const anchor = Date.UTC(2020, 5, 1);
    const zoomed = zoomWindow(bounds, 4, anchor, bounds);
    expect(zoomed.end - zoomed.start).toBeCloseTo((bounds.end - bounds.start) / 4, -3);
    const before = createTimeScale(bounds, 800, true).toX(anchor);
    const after = createTimeScale(zoomed, 800, true).toX(anchor);
    expect(after).toBeCloseTo(before, 6);
    // Zooming out past everything stops at the bounds; zooming in stops at a week.
    expect(zoomWindow(zoomed, 1 / 100, anchor, bounds)).toEqual(bounds);
    const deep = zoomWindow(bounds, 1e9, anchor, bounds);
    expect(deep.end - deep.start).toBe(MIN_WINDOW_MS);
  });

  it('pans later by a positive fraction and stays within bounds', () => {
    const bounds = { start: JAN_2024, end: JAN_2024 + 100 * DAY_MS };
    const window = { start: JAN_2024 + 10 * DAY_MS, end: JAN_2024 + 30 * DAY_MS };
    expect(panWindow(window, 0.5, bounds)).toEqual({ start: JAN_2024 + 20 * DAY_MS, end: JAN_2024 + 40 * DAY_MS });
    expect(panWindow(window, -5, bounds)).toEqual({ start: JAN_2024, end: JAN_2024 + 20 * DAY_MS });
    expect(panWindow(window, 50, bounds)).toEqual({ start: JAN_2024 + 80 * DAY_MS, end: JAN_2024 + 100 * DAY_MS });
  });

  it('puts ticks on calendar boundaries, coarser for longer windows', () => {
    const months = calendarTicks(year2024, 12);
    expect(months.length).toBeLessThanOrEqual(13);
    expect(months).toContain(Date.UTC(2024, 6, 1));
    for (const tick of months) expect(new Date(tick).getUTCDate()).toBe(1);
    const years = calendarTicks({ start: Date.UTC(1990, 0, 1), end: JAN_2025 }, 8);
    expect(years.length).toBeLessThanOrEqual(9);
    for (const tick of years) expect(new Date(tick).getUTCMonth()).toBe(0);
  });

  it('assigns lanes so markers keep their distance, and gives up (-1) when lanes run out', () => {
    expect(assignLanes([0, 5, 10, 20], 10, 2)).toEqual([0, 1, 0, 0]);
    expect(assignLanes([0, 1, 2], 10, 2)).toEqual([0, 1, -1]);
  });

  it('counts events per density bin within the window only', () => {
    const instants = [JAN_2024 - DAY_MS, JAN_2024 + DAY_MS, JAN_2024 + 2 * DAY_MS, Date.UTC(2024, 11, 30), JAN_2025 + DAY_MS];
    expect(densityBins(instants, year2024, 4)).toEqual([2, 0, 0, 1]);
  });
});

describe('date values', () => {
  it('parses every shape of the contract into UTC spans', () => {
    expect(parseDateValue('2024-01-10')).toEqual({ start: Date.UTC(2024, 0, 10), end: Date.UTC(2024, 0, 11) });
    expect(parseDateValue('2024-02')).toEqual({ start: Date.UTC(2024, 1, 1), end: Date.UTC(2024, 2, 1) });
    expect(parseDateValue('2024')).toEqual(year2024);
    // ISO week 1 of 2025 starts on Monday 30 December 2024.
    expect(parseDateValue('2025-W01')).toEqual({ start: Date.UTC(2024, 11, 30), end: Date.UTC(2025, 0, 6) });
    expect(parseDateValue('2024-02-01/2024-02-10')).toEqual({ start: Date.UTC(2024, 1, 1), end: Date.UTC(2024, 1, 11) });
    expect(parseDateValue('yesterday')).toBeNull();
    expect(parseDateValue('2024-03-01/2024-02-01')).toBeNull();
  });

  it('formats with Arabic month names in Arabic and English ones in English', () => {
    expect(formatDateValue('2024-01-10', 'ar')).toMatch(/يناير/);
    expect(formatDateValue('2024-01-10', 'en')).toMatch(/January/);
    expect(formatDateValue('2024-02', 'ar')).toMatch(/فبراير/);
    expect(formatDateValue('not a date', 'en')).toBe('not a date');
  });
});
