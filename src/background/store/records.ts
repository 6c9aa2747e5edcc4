/** The shapes of what the timeline database holds, per object store. */
import type { ActorType, Analysis, DateGrain } from '../../nlp/types';

export interface ArticleRecord {
  id: string;
  canonicalUrl: string;
  /** The URL it was last read under. */
  url: string;
  /** Every URL it was read under (the same text can live under several). */
  urls: string[];
  title: string;
  site: string;
  /** `YYYY-MM-DD` or ''. */
  published: string;
  lang: string;
  summary: string[];
  /** SHA-256 (hex) of the normalised text: the same text under another URL is the same article. */
  textHash: string;
  /** Last time the reader read it (ms since epoch). */
  readAt: number;
  firstReadAt: number;
  updatedAt: number;
}

/** Version 1 kept the analysis inside the article record; v2 moved it to `analyses`. */
export interface ArticleRecordV1 extends ArticleRecord {
  analysis: Analysis;
}

/** The analysis as produced by the language core, served to the popup as is (kept apart: it is big). */
export interface AnalysisRecord {
  articleId: string;
  analysis: Analysis;
}

/** A count per value: how many articles used a spelling, role or type. Counts make deletion exact. */
export type Tally = Record<string, number>;

export interface ActorRecord {
  id: string;
  /** Display name: the most used full form. */
  name: string;
  types: Tally;
  /** Every spelling (names and aliases as written) → number of articles using it. */
  names: Tally;
  /** Spellings the analysis chose as the actor's main name → number of articles. */
  primaryNames: Tally;
  roles: Tally;
  articleCount: number;
  firstSeen: number;
  lastSeen: number;
  createdAt: number;
  /** v2: normalised spellings, the lookup keys for merging and search. */
  keys: string[];
  /** v2: normalised words of every spelling, for word-prefix search. */
  tokens: string[];
  /** v2: last words of multi-word spellings, so a bare surname finds the full names ending with it. */
  lastWords: string[];
  /** v2: the keys of an actor known only by one-word spellings (else empty), for full names to find. */
  bareKeys: string[];
}

/** Version 1 actors were looked up by exact spelling only. */
export interface ActorRecordV1 extends Omit<ActorRecord, 'keys' | 'tokens' | 'lastWords' | 'bareKeys'> {
  spellings: string[];
}

/** One actor of one article's analysis, as attached to a timeline actor. */
export interface LocalActorRecord {
  localId: string;
  name: string;
  type: ActorType;
  aliases: string[];
  roles: string[];
  mentionCount: number;
  /** [start, end] of mentions in the article text, capped so a pathological page stays small. */
  offsets: Array<[number, number]>;
}

/** Which timeline actor appears in which article, and as what. Key: [actorId, articleId]. */
export interface MentionRecord {
  actorId: string;
  articleId: string;
  /** The article's readAt, so an actor's articles list most recent first from an index. */
  seenAt: number;
  locals: LocalActorRecord[];
}

export interface EventRecord {
  /** `${articleId}#${index}`. */
  id: string;
  articleId: string;
  index: number;
  /** The date value as in the analysis (ISO day, month, year, week or interval). */
  date: string;
  grain: DateGrain;
  /** Inclusive days since 1970-01-01 (UTC) covered by the date, for range queries and ordering. */
  startDay: number;
  endDay: number;
  text: string;
  actorIds: string[];
  /** The analysis' own actor ids (`a1`…), so corrections can re-map events to timeline actors. */
  localActorIds: string[];
  main: boolean;
  score: number;
  site: string;
  /** v2: [actorId, startDay, id] per actor, indexed so one actor's timeline pages in date order. */
  actorDays: Array<[string, number, string]>;
}

export type EventRecordV1 = Omit<EventRecord, 'actorDays'>;

/** A reader's correction, kept as a rule over normalised spellings so later ingests respect it. */
export type CorrectionRule =
  | {
      id: string;
      kind: 'merge';
      /** All these spellings denote one actor. */
      keys: string[];
      createdAt: number;
    }
  | {
      id: string;
      kind: 'split';
      /** Spellings that were detached … */
      detachedKeys: string[];
      /** … from the actor known by these: they never join again. */
      remainingKeys: string[];
      /** When set, the rule is about this article's actor only (an article detached from an actor). */
      canonicalUrl?: string;
      createdAt: number;
    };

export interface MetaRecord {
  key: string;
  value: number;
  /** Only on the whole-timeline copy (snapshot.ts): the packed events; `value` is the write count it is valid for. */
  snapshot?: string;
  /** Only on the whole-timeline copy: the version of the code that made it (TimelineStoreOptions.codeVersion). */
  madeBy?: string;
}
