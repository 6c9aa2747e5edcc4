/**
 * Exchange formats: TimelineJS JSON and CSV (for other tools; export only) and our own full
 * export (everything needed to rebuild the timeline: the analyses, when they were read, and the
 * reader's corrections), which `importJSON` reads back after strict validation.
 */
import * as v from 'valibot';
import type { TimelineEvent } from './api';
import type { CorrectionRule } from './records';
import { StoreError } from './errors';
import { describeIssues, LIMITS } from './validate';

// ---------- TimelineJS ----------

export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineJsEvent {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  text: { headline: string; text: string };
  group?: string;
  unique_id?: string;
}

export interface TimelineJsDocument {
  title?: { text: { headline: string; text: string } };
  events: TimelineJsEvent[];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Precision follows the grain: a month is shown as a month, not as its first day. */
function timelineJsDates(e: TimelineEvent): Pick<TimelineJsEvent, 'start_date' | 'end_date'> {
  const parse = (iso: string): TimelineJsDate => {
    const [y, m, d] = iso.split('-').map(Number);
    return { year: y!, month: m!, day: d! };
  };
  const start = parse(e.startDate);
  const end = parse(e.endDate);
  if (e.grain === 'year') return { start_date: { year: start.year } };
  if (e.grain === 'month') return { start_date: { year: start.year, month: start.month } };
  if (e.startDate === e.endDate) return { start_date: start };
  return { start_date: start, end_date: end };
}

export function toTimelineJs(events: readonly TimelineEvent[], title?: string): TimelineJsDocument {
  const doc: TimelineJsDocument = {
    events: events.map((e) => {
      const actors = e.actors.map((a) => a.name).join('، ');
      // TimelineJS renders `text` as HTML: everything from pages is escaped.
      const body = [
        `<p>${escapeHtml(e.text)}</p>`,
        actors ? `<p>${escapeHtml(actors)}</p>` : '',
        `<p><a href="${escapeHtml(e.article.url)}">${escapeHtml(e.article.title || e.article.url)}</a></p>`,
      ].join('');
      return {
        ...timelineJsDates(e),
        text: { headline: escapeHtml(e.article.title || e.text.slice(0, 80)), text: body },
        ...(e.article.site ? { group: e.article.site } : {}),
        unique_id: e.id,
      };
    }),
  };
  if (title) doc.title = { text: { headline: escapeHtml(title), text: '' } };
  return doc;
}

// ---------- CSV ----------

export const CSV_HEADER = ['date', 'end_date', 'precision', 'text', 'actors', 'article_title', 'url'] as const;

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. A leading
 * = + - @ would make spreadsheets evaluate a formula from page text, so such cells get a `'`.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** The CSV lines (with header) of some events; the caller adds the BOM once. */
export function csvLines(events: readonly TimelineEvent[]): string[] {
  return events.map((e) =>
    csvRow([
      e.startDate,
      e.endDate === e.startDate ? '' : e.endDate,
      e.grain,
      e.text,
      e.actors.map((a) => a.name).join('; '),
      e.article.title,
      e.article.url,
    ]),
  );
}

export const UTF8_BOM = '\uFEFF';

// ---------- our own full export ----------

export const EXPORT_FORMAT = 'arabic-news-lens/timeline';
export const EXPORT_VERSION = 1;

export interface FullExportArticle {
  url: string;
  canonicalUrl: string;
  urls: string[];
  readAt: number;
  firstReadAt: number;
  /** The analysis as stored (validated again on import). */
  analysis: unknown;
}

export interface FullExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: FullExportArticle[];
  corrections: CorrectionRule[];
}

const Url = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.urlChars));
const Keys = v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));

const RuleSchema = v.variant('kind', [
  v.strictObject({ id: v.string(), kind: v.literal('merge'), keys: Keys, createdAt: Time }),
  v.strictObject({
    id: v.string(),
    kind: v.literal('split'),
    detachedKeys: Keys,
    remainingKeys: Keys,
    canonicalUrl: v.optional(Url),
    createdAt: Time,
  }),
]);

const FullExportSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.string(),
  articles: v.array(
    v.strictObject({
      url: Url,
      canonicalUrl: Url,
      urls: v.array(Url),
      readAt: Time,
      firstReadAt: Time,
      analysis: v.unknown(),
    }),
  ),
  corrections: v.array(RuleSchema),
});

/** Parses and checks an export file; analyses are checked one by one by the caller. */
export function parseFullExport(input: unknown): FullExport {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new StoreError(
        'invalid-import',
        `The file is not valid JSON (it may be truncated): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StoreError('invalid-import', 'The file is not an Arabic News Lens export (expected a JSON object).');
  }
  const marker = (data as { format?: unknown }).format;
  if (marker !== EXPORT_FORMAT) {
    throw new StoreError('invalid-import', `The file is not an Arabic News Lens export (format marker is ${JSON.stringify(marker) ?? 'missing'}).`);
  }
  const version = (data as { version?: unknown }).version;
  if (version !== EXPORT_VERSION) {
    throw new StoreError('invalid-import', `Unsupported export version ${JSON.stringify(version)} (this version reads ${EXPORT_VERSION}).`);
  }
  const result = v.safeParse(FullExportSchema, data);
  if (!result.success) throw new StoreError('invalid-import', `The export file is damaged: ${describeIssues(result.issues)}`);
  return result.output as FullExport;
}
