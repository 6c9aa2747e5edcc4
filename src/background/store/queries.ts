/** Read-only queries over one readonly transaction: timeline pages, actor cards, search, articles. */
import type { IDBPTransaction } from 'idb';
import type { ActorType } from '../../nlp/types';
import { normalizeArabic } from '../../nlp/text/normalize';
import type { TimelineSchema } from './schema';
import type { ActorRecord, ArticleRecord, EventRecord } from './records';
import type {
  ActorCard,
  ActorRef,
  ActorSummary,
  ArticleListPage,
  ArticleRef,
  StoredArticle,
  TimelineEvent,
  TimelinePage,
  TimelineQuery,
} from './api';
import { ALL_STORES } from './engine';
import { dayToIso, isoToDay, nameKey } from './keys';
import { StoreError } from './errors';
import { ranked } from './tally';
import { canonicalizeUrl } from './validate';

export type ReadTx = IDBPTransaction<TimelineSchema, (typeof ALL_STORES)[number][], 'readonly' | 'readwrite'>;

/** A page scans at most this many events, so a filter that matches little still answers quickly. */
const MAX_SCAN_PER_PAGE = 5_000;
const MAX_LIMIT = 500;

interface CursorPosition {
  day: number;
  id: string;
}

function encodeCursor(p: CursorPosition): string {
  return `${p.day}|${p.id}`;
}

function decodeCursor(cursor: string): CursorPosition {
  const bar = cursor.indexOf('|');
  const day = Number(cursor.slice(0, bar));
  const id = cursor.slice(bar + 1);
  if (bar < 1 || !Number.isInteger(day) || !id) throw new StoreError('invalid-input', `Invalid cursor "${cursor}".`);
  return { day, id };
}

function parseDay(iso: string | undefined, field: string): number | undefined {
  if (iso === undefined) return undefined;
  const day = isoToDay(iso);
  if (day === undefined) throw new StoreError('invalid-input', `Invalid ${field} "${iso}": expected YYYY-MM-DD.`);
  return day;
}

function dominantType(actor: ActorRecord): ActorType {
  return (ranked(actor.types)[0]?.value as ActorType | undefined) ?? 'PERSON';
}

export function actorSummary(actor: ActorRecord): ActorSummary {
  return {
    id: actor.id,
    name: actor.name,
    type: dominantType(actor),
    articleCount: actor.articleCount,
    aliases: ranked(actor.names).map((n) => n.value),
    firstSeen: actor.firstSeen,
    lastSeen: actor.lastSeen,
  };
}

export function articleRef(a: ArticleRecord): ArticleRef {
  return { id: a.id, title: a.title, url: a.url, site: a.site, published: a.published, readAt: a.readAt };
}

/** Loads actors and articles once per query, however many events name them. */
class Joiner {
  private readonly actors = new Map<string, ActorRecord | undefined>();
  private readonly articles = new Map<string, ArticleRecord | undefined>();
  constructor(private readonly tx: ReadTx) {}

  async actor(id: string): Promise<ActorRecord | undefined> {
    if (!this.actors.has(id)) this.actors.set(id, await this.tx.objectStore('actors').get(id));
    return this.actors.get(id);
  }

  async article(id: string): Promise<ArticleRecord | undefined> {
    if (!this.articles.has(id)) this.articles.set(id, await this.tx.objectStore('articles').get(id));
    return this.articles.get(id);
  }

  async event(e: EventRecord): Promise<TimelineEvent | undefined> {
    const article = await this.article(e.articleId);
    if (!article) return undefined;
    const actors: ActorRef[] = [];
    for (const id of e.actorIds) {
      const a = await this.actor(id);
      if (a) actors.push({ id: a.id, name: a.name, type: dominantType(a) });
    }
    return {
      id: e.id,
      date: e.date,
      grain: e.grain,
      startDate: dayToIso(e.startDay),
      endDate: dayToIso(e.endDay),
      text: e.text,
      main: e.main,
      score: e.score,
      actors,
      article: articleRef(article),
    };
  }
}

/**
 * Every event, oldest first (by start day, then id, as `getTimeline` pages them), each joined to its actors and
 * article, in one readonly transaction of three bulk reads. The timeline page filters this in memory: at 10,000
 * articles one bulk read is many times faster than stepping a cursor and joining event by event, page after page.
 * Events share one ActorRef per actor and one ArticleRef per article, so 20,000 events cost little memory.
 */
