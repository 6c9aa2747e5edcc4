/**
 * Calendar arithmetic on epoch days (days since 1970-01-01, UTC), which keeps comparisons and
 * shifts to integer maths. Hijri conversion uses the platform's Umm al-Qura calendar
 * (`Intl` `islamic-umalqura`); Intl only converts Gregorian → Hijri, so the inverse is a
 * search, and both directions are cached because articles repeat the same few dates.
 */

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function toEpochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): Ymd {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidGregorian(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 0 = Sunday … 6 = Saturday (JavaScript's convention). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Monday of the ISO week containing the day. */
export function isoWeekMonday(epochDay: number): number {
  return epochDay - ((weekdayOf(epochDay) + 6) % 7);
}

/** `2024-W05` for the ISO week containing the day. */
export function isoWeekLabel(epochDay: number): string {
  const thursday = isoWeekMonday(epochDay) + 3;
  const isoYear = fromEpochDay(thursday).year;
  const week = Math.floor((thursday - toEpochDay(isoYear, 1, 1)) / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** Shifts by whole months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(epochDay: number, months: number): number {
  const { year, month, day } = fromEpochDay(epochDay);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return toEpochDay(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDay(epochDay: number): string {
  const { year, month, day } = fromEpochDay(epochDay);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian computus. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toEpochDay(year, month, day);
}

// ---- Hijri (Umm al-Qura) ----

let umalquraFormat: Intl.DateTimeFormat | undefined;
const hijriOfDayCache = new Map<number, Ymd>();

/** The Umm al-Qura date of a Gregorian epoch day. */
export function toHijri(epochDay: number): Ymd {
  const cached = hijriOfDayCache.get(epochDay);
  if (cached) return cached;
  umalquraFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of umalquraFormat.formatToParts(new Date(epochDay * MS_PER_DAY))) {
    if (part.type === 'year') year = parseInt(part.value, 10);
    else if (part.type === 'month') month = parseInt(part.value, 10);
    else if (part.type === 'day') day = parseInt(part.value, 10);
  }
  const hijri = { year, month, day };
  if (hijriOfDayCache.size > 50_000) hijriOfDayCache.clear();
  hijriOfDayCache.set(epochDay, hijri);
  return hijri;
}

const hijriMonthStartCache = new Map<number, number | null>();
/** Gregorian epoch day of 1 Muharram 1 AH (16 July 622, proleptic Gregorian 19 July). */
const HIJRI_EPOCH_ESTIMATE = toEpochDay(622, 7, 19);
const MEAN_HIJRI_MONTH = 29.530588;

/** Epoch day of the first day of a Hijri month, or null when the platform cannot place it. */
export function hijriMonthStart(year: number, month: number): number | null {
  if (month < 1 || month > 12 || year < 1 || year > 3000) return null;
  const key = year * 12 + month - 1;
  const cached = hijriMonthStartCache.get(key);
  if (cached !== undefined) return cached;
  let guess = Math.round(HIJRI_EPOCH_ESTIMATE + (key - 12) * MEAN_HIJRI_MONTH);
  let found: number | null = null;
  // Newton-like correction: each step compares the Hijri date of the guess with the target.
  for (let step = 0; step < 8 && found === null; step++) {
    const h = toHijri(guess);
    const offset = (year * 12 + month - 1 - (h.year * 12 + h.month - 1)) * MEAN_HIJRI_MONTH + (1 - h.day);
    if (h.year === year && h.month === month && h.day === 1) found = guess;
    else guess += Math.round(offset) || (offset > 0 ? 1 : -1);
  }
  hijriMonthStartCache.set(key, found);
  return found;
}

export function hijriMonthLength(year: number, month: number): number | null {
  const start = hijriMonthStart(year, month);
  const next = month === 12 ? hijriMonthStart(year + 1, 1) : hijriMonthStart(year, month + 1);
  return start === null || next === null ? null : next - start;
}

/** Epoch day of a Hijri date, or null when the day does not exist (30 in a 29-day month). */
export function fromHijri(year: number, month: number, day: number): number | null {
  const length = hijriMonthLength(year, month);
  if (length === null || day < 1 || day > length) return null;
  return (hijriMonthStart(year, month) as number) + day - 1;
}
