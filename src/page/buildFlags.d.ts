/** Replaced at build time by vite.config.ts: true only in the end-to-end test variant (dist-e2e/). */
declare const __ANL_E2E__: boolean;
