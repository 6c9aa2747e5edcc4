/** Cheap self-measurement for the benchmark: how long starting took and what a hover hit-test costs. */

export interface LensStats {
  /** From startLens being called to highlights registered, in ms. */
  startupMs: number;
  mentions: number;
  /** Hit-tests measured (one per animation frame with pointer movement; only the latest 256 are kept). */
  hitTests: number;
  /** Median of the kept hit-test times, in ms; null before the first. */
  hitTestMedianMs: number | null;
}

const KEPT_SAMPLES = 256;

export class HitTestTimer {
  private readonly samples: number[] = [];
  private count = 0;

  constructor(private readonly now: () => number) {}

  time<T>(work: () => T): T {
    const started = this.now();
    try {
      return work();
    } finally {
      this.samples[this.count % KEPT_SAMPLES] = this.now() - started;
      this.count++;
    }
  }

  get measured(): number {
    return this.count;
  }

  median(): number | null {
    if (this.samples.length === 0) return null;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  }
}

export function monotonicNow(view: (Window & typeof globalThis) | null): () => number {
  const performance = view?.performance;
  return performance && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();
}
