/**
 * Probes for the timeline store in the real browser (source strings, see probes.ts for why).
 * INSPECT_TIMELINE reads the raw database from an extension page; the worker patches make one worker life
 * pause inside an ingest transaction or fail its writes as a full disk does. A patch lives only as long as that
 * worker: the next worker start runs the extension's code untouched.
 */
import { DB_NAME } from '../../../src/background/store/schema';

const dbName = JSON.stringify(DB_NAME);

/** Channel on which a paused worker tells the probe page which article it stopped in. */
export const PAUSE_CHANNEL = 'anl-test-pause';

export interface TimelineInspection {
  exists: boolean;
  version: number;
  articles: Array<{ id: string; canonicalUrl: string; urls: string[]; title: string; firstReadAt: number }>;
  counts: { articles: number; analyses: number; actors: number; mentions: number; events: number };
  /** Broken invariants: anything here means a half-applied or duplicated write. */
  problems: string[];
}

/**
 * `() => TimelineInspection`: every record of the worker's database, checked for consistency: each article has its
 * analysis and as many events as that analysis has; no text is stored twice; every mention, event and actor points at
 * records that exist; an actor's article count equals its mention records. Never creates the database.
 */
export const INSPECT_TIMELINE = `async () => {
  const known = await indexedDB.databases();
  const info = known.find((d) => d.name === ${dbName});
  if (!info) return { exists: false, version: 0, articles: [], counts: { articles: 0, analyses: 0, actors: 0, mentions: 0, events: 0 }, problems: [] };
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(${dbName});
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const names = ['articles', 'analyses', 'actors', 'mentions', 'events'];
    const tx = db.transaction(names, 'readonly');
    const all = (name) => new Promise((resolve, reject) => {
      const request = tx.objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const [articles, analyses, actors, mentions, events] = await Promise.all(names.map(all));
    const problems = [];
    const articleIds = new Set(articles.map((a) => a.id));
    const actorIds = new Set(actors.map((a) => a.id));
    const analysisOf = new Map(analyses.map((a) => [a.articleId, a.analysis]));
    const hashes = new Map();
    for (const a of articles) {
      const analysis = analysisOf.get(a.id);
      if (!analysis) problems.push('article ' + a.id + ' has no analysis');
      const own = events.filter((e) => e.articleId === a.id).length;
      if (analysis && own !== analysis.events.length) problems.push('article ' + a.id + ' has ' + own + ' events, its analysis ' + analysis.events.length);
      if (hashes.has(a.textHash)) problems.push('text stored twice: ' + hashes.get(a.textHash) + ' and ' + a.id);
      hashes.set(a.textHash, a.id);
    }
    for (const x of analyses) if (!articleIds.has(x.articleId)) problems.push('analysis without article ' + x.articleId);
    const perActor = new Map();
    for (const m of mentions) {
      if (!articleIds.has(m.articleId)) problems.push('mention of missing article ' + m.articleId);
      if (!actorIds.has(m.actorId)) problems.push('mention of missing actor ' + m.actorId);
      perActor.set(m.actorId, (perActor.get(m.actorId) || 0) + 1);
    }
    for (const a of actors) {
      if ((perActor.get(a.id) || 0) !== a.articleCount) problems.push('actor ' + a.id + ' counts ' + a.articleCount + ' articles, has ' + (perActor.get(a.id) || 0) + ' mention records');
    }
    for (const e of events) {
      if (!articleIds.has(e.articleId)) problems.push('event of missing article ' + e.id);
      for (const id of e.actorIds) if (!actorIds.has(id)) problems.push('event ' + e.id + ' names missing actor ' + id);
    }
    return {
      exists: true,
      version: db.version,
      articles: articles.map((a) => ({ id: a.id, canonicalUrl: a.canonicalUrl, urls: a.urls, title: a.title, firstReadAt: a.firstReadAt })),
      counts: { articles: articles.length, analyses: analyses.length, actors: actors.length, mentions: mentions.length, events: events.length },
      problems: problems.slice(0, 20),
    };
  } finally {
    db.close();
  }
}`;

/** `() => void`: deletes the worker's database (the worker's open connection closes on versionchange and reopens later). */
export const DELETE_TIMELINE = `() => new Promise((resolve, reject) => {
  const request = indexedDB.deleteDatabase(${dbName});
  request.onsuccess = () => resolve(true);
  request.onerror = () => reject(request.error);
  request.onblocked = () => undefined;
})`;

/** `() => void`, in an extension page: remembers the first pause announced by a worker in window.anlPausedAt. */
export const LISTEN_FOR_PAUSE = `() => {
  globalThis.anlPausedAt = undefined;
  globalThis.anlPauseChannel?.close();
  globalThis.anlPauseChannel = new BroadcastChannel(${JSON.stringify(PAUSE_CHANNEL)});
  globalThis.anlPauseChannel.onmessage = (event) => { globalThis.anlPausedAt ??= event.data; };
}`;

/**
 * `() => void`, in the worker: the first ingest that reaches its article record (after its actors, mentions and events
 * were written in the same transaction) announces its URL on PAUSE_CHANNEL and holds the worker busy, so the test can
 * stop the worker with that transaction open. Bounded: after 20 s it lets go.
 */
export const PAUSE_MID_INGEST = `() => {
  const put = IDBObjectStore.prototype.put;
  let paused = false;
  IDBObjectStore.prototype.put = function (...args) {
    if (!paused && this.name === 'articles' && this.transaction.mode === 'readwrite') {
      paused = true;
      new BroadcastChannel(${JSON.stringify(PAUSE_CHANNEL)}).postMessage(args[0] && args[0].canonicalUrl);
      const until = Date.now() + 20000;
      while (Date.now() < until) { /* held here until the test stops the worker */ }
    }
    return put.apply(this, args);
  };
}`;

/** `() => void`, in the worker: every IndexedDB put fails as on a full disk (QuotaExceededError). */
export const FAIL_PUTS_WITH_QUOTA = `() => {
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}`;
