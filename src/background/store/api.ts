/** The store's public query and result types: what the worker hands to the popup, cards and pages. */
import type { ActorType, Analysis, DateGrain } from '../../nlp/types';

export interface TimelineQuery {
  /** Only this actor's events. */
  actorId?: string;
  /** `YYYY-MM-DD`, inclusive: events whose date range overlaps [from, to]. */
  from?: string;
  to?: string;
  /** Only events with an actor of this type. */
  type?: ActorType;
  /** Only events from articles of this site. */
  site?: string;
  /** Only events whose text or article title contains this (any spelling). */
  text?: string;
  /** Page size, 1–500 (default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** By date: 'asc' (default, oldest first) or 'desc'. */
  order?: 'asc' | 'desc';
}

export interface ActorRef {
  id: string;
  name: string;
  type: ActorType;
}

export interface ArticleRef {
  id: string;
  title: string;
  url: string;
  site: string;
  published: string;
  /** ms since epoch. */
  readAt: number;
}

export interface TimelineEvent {
  id: string;
  /** The date value as the analysis gave it. */
  date: string;
  grain: DateGrain;
  /** First and last day covered, `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  text: string;
  main: boolean;
  score: number;
  actors: ActorRef[];
  article: ArticleRef;
}

export interface TimelinePage {
  events: TimelineEvent[];
  /** Present when there may be more; a page can be short when filters are sparse. */
  nextCursor?: string;
}

export interface Counted<T extends string = string> {
  value: T;
  count: number;
}

export interface ActorSummary extends ActorRef {
  articleCount: number;
  /** Spellings, most used first. */
  aliases: string[];
  firstSeen: number;
  lastSeen: number;
}

export interface ActorCard {
  actor: ActorSummary;
  types: Counted<ActorType>[];
  aliases: Counted[];
  roles: Counted[];
  /** Most recently read first. */
  articles: ArticleRef[];
  /** Latest dates first. */
  recentEvents: TimelineEvent[];
}

export interface StoredArticle {
  article: ArticleRef & {
    canonicalUrl: string;
    urls: string[];
    lang: string;
    summary: string[];
    firstReadAt: number;
    updatedAt: number;
  };
  analysis: Analysis;
  /** Analysis actor id (`a1`…) → timeline actor id, for asking actor cards. */
  actorIds: Record<string, string>;
}

export interface ArticleListPage {
  articles: ArticleRef[];
  nextCursor?: string;
}

export interface StoreStats {
  articles: number;
  actors: number;
  mentions: number;
  events: number;
  corrections: number;
  /** The records' JSON size in UTF-8 (sampled unless asked exact): an approximation of what the database holds. */
  approxBytes: number;
  /** `navigator.storage.estimate().usage` where the browser offers it. */
  browserUsageBytes?: number;
}

/** What the reader detaches from an actor: every use of one spelling, or its mention in one article. */
export type SplitTarget = { alias: string } | { articleId: string };

export interface SplitResult {
  /** The new actor, or undefined when nothing had to move (the rule still applies to later reads). */
  newActorId?: string;
  ruleId: string;
}