export async function getWholeTimeline(tx: ReadTx): Promise<TimelineEvent[]> {
  const [records, actorRecords, articleRecords] = await Promise.all([
    // From the store, then sorted here: reading through the byDay index looks up every record by its key and
    // took a third longer in Chromium at 10,000 articles than reading the store in key order.
    tx.objectStore('events').getAll(),
    tx.objectStore('actors').getAll(),
    tx.objectStore('articles').getAll(),
  ]);
  // The byDay index's order: [startDay, id], ids compared by code unit as IndexedDB compares them.
  records.sort((a, b) => a.startDay - b.startDay || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const actors = new Map<string, ActorRef>();
  for (const a of actorRecords) actors.set(a.id, { id: a.id, name: a.name, type: dominantType(a) });
  const articles = new Map<string, ArticleRef>();
  for (const a of articleRecords) articles.set(a.id, articleRef(a));
  // Many events share a day: format each day once.
  const isoDays = new Map<number, string>();
  const iso = (day: number): string => {
    let text = isoDays.get(day);
    if (text === undefined) isoDays.set(day, (text = dayToIso(day)));
    return text;
  };
  const events: TimelineEvent[] = [];
  for (const e of records) {
    const article = articles.get(e.articleId);
    if (!article) continue; // as in getTimeline: an event whose article is gone is not shown
    const refs: ActorRef[] = [];
    for (const id of e.actorIds) {
      const actor = actors.get(id);
      if (actor) refs.push(actor);
    }
    events.push({
      id: e.id,
      date: e.date,
      grain: e.grain,
      startDate: iso(e.startDay),
      endDate: iso(e.endDay),
      text: e.text,
      main: e.main,
      score: e.score,
      actors: refs,
      article,
    });
  }
  return events;
}

function keyRange(lower: unknown[] | undefined, lowerOpen: boolean, upper: unknown[] | undefined, upperOpen: boolean) {
  if (lower && upper) return IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen);
  if (lower) return IDBKeyRange.lowerBound(lower, lowerOpen);
  if (upper) return IDBKeyRange.upperBound(upper, upperOpen);
  return undefined;
}

export async function getTimeline(tx: ReadTx, query: TimelineQuery): Promise<TimelinePage> {
  const limit = Math.min(Math.max(Math.floor(query.limit ?? 50), 1), MAX_LIMIT);
  const fromDay = parseDay(query.from, 'from');
  const toDay = parseDay(query.to, 'to');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const desc = query.order === 'desc';
  // An event that starts up to maxSpan days before `from` may still overlap it.
  const maxSpan = (await tx.objectStore('meta').get('maxSpanDays'))?.value ?? 0;
  const prefix: unknown[] = query.actorId !== undefined ? [query.actorId] : [];

  let lower: unknown[] | undefined = fromDay !== undefined ? [...prefix, fromDay - maxSpan] : prefix.length ? prefix : undefined;
  let upper: unknown[] | undefined = toDay !== undefined ? [...prefix, toDay, []] : prefix.length ? [...prefix, []] : undefined;
  let lowerOpen = false;
  let upperOpen = false;
  if (after && !desc) [lower, lowerOpen] = [[...prefix, after.day, after.id], true];
  if (after && desc) [upper, upperOpen] = [[...prefix, after.day, after.id], true];
  const range = keyRange(lower, lowerOpen, upper, upperOpen);

  const store = tx.objectStore('events');
  const direction = desc ? 'prev' : 'next';

  const joiner = new Joiner(tx);
  const needle = query.text ? normalizeArabic(query.text).trim() : '';

  const unfiltered = fromDay === undefined && query.site === undefined && query.type === undefined && !needle;
  if (unfiltered && !desc) {
    // Nothing to skip: read the page in one request instead of stepping a cursor.
    const index = query.actorId !== undefined ? store.index('byActorDay') : store.index('byDay');
    const records = await index.getAll(range, limit + 1);
    const page = records.slice(0, limit);
    const events: TimelineEvent[] = [];
    for (const e of page) {
      const joined = await joiner.event(e);
      if (joined) events.push(joined);
    }
    const last = page[page.length - 1];
    return records.length > limit && last ? { events, nextCursor: encodeCursor({ day: last.startDay, id: last.id }) } : { events };
  }
  const cursorStart =
    query.actorId !== undefined
      ? store.index('byActorDay').openCursor(range, direction)
      : store.index('byDay').openCursor(range, direction);
  const events: TimelineEvent[] = [];
  let scanned = 0;
  let last: CursorPosition | undefined;
  for (let cursor = await cursorStart; cursor; cursor = await cursor.continue()) {
    const e = cursor.value;
    last = { day: e.startDay, id: e.id };
    scanned++;
    if (await matches(e, query, fromDay, needle, joiner)) {
      const joined = await joiner.event(e);
      if (joined) events.push(joined);
      if (events.length >= limit) return { events, nextCursor: encodeCursor(last) };
    }
    if (scanned >= MAX_SCAN_PER_PAGE) return { events, nextCursor: encodeCursor(last) };
  }
  return { events };
}

async function matches(
  e: EventRecord,
  query: TimelineQuery,
  fromDay: number | undefined,
  needle: string,
  joiner: Joiner,
): Promise<boolean> {
  if (fromDay !== undefined && e.endDay < fromDay) return false;
  if (query.site !== undefined && e.site !== query.site) return false;
  if (query.type !== undefined) {
    let found = false;
    for (const id of e.actorIds) {
      const a = await joiner.actor(id);
      if (a && dominantType(a) === query.type) found = true;
    }
    if (!found) return false;
  }
  if (needle) {
    const title = (await joiner.article(e.articleId))?.title ?? '';
    if (!normalizeArabic(e.text).includes(needle) && !normalizeArabic(title).includes(needle)) return false;
  }
  return true;
}

