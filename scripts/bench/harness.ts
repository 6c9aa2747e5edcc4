/**
 * Benchmark harness for `npm run bench`. Timings are medians over repeated runs, and every
 * figure that matters is reported as a ratio against a baseline measured side by side in the
 * same process, so a slower or busier machine changes both sides alike.
 */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Optional work count per run (tokens, pages, expressions) for a throughput figure. */
  unitsPerRun?: number;
  unit?: string;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  unitsPerRun?: number;
  unit?: string;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Promise<Measurement> {
  const runs = options.runs ?? 15;
  for (let i = 0; i < (options.warmup ?? 2); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarise(name, times, options);
}

function summarise(name: string, times: number[], options: MeasureOptions): Measurement {
  return {
    name,
    runs: times.length,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    unitsPerRun: options.unitsPerRun,
    unit: options.unit,
  };
}

/**
 * Runs candidate and baseline interleaved (A B A B …) so drift in machine load hits both,
 * and reports the ratio of medians (candidate / baseline: below 1 means the candidate is faster).
 */
export async function compare(
  candidate: { name: string; fn: () => unknown },
  baseline: { name: string; fn: () => unknown },
  options: MeasureOptions = {},
): Promise<{ candidate: Measurement; baseline: Measurement; ratio: number }> {
  const runs = options.runs ?? 15;
  for (let i = 0; i < (options.warmup ?? 2); i++) {
    await candidate.fn();
    await baseline.fn();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await candidate.fn();
    a.push(performance.now() - t0);
    t0 = performance.now();
    await baseline.fn();
    b.push(performance.now() - t0);
  }
  return { candidate: summarise(candidate.name, a, options), baseline: summarise(baseline.name, b, options), ratio: median(a) / median(b) };
}

export function formatMeasurement(m: Measurement): string {
  const rate =
    m.unitsPerRun && m.medianMs > 0
      ? `  ${Math.round((m.unitsPerRun / m.medianMs) * 1000).toLocaleString('en')} ${m.unit ?? 'units'}/s`
      : '';
  return `${m.name.padEnd(48)} median ${m.medianMs.toFixed(3).padStart(10)} ms  (min ${m.minMs.toFixed(3)}, max ${m.maxMs.toFixed(3)}, n=${m.runs})${rate}`;
}

export function report(title: string, lines: string[]): void {
  process.stdout.write(`\n## ${title}\n${lines.join('\n')}\n`);
}

export function formatComparison(r: { candidate: Measurement; baseline: Measurement; ratio: number }): string[] {
  return [
    formatMeasurement(r.candidate),
    formatMeasurement(r.baseline),
    `${'ratio'.padEnd(48)} ${r.ratio.toFixed(3)}× (${r.candidate.name} / ${r.baseline.name}, medians)`,
  ];
}

/** A benchmark suite: a file in scripts/bench/ exports `suite`. */
export interface BenchSuite {
  name: string;
  /** Returns a reason to skip (e.g. ../shared absent), or undefined to run. */
  skip?: () => string | undefined;
  run(): Promise<void>;
}
