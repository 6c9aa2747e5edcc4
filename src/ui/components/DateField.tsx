/**
 * A date chosen as year, month and day selects, written in the UI language rather than the browser's: a native
 * `<input type=date>` follows the browser locale, so the Arabic UI showed English month names (and the English UI
 * Arabic ones in an Arabic browser). Month names and digits come from Intl in the UI language; the selects stand
 * in the language's own order (day month year in Arabic) and flow right to left in RTL.
 *
 * A year alone, or a year and a month, is a valid choice: it means the start (or the end, for the end of a range)
 * of that year or month, so "to 2020" keeps the whole of 2020. The value handed out is always `YYYY-MM-DD`.
 */
import { useMemo, useState } from 'preact/hooks';
import { useTranslator, type ViewLanguage } from './i18n';

export interface DateFieldProps {
  /** The group's visible name (a legend). */
  legend: string;
  /** `YYYY-MM-DD`, or undefined for no date. */
  value: string | undefined;
  /** Whether a partial choice stands for the first ('start') or last ('end') day of its year or month. */
  bound: 'start' | 'end';
  /** Years offered, in the order shown. */
  years: readonly number[];
  onChange(value: string | undefined): void;
}

interface Parts {
  year?: number;
  month?: number;
  day?: number;
}

type PartName = keyof Parts;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day a (possibly partial) choice stands for, or undefined without a year. */
export function partsToIso(parts: Parts, bound: 'start' | 'end'): string | undefined {
  const { year, month, day } = parts;
  if (year === undefined) return undefined;
  const m = month ?? (bound === 'start' ? 1 : 12);
  const last = daysInMonth(year, m);
  const d = month === undefined || day === undefined ? (bound === 'start' ? 1 : last) : Math.min(day, last);
  return `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
}

function isoToParts(iso: string | undefined): Parts {
  const match = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match === null ? {} : { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The order the language writes a date's parts in ("14 March 2024", "March 14, 2024"). */
function partOrder(language: ViewLanguage): PartName[] {
  const order = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2024, 2, 14)))
    .map((part) => part.type)
    .filter((type): type is PartName => type === 'year' || type === 'month' || type === 'day');
  return order.length === 3 ? order : ['day', 'month', 'year'];
}

function monthNames(language: ViewLanguage): string[] {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(new Date(Date.UTC(2024, index, 1))));
}

let nextId = 0;

export function DateField({ legend, value, bound, years, onChange }: DateFieldProps) {
  const { t, language } = useTranslator();
  const [id] = useState(() => `anl-date-${(nextId += 1)}`);
  // The selects keep what the reader picked (a year alone stays a year alone); they follow `value` only when it
  // changes from outside (e.g. "clear filters").
  const [parts, setParts] = useState<Parts>(() => isoToParts(value));
  const shown = partsToIso(parts, bound) === value ? parts : isoToParts(value);

  const order = useMemo(() => partOrder(language), [language]);
  const months = useMemo(() => monthNames(language), [language]);
  const digits = useMemo(() => new Intl.NumberFormat(language, { useGrouping: false }), [language]);

  const choose = (name: PartName, raw: string) => {
    const number = raw === '' ? undefined : Number(raw);
    const next: Parts = { ...shown, [name]: number };
    // Without a year there is no month to pick, and without a month no day.
    if (next.year === undefined) delete next.month;
    if (next.month === undefined) delete next.day;
    // 31 then February: the day follows the shorter month, so what the select shows is what the filter uses.
    if (next.year !== undefined && next.month !== undefined && next.day !== undefined) next.day = Math.min(next.day, daysInMonth(next.year, next.month));
    setParts(next);
    onChange(partsToIso(next, bound));
  };

  const offeredYears = shown.year !== undefined && !years.includes(shown.year) ? [shown.year, ...years] : years;
  const dayCount = shown.year !== undefined && shown.month !== undefined ? daysInMonth(shown.year, shown.month) : 31;

  const select = (name: PartName) => {
    const label = t(name === 'year' ? 'dateYear' : name === 'month' ? 'dateMonth' : 'dateDay');
    const disabled = (name === 'month' && shown.year === undefined) || (name === 'day' && shown.month === undefined);
    const options =
      name === 'year'
        ? offeredYears.map((year) => [year, digits.format(year)] as const)
        : name === 'month'
          ? months.map((month, index) => [index + 1, month] as const)
          : Array.from({ length: dayCount }, (_, index) => [index + 1, digits.format(index + 1)] as const);
    return (
      <select
        key={name}
        aria-label={label}
        value={shown[name] === undefined ? '' : String(shown[name])}
        disabled={disabled}
        onChange={(event) => choose(name, (event.currentTarget as HTMLSelectElement).value)}
      >
        {/* The empty choice names the part, as a placeholder would. */}
        <option value="">{label}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={String(optionValue)}>
            {text}
          </option>
        ))}
      </select>
    );
  };

  return (
    <fieldset class="anl-date-field" aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <div class="anl-date-parts">{order.map(select)}</div>
      <span id={`${id}-hint`} class="anl-sr-only">
        {t(bound === 'start' ? 'dateStartHint' : 'dateEndHint')}
      </span>
    </fieldset>
  );
}
