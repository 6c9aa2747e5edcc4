/**
 * Hears when the timeline changes elsewhere (articles read in other tabs, a deletion or import in another
 * timeline tab) and gathers bursts into one pending notice: reading five articles in a row gives one
 * "The timeline has changed (5 new articles)", not five announcements for a screen reader to read out.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TimelineChange, TimelineDataSource } from './dataSource';

/** What changed since the page last loaded. */
export interface PendingChanges {
  /** Writes heard (each a committed transaction). */
  writes: number;
  newArticles: number;
}

/** Quiet time before a burst is reported, and the longest a steady stream of writes may hold the notice back. */
export const CHANGE_QUIET_MS = 500;
export const CHANGE_MAX_WAIT_MS = 3000;

export interface ChangeBatcher {
  add(change: TimelineChange): void;
  /** Forgets what was gathered and not yet reported (the page reloaded anyway). */
  reset(): void;
  dispose(): void;
}

/**
 * Sums changes and reports them once the writes stop for `quietMs` (or `maxWaitMs` after the first, so a long
 * import still shows up). Separate from the hook so the timing can be tested with fake timers.
 */
export function createChangeBatcher(report: (batch: PendingChanges) => void, quietMs = CHANGE_QUIET_MS, maxWaitMs = CHANGE_MAX_WAIT_MS): ChangeBatcher {
  let batch: PendingChanges | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;
  const flush = () => {
    timer = undefined;
    if (batch === null) return;
    const done = batch;
    batch = null;
    report(done);
  };
  const reset = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    batch = null;
  };
  return {
    add(change) {
      const now = Date.now();
      if (batch === null) {
        batch = { writes: 0, newArticles: 0 };
        firstAt = now;
      }
      batch.writes += 1;
      batch.newArticles += change.newArticles;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
    },
    reset,
    dispose: reset,
  };
}

/**
 * The changes heard since the last `clear()`, or null. Listens while mounted (closing the channel on unmount,
 * and so on unload) when the source can report changes at all.
 */
export function useTimelineChanges(source: TimelineDataSource): { pending: PendingChanges | null; clear: () => void } {
  const [pending, setPending] = useState<PendingChanges | null>(null);
  const batcher = useRef<ChangeBatcher | null>(null);

  useEffect(() => {
    if (source.watchChanges === undefined) return undefined;
    const current = createChangeBatcher((batch) =>
      setPending((before) => (before === null ? batch : { writes: before.writes + batch.writes, newArticles: before.newArticles + batch.newArticles })),
    );
    batcher.current = current;
    const watch = source.watchChanges.bind(source);
    let stop: (() => void) | null = watch((change) => current.add(change));
    // Unload: Preact does not unmount then, so the channel is closed here. A page kept in the back/forward cache
    // and shown again listens again (what changed meanwhile is on screen only after a reload: the reader's call).
    const onPageHide = () => {
      stop?.();
      stop = null;
    };
    const onPageShow = (event: Event) => {
      if ((event as PageTransitionEvent).persisted && stop === null) stop = watch((change) => current.add(change));
    };
    globalThis.addEventListener?.('pagehide', onPageHide);
    globalThis.addEventListener?.('pageshow', onPageShow);
    return () => {
      globalThis.removeEventListener?.('pagehide', onPageHide);
      globalThis.removeEventListener?.('pageshow', onPageShow);
      onPageHide();
      current.dispose();
      if (batcher.current === current) batcher.current = null;
    };
  }, [source]);

  const clear = useCallback(() => {
    batcher.current?.reset();
    setPending(null);
  }, []);

  return { pending, clear };
}
