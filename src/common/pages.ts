/**
 * Paths of extension pages inside the built package. The build (vite.config.ts) adds the timeline page as an
 * input at exactly this path, and the worker and the popup open it from here: one constant, so they cannot drift.
 * Kept in a module of its own so the popup can import it without loading the worker's code.
 */
export const TIMELINE_PAGE = 'src/ui/timeline/index.html';
