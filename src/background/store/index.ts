/** The background worker's timeline store: open it with `TimelineStore.open(indexedDB)`. */
export { TimelineStore, type TimelineStoreOptions, type ExportQuery, type ImportResult } from './store';
export type * from './api';
export type { IngestResult } from './engine';
export type { IngestOptions } from './validate';
export { StoreError, type StoreErrorCode } from './errors';
export type { CorrectionRule } from './records';
export type { FullExport, TimelineJsDocument, TimelineJsEvent, TimelineJsDate } from './exchange';
export { EXPORT_FORMAT, EXPORT_VERSION } from './exchange';
export { DB_NAME, CURRENT_VERSION } from './schema';
export { changeChannelName, parseChange, type TimelineChange } from './changes';
