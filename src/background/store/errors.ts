/**
 * Every failure the store reports to its callers is a StoreError with a machine-readable code,
 * so the worker can map it to a message for the reader (e.g. "storage is full") without parsing text.
 */
export type StoreErrorCode =
  /** The page is not an Arabic news article: nothing was stored. */
  | 'not-article'
  /** The input has the wrong shape; `message` says which field and why. */
  | 'invalid-input'
  /** An import file that is not ours, truncated, or of an unknown version. */
  | 'invalid-import'
  /** The browser refused to store more (QuotaExceededError); what was stored before is kept. */
  | 'quota'
  /** The article or actor asked for does not exist. */
  | 'not-found'
  /** The database could not be opened or a transaction failed for another reason. */
  | 'storage';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isQuotaError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const name = (err as { name?: unknown }).name;
  // Firefox has reported quota failures as NS_ERROR_DOM_QUOTA_REACHED in some versions.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Wraps any low-level failure of a write into a StoreError, keeping StoreErrors as they are. */
export function toStoreError(err: unknown, action: string): StoreError {
  if (err instanceof StoreError) return err;
  if (isQuotaError(err)) {
    return new StoreError(
      'quota',
      `Storage is full: could not ${action}. Nothing stored before was lost; delete old articles or free disk space.`,
      { cause: err },
    );
  }
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new StoreError('storage', `Could not ${action} (${detail}). Nothing stored before was changed.`, { cause: err });
}
