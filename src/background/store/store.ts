/**
 * TimelineStore: the background worker's memory of everything the reader has read.
 * Every write is one IndexedDB transaction (all or nothing); nothing that matters is kept in
 * memory, so the browser may stop the worker at any moment. Give it `indexedDB` in the worker,
 * or a fake-indexeddb `IDBFactory` in tests.
 */
import type { Analysis } from '../../nlp/types';
import { openTimelineDB, DB_NAME, type TimelineDB } from './schema';
import type { CorrectionRule } from './records';
import type {
  ActorCard,
  ActorSummary,
  ArticleListPage,
  SplitResult,
  SplitTarget,
  StoreStats,
  StoredArticle,
  TimelineEvent,
  TimelinePage,
  TimelineQuery,
} from './api';
import {
  absorbActor,
  ALL_STORES,
  deleteOrphans,
  ingestInTx,
  loadRules,
  mentionsOfActor,
  newActorCache,
  newId,
  pruneMergeRules,
  rebuildActor,
  remapArticleEvents,
  removeArticleContributions,
  type IngestResult,
  type PreparedArticle,
  type WriteTx,
} from './engine';
import * as queries from './queries';
import { packTimeline, SNAPSHOT_KEY, unpackTimeline, WRITES_KEY } from './snapshot';
import type { ReadTx } from './queries';
import { StoreError, toStoreError } from './errors';
import { announceChange, listenForChanges, type TimelineChange } from './changes';
import { nameKey, textHash } from './keys';
import { localKeys } from './tally';
import { canonicalizeUrl, IngestOptionsSchema, parseOrThrow, validateAnalysis, type IngestOptions } from './validate';
import {
  CSV_HEADER,
  csvLines,
  csvRow,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  parseFullExport,
  toTimelineJs,
  UTF8_BOM,
  type FullExport,
  type TimelineJsDocument,
} from './exchange';

/** What the browser reports the extension's storage uses (all of it, not only this database). */
async function browserUsage(): Promise<number | undefined> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ usage?: number }> } } }).navigator?.storage;
  if (!storage?.estimate) return undefined;
  try {
    return (await storage.estimate()).usage;
  } catch {
    return undefined;
  }
}

export interface TimelineStoreOptions {
  /** Database name (tests use one per case). */
  name?: string;
  /** Clock, ms since epoch (tests fix it). */
  now?: () => number;
  /**
   * Names the code reading and writing the kept copy of the whole timeline (the extension's version): a copy made
   * by another version is not served, since an update may join events differently without a schema change.
   */
  codeVersion?: string;
}

/** Filters for exports: a timeline query without paging. */
export type ExportQuery = Omit<TimelineQuery, 'limit' | 'cursor'>;

export interface ImportResult {
  added: number;
  updated: number;
  corrections: number;
}

export class TimelineStore {
  private db: TimelineDB | undefined;
  /** Names this instance in its change announcements, so it can ignore its own (changes.ts). */
  readonly changeOrigin = newId('store');

  private constructor(
    private readonly factory: IDBFactory,
    private readonly name: string,
    private readonly now: () => number,
    private readonly codeVersion: string,
  ) {}

