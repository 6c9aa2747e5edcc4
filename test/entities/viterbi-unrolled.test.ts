import { describe, expect, it } from 'vitest';
import { allowedStart, allowedTransition, LABEL_COUNT } from '../../src/nlp/entities/labels';
import { constrain, Decoder } from '../../src/nlp/entities/viterbi';
import { seededRandom } from '../../src/nlp/entities/hash';

/**
 * The plain definition of constrained Viterbi: every allowed predecessor in index order, the
 * first one starting the running best and later ones replacing it only when strictly better.
 */
function plainViterbi(emissions: Float64Array, n: number, t: Float64Array, s: Float64Array): number[] {
  const L = LABEL_COUNT;
  if (n === 0) return [];
  let prev = Array.from({ length: L }, (_, b) => s[b]! + emissions[b]!);
  const back: number[][] = [];
  for (let i = 1; i < n; i++) {
    const cur: number[] = [];
    const ptr: number[] = [];
    for (let b = 0; b < L; b++) {
      let best = -Infinity;
      let arg = -1;
      for (let a = 0; a < L; a++) {
        if (!allowedTransition(a, b)) continue;
        const v = prev[a]! + t[a * L + b]!;
        if (arg < 0 || v > best) {
          best = v;
          arg = a;
        }
      }
      cur.push(best + emissions[i * L + b]!);
      ptr.push(arg);
    }
    back.push(ptr);
    prev = cur;
  }
  let arg = 0;
  for (let b = 1; b < L; b++) if (prev[b]! > prev[arg]!) arg = b;
  const out = [arg];
  for (let i = n - 1; i > 0; i--) {
    arg = back[i - 1]![arg]!;
    out.unshift(arg);
  }
  return out;
}

describe('Viterbi decoder (unrolled forward pass)', () => {
  it('gives the labels of the plain definition, ties included', () => {
    const random = seededRandom(7);
    const L = LABEL_COUNT;
    for (let trial = 0; trial < 400; trial++) {
      // Small integer scores make ties frequent; fractional ones exercise ordinary comparisons.
      const integral = trial % 2 === 0;
      const value = (): number => (integral ? Math.floor(random() * 4) - 2 : (random() - 0.5) * 10);
      const transitions = Float32Array.from({ length: L * L }, value);
      const start = Float32Array.from({ length: L }, (_, b) => (allowedStart(b) ? value() : 0));
      const c = constrain(transitions, start);
      const decoder = new Decoder(c.transitions, c.start);
      const n = trial % 50 === 0 ? 0 : 1 + Math.floor(random() * 30);
      const emissions = Float64Array.from({ length: n * L }, value);
      expect(Array.from(decoder.decode(emissions, n))).toEqual(plainViterbi(emissions, n, c.transitions, c.start));
    }
  });
});
