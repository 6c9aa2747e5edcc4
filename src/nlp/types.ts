/**
 * The analysis contract shared by the language core, the page, the background worker, the UI and the CLI.
 * Offsets are UTF-16 code-unit indices into the analysed `text`, `end` exclusive (see CONTRACT.md).
 */

export type ActorType = 'PERSON' | 'ORG' | 'LOC' | 'GROUP';

/** A stretch of the analysed text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Actor {
  /** Stable within one analysis: `a1`, `a2`, … in order of first mention. */
  id: string;
  /** The fullest, cleanest form the text uses (e.g. `جو بايدن`). */
  name: string;
  type: ActorType;
  /** Other forms used in the text, without clitics (e.g. `بايدن`). */
  aliases: string[];
  /** The role the text states (apposition or title), e.g. `نائب وزير الخارجية الإيراني`. */
  role?: string;
  /** Every role the text states, most specific first; `role` is the first. */
  roles?: string[];
  /** Mentions without attached conjunctions/prepositions (`وإيران` → `إيران`). */
  mentions: Span[];
  /** Id of the actor this one stands for, e.g. a capital (`طهران`) standing for its country (`إيران`). */
  standsFor?: string;
}

export type DateGrain = 'day' | 'week' | 'month' | 'year' | 'part-of-month' | 'season' | 'decade' | 'range';

export interface DateMention extends Span {
  /** ISO 8601: `2024-01-10`, `2024-01`, `2024`, `2024-W05`, or `2024-02-01/2024-02-10` (inclusive days). */
  value: string;
  grain: DateGrain;
  /** For Hijri dates, the Hijri value as written (`1445-09-10`). */
  hijri?: string;
}

export interface StoryEvent extends Span {
  /** The date value, as in DateMention.value. */
  date: string;
  grain: DateGrain;
  /** Ids of the actors taking part. */
  actors: string[];
  /** True for the article's main news (often dated only by the publication date). */
  main?: boolean;
  /** Importance, higher first; events are listed in descending importance. */
  score?: number;
}

export interface KeyActor {
  id: string;
  score: number;
}

export interface Analysis {
  isArticle: boolean;
  lang: string;
  title: string;
  /** Publication date `YYYY-MM-DD` in the site's local time, or '' when unknown. */
  published: string;
  site: string;
  url?: string;
  /** Why the page is (not) taken as an article. */
  reason?: string;
  /** The article body the offsets refer to. */
  text: string;
  actors: Actor[];
  dates: DateMention[];
  events: StoryEvent[];
  summary: Span[];
  /** Actor ids ranked by centrality to the story. */
  keyActors?: KeyActor[];
}
