/**
 * Calendar values and the resolution conventions of CONTRACT.md ("How dates resolve"):
 * past-leaning choice of a missing year, relative months, weekdays, parts, seasons, Hijri.
 * Everything works on epoch days; a value that cannot exist (31 شباط) is null, never guessed.
 */
import type { DateGrain } from '../types';
import {
  addMonths,
  daysInMonth,
  formatDay,
  fromEpochDay,
  fromHijri,
  hijriMonthLength,
  hijriMonthStart,
  isValidGregorian,
  isoWeekLabel,
  isoWeekMonday,
  pad,
  toEpochDay,
  toHijri,
  weekdayOf,
  type Ymd,
} from './calendar';
import type { Calendar, PartName, Season } from './lexicon';

export type ValueKind = 'day' | 'month' | 'year' | 'week' | 'interval';

export interface Resolved {
  /** First and last day covered (epoch days, inclusive). */
  first: number;
  last: number;
  kind: ValueKind;
  grain: DateGrain;
  hijri?: string;
}

export interface Reference {
  day: number;
  ymd: Ymd;
  hijri: Ymd;
  /** The sentence speaks of the future: choose the first value ending on or after the reference. */
  future: boolean;
}

export function makeReference(epochDay: number, future: boolean): Reference {
  return { day: epochDay, ymd: fromEpochDay(epochDay), hijri: toHijri(epochDay), future };
}

export function formatValue(r: Resolved): string {
  const { year, month } = fromEpochDay(r.first);
  switch (r.kind) {
    case 'day':
      return formatDay(r.first);
    case 'month':
      return `${pad(year, 4)}-${pad(month)}`;
    case 'year':
      return pad(year, 4);
    case 'week':
      return isoWeekLabel(r.first);
    case 'interval':
      return `${formatDay(r.first)}/${formatDay(r.last)}`;
  }
}

export function dayValue(epochDay: number, hijri?: string): Resolved {
  return { first: epochDay, last: epochDay, kind: 'day', grain: 'day', ...(hijri ? { hijri } : {}) };
}

export function weekValue(epochDay: number): Resolved {
  const monday = isoWeekMonday(epochDay);
  return { first: monday, last: monday + 6, kind: 'week', grain: 'week' };
}

export function interval(first: number, last: number, grain: DateGrain, hijri?: string): Resolved {
  return { first, last, kind: 'interval', grain, ...(hijri ? { hijri } : {}) };
}

export function gregorianMonth(year: number, month: number): Resolved {
  return { first: toEpochDay(year, month, 1), last: toEpochDay(year, month, daysInMonth(year, month)), kind: 'month', grain: 'month' };
}

export function gregorianYear(year: number): Resolved {
  return { first: toEpochDay(year, 1, 1), last: toEpochDay(year, 12, 31), kind: 'year', grain: 'year' };
}

export function hijriMonthValue(year: number, month: number): Resolved | null {
  const first = hijriMonthStart(year, month);
  const length = hijriMonthLength(year, month);
  if (first === null || length === null) return null;
  return interval(first, first + length - 1, 'month', `${pad(year, 4)}-${pad(month)}`);
}

export function hijriYearValue(year: number): Resolved | null {
  const first = hijriMonthStart(year, 1);
  const next = hijriMonthStart(year + 1, 1);
  if (first === null || next === null) return null;
  return interval(first, next - 1, 'year', pad(year, 4));
}

