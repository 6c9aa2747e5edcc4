/**
 * Everything this feature does runs inside someone else's page. A page may override DOM prototypes, remove our
 * nodes or throw from its own listeners; none of that may turn into an exception in the page's console.
 * Every entry point that the browser or the content script calls goes through `quietly`.
 */

const LOG_PREFIX = '[arabic-news-lens]';

/** Runs `work`; on an exception, logs one line and returns `fallback` instead of throwing. */
export function quietly<T>(what: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    reportQuietly(what, error);
    return fallback;
  }
}

/** Logs in the extension's name only; the log itself must not throw (a page can replace console.debug). */
export function reportQuietly(what: string, error: unknown): void {
  try {
    console.debug(`${LOG_PREFIX} ${what}:`, error instanceof Error ? error.message : String(error));
  } catch {
    // Nothing left to do without disturbing the page.
  }
}
