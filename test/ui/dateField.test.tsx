// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateField, partsToIso } from '../../src/ui/components/DateField';
import { UiRoot } from '../../src/ui/components/UiRoot';

afterEach(cleanup);

/** A field that keeps its value, as the filter bar does, and reports every change. */
function Harness({ language, bound, onChange }: { language: 'ar' | 'en'; bound: 'start' | 'end'; onChange(value: string | undefined): void }) {
  const [value, setValue] = useState<string | undefined>(undefined);
  return (
    <UiRoot language={language} theme="light">
      <DateField
        legend={language === 'ar' ? 'من' : 'From'}
        value={value}
        bound={bound}
        years={[2024, 2023, 2020]}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
      <button type="button" onClick={() => setValue(undefined)}>
        reset
      </button>
    </UiRoot>
  );
}

const optionTexts = (select: HTMLElement) => within(select).getAllByRole('option').map((option) => option.textContent);

describe('DateField', () => {
  it('speaks the UI language, not the browser’s: Arabic month names and digits, in Arabic order', () => {
    render(<Harness language="ar" bound="start" onChange={() => {}} />);
    const group = screen.getByRole('group', { name: 'من' });
    const selects = within(group).getAllByRole('combobox');
    // Day, month, year: the order Arabic writes a date in (laid out right to left by the page's direction).
    expect(selects.map((select) => select.getAttribute('aria-label'))).toEqual(['اليوم', 'الشهر', 'السنة']);
    const month = within(group).getByRole('combobox', { name: 'الشهر' });
    const expectedMonths = Array.from({ length: 12 }, (_, index) =>
      new Intl.DateTimeFormat('ar', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, index, 1))),
    );
    expect(optionTexts(month)).toEqual(['الشهر', ...expectedMonths]);
    expect(optionTexts(within(group).getByRole('combobox', { name: 'السنة' }))).toEqual([
      'السنة',
      ...[2024, 2023, 2020].map((year) => new Intl.NumberFormat('ar', { useGrouping: false }).format(year)),
    ]);
    expect(document.querySelector('[dir]')?.getAttribute('dir')).toBe('rtl');
  });

  it('reads English in English order with English month names', () => {
    render(<Harness language="en" bound="start" onChange={() => {}} />);
    const group = screen.getByRole('group', { name: 'From' });
    const labels = within(group).getAllByRole('combobox').map((select) => select.getAttribute('aria-label'));
    expect([...labels].sort()).toEqual(['Day', 'Month', 'Year']);
    expect(optionTexts(within(group).getByRole('combobox', { name: 'Month' }))[1]).toBe('January');
    // Says what a partial choice means.
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toMatch(/first day/);
  });

  it('hands out YYYY-MM-DD; a year or month alone stands for its first day (start) or last day (end)', () => {
    const onChange = vi.fn();
    render(<Harness language="en" bound="end" onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'From' });
    const month = within(group).getByRole('combobox', { name: 'Month' }) as HTMLSelectElement;
    const day = within(group).getByRole('combobox', { name: 'Day' }) as HTMLSelectElement;
    expect(month.disabled).toBe(true);
    expect(day.disabled).toBe(true);
    fireEvent.change(within(group).getByRole('combobox', { name: 'Year' }), { target: { value: '2020' } });
    expect(onChange).toHaveBeenLastCalledWith('2020-12-31');
    expect(month.disabled).toBe(false);
    fireEvent.change(month, { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith('2020-02-29');
    // A leap February has 29 days to offer.
    expect(within(day).getAllByRole('option')).toHaveLength(30);
    fireEvent.change(day, { target: { value: '10' } });
    expect(onChange).toHaveBeenLastCalledWith('2020-02-10');
    // Removing the year removes the whole date.
    fireEvent.change(within(group).getByRole('combobox', { name: 'Year' }), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(month.value).toBe('');
  });

  it('follows a value cleared from outside', () => {
    render(<Harness language="en" bound="start" onChange={() => {}} />);
    const year = screen.getByRole('combobox', { name: 'Year' }) as HTMLSelectElement;
    fireEvent.change(year, { target: { value: '2023' } });
    expect(year.value).toBe('2023');
    fireEvent.click(screen.getByRole('button', { name: 'reset' }));
    expect(year.value).toBe('');
  });

  it('clamps a day that the chosen month does not have', () => {
    expect(partsToIso({ year: 2023, month: 2, day: 31 }, 'start')).toBe('2023-02-28');
    expect(partsToIso({ year: 2023 }, 'start')).toBe('2023-01-01');
    expect(partsToIso({ year: 2023, month: 4 }, 'end')).toBe('2023-04-30');
    expect(partsToIso({}, 'end')).toBeUndefined();
  });

  it('moves the day into a shorter month: 31 then February shows and filters the 29th', () => {
    const onChange = vi.fn();
    render(<Harness language="en" bound="start" onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'From' });
    const pick = (name: string, value: string) => fireEvent.change(within(group).getByRole('combobox', { name }), { target: { value } });
    pick('Year', '2024');
    pick('Month', '1');
    pick('Day', '31');
    expect(onChange).toHaveBeenLastCalledWith('2024-01-31');
    pick('Month', '2');
    expect(onChange).toHaveBeenLastCalledWith('2024-02-29');
    expect((within(group).getByRole('combobox', { name: 'Day' }) as HTMLSelectElement).value).toBe('29');
    pick('Year', '2023');
    expect(onChange).toHaveBeenLastCalledWith('2023-02-28');
  });
});