/** Actors whose spelling (any of them, normalised) starts with the query, or one of whose words does. */
export async function searchActors(tx: ReadTx, name: string, limit = 20): Promise<ActorSummary[]> {
  const key = nameKey(name);
  if (!key) return [];
  const range = IDBKeyRange.bound(key, `${key}\uffff`);
  const actors = tx.objectStore('actors');
  const rank = new Map<string, { actor: ActorRecord; rank: number }>();
  const consider = (actor: ActorRecord, r: number) => {
    const seen = rank.get(actor.id);
    if (!seen || seen.rank > r) rank.set(actor.id, { actor, rank: r });
  };
  const fetchCap = Math.max(limit * 10, 200);
  for (const actor of await actors.index('byKey').getAll(range, fetchCap)) {
    consider(actor, actor.keys.includes(key) ? 0 : 1);
  }
  if (!key.includes(' ')) {
    for (const actor of await actors.index('byToken').getAll(range, fetchCap)) consider(actor, 2);
  }
  return [...rank.values()]
    .sort((a, b) => a.rank - b.rank || b.actor.articleCount - a.actor.articleCount || a.actor.id.localeCompare(b.actor.id))
    .slice(0, limit)
    .map((r) => actorSummary(r.actor));
}

export async function getActorCard(
  tx: ReadTx,
  idOrName: string,
  options: { articleLimit?: number; eventLimit?: number } = {},
): Promise<ActorCard | undefined> {
  let actor = await tx.objectStore('actors').get(idOrName);
  if (!actor) {
    const best = (await searchActors(tx, idOrName, 1))[0];
    actor = best && (await tx.objectStore('actors').get(best.id));
  }
  if (!actor) return undefined;

  const articles: ArticleRef[] = [];
  const mentions = tx.objectStore('mentions').index('byActorSeen');
  const range = IDBKeyRange.bound([actor.id], [actor.id, []]);
  for (let c = await mentions.openCursor(range, 'prev'); c && articles.length < (options.articleLimit ?? 20); c = await c.continue()) {
    const article = await tx.objectStore('articles').get(c.value.articleId);
    if (article) articles.push(articleRef(article));
  }
  const recent = await getTimeline(tx, { actorId: actor.id, order: 'desc', limit: options.eventLimit ?? 10 });
  return {
    actor: actorSummary(actor),
    types: ranked(actor.types) as ActorCard['types'],
    aliases: ranked(actor.names),
    roles: ranked(actor.roles),
    articles,
    recentEvents: recent.events,
  };
}

/** By id, canonical URL, or any URL the article was read under. */
export async function findArticle(tx: ReadTx, urlOrId: string): Promise<ArticleRecord | undefined> {
  const articles = tx.objectStore('articles');
  return (
    (await articles.get(urlOrId)) ??
    (await articles.index('byCanonicalUrl').get(canonicalizeUrl(urlOrId))) ??
    (await articles.index('byUrl').get(urlOrId)) ??
    (await articles.index('byUrl').get(canonicalizeUrl(urlOrId)))
  );
}

export async function getArticle(tx: ReadTx, urlOrId: string): Promise<StoredArticle | undefined> {
  const a = await findArticle(tx, urlOrId);
  const stored = a && (await tx.objectStore('analyses').get(a.id));
  if (!a || !stored) return undefined;
  const actorIds: Record<string, string> = {};
  for (const mention of await tx.objectStore('mentions').index('byArticle').getAll(a.id)) {
    for (const local of mention.locals) actorIds[local.localId] = mention.actorId;
  }
  return {
    article: {
      ...articleRef(a),
      canonicalUrl: a.canonicalUrl,
      urls: a.urls,
      lang: a.lang,
      summary: a.summary,
      firstReadAt: a.firstReadAt,
      updatedAt: a.updatedAt,
    },
    analysis: stored.analysis,
    actorIds,
  };
}

/** Most recently read first. */
export async function listArticles(
  tx: ReadTx,
  options: { limit?: number; cursor?: string; site?: string } = {},
): Promise<ArticleListPage> {
  const limit = Math.min(Math.max(Math.floor(options.limit ?? 50), 1), MAX_LIMIT);
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const index = tx.objectStore('articles').index('byReadAt');
  const range = after ? IDBKeyRange.upperBound(after.day) : undefined;
  const articles: ArticleRef[] = [];
  let scanned = 0;
  for (let c = await index.openCursor(range, 'prev'); c; c = await c.continue()) {
    const a = c.value;
    // Equal readAt values come in descending id order; skip those already served.
    if (after && a.readAt === after.day && a.id >= after.id) continue;
    scanned++;
    if (options.site === undefined || a.site === options.site) articles.push(articleRef(a));
    if (articles.length >= limit || scanned >= MAX_SCAN_PER_PAGE) {
      return { articles, nextCursor: encodeCursor({ day: a.readAt, id: a.id }) };
    }
  }
  return { articles };
}
