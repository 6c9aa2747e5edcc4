/** Constrained Viterbi decoding over per-token label scores: the best IOB2-valid label sequence. */
import { allowedStart, allowedTransition, LABEL_COUNT } from './labels';

const FORBIDDEN = -1e30;

/** Transition scores with invalid IOB2 moves forbidden; `start` likewise for the first label. */
export function constrain(transitions: Float32Array, start: Float32Array): { transitions: Float64Array; start: Float64Array } {
  const L = LABEL_COUNT;
  const t = new Float64Array(L * L);
  const s = new Float64Array(L);
  for (let a = 0; a < L; a++) {
    s[a] = allowedStart(a) ? start[a]! : FORBIDDEN;
    for (let b = 0; b < L; b++) t[a * L + b] = allowedTransition(a, b) ? transitions[a * L + b]! : FORBIDDEN;
  }
  return { transitions: t, start: s };
}

/**
 * Back-pointer rows kept between calls: sentences up to this many tokens decode without
 * allocating scratch; a longer one gets a buffer of its own that is dropped afterwards, so
 * one huge "sentence" does not pin its memory.
 */
const KEPT_BACK_TOKENS = 4096;

/**
 * A decoder for fixed transition scores: the predecessor lists are worked out once, and the
 * score and back-pointer buffers are reused from call to call (the tagger decodes thousands
 * of sentences with one model).
 */
export class Decoder {
  private readonly from = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  /** The transition score of each entry of `from` (a → b), side by side with it: no index arithmetic per candidate. */
  private readonly fromScore = new Float64Array(LABEL_COUNT * LABEL_COUNT);
  private readonly fromCount = new Uint8Array(LABEL_COUNT);
  private prev = new Float64Array(LABEL_COUNT);
  private cur = new Float64Array(LABEL_COUNT);
  private back = new Uint8Array(0);

  constructor(
    transitions: Float64Array,
    private readonly start: Float64Array,
  ) {
    const L = LABEL_COUNT;
    // Predecessors worth trying for each label, in index order: a forbidden move (−1e30) never
    // beats an allowed one, so skipping it (most of the I- columns) changes no result.
    for (let b = 0; b < L; b++) {
      for (let a = 0; a < L; a++) if (transitions[a * L + b]! > FORBIDDEN / 2) this.from[b * L + this.fromCount[b]!++] = a;
      if (this.fromCount[b] === 0) for (let a = 0; a < L; a++) this.from[b * L + this.fromCount[b]!++] = a;
      for (let k = 0; k < this.fromCount[b]!; k++) this.fromScore[b * L + k] = transitions[this.from[b * L + k]! * L + b]!;
    }
  }

  /** `emissions` is n × LABEL_COUNT, row-major. Returns one label index per token (a new array). */
  decode(emissions: Float32Array | Float64Array, n: number): Uint8Array {
    const L = LABEL_COUNT;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    let back = this.back;
    if (back.length < n * L) {
      back = new Uint8Array(Math.max(n, 64) * L);
      if (n <= KEPT_BACK_TOKENS) this.back = back;
    }
    const { start, from, fromScore, fromCount } = this;
    let prev = this.prev;
    let cur = this.cur;
    for (let b = 0; b < L; b++) prev[b] = start[b]! + emissions[b]!;
    for (let i = 1; i < n; i++) {
      const row = i * L;
      for (let b = 0; b < L; b++) {
        // The first candidate starts the running best (every label has at least one); later
        // ones replace it only when strictly better, so ties keep the lowest label as before.
        const column = b * L;
        let arg = from[column]!;
        let best = prev[arg]! + fromScore[column]!;
        for (let k = 1, m = fromCount[b]!; k < m; k++) {
          const a = from[column + k]!;
          const v = prev[a]! + fromScore[column + k]!;
          if (v > best) {
            best = v;
            arg = a;
          }
        }
        cur[b] = best + emissions[row + b]!;
        back[row + b] = arg;
      }
      const swap = prev;
      prev = cur;
      cur = swap;
    }
    let arg = 0;
    for (let b = 1; b < L; b++) if (prev[b]! > prev[arg]!) arg = b;
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) {
      arg = back[i * L + arg]!;
      out[i - 1] = arg;
    }
    return out;
  }
}

/** `emissions` is n × LABEL_COUNT, row-major. Returns one label index per token. */
export function viterbi(emissions: Float32Array | Float64Array, n: number, transitions: Float64Array, start: Float64Array): Uint8Array {
  return new Decoder(transitions, start).decode(emissions, n);
}
