/**
 * A copy of the whole joined timeline kept as one record, so the timeline page's next opening reads one string
 * instead of 30,000 records (at 10,000 articles, `npm run bench ui-browser` measured 243 ms to open from the copy
 * against 557 ms after a write, in headless Chromium).
 *
 * It lives in the `meta` store (no schema change). Correctness rests on a write counter: every write transaction
 * of the store bumps `writes` (store.ts, `write()`); a copy is valid only while its `value` equals that counter,
 * and it is saved only if the counter has not moved since the read it was made from. So a copy can be missing,
 * never stale. It is a cache: it is not exported, and losing it (quota, a failed save) costs only speed.
 * It also names the extension version that made it (`madeBy`): another version reads in bulk instead, since an
 * update may join events differently. A future schema migration that changes events, actors or articles must
 * still delete it (migrations bypass `write()`).
 */
import type { ActorType, DateGrain } from '../../nlp/types';
import type { ActorRef, ArticleRef, TimelineEvent } from './api';

export const WRITES_KEY = 'writes';
export const SNAPSHOT_KEY = 'wholeTimeline';
/** Bumped when the encoding changes: a copy in another format is ignored. */
const FORMAT = 1;

/** An event as columns: indexes into the shared actor and article lists instead of copies of them. */
type PackedEvent = [id: string, date: string, grain: DateGrain, startDate: string, endDate: string, text: string, main: 0 | 1, score: number, actors: number[], article: number];

interface Packed {
  format: number;
  actors: Array<[id: string, name: string, type: ActorType]>;
  articles: ArticleRef[];
  events: PackedEvent[];
}

/** JSON of the packed events; every actor and article once. */
export function packTimeline(events: readonly TimelineEvent[]): string {
  const actorIndex = new Map<ActorRef, number>();
  const articleIndex = new Map<ArticleRef, number>();
  const packed: Packed = { format: FORMAT, actors: [], articles: [], events: [] };
  for (const event of events) {
    let article = articleIndex.get(event.article);
    if (article === undefined) {
      article = packed.articles.push(event.article) - 1;
      articleIndex.set(event.article, article);
    }
    const actors = event.actors.map((actor) => {
      let index = actorIndex.get(actor);
      if (index === undefined) {
        index = packed.actors.push([actor.id, actor.name, actor.type]) - 1;
        actorIndex.set(actor, index);
      }
      return index;
    });
    packed.events.push([event.id, event.date, event.grain, event.startDate, event.endDate, event.text, event.main ? 1 : 0, event.score, actors, article]);
  }
  return JSON.stringify(packed);
}

/**
 * The events back, sharing one object per actor and per article; null for a copy in another format or damaged in
 * any way (the caller then reads in bulk and overwrites the copy): a bad cache must never keep the timeline shut.
 */
export function unpackTimeline(text: string): TimelineEvent[] | null {
  try {
    const packed = JSON.parse(text) as Partial<Packed> | null;
    if (packed?.format !== FORMAT || !Array.isArray(packed.events) || !Array.isArray(packed.actors) || !Array.isArray(packed.articles)) return null;
    const actors: ActorRef[] = packed.actors.map(([id, name, type]) => ({ id, name, type }));
    const articles = packed.articles;
    const events: TimelineEvent[] = [];
    for (const [id, date, grain, startDate, endDate, text, main, score, actorIndexes, article] of packed.events) {
      const articleRef = articles[article];
      if (typeof id !== 'string' || typeof date !== 'string' || typeof text !== 'string' || !articleRef || !Array.isArray(actorIndexes)) return null;
      const eventActors: ActorRef[] = [];
      for (const index of actorIndexes) {
        const actor = actors[index];
        if (!actor) return null;
        eventActors.push(actor);
      }
      events.push({ id, date, grain, startDate, endDate, text, main: main === 1, score, actors: eventActors, article: articleRef });
    }
    return events;
  } catch {
    return null; // not JSON, or entries of the wrong shape
  }
}
