/**
 * A copy of the whole joined timeline kept as one record, so the timeline page's next opening reads one string
 * instead of 30,000 records (at 10,000 articles the bulk read takes about a second in Chromium, this a tenth of it).
 *
 * It lives in the `meta` store (no schema change). Correctness rests on a write counter: every write transaction
 * of the store bumps `writes` (store.ts, `write()`); a copy is valid only while its `value` equals that counter,
 * and it is saved only if the counter has not moved since the read it was made from. So a copy can be missing,
 * never stale. It is a cache: it is not exported, and losing it (quota, a failed save) costs only speed.
 * A future schema migration that changes events, actors or articles must delete it (migrations bypass `write()`).
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

/** The events back, sharing one object per actor and per article; null for a copy in another format or damaged. */
export function unpackTimeline(text: string): TimelineEvent[] | null {
  let packed: Packed;
  try {
    packed = JSON.parse(text) as Packed;
  } catch {
    return null; // read in bulk instead: a damaged cache must not keep the timeline from opening
  }
  if (packed?.format !== FORMAT || !Array.isArray(packed.events)) return null;
  const actors: ActorRef[] = packed.actors.map(([id, name, type]) => ({ id, name, type }));
  return packed.events.map(([id, date, grain, startDate, endDate, text, main, score, actorIndexes, article]) => ({
    id,
    date,
    grain,
    startDate,
    endDate,
    text,
    main: main === 1,
    score,
    actors: actorIndexes.map((index) => actors[index]!),
    article: packed.articles[article]!,
  }));
}