  /** Opens (creating or upgrading) the database; fails with a StoreError('storage') if it cannot. */
  static async open(factory: IDBFactory, options: TimelineStoreOptions = {}): Promise<TimelineStore> {
    const store = new TimelineStore(factory, options.name ?? DB_NAME, options.now ?? Date.now, options.codeVersion ?? '');
    await store.connection();
    return store;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  /** Reopens lazily if the browser or a newer version closed the connection. */
  private async connection(): Promise<TimelineDB> {
    if (this.db) return this.db;
    const db = await openTimelineDB(this.factory, this.name);
    const forget = () => {
      if (this.db === db) this.db = undefined;
    };
    db.addEventListener('versionchange', forget);
    db.addEventListener('close', forget);
    this.db = db;
    return db;
  }

  /**
   * One write transaction. Once it has committed (not before, and never for a failed or aborted one) the change
   * is announced to open timeline pages; `newArticles` says how many articles the result added.
   */
  private async write<T>(action: string, fn: (tx: WriteTx) => Promise<T>, newArticles: (result: T) => number = () => 0): Promise<T> {
    const db = await this.connection();
    let tx: WriteTx;
    try {
      tx = db.transaction([...ALL_STORES], 'readwrite');
    } catch (err) {
      throw toStoreError(err, action);
    }
    const done = tx.done;
    done.catch(() => undefined); // handled below; avoids an unhandled rejection while fn runs
    let result: T;
    let writeCount: number;
    try {
      // Every write counts (before fn, which may clear `meta`): the whole-timeline copy is valid for one count only.
      const writes = (await tx.objectStore('meta').get(WRITES_KEY))?.value ?? 0;
      result = await fn(tx);
      const meta = tx.objectStore('meta');
      writeCount = writes + 1;
      await meta.put({ key: WRITES_KEY, value: writeCount });
      await meta.delete(SNAPSHOT_KEY);
      await done;
    } catch (err) {
      try {
        tx.abort();
      } catch {
        // Already aborted by the failing request, or already finished.
      }
      throw toStoreError(err, action);
    }
    // Outside the try: the write has committed, so nothing after this may turn it into a reported failure.
    announceChange(this.name, { kind: 'timeline-changed', writeCount, newArticles: newArticles(result), origin: this.changeOrigin });
    return result;
  }

  /**
   * Calls `onChange` when another context (the worker, another tab) commits a write to this database; this
   * instance's own writes are left out, since whoever made them already knows. The returned function stops.
   */
  watchChanges(onChange: (change: TimelineChange) => void): () => void {
    return listenForChanges(this.name, (change) => {
      if (change.origin !== this.changeOrigin) onChange(change);
    });
  }

  private async read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    const db = await this.connection();
    return fn(db.transaction([...ALL_STORES], 'readonly'));
  }

  /** Validates and hashes outside any transaction (hashing is async and would commit it). */
  private async prepare(analysisInput: unknown, optionsInput: IngestOptions): Promise<PreparedArticle> {
    const options = parseOrThrow(IngestOptionsSchema, optionsInput, 'ingest options');
    const analysis = validateAnalysis(analysisInput);
    return {
      analysis,
      url: options.url,
      canonicalUrl: canonicalizeUrl(options.canonicalUrl ?? options.url),
      readAt: options.readAt ?? this.now(),
      textHash: await textHash(analysis.text),
    };
  }

  // ---------- writes ----------

  /**
   * Stores one article's analysis. The same article read again (same canonical URL, or the same
   * text under another URL) is updated in place. Throws StoreError 'not-article' for pages that
   * are not Arabic news articles (nothing is stored), 'invalid-input' for wrong shapes, 'quota'
   * when storage is full (what was stored before is kept).
   */
  async addArticle(analysis: Analysis | unknown, options: IngestOptions): Promise<IngestResult> {
    const prepared = await this.prepare(analysis, options);
    return this.write(
      'store the article',
      async (tx) => ingestInTx(tx, prepared, await loadRules(tx), this.now()),
      (result) => (result.status === 'added' ? 1 : 0),
    );
  }

  /** Several articles in one transaction: all stored, or none. */
  async addArticles(items: ReadonlyArray<{ analysis: Analysis | unknown; options: IngestOptions }>): Promise<IngestResult[]> {
    const prepared: PreparedArticle[] = [];
    for (const [i, item] of items.entries()) {
      try {
        prepared.push(await this.prepare(item.analysis, item.options));
      } catch (err) {
        if (err instanceof StoreError) throw new StoreError(err.code, `Article ${i}: ${err.message}`, { cause: err });
        throw err;
      }
    }
    return this.write('store the articles', async (tx) => {
      const rules = await loadRules(tx);
      const results: IngestResult[] = [];
      for (const p of prepared) results.push(await ingestInTx(tx, p, rules, this.now()));
      return results;
    }, (results) => results.filter((r) => r.status === 'added').length);
  }

  /** Removes an article and what only it contributed (events, mentions, actors, spellings, roles). */
  async deleteArticle(urlOrId: string): Promise<{ removedActors: number }> {
    return this.write('delete the article', async (tx) => {
      const article = await queries.findArticle(tx, urlOrId);
      if (!article) throw new StoreError('not-found', `No stored article "${urlOrId}".`);
      const cache = newActorCache();
      const touched = await removeArticleContributions(tx, article.id, cache);
      const removedActors = await deleteOrphans(tx, cache, touched);
      await tx.objectStore('articles').delete(article.id);
      await tx.objectStore('analyses').delete(article.id);
      return { removedActors };
    });
  }

