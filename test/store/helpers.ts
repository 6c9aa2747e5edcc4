/** Builders for analyses and isolated stores used by the store tests. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Actor, ActorType, Analysis, DateGrain, StoryEvent } from '../../src/nlp/types';
import { TimelineStore } from '../../src/background/store';

export interface ActorSpec {
  name: string;
  type?: ActorType;
  aliases?: string[];
  role?: string;
}

export interface EventSpec {
  date: string;
  grain?: DateGrain;
  text: string;
  /** Names (as in ActorSpec.name) of the actors taking part. */
  actors?: string[];
  main?: boolean;
}

export interface ArticleSpec {
  title?: string;
  site?: string;
  published?: string;
  /** Extra body text; the actors' spellings and event texts are appended so offsets are real. */
  body?: string;
  actors?: ActorSpec[];
  events?: EventSpec[];
}

function spansOf(text: string, needle: string) {
  const spans = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    spans.push({ start: i, end: i + needle.length, text: needle });
  }
  return spans;
}

/** A well-formed analysis whose mentions and event offsets point into its own text. */
export function makeAnalysis(spec: ArticleSpec): Analysis {
  const actorSpecs = spec.actors ?? [];
  const eventSpecs = spec.events ?? [];
  const parts = [spec.body ?? 'نص الخبر.'];
  for (const a of actorSpecs) parts.push(`ذكر ${a.name}${a.role ? ` ${a.role}` : ''}. ${(a.aliases ?? []).map((x) => `وقال ${x}.`).join(' ')}`);
  for (const e of eventSpecs) parts.push(e.text);
  const text = parts.join(' ');
  const actors: Actor[] = actorSpecs.map((a, i) => ({
    id: `a${i + 1}`,
    name: a.name,
    type: a.type ?? 'PERSON',
    aliases: a.aliases ?? [],
    ...(a.role ? { role: a.role, roles: [a.role] } : {}),
    mentions: [a.name, ...(a.aliases ?? [])].flatMap((n) => spansOf(text, n)),
  }));
  const idOf = (name: string) => {
    const i = actorSpecs.findIndex((a) => a.name === name);
    if (i < 0) throw new Error(`test spec: unknown actor ${name}`);
    return `a${i + 1}`;
  };
  const events: StoryEvent[] = eventSpecs.map((e) => {
    const start = text.indexOf(e.text);
    return {
      date: e.date,
      grain: e.grain ?? 'day',
      text: e.text,
      start,
      end: start + e.text.length,
      actors: (e.actors ?? []).map(idOf),
      ...(e.main ? { main: true } : {}),
    };
  });
  return {
    isArticle: true,
    lang: 'ar',
    title: spec.title ?? 'عنوان',
    published: spec.published ?? '2024-03-14',
    site: spec.site ?? 'example.com',
    text,
    actors,
    dates: events.map((e) => ({ start: e.start, end: e.end, text: e.text, value: e.date, grain: e.grain })),
    events,
    summary: [{ start: 0, end: 5, text: text.slice(0, 5) }],
  };
}

let counter = 0;

/** A store over its own fresh fake IndexedDB, with a clock that advances one second per call. */
export async function freshStore(): Promise<{ store: TimelineStore; factory: IDBFactory; name: string; clock: { t: number } }> {
  const factory = new IDBFactory();
  const clock = { t: Date.UTC(2024, 2, 14) };
  const name = `timeline-test-${++counter}`;
  const store = await TimelineStore.open(factory, { name, now: () => (clock.t += 1000) });
  return { store, factory, name, clock };
}

export const url = (n: number | string) => `https://news.example.com/article/${n}`;

/** Everything observable about a store's content, for "nothing changed" assertions. */
export async function snapshot(store: TimelineStore) {
  const { exportedAt: _ignored, ...content } = await store.exportJSON();
  const timeline = await store.getTimeline({ limit: 500 });
  const stats = await store.stats();
  return { content, timeline, stats };
}
