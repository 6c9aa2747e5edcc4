/** What the card shows. The page fills in the article part; the background's timeline fills in the rest. */
import type { ActorType } from '../../nlp/types';

export interface CardActor {
  name: string;
  type: ActorType;
  role?: string;
  /** Other spellings the article uses. */
  aliases: readonly string[];
  /** How many times the analysis found the actor in this article. */
  mentionCount: number;
  /** How many of those are on the page to step through (some may lie in places not highlighted). */
  mentionsOnPage: number;
  /** 1-based: which of the mentions on the page the card was opened for. */
  mentionNumber: number;
}

/** Another article in the reader's timeline that mentions the actor. */
export interface TimelineArticle {
  url: string;
  title: string;
  site: string;
  /** YYYY-MM-DD or ''. */
  published: string;
}

/** A dated event the actor takes part in, latest first. */
export interface TimelineEvent {
  /** ISO value as in DateMention.value: a day, month, year, week or range. */
  date: string;
  text: string;
  articleTitle?: string;
  articleUrl?: string;
}

export interface ActorTimeline {
  /** Other articles only: the current one is left out by whoever answers. */
  articles: readonly TimelineArticle[];
  events: readonly TimelineEvent[];
}

/** What the background is asked about an actor. */
export interface ActorTimelineQuery {
  name: string;
  type: ActorType;
  aliases: readonly string[];
  /** The article being read, to leave it out of "other articles". */
  articleUrl: string;
}

export type TimelineLoader = (query: ActorTimelineQuery) => Promise<ActorTimeline>;

export type TimelineState =
  | { status: 'loading' }
  | { status: 'ready'; timeline: ActorTimeline }
  | { status: 'error'; message: string }
  /** No background wired (tests, a page where messaging failed): the card shows the article part only. */
  | { status: 'unavailable' };
