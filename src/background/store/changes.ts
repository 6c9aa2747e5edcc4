/**
 * "The timeline changed": announced after every committed write, so an open timeline page (another tab, the
 * worker, another timeline tab) can offer to reload. A BroadcastChannel reaches every context of the extension's
 * origin (Chromium's service worker, Firefox's event page, extension pages) with no permission and no round trip
 * through the worker. The message says only that something changed; readers reload from IndexedDB, which stays
 * the one source of truth.
 */

export interface TimelineChange {
  kind: 'timeline-changed';
  /** The store's write counter after this write (rises by one per committed write). */
  writeCount: number;
  /** Articles this write added that were not stored before (0 for deletions, corrections, updates…). */
  newArticles: number;
  /** Which TimelineStore instance wrote: a page ignores its own writes (it reloads itself, without a notice). */
  origin: string;
}

/** One channel per database: tests (and any second database) do not hear each other. */
export function changeChannelName(databaseName: string): string {
  return `anl-timeline-changes:${databaseName}`;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * The message if it is one of ours, else null. Anything of the same origin can post on the channel (an older
 * version of the extension still running in a tab, a bug): a malformed message must not reach the page.
 */
export function parseChange(data: unknown): TimelineChange | null {
  if (typeof data !== 'object' || data === null) return null;
  const { kind, writeCount, newArticles, origin } = data as Record<string, unknown>;
  if (kind !== 'timeline-changed' || !isCount(writeCount) || !isCount(newArticles)) return null;
  if (typeof origin !== 'string' || origin.length === 0 || origin.length > 100) return null;
  return { kind, writeCount, newArticles, origin };
}

/**
 * Posts the change. Never throws: the write it follows has already committed, and a reader that misses the
 * notice still sees the change on its next load. A channel per message, closed at once (queued messages are
 * still delivered): the worker may be stopped at any moment, and an open channel would keep a Node test alive.
 */
export function announceChange(databaseName: string, change: TimelineChange): void {
  if (typeof BroadcastChannel === 'undefined') return;
  try {
    const channel = new BroadcastChannel(changeChannelName(databaseName));
    channel.postMessage(change);
    channel.close();
  } catch {
    // No channel (a context without it): the change is still in the database.
  }
}

/** Calls `onChange` for each valid change announced on the database's channel; the returned function closes it. */
export function listenForChanges(databaseName: string, onChange: (change: TimelineChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(changeChannelName(databaseName));
  channel.onmessage = (event: MessageEvent) => {
    const change = parseChange(event.data);
    if (change !== null) onChange(change);
  };
  return () => channel.close();
}
