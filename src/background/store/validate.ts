/**
 * Runtime validation of what the store is given. The worker receives analyses over messages and
 * files from disk, so nothing is trusted: every shape is checked before anything is written.
 */
import * as v from 'valibot';
import type { Analysis } from '../../nlp/types';
import { StoreError, type StoreErrorCode } from './errors';
import { dateValueDays } from './keys';

/** Generous caps: far above any real article, low enough that a hostile page cannot exhaust memory. */
export const LIMITS = {
  textChars: 2_000_000,
  actors: 50_000,
  mentionsPerActor: 100_000,
  dates: 50_000,
  events: 50_000,
  nameChars: 500,
  urlChars: 8_192,
} as const;

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const SpanSchema = v.looseObject({ start: Offset, end: Offset, text: v.string() });
const ActorTypeSchema = v.picklist(['PERSON', 'ORG', 'LOC', 'GROUP']);
const GrainSchema = v.picklist(['day', 'week', 'month', 'year', 'part-of-month', 'season', 'decade', 'range']);
const DateValue = v.pipe(
  v.string(),
  v.check((s) => dateValueDays(s) !== undefined, 'is not an ISO date value (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www or A/B)'),
);
const Name = v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(LIMITS.nameChars, 'is too long'));

const ActorSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  name: Name,
  type: ActorTypeSchema,
  aliases: v.array(v.pipe(v.string(), v.maxLength(LIMITS.nameChars))),
  role: v.optional(v.string()),
  roles: v.optional(v.array(v.string())),
  mentions: v.pipe(v.array(SpanSchema), v.maxLength(LIMITS.mentionsPerActor, 'has too many mentions')),
  standsFor: v.optional(v.string()),
});

const DateSchema = v.looseObject({
  start: Offset,
  end: Offset,
  text: v.string(),
  value: DateValue,
  grain: GrainSchema,
  hijri: v.optional(v.string()),
});

const EventSchema = v.looseObject({
  start: Offset,
  end: Offset,
  text: v.string(),
  date: DateValue,
  grain: GrainSchema,
  actors: v.array(v.string()),
  main: v.optional(v.boolean()),
  score: v.optional(v.pipe(v.number(), v.finite())),
});

export const AnalysisSchema = v.looseObject({
  isArticle: v.boolean(),
  lang: v.string(),
  title: v.string(),
  published: v.union([v.literal(''), v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not YYYY-MM-DD'))]),
  site: v.string(),
  url: v.optional(v.string()),
  reason: v.optional(v.string()),
  text: v.pipe(v.string(), v.maxLength(LIMITS.textChars, 'is too long')),
  actors: v.pipe(v.array(ActorSchema), v.maxLength(LIMITS.actors, 'has too many actors')),
  dates: v.pipe(v.array(DateSchema), v.maxLength(LIMITS.dates, 'has too many dates')),
  events: v.pipe(v.array(EventSchema), v.maxLength(LIMITS.events, 'has too many events')),
  summary: v.array(SpanSchema),
  keyActors: v.optional(v.array(v.looseObject({ id: v.string(), score: v.number() }))),
});

const Url = v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(LIMITS.urlChars, 'is too long'));
export const IngestOptionsSchema = v.object({
  url: Url,
  canonicalUrl: v.optional(Url),
  readAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export interface IngestOptions {
  /** The URL of the tab the article was read in. */
  url: string;
  /** `<link rel=canonical>` or equivalent; defaults to `url` without its fragment. */
  canonicalUrl?: string;
  /** ms since epoch; defaults to now. */
  readAt?: number;
}

/** One readable line per problem, e.g. `actors.3.type: Invalid type: Expected "PERSON" | …`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], max = 5): string {
  const lines = issues.slice(0, max).map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('; ');
}

export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  what: string,
  code: StoreErrorCode = 'invalid-input',
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new StoreError(code, `Invalid ${what}: ${describeIssues(result.issues)}`);
  return result.output;
}

/** Shape plus the cross-references a schema cannot express; refuses non-articles. */
export function validateAnalysis(input: unknown): Analysis {
  const analysis = parseOrThrow(AnalysisSchema, input, 'analysis') as Analysis;
  if (!analysis.isArticle) {
    throw new StoreError(
      'not-article',
      `Not stored: the page is not an Arabic news article${analysis.reason ? ` (${analysis.reason})` : ''}.`,
    );
  }
  if (!analysis.text.trim()) throw new StoreError('invalid-input', 'Invalid analysis: text is empty.');
  const ids = new Set<string>();
  for (const actor of analysis.actors) {
    if (ids.has(actor.id)) throw new StoreError('invalid-input', `Invalid analysis: actor id "${actor.id}" appears twice.`);
    ids.add(actor.id);
  }
  analysis.events.forEach((event, i) => {
    for (const id of event.actors) {
      if (!ids.has(id)) throw new StoreError('invalid-input', `Invalid analysis: events.${i} names unknown actor "${id}".`);
    }
  });
  return analysis;
}

/** Canonical URL without fragment; the page's canonical link wins over the tab URL. */
export function canonicalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.toString();
  } catch {
    return url.split('#')[0] ?? url;
  }
}
