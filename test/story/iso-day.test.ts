import { describe, expect, it } from 'vitest';
import { isIsoDay } from '../../src/nlp/analyze';

/** The plain definition: the day survives a round trip through Date. */
function plainIsIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('isIsoDay', () => {
  it('agrees with the Date round trip on every day of many years, and on near misses', () => {
    const years = [0, 1, 4, 99, 100, 101, 400, 1000, 1582, 1600, 1700, 1899, 1900, 1999, 2000, 2001, 2023, 2024, 2100, 2400, 9999];
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isIsoDay(s), s).toBe(plainIsIsoDay(s));
        }
      }
    }
  });

  it('rejects what is not YYYY-MM-DD as the plain definition does', () => {
    for (const s of ['', '2024-1-01', '2024-01-1', '٢٠٢٤-٠١-٠١', '2024-01-01 ', ' 2024-01-01', '2024/01/01', '20240101', '2024-01-01T00', '2024-0١-01', 'abcd-ef-gh', '2024–01–01', '+02024-01-01']) {
      expect(isIsoDay(s), s).toBe(plainIsIsoDay(s));
    }
  });
});
