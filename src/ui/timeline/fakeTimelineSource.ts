/**
 * An in-memory TimelineDataSource with invented data, for the demo page, screenshots and tests.
 * Deterministic (seeded), so a test can count what it expects. It is not the store: its name matching is a
 * crude normalisation, enough to show "any spelling" working, and its backup format is its own.
 */
import type { ActorType } from '../../nlp/types';
import type {
  ActorCard,
  ActorRef,
  ActorSummary,
  ArticleRef,
  ImportResult,
  StoreStats,
  TimelineDataSource,
  TimelineEvent,
  TimelineFilter,
  TimelineJsDocument,
  TimelinePage,
  TimelineQuery,
} from './dataSource';

interface FakeActor extends ActorRef {
  spellings: string[];
  roles: string[];
}

const ACTOR_POOL: Array<[string, ActorType, string[], string[]]> = [
  ['جو بايدن', 'PERSON', ['بايدن', 'Joe Biden', 'Biden'], ['الرئيس الأمريكي']],
  ['بدر البوسعيدي', 'PERSON', ['البوسعيدي'], ['وزير الخارجية العُماني']],
  ['عباس عراقجي', 'PERSON', ['عراقجي', 'Araghchi'], ['وزير الخارجية الإيراني']],
  ['الأمم المتحدة', 'ORG', ['الأمم المتّحدة', 'UN'], []],
  ['الاتحاد الأوروبي', 'ORG', ['EU'], []],
  ['إيران', 'LOC', ['ايران', 'طهران'], []],
  ['الولايات المتحدة', 'LOC', ['واشنطن', 'أمريكا'], []],
  ['مسقط', 'LOC', [], []],
  ['الحوثيون', 'GROUP', ['جماعة الحوثي', 'أنصار الله'], []],
  ['حزب الله', 'GROUP', ['Hezbollah'], []],
];

const SITES = ['aljazeera.net', 'bbc.com', 'alarabiya.net', 'skynewsarabia.com', 'france24.com'];
const VERBS = ['يلتقي', 'يبحث مع', 'يدين', 'يعلن اتفاقًا مع', 'يحذّر', 'يزور'];
const DAY_MS = 86_400_000;
export const FAKE_BACKUP_FORMAT = 'arabic-news-lens/fake-timeline';

/** Crude spelling-insensitive key: no diacritics, one alef, ta marbuta as ha, lower case. */
function looseKey(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase()
    .trim();
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const isoDay = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return isoDay(Date.UTC(year, monthNumber, 0));
}

export interface FakeTimelineOptions {
  articles: number;
  eventsPerArticle?: number;
  seed?: number;
}

interface FakeBackup {
  format: typeof FAKE_BACKUP_FORMAT;
  articles: ArticleRef[];
  events: TimelineEvent[];
}

export class FakeTimelineSource implements TimelineDataSource {
  private articles = new Map<string, ArticleRef>();
  /** Kept sorted by start date, as the store pages them. */
  private events: TimelineEvent[] = [];
  private readonly actors: FakeActor[];

  constructor({ articles, eventsPerArticle = 6, seed = 7 }: FakeTimelineOptions) {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    this.actors = ACTOR_POOL.map(([name, type, spellings, roles], index) => ({ id: `actor-${index + 1}`, name, type, spellings: [name, ...spellings], roles }));
    const firstDay = Date.UTC(2015, 0, 1);
    for (let articleIndex = 0; articleIndex < articles; articleIndex += 1) {
      const site = pick(SITES);
      const published = firstDay + Math.floor(random() * 11 * 365) * DAY_MS;
      const article: ArticleRef = {
        id: `article-${seed}-${articleIndex + 1}`,
        title: `${pick(this.actors).name} ${pick(VERBS)} ${pick(this.actors).name} (${articleIndex + 1})`,
        url: `https://${site}/news/${articleIndex + 1}`,
        site,
        published: isoDay(published),
        readAt: published + DAY_MS,
      };
      this.articles.set(article.id, article);
      for (let eventIndex = 0; eventIndex < eventsPerArticle; eventIndex += 1) {
        const first = pick(this.actors);
        const second = pick(this.actors);
        const instant = published - (eventIndex === 0 ? 0 : Math.floor(random() * 400)) * DAY_MS;
        const monthly = eventIndex % 5 === 4;
        const date = monthly ? isoDay(instant).slice(0, 7) : isoDay(instant);
        this.events.push({
          id: `${article.id}#${eventIndex}`,
          date,
          grain: monthly ? 'month' : 'day',
          startDate: monthly ? `${date}-01` : date,
          endDate: monthly ? lastDayOfMonth(date) : date,
          text: `${first.name} ${pick(VERBS)} ${second.name}`,
          main: eventIndex === 0,
          score: eventsPerArticle - eventIndex,
          actors: first.id === second.id ? [ref(first)] : [ref(first), ref(second)],
          article,
        });
      }
    }
    this.sortEvents();
  }

  private sortEvents(): void {
    this.lastMatch = null;
    this.events.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  }

  /** The last filter's result, so paging through it does not filter all events again for every page. */
  private lastMatch: { key: string; events: TimelineEvent[] } | null = null;

  private matching(query: TimelineFilter): TimelineEvent[] {
    const { actorId, type, site, from, to, text } = query;
    const key = JSON.stringify([actorId, type, site, from, to, text]);
    if (this.lastMatch?.key === key) return this.lastMatch.events;
    const events = this.filterEvents(query);
    this.lastMatch = { key, events };
    return events;
  }

