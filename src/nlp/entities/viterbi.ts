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
  private prev: Float64Array = new Float64Array(LABEL_COUNT);
  private cur: Float64Array = new Float64Array(LABEL_COUNT);
  private back = new Uint8Array(0);
  /** The labels of each kind for `forwardUnrolled`, or undefined when the constraints have another shape. */
  private readonly unrolled: UnrolledPlan | undefined;

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
    this.unrolled = unrolledPlan(this.from, this.fromCount);
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
    if (this.unrolled) {
      prev = this.forwardUnrolled(this.unrolled, emissions, n, back);
    } else for (let i = 1; i < n; i++) {
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

  /**
   * The forward pass of `decode` for the usual constraints (LABEL_COUNT 9; every label reachable
   * from all labels or from exactly two): the same additions and strict comparisons in the same
   * order, so the same scores, ties and back-pointers, but the nine candidates of an open label
   * are written out with the previous scores in locals instead of read through the predecessor
   * list, one indexed load each. Returns the buffer holding the last token's scores.
   */
  private forwardUnrolled(plan: UnrolledPlan, emissions: Float32Array | Float64Array, n: number, back: Uint8Array): Float64Array {
    const { fromScore, from } = this;
    const { open, paired } = plan;
    let prev = this.prev;
    let cur = this.cur;
    for (let i = 1; i < n; i++) {
      const row = i * 9;
      const p0 = prev[0]!, p1 = prev[1]!, p2 = prev[2]!, p3 = prev[3]!, p4 = prev[4]!, p5 = prev[5]!, p6 = prev[6]!, p7 = prev[7]!, p8 = prev[8]!;
      for (let q = 0; q < open.length; q++) {
        const b = open[q]!;
        const c = b * 9;
        let best = p0 + fromScore[c]!;
        let arg = 0;
        let v = p1 + fromScore[c + 1]!;
        if (v > best) {
          best = v;
          arg = 1;
        }
        v = p2 + fromScore[c + 2]!;
        if (v > best) {
          best = v;
          arg = 2;
        }
        v = p3 + fromScore[c + 3]!;
        if (v > best) {
          best = v;
          arg = 3;
        }
        v = p4 + fromScore[c + 4]!;
        if (v > best) {
          best = v;
          arg = 4;
        }
        v = p5 + fromScore[c + 5]!;
        if (v > best) {
          best = v;
          arg = 5;
        }
        v = p6 + fromScore[c + 6]!;
        if (v > best) {
          best = v;
          arg = 6;
        }
        v = p7 + fromScore[c + 7]!;
        if (v > best) {
          best = v;
          arg = 7;
        }
        v = p8 + fromScore[c + 8]!;
        if (v > best) {
          best = v;
          arg = 8;
        }
        cur[b] = best + emissions[row + b]!;
        back[row + b] = arg;
      }
      for (let q = 0; q < paired.length; q++) {
        const b = paired[q]!;
        const c = b * 9;
        const a0 = from[c]!;
        const a1 = from[c + 1]!;
        let best = prev[a0]! + fromScore[c]!;
        let arg = a0;
        const v = prev[a1]! + fromScore[c + 1]!;
        if (v > best) {
          best = v;
          arg = a1;
        }
        cur[b] = best + emissions[row + b]!;
        back[row + b] = arg;
      }
      const swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev;
  }
}

/** Labels open to every predecessor (listed 0 … 8) and labels with exactly two predecessors. */
interface UnrolledPlan {
  open: Uint8Array;
  paired: Uint8Array;
}

/** The plan for `forwardUnrolled`, when the predecessor lists allow it. */
function unrolledPlan(from: Uint8Array, fromCount: Uint8Array): UnrolledPlan | undefined {
  const L = LABEL_COUNT;
  if (L !== 9) return undefined;
  const open: number[] = [];
  const paired: number[] = [];
  for (let b = 0; b < L; b++) {
    const m = fromCount[b]!;
    if (m === 2) paired.push(b);
    else if (m === L && from.subarray(b * L, b * L + L).every((a, k) => a === k)) open.push(b);
    else return undefined;
  }
  return { open: Uint8Array.from(open), paired: Uint8Array.from(paired) };
}

/** `emissions` is n × LABEL_COUNT, row-major. Returns one label index per token. */
export function viterbi(emissions: Float32Array | Float64Array, n: number, transitions: Float64Array, start: Float64Array): Uint8Array {
  return new Decoder(transitions, start).decode(emissions, n);
}
