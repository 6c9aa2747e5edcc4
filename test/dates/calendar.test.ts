import { describe, expect, it } from 'vitest';
import { easterSunday, formatDay, fromHijri, hijriMonthLength, isoWeekLabel, toEpochDay, toHijri, addMonths } from '../../src/nlp/dates/calendar';

describe('calendar', () => {
  it('converts Umm al-Qura dates both ways', () => {
    expect(formatDay(fromHijri(1445, 9, 1)!)).toBe('2024-03-11');
    expect(formatDay(fromHijri(1432, 9, 14)!)).toBe('2011-08-14');
    expect(toHijri(toEpochDay(2024, 3, 11))).toEqual({ year: 1445, month: 9, day: 1 });
  });

  it('knows 29- and 30-day Hijri months and refuses day 30 of a 29-day month', () => {
    expect(hijriMonthLength(1446, 12)).toBe(29);
    expect(hijriMonthLength(1445, 12)).toBe(30);
    expect(fromHijri(1446, 12, 30)).toBeNull();
    expect(fromHijri(1445, 13, 1)).toBeNull();
  });

  it('labels ISO weeks across year ends', () => {
    expect(isoWeekLabel(toEpochDay(2021, 1, 3))).toBe('2020-W53');
    expect(isoWeekLabel(toEpochDay(2024, 12, 30))).toBe('2025-W01');
  });

  it('computes Western Easter and clamps month shifts', () => {
    expect(formatDay(easterSunday(2024))).toBe('2024-03-31');
    expect(formatDay(addMonths(toEpochDay(2024, 1, 31), 1))).toBe('2024-02-29');
  });
});
