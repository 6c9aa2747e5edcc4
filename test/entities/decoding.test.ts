import { describe, expect, it } from 'vitest';
import { allowedTransition, isInside, LABEL_COUNT, LABELS, labelIndex, spansFromLabelIndices, spansFromLabels } from '../../src/nlp/entities/labels';
import { constrain, viterbi } from '../../src/nlp/entities/viterbi';
import { seededRandom } from '../../src/nlp/entities/hash';

function isValidIob2(labels: string[]): boolean {
  return labels.every((l, i) => !l.startsWith('I-') || (i > 0 && labels[i - 1]!.slice(2) === l.slice(2) && labels[i - 1] !== 'O'));
}

describe('constrained Viterbi', () => {
  it('never outputs an invalid IOB2 sequence, whatever the scores', () => {
    const random = seededRandom(1);
    const transitions = new Float32Array(LABEL_COUNT * LABEL_COUNT);
    const start = new Float32Array(LABEL_COUNT);
    const c = constrain(transitions, start);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 12);
      const emissions = new Float32Array(n * LABEL_COUNT);
      // Inside labels get the highest scores, so an unconstrained decoder would pick them.
      for (let i = 0; i < emissions.length; i++) emissions[i] = random() + (isInside(i % LABEL_COUNT) ? 5 : 0);
      const labels = Array.from(viterbi(emissions, n, c.transitions, c.start), (l) => LABELS[l]!);
      expect(isValidIob2(labels)).toBe(true);
    }
  });

  it('finds the best path when it is valid', () => {
    const n = 3;
    const emissions = new Float32Array(n * LABEL_COUNT);
    emissions[0 * LABEL_COUNT + labelIndex('B-PERS')] = 3;
    emissions[1 * LABEL_COUNT + labelIndex('I-PERS')] = 3;
    emissions[2 * LABEL_COUNT + labelIndex('O')] = 3;
    const c = constrain(new Float32Array(LABEL_COUNT * LABEL_COUNT), new Float32Array(LABEL_COUNT));
    expect(Array.from(viterbi(emissions, n, c.transitions, c.start), (l) => LABELS[l])).toEqual(['B-PERS', 'I-PERS', 'O']);
  });

  it('handles an empty sentence', () => {
    const c = constrain(new Float32Array(LABEL_COUNT * LABEL_COUNT), new Float32Array(LABEL_COUNT));
    expect(viterbi(new Float32Array(0), 0, c.transitions, c.start)).toHaveLength(0);
  });
});

describe('labels', () => {
  it('allows I-X only after B-X or I-X', () => {
    expect(allowedTransition(labelIndex('B-LOC'), labelIndex('I-LOC'))).toBe(true);
    expect(allowedTransition(labelIndex('I-LOC'), labelIndex('I-LOC'))).toBe(true);
    expect(allowedTransition(labelIndex('O'), labelIndex('I-LOC'))).toBe(false);
    expect(allowedTransition(labelIndex('B-ORG'), labelIndex('I-LOC'))).toBe(false);
  });

  it('reads spans with conlleval rules (a stray I- starts a span)', () => {
    expect(spansFromLabels(['B-PERS', 'I-PERS', 'O', 'I-LOC', 'B-LOC', 'I-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PERS' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
  });

  it('reads the same spans from label indices as from label strings (the tagger’s fast path)', () => {
    const random = seededRandom(11);
    for (let n = 0; n < 2000; n++) {
      // Unconstrained sequences, stray I- labels included, as conlleval rules must handle them.
      const indices = Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * LABEL_COUNT));
      expect(spansFromLabelIndices(Uint8Array.from(indices))).toEqual(spansFromLabels(indices.map((l) => LABELS[l]!)));
    }
    expect(spansFromLabelIndices([labelIndex('I-ORG'), labelIndex('I-ORG'), labelIndex('I-LOC')])).toEqual([
      { start: 0, end: 2, type: 'ORG' },
      { start: 2, end: 3, type: 'LOC' },
    ]);
  });
});