  /** Empties the timeline; the reader's corrections go too unless `keepCorrections`. */
  async clearAll(options: { keepCorrections?: boolean } = {}): Promise<void> {
    await this.write('clear the timeline', async (tx) => {
      for (const name of ALL_STORES) {
        if (name === 'rules' && options.keepCorrections) continue;
        await tx.objectStore(name).clear();
      }
    });
  }

  // ---------- the reader's corrections ----------

  /**
   * The reader says two actors are one: `otherId` is folded into `keepId`, and a rule makes later
   * articles join them too (it overrides earlier split rules between them).
   */
  async mergeActors(keepId: string, otherId: string): Promise<ActorSummary> {
    if (keepId === otherId) throw new StoreError('invalid-input', 'Cannot merge an actor with itself.');
    return this.write('merge the actors', async (tx) => {
      const cache = newActorCache();
      const keep = await tx.objectStore('actors').get(keepId);
      const other = await tx.objectStore('actors').get(otherId);
      if (!keep || !other) throw new StoreError('not-found', `No actor "${!keep ? keepId : otherId}".`);
      const keysA = new Set(keep.keys);
      const keysB = new Set(other.keys);
      const rules = tx.objectStore('rules');
      for (const rule of await rules.getAll()) {
        if (rule.kind !== 'split') continue;
        const between = (d: Set<string>, r: Set<string>) =>
          rule.detachedKeys.some((k) => d.has(k)) && rule.remainingKeys.some((k) => r.has(k));
        if (between(keysA, keysB) || between(keysB, keysA)) await rules.delete(rule.id);
      }
      const rule: CorrectionRule = {
        id: newId('rule'),
        kind: 'merge',
        keys: [...new Set([...keep.keys, ...other.keys])],
        createdAt: this.now(),
      };
      await rules.put(rule);
      cache.set(keep.id, keep);
      await absorbActor(tx, cache, keep, other);
      return queries.actorSummary(keep);
    });
  }

  /**
   * The reader says part of an actor is someone else: every use of one spelling (`{alias}`), or
   * the actor as it appears in one article (`{articleId}`), becomes a new actor, and a rule keeps
   * them apart in later articles.
   */
  async splitActor(actorId: string, target: SplitTarget): Promise<SplitResult> {
    return this.write('split the actor', async (tx) => {
      const cache = newActorCache();
      const actor = await tx.objectStore('actors').get(actorId);
      if (!actor) throw new StoreError('not-found', `No actor "${actorId}".`);
      const mentions = await mentionsOfActor(tx, actorId);

      // Partition every article's locals into those that move and those that stay.
      let canonicalUrl: string | undefined;
      let detachedKeys: string[];
      const moves = (local: { name: string; aliases: string[] }, articleId: string): boolean => {
        if ('alias' in target) return localKeys(local).every((k) => k === detachedKeys[0]);
        return articleId === target.articleId;
      };
      if ('alias' in target) {
        const key = nameKey(target.alias);
        if (!actor.keys.includes(key)) {
          throw new StoreError('invalid-input', `"${target.alias}" is not a spelling of actor "${actor.name}".`);
        }
        detachedKeys = [key];
      } else {
        const mention = mentions.find((m) => m.articleId === target.articleId);
        if (!mention) throw new StoreError('not-found', `Actor "${actor.name}" does not appear in article "${target.articleId}".`);
        const article = await tx.objectStore('articles').get(target.articleId);
        canonicalUrl = article?.canonicalUrl;
        detachedKeys = [...new Set(mention.locals.flatMap(localKeys))];
      }
      const staying = mentions.flatMap((m) => m.locals.filter((l) => !moves(l, m.articleId)));
      const remainingKeys = [...new Set(staying.flatMap(localKeys))].filter((k) => canonicalUrl || !detachedKeys.includes(k));
      if (remainingKeys.length === 0) {
        throw new StoreError('invalid-input', `Nothing would remain of actor "${actor.name}": there is nothing to split off.`);
      }

      const rules = tx.objectStore('rules');
      const rule: CorrectionRule = {
        id: newId('rule'),
        kind: 'split',
        detachedKeys,
        remainingKeys,
        ...(canonicalUrl ? { canonicalUrl } : {}),
        createdAt: this.now(),
      };
      const existing = await rules.getAll();
      const kept = pruneMergeRules(existing, detachedKeys, remainingKeys);
      for (const old of existing) if (!kept.some((r) => r.id === old.id)) await rules.delete(old.id);
      for (const r of kept) await rules.put(r);
      await rules.put(rule);

      const newActorId = newId('act');
      const affected: string[] = [];
      for (const mention of mentions) {
        const move = mention.locals.filter((l) => moves(l, mention.articleId));
        if (move.length === 0) continue;
        affected.push(mention.articleId);
        const stay = mention.locals.filter((l) => !moves(l, mention.articleId));
        if (stay.length) await tx.objectStore('mentions').put({ ...mention, locals: stay });
        else await tx.objectStore('mentions').delete([mention.actorId, mention.articleId]);
        await tx.objectStore('mentions').put({ ...mention, actorId: newActorId, locals: move });
      }
      if (affected.length === 0) return { ruleId: rule.id };

      const fresh = { ...actor, id: newActorId, createdAt: this.now() };
      cache.set(newActorId, fresh);
      await tx.objectStore('actors').put(fresh);
      await rebuildActor(tx, cache, newActorId);
      await rebuildActor(tx, cache, actorId);
      for (const articleId of affected) await remapArticleEvents(tx, articleId);
      return { newActorId, ruleId: rule.id };
    });
  }

