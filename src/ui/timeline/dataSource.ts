/**
 * What the timeline page needs from the timeline store, as an injected interface whose methods mirror
 * TimelineStore (src/background/store) one to one: the extension page passes the store itself (it shares the
 * worker's IndexedDB). Tests and the demo use an in-memory fake (fakeTimelineSource.ts).
 * Every method may reject (worker restarting, message error, a StoreError such as 'invalid-import');
 * the page shows the rejection's message.
 */
import type { TimelineJsDocument } from '../../background/store/exchange';
import type { ImportResult } from '../../background/store/store';
import type { TimelineChange } from '../../background/store/changes';
import type { ActorCard, ActorSummary, StoreStats, TimelineEvent, TimelinePage, TimelineQuery } from '../../background/store/api';

export type { ActorCard, ActorRef, ActorSummary, ArticleRef, StoreStats, TimelineEvent, TimelinePage, TimelineQuery } from '../../background/store/api';
export type { ImportResult } from '../../background/store/store';
export type { TimelineJsDocument } from '../../background/store/exchange';
export type { TimelineChange } from '../../background/store/changes';

/** A timeline query without paging: what filters and exports use. */
export type TimelineFilter = Omit<TimelineQuery, 'limit' | 'cursor' | 'order'>;

export interface TimelineDataSource {
  /**
   * Every event, oldest first, with its actors and article. The page loads this once (and again after a change)
   * and filters it in memory, so a filter change never waits for the store.
   */
  getWholeTimeline(): Promise<TimelineEvent[]>;
  /** One page of events, oldest first (`limit` of them): the first events, shown while the whole timeline loads. */
  getTimeline(query: TimelineQuery): Promise<TimelinePage>;
  /** Actors any of whose spellings match `name`. */
  searchActors(name: string, limit?: number): Promise<ActorSummary[]>;
  getActorCard(actorId: string): Promise<ActorCard | undefined>;
  exportTimelineJS(query: TimelineFilter): Promise<TimelineJsDocument>;
  /** CSV text (the store adds the BOM and CRLF lines). */
  exportCSV(query: TimelineFilter): Promise<string>;
  /** The full backup, as the store's FullExport object. */
  exportJSON(): Promise<unknown>;
  /** Our own backup file's text; rejects with the reason when the file is refused. */
  importJSON(text: string): Promise<ImportResult>;
  deleteArticle(articleId: string): Promise<unknown>;
  clearAll(): Promise<void>;
  stats(): Promise<StoreStats>;
  /**
   * Optional: calls `onChange` when another context (the worker, another tab) changes the timeline, and returns
   * a function that stops listening. The source's own writes are not reported. Without it the page does not hear
   * of outside changes (the in-memory fake).
   */
  watchChanges?(onChange: (change: TimelineChange) => void): () => void;
}

export type ExportFormat = 'timelinejs' | 'csv' | 'json';

/** A file ready to be saved. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}