  private filterEvents(query: TimelineFilter): TimelineEvent[] {
    return this.events.filter((event) => {
      if (query.site !== undefined && event.article.site !== query.site) return false;
      if (query.actorId !== undefined && !event.actors.some((actor) => actor.id === query.actorId)) return false;
      if (query.type !== undefined && !event.actors.some((actor) => actor.type === query.type)) return false;
      if (query.from !== undefined && event.endDate < query.from) return false;
      if (query.to !== undefined && event.startDate > query.to) return false;
      if (query.text !== undefined && !looseKey(event.text + event.article.title).includes(looseKey(query.text))) return false;
      return true;
    });
  }

  async getWholeTimeline(): Promise<TimelineEvent[]> {
    return [...this.events];
  }

  /** Paged and filtered as the store's getTimeline (the tests' independent account of what a filter keeps). */
  async getTimeline(query: TimelineQuery): Promise<TimelinePage> {
    const all = this.matching(query);
    const ordered = query.order === 'desc' ? [...all].reverse() : all;
    const offset = query.cursor === undefined ? 0 : Number(query.cursor);
    const limit = Math.min(500, Math.max(1, query.limit ?? 50));
    const events = ordered.slice(offset, offset + limit);
    return offset + limit < ordered.length ? { events, nextCursor: String(offset + limit) } : { events };
  }

  private summary(actor: FakeActor): ActorSummary {
    const events = this.events.filter((event) => event.actors.some((a) => a.id === actor.id));
    const reads = events.map((event) => event.article.readAt);
    return {
      ...ref(actor),
      articleCount: new Set(events.map((event) => event.article.id)).size,
      aliases: actor.spellings,
      firstSeen: Math.min(...reads, 0),
      lastSeen: Math.max(...reads, 0),
    };
  }

  async searchActors(name: string, limit = 20): Promise<ActorSummary[]> {
    const key = looseKey(name);
    if (key === '') return [];
    return this.actors
      .filter((actor) => actor.spellings.some((spelling) => looseKey(spelling).includes(key)))
      .slice(0, limit)
      .map((actor) => this.summary(actor));
  }

  async getActorCard(actorId: string): Promise<ActorCard | undefined> {
    const actor = this.actors.find((candidate) => candidate.id === actorId);
    if (actor === undefined) return undefined;
    const events = this.events.filter((event) => event.actors.some((a) => a.id === actorId));
    const articles = [...new Map(events.map((event) => [event.article.id, event.article])).values()].sort((a, b) => b.readAt - a.readAt);
    return {
      actor: this.summary(actor),
      types: [{ value: actor.type, count: articles.length }],
      aliases: actor.spellings.map((value, index) => ({ value, count: Math.max(1, articles.length - index * 3) })),
      roles: actor.roles.map((value) => ({ value, count: articles.length })),
      articles: articles.slice(0, 20),
      recentEvents: [...events].reverse().slice(0, 20),
    };
  }

  async exportTimelineJS(query: TimelineFilter): Promise<TimelineJsDocument> {
    return {
      events: this.matching(query).map((event) => {
        const [year, month, day] = event.startDate.split('-').map(Number) as [number, number, number];
        return { start_date: { year, month, day }, text: { headline: event.text, text: event.article.title }, unique_id: event.id };
      }),
    };
  }

  async exportCSV(query: TimelineFilter): Promise<string> {
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const lines = this.matching(query).map((event) => [event.date, event.text, event.article.title, event.article.url].map(quote).join(','));
    return ['date,text,article_title,url', ...lines].join('\r\n');
  }

  async exportJSON(): Promise<FakeBackup> {
    return { format: FAKE_BACKUP_FORMAT, articles: [...this.articles.values()], events: this.events };
  }

  async importJSON(text: string): Promise<ImportResult> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error('The file is not JSON.');
    }
    const backup = parsed as Partial<FakeBackup> | null;
    if (typeof backup !== 'object' || backup === null || backup.format !== FAKE_BACKUP_FORMAT) {
      throw new Error('The file is not an Arabic News Lens export.');
    }
    if (!Array.isArray(backup.articles) || !Array.isArray(backup.events)) throw new Error('The export file is damaged: no articles.');
    let added = 0;
    for (const article of backup.articles) {
      if (!this.articles.has(article.id)) added += 1;
      this.articles.set(article.id, article);
    }
    const known = new Set(this.events.map((event) => event.id));
    for (const event of backup.events) if (!known.has(event.id)) this.events.push(event);
    this.sortEvents();
    return { added, updated: backup.articles.length - added, corrections: 0 };
  }

  async deleteArticle(articleId: string): Promise<{ removedActors: number }> {
    if (!this.articles.delete(articleId)) throw new Error(`No stored article "${articleId}".`);
    this.events = this.events.filter((event) => event.article.id !== articleId);
    this.lastMatch = null;
    return { removedActors: 0 };
  }

  async clearAll(): Promise<void> {
    this.articles.clear();
    this.events = [];
    this.lastMatch = null;
  }

  async stats(): Promise<StoreStats> {
    const actorIds = new Set(this.events.flatMap((event) => event.actors.map((actor) => actor.id)));
    return {
      articles: this.articles.size,
      actors: actorIds.size,
      mentions: this.events.length * 2,
      events: this.events.length,
      corrections: 0,
      approxBytes: this.events.length * 420 + this.articles.size * 2600,
    };
  }
}

function ref(actor: ActorRef): ActorRef {
  return { id: actor.id, name: actor.name, type: actor.type };
}
