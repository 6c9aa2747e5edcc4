/**
 * Lap timing for the benchmark's breakdown of one analysis into its parts. The analysis path
 * takes an optional stopwatch: without one (the extension, the CLI) nothing is timed, so the
 * breakdown costs nothing where nobody reads it.
 */

/** Milliseconds per named part, summed over laps. */
export type PartTimes = Record<string, number>;

export class Stopwatch {
  readonly parts: PartTimes = {};
  private last = now();

  /** Starts a new lap without charging the time since the last one to any part. */
  reset(): void {
    this.last = now();
  }

  /** Charges the time since the last lap (or reset) to `part`. */
  lap(part: string): void {
    const t = now();
    this.parts[part] = (this.parts[part] ?? 0) + (t - this.last);
    this.last = t;
  }
}

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
