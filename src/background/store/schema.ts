/**
 * The timeline database: its object stores, indexes and the migrations between versions.
 * Each version's step only adds to the previous one, so a database of any older version
 * upgrades in place inside the browser's versionchange transaction (all or nothing).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type {
  ActorRecord,
  ActorRecordV1,
  AnalysisRecord,
  ArticleRecord,
  ArticleRecordV1,
  CorrectionRule,
  EventRecord,
  EventRecordV1,
  MentionRecord,
  MetaRecord,
} from './records';
import { bareKeysOf, keysOf, lastWordsOf, tokensOf } from './keys';
import { StoreError } from './errors';

export const DB_NAME = 'arabic-news-lens-timeline';
export const CURRENT_VERSION = 2;

export interface TimelineSchema extends DBSchema {
  articles: {
    key: string;
    value: ArticleRecord;
    indexes: { byCanonicalUrl: string; byTextHash: string; byReadAt: number; byUrl: string };
  };
  actors: {
    key: string;
    value: ActorRecord;
    indexes: { byKey: string; byToken: string; byLastWord: string; byBareKey: string; byArticleCount: number };
  };
  mentions: {
    key: [string, string];
    value: MentionRecord;
    indexes: { byArticle: string; byActorSeen: [string, number] };
  };
  events: {
    key: string;
    value: EventRecord;
    indexes: {
      byDay: [number, string];
      byArticle: string;
      byActor: string;
      byActorDay: [string, number, string];
    };
  };
  analyses: { key: string; value: AnalysisRecord };
  rules: { key: string; value: CorrectionRule };
  meta: { key: string; value: MetaRecord };
}

export type TimelineDB = IDBPDatabase<TimelineSchema>;
export type StoreName = StoreNames<TimelineSchema>;
type UpgradeTx = IDBPTransaction<TimelineSchema, StoreName[], 'versionchange'>;

/** Version 1: the four stores, actors found by exact spelling. */
function createV1(db: TimelineDB): void {
  const articles = db.createObjectStore('articles', { keyPath: 'id' });
  articles.createIndex('byCanonicalUrl', 'canonicalUrl', { unique: true });
  articles.createIndex('byTextHash', 'textHash');
  articles.createIndex('byReadAt', 'readAt');

  const actors = db.createObjectStore('actors', { keyPath: 'id' });
  // v1 looked actors up by exact spelling (removed in v2); the typed schema only knows v2 names.
  (actors as unknown as IDBObjectStore).createIndex('bySpelling', 'spellings', { multiEntry: true });
  actors.createIndex('byArticleCount', 'articleCount');

  const mentions = db.createObjectStore('mentions', { keyPath: ['actorId', 'articleId'] });
  mentions.createIndex('byArticle', 'articleId');
  mentions.createIndex('byActorSeen', ['actorId', 'seenAt']);

  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('byDay', ['startDay', 'id']);
  events.createIndex('byArticle', 'articleId');
  events.createIndex('byActor', 'actorIds', { multiEntry: true });

  db.createObjectStore('rules', { keyPath: 'id' });
  db.createObjectStore('meta', { keyPath: 'key' });
}

/**
 * Version 2: actors are found by normalised spelling (hamza, ة/ه, ى/ي variants meet) and by word,
 * which cross-article merging and search need; events get a per-actor date index so one actor's
 * timeline pages in date order without loading all of its events; articles are found by any URL
 * they were read under, and their analyses move to a store of their own. Existing records are
 * backfilled.
 */
async function migrateToV2(db: TimelineDB, tx: UpgradeTx): Promise<void> {
  const actors = tx.objectStore('actors');
  actors.createIndex('byKey', 'keys', { multiEntry: true });
  actors.createIndex('byToken', 'tokens', { multiEntry: true });
  actors.createIndex('byLastWord', 'lastWords', { multiEntry: true });
  actors.createIndex('byBareKey', 'bareKeys', { multiEntry: true });
  (actors as unknown as IDBObjectStore).deleteIndex('bySpelling');
  // Any URL an article was read under finds it (the popup asks by the tab's URL).
  const articles = tx.objectStore('articles');
  articles.createIndex('byUrl', 'urls', { multiEntry: true });
  // The analyses (most of the bytes) move to their own store, so listing articles and joining
  // them to events reads small records.
  const analyses = db.createObjectStore('analyses', { keyPath: 'articleId' });
  for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
    const { analysis, ...article } = cursor.value as ArticleRecordV1;
    await analyses.put({ articleId: article.id, analysis });
    await cursor.update(article);
  }
  const events = tx.objectStore('events');
  events.createIndex('byActorDay', 'actorDays', { multiEntry: true });

  for (let cursor = await actors.openCursor(); cursor; cursor = await cursor.continue()) {
    const { spellings, ...rest } = cursor.value as unknown as ActorRecordV1;
    const keys = keysOf([...Object.keys(rest.names), ...spellings]);
    await cursor.update({ ...rest, keys, tokens: tokensOf(keys), lastWords: lastWordsOf(keys), bareKeys: bareKeysOf(keys) });
  }
  for (let cursor = await events.openCursor(); cursor; cursor = await cursor.continue()) {
    const event = cursor.value as EventRecordV1;
    const actorDays = event.actorIds.map((a): [string, number, string] => [a, event.startDay, event.id]);
    await cursor.update({ ...event, actorDays });
  }
}

/**
 * Opens (creating or upgrading) the timeline database. `version` exists for migration tests;
 * the extension always opens CURRENT_VERSION.
 */
export async function openTimelineDB(
  factory: IDBFactory,
  name: string = DB_NAME,
  version: number = CURRENT_VERSION,
): Promise<TimelineDB> {
  const request = factory.open(name, version);
  let migration: Promise<void> | undefined;
  request.onupgradeneeded = (event) => {
    const db = wrap(request.result) as TimelineDB;
    const tx = wrap(request.transaction!) as unknown as UpgradeTx;
    const from = event.oldVersion;
    const to = event.newVersion ?? version;
    migration = (async () => {
      if (from < 1 && to >= 1) createV1(db);
      if (from < 2 && to >= 2) await migrateToV2(db, tx);
    })();
    migration.catch(() => tx.abort());
  };
  request.onblocked = () => {
    // Another context holds an older connection; it receives versionchange and closes (see below).
  };
  try {
    const db = (await wrap(request)) as TimelineDB;
    if (migration) await migration;
    // Let a newer version (e.g. after an extension update in another context) take over cleanly.
    db.addEventListener('versionchange', () => db.close());
    return db;
  } catch (err) {
    throw new StoreError(
      'storage',
      `Could not open the timeline database "${name}" at version ${version}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}