  async listCorrections(): Promise<CorrectionRule[]> {
    return this.read((tx) => tx.objectStore('rules').getAll());
  }

  // ---------- queries ----------

  /** Events by date (oldest first unless `order: 'desc'`), filtered and paged. */
  async getTimeline(query: TimelineQuery = {}): Promise<TimelinePage> {
    return this.read((tx) => queries.getTimeline(tx, query));
  }

  /**
   * Every event, oldest first, joined to its actors and article: what the timeline page filters in memory.
   * From the kept copy when nothing was written since it was made (snapshot.ts); otherwise read in bulk, and a
   * copy is saved for next time.
   */
  async getWholeTimeline(): Promise<TimelineEvent[]> {
    const { events, writes, fromCopy } = await this.read(async (tx) => {
      const meta = tx.objectStore('meta');
      const [counter, copy] = await Promise.all([meta.get(WRITES_KEY), meta.get(SNAPSHOT_KEY)]);
      const count = counter?.value ?? 0;
      const kept = copy?.snapshot !== undefined && copy.value === count && (copy.madeBy ?? '') === this.codeVersion ? unpackTimeline(copy.snapshot) : null;
      if (kept !== null) return { events: kept, writes: count, fromCopy: true };
      return { events: await queries.getWholeTimeline(tx), writes: count, fromCopy: false };
    });
    // Later, not now: packing takes a while, and the caller wants its events first.
    if (!fromCopy) setTimeout(() => void this.saveTimelineCopy(events, writes), 0);
    return events;
  }

  /** Keeps the copy if no write came in since the read it was made from; a failure only costs speed next time. */
  private async saveTimelineCopy(events: readonly TimelineEvent[], writes: number): Promise<void> {
    try {
      const snapshot = packTimeline(events);
      const tx = (await this.connection()).transaction(['meta'], 'readwrite');
      const meta = tx.objectStore('meta');
      if (((await meta.get(WRITES_KEY))?.value ?? 0) === writes) await meta.put({ key: SNAPSHOT_KEY, value: writes, snapshot, madeBy: this.codeVersion });
      await tx.done;
    } catch {
      // A cache: nothing depends on it.
    }
  }

  /** By actor id, or the best match for a name in any spelling; undefined when unknown. */
  async getActorCard(idOrName: string, options?: { articleLimit?: number; eventLimit?: number }): Promise<ActorCard | undefined> {
    return this.read((tx) => queries.getActorCard(tx, idOrName, options));
  }

  /** The stored analysis of an article, by id, canonical URL or any URL it was read under. */
  async getArticle(urlOrId: string): Promise<StoredArticle | undefined> {
    return this.read((tx) => queries.getArticle(tx, urlOrId));
  }

  async searchActors(name: string, limit = 20): Promise<ActorSummary[]> {
    return this.read((tx) => queries.searchActors(tx, name, limit));
  }

  async listArticles(options?: { limit?: number; cursor?: string; site?: string }): Promise<ArticleListPage> {
    return this.read((tx) => queries.listArticles(tx, options));
  }