export function hijriDayValue(year: number, month: number, day: number): Resolved | null {
  const epochDay = fromHijri(year, month, day);
  return epochDay === null ? null : dayValue(epochDay, `${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

/** A value of some calendar year: `build(year)` gives it (or null when it does not exist that year). */
type YearlyValue = (year: number) => Resolved | null;

/**
 * The past-leaning rule: the most recent value that starts on or before the reference, or, when
 * the text speaks of the future, the first one that ends on or after it.
 */
export function pickYear(ref: Reference, calendar: Calendar, build: YearlyValue): Resolved | null {
  const refYear = calendar === 'hijri' ? ref.hijri.year : ref.ymd.year;
  if (ref.future) {
    for (let year = refYear - 1; year <= refYear + 8; year++) {
      const value = build(year);
      if (value && value.last >= ref.day) return value;
    }
  } else {
    for (let year = refYear + 1; year >= refYear - 8; year--) {
      const value = build(year);
      if (value && value.first <= ref.day) return value;
    }
  }
  return null;
}

export function monthOf(calendar: Calendar, year: number, month: number): Resolved | null {
  return calendar === 'hijri' ? hijriMonthValue(year, month) : gregorianMonth(year, month);
}

export function dayOf(calendar: Calendar, year: number, month: number, day: number): Resolved | null {
  if (calendar === 'hijri') return hijriDayValue(year, month, day);
  return isValidGregorian(year, month, day) ? dayValue(toEpochDay(year, month, day)) : null;
}

/** The year of a month named with الماضي (-1), الجاري (0) or المقبل (+1), relative to the reference's month. */
export function yearForRelativeMonth(ref: Reference, calendar: Calendar, month: number, relation: -1 | 0 | 1): number {
  const { year, month: refMonth } = calendar === 'hijri' ? ref.hijri : ref.ymd;
  if (relation === -1) return month < refMonth ? year : year - 1;
  if (relation === 1) return month > refMonth ? year : year + 1;
  return year;
}

/** A weekday with a day (and month) but no year: the nearest year (or month) where the weekday matches. */
export function nearestMatchingWeekday(ref: Reference, weekday: number, day: number, month: number | undefined): Resolved | null {
  let best: number | null = null;
  const consider = (epochDay: number | null): void => {
    if (epochDay === null || weekdayOf(epochDay) !== weekday) return;
    if (best === null || Math.abs(epochDay - ref.day) < Math.abs(best - ref.day)) best = epochDay;
  };
  for (let k = 0; k <= 28 && best === null; k++) {
    for (const sign of k === 0 ? [1] : [-1, 1]) {
      if (month !== undefined) {
        const year = ref.ymd.year + sign * k;
        consider(isValidGregorian(year, month, day) ? toEpochDay(year, month, day) : null);
      } else {
        const index = ref.ymd.year * 12 + ref.ymd.month - 1 + sign * k;
        const year = Math.floor(index / 12);
        const m = (index % 12) + 1;
        consider(isValidGregorian(year, m, day) ? toEpochDay(year, m, day) : null);
      }
    }
  }
  return best === null ? null : dayValue(best);
}

/** A bare weekday: past-leaning (the reference's own weekday is the reference day). */
export function bareWeekday(ref: Reference, weekday: number, direction: 'past' | 'future' | 'strict-past' | 'strict-future'): Resolved {
  const refWeekday = weekdayOf(ref.day);
  switch (direction) {
    case 'past':
      return dayValue(ref.day - ((refWeekday - weekday + 7) % 7));
    case 'future':
      return dayValue(ref.day + ((weekday - refWeekday + 7) % 7));
    case 'strict-past':
      return dayValue(ref.day - (((refWeekday - weekday + 6) % 7) + 1));
    case 'strict-future':
      return dayValue(ref.day + (((weekday - refWeekday + 6) % 7) + 1));
  }
}

/** The weekday (0 = Sunday) inside the ISO week `weekOffset` weeks from the reference's. */
export function weekdayInWeek(ref: Reference, weekday: number, weekOffset: number): Resolved {
  const monday = isoWeekMonday(ref.day) + weekOffset * 7;
  return dayValue(monday + ((weekday + 6) % 7));
}

/** The n-th (1-based; -1 = last) given weekday of a month value. */
export function nthWeekdayOf(month: Resolved, weekday: number, n: number): Resolved | null {
  if (n === -1) {
    const lastDay = month.last;
    return dayValue(lastDay - ((weekdayOf(lastDay) - weekday + 7) % 7));
  }
  const first = month.first + ((weekday - weekdayOf(month.first) + 7) % 7) + (n - 1) * 7;
  return first <= month.last ? dayValue(first) : null;
}

/** The n-th ISO week lying wholly inside a month (Monday to Sunday); -1 = the last such week. */
export function nthWeekOf(month: Resolved, n: number): Resolved | null {
  const firstMonday = month.first + ((1 - weekdayOf(month.first) + 7) % 7);
  if (n === -1) {
    const lastSunday = month.last - weekdayOf(month.last);
    return weekValue(lastSunday);
  }
  const monday = firstMonday + (n - 1) * 7;
  return monday <= month.last ? weekValue(monday) : null;
}

/** Thirds of a month (Gregorian or Hijri days): 1–10, 11–20, 21–last. */
export function partOfMonth(month: Resolved, part: PartName): Resolved {
  const first = part === 'early' ? month.first : part === 'mid' ? month.first + 10 : month.first + 20;
  const last = part === 'early' ? month.first + 9 : part === 'mid' ? month.first + 19 : month.last;
  return interval(first, last, 'part-of-month', month.hijri);
}

/** Parts of a year: early = January–March, mid = June–July, late = October–December. */
export function partOfYear(year: number, part: PartName): Resolved {
  if (part === 'early') return interval(toEpochDay(year, 1, 1), toEpochDay(year, 3, 31), 'range');
  if (part === 'mid') return interval(toEpochDay(year, 6, 1), toEpochDay(year, 7, 31), 'range');
  return interval(toEpochDay(year, 10, 1), toEpochDay(year, 12, 31), 'range');
}

export function quarterOf(year: number, quarter: number): Resolved {
  const firstMonth = (quarter - 1) * 3 + 1;
  return interval(toEpochDay(year, firstMonth, 1), toEpochDay(year, firstMonth + 2, daysInMonth(year, firstMonth + 2)), 'range');
}

export function halfOf(year: number, half: number): Resolved {
  return half === 1
    ? interval(toEpochDay(year, 1, 1), toEpochDay(year, 6, 30), 'range')
    : interval(toEpochDay(year, 7, 1), toEpochDay(year, 12, 31), 'range');
}

/** Meteorological seasons; winter of a year runs from its December into the next February. */
export function seasonOf(year: number, season: Season): Resolved {
  switch (season) {
    case 'spring':
      return interval(toEpochDay(year, 3, 1), toEpochDay(year, 5, 31), 'season');
    case 'summer':
      return interval(toEpochDay(year, 6, 1), toEpochDay(year, 8, 31), 'season');
    case 'autumn':
      return interval(toEpochDay(year, 9, 1), toEpochDay(year, 11, 30), 'season');
    case 'winter':
      return interval(toEpochDay(year, 12, 1), toEpochDay(year + 1, 2, daysInMonth(year + 1, 2)), 'season');
  }
}

export function decadeOf(firstYear: number): Resolved {
  return interval(toEpochDay(firstYear, 1, 1), toEpochDay(firstYear + 9, 12, 31), 'decade');
}

/** `N units` from the reference (negative = ago), as a day. */
export function shiftReference(ref: Reference, amount: number, unit: 'day' | 'week' | 'month' | 'year'): Resolved {
  if (unit === 'day') return dayValue(ref.day + amount);
  if (unit === 'week') return dayValue(ref.day + amount * 7);
  return dayValue(addMonths(ref.day, unit === 'month' ? amount : amount * 12));
}

export function span(from: Resolved, to: Resolved): Resolved | null {
  if (to.last < from.first) return null;
  return interval(from.first, to.last, 'range');
}
