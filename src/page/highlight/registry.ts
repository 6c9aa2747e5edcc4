/**
 * Where highlight ranges go. In the browser that is the document's `CSS.highlights` registry; tests (happy-dom has
 * no Custom Highlight API) pass their own sink. Production code always asks `nativeHighlightSink` first.
 */

export interface HighlightSink {
  /** Replaces the highlight called `name` with these ranges. */
  set(name: string, ranges: readonly Range[]): void;
  delete(name: string): void;
}

/** The Custom Highlight API of this window, or null when the engine has none (the feature then steps aside). */
export function nativeHighlightSink(win: (Window & typeof globalThis) | null): HighlightSink | null {
  try {
    const highlights = win?.CSS?.highlights;
    const HighlightConstructor = win?.Highlight;
    if (!highlights || typeof HighlightConstructor !== 'function') return null;
    return {
      set(name, ranges) {
        highlights.set(name, new HighlightConstructor(...ranges));
      },
      delete(name) {
        highlights.delete(name);
      },
    };
  } catch {
    return null;
  }
}
