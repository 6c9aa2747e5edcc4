/** Bad and odd input: mixed digit scripts, random jumbles of date words, huge numbers. Never a crash, never a span that lies. */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/nlp/dates/index';

const PIECES = [
  'في', 'من', 'إلى', 'بين', 'و', 'منذ', 'قبل', 'بعد', 'حتى', 'يوم', 'اليوم', 'أمس', 'غداً', 'الماضي', 'المقبل', 'هذا',
  'شباط', 'فبراير', 'كانون', 'الثاني', 'الأول', 'رمضان', 'ذو', 'الحجة', 'جمادى', 'عام', 'سنة', 'هـ', 'م', 'الموافق',
  'الخميس', 'أوائل', 'منتصف', 'صيف', 'التسعينيات', 'الربع', 'عيد', 'الفطر', '/', '-', '(', ')', '،', '.', ':', '%',
  '0', '1', '10', '31', '32', '99', '2024', '1445', '١٠', '٢٠٢٤', '۱۴۴۵', '99999999', 'ً', 'ـ',
];

/** A small deterministic generator so a failure can be replayed. */
function* jumbles(count: number): Generator<string> {
  let seed = 12345;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let n = 0; n < count; n++) {
    const words: string[] = [];
    const length = 1 + (next() % 12);
    for (let k = 0; k < length; k++) words.push(PIECES[next() % PIECES.length]!);
    yield words.join(next() % 3 === 0 ? '' : ' ');
  }
}

describe('robustness', () => {
  it('never throws on random jumbles of date words, and every span is the text it claims', () => {
    for (const text of jumbles(3000)) {
      const found = findDates(text, '2024-03-14');
      for (const d of found) {
        expect(text.slice(d.start, d.end)).toBe(d.text);
        expect(d.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?(\/\d{4}-\d{2}-\d{2})?$/);
      }
    }
  });

  it('reads digits of every script mixed in one date', () => {
    expect(findDates('في ١٠/03/۲۰۲۴', '2024-03-14').map((d) => d.value)).toEqual(['2024-03-10']);
    expect(findDates('في 1٤ آذار ٢0۲4', '2024-03-14').map((d) => d.value)).toEqual(['2024-03-14']);
  });

  it('takes no year from a long digit run', () => {
    expect(findDates('الرقم 2024202420242024 ثم', '2024-03-14')).toEqual([]);
  });
});