  /**
   * Counts, and the stored size estimated from a sample of each store's records (ids are random,
   * so the first records by key are a fair sample); `exact` measures every record instead.
   */
  async stats(options: { exact?: boolean } = {}): Promise<StoreStats> {
    const SAMPLE = 256;
    const sizes = await this.read(async (tx) => {
      const encoder = new TextEncoder();
      const sizeOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
      const out = {} as Record<(typeof ALL_STORES)[number], { count: number; bytes: number }>;
      for (const name of ALL_STORES) {
        const store = tx.objectStore(name);
        const count = await store.count();
        let bytes = 0;
        if (name === 'meta') {
          // A handful of records, read whole; the kept copy of the timeline is a cache of the other stores, so
          // counting it would make the storage figure grow each time the timeline page is opened.
          for (const record of await tx.objectStore('meta').getAll()) if (record.key !== SNAPSHOT_KEY) bytes += sizeOf(record);
        } else if (options.exact) {
          for (let c = await store.openCursor(); c; c = await c.continue()) bytes += sizeOf(c.value);
        } else if (count > 0) {
          const sample = await store.getAll(undefined, SAMPLE);
          bytes = Math.round((sample.reduce((n, v) => n + sizeOf(v), 0) / sample.length) * count);
        }
        out[name] = { count, bytes };
      }
      return out;
    });
    const estimate = await browserUsage();
    return {
      articles: sizes.articles.count,
      actors: sizes.actors.count,
      mentions: sizes.mentions.count,
      events: sizes.events.count,
      corrections: sizes.rules.count,
      approxBytes: ALL_STORES.reduce((n, name) => n + sizes[name].bytes, 0),
      ...(estimate !== undefined ? { browserUsageBytes: estimate } : {}),
    };
  }

  // ---------- export / import ----------

  private async allEvents(query: ExportQuery): Promise<TimelineEvent[]> {
    return this.read(async (tx) => {
      const events: TimelineEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await queries.getTimeline(tx, { ...query, limit: 500, ...(cursor ? { cursor } : {}) });
        events.push(...page.events);
        cursor = page.nextCursor;
      } while (cursor);
      return events;
    });
  }

  /** The timeline (or a filtered part) in TimelineJS's JSON format. */
  async exportTimelineJS(query: ExportQuery = {}, title?: string): Promise<TimelineJsDocument> {
    return toTimelineJs(await this.allEvents(query), title);
  }

  /** One row per event, RFC 4180, UTF-8 with BOM (so spreadsheets read Arabic right), CRLF lines. */
  async exportCSV(query: ExportQuery = {}): Promise<string> {
    const lines = [csvRow(CSV_HEADER), ...csvLines(await this.allEvents(query))];
    return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
  }

  /** Everything needed to rebuild this timeline elsewhere; `importJSON` reads it back. */
  async exportJSON(): Promise<FullExport> {
    return this.read(async (tx) => {
      const articles = await tx.objectStore('articles').getAll();
      articles.sort((a, b) => a.firstReadAt - b.firstReadAt || a.id.localeCompare(b.id));
      const analyses = new Map<string, unknown>();
      for (let c = await tx.objectStore('analyses').openCursor(); c; c = await c.continue()) {
        analyses.set(c.value.articleId, c.value.analysis);
      }
      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date(this.now()).toISOString(),
        articles: articles.map((a) => ({
          url: a.url,
          canonicalUrl: a.canonicalUrl,
          urls: a.urls,
          readAt: a.readAt,
          firstReadAt: a.firstReadAt,
          analysis: analyses.get(a.id),
        })),
        corrections: await tx.objectStore('rules').getAll(),
      };
    });
  }

  /**
   * Reads our own export (a JSON string or the parsed object) into the timeline, merging with
   * what is there. The whole file is validated before anything is written, and it is written in
   * one transaction: a truncated or foreign file changes nothing.
   */
  async importJSON(input: unknown): Promise<ImportResult> {
    const file = parseFullExport(input);
    const prepared: PreparedArticle[] = [];
    for (const [i, entry] of file.articles.entries()) {
      try {
        const p = await this.prepare(entry.analysis, { url: entry.url, canonicalUrl: entry.canonicalUrl, readAt: entry.readAt });
        prepared.push({ ...p, firstReadAt: entry.firstReadAt, urls: entry.urls });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new StoreError('invalid-import', `The export file is damaged: article ${i} (${entry.url}): ${reason}`);
      }
    }
    return this.write('import the file', async (tx) => {
      for (const rule of file.corrections) await tx.objectStore('rules').put(rule);
      const rules = await loadRules(tx);
      let added = 0;
      let updated = 0;
      for (const p of prepared) {
        const r = await ingestInTx(tx, p, rules, this.now());
        if (r.status === 'added') added++;
        else updated++;
      }
      return { added, updated, corrections: file.corrections.length };
    }, (result) => result.added);
  }
}
