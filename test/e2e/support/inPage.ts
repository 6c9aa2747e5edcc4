/**
 * Bundled by support/bundle.ts and evaluated in one of the extension's own pages, where it sets `globalThis.anl`:
 * the store's code, run against the extension's real IndexedDB (the same origin, so the very database the worker
 * uses). Tests and the browser benchmark use it to write a version-1 database, to fill or inspect the timeline, and
 * to feed the store input that no page could produce. Nothing here ships in the extension.
 */
import { CURRENT_VERSION, DB_NAME, TimelineStore } from '../../../src/background/store';
import { openTimelineDB } from '../../../src/background/store/schema';
import { makeGenerator } from '../../../scripts/bench/history';
import { normalizeArabic } from '../../../src/nlp/text/normalize';
import { openDB } from 'idb';

export const anl = { TimelineStore, openTimelineDB, DB_NAME, CURRENT_VERSION, makeGenerator, normalizeArabic, openDB };
export type InPage = typeof anl;

(globalThis as { anl?: InPage }).anl = anl;
