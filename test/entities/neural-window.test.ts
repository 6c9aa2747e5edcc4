// The research window tagger (scripts/ner/neural/): its backpropagation must match finite
// differences (a wrong gradient still trains, just worse, so nothing else would show it), and
// training must repeat exactly for a fixed seed.
import { describe, expect, it } from 'vitest';
import { DENSE, EMBEDDINGS, INDICATORS, initParams, logProbs, lossAndGrad, ProjectedScorer, Scratch, Touched, zeroParams, type NetShape, type Params, type TokenInput } from '../../scripts/ner/neural/mlp';
import { ngramBuckets } from '../../scripts/ner/neural/inputs';
import { DEFAULT_SETTINGS, NeuralTagger, trainNet } from '../../scripts/ner/neural/train';

const shape: NetShape = { words: 6, ngramBuckets: 16, clusters: 4, shapes: 3, wordDim: 3, ngramDim: 2, clusterDim: 2, shapeDim: 2, hidden: 5 };

function token(word: number, ngrams: number[], cluster: number, shapeId: number, on: number[]): TokenInput {
  const indicators = new Float32Array(INDICATORS);
  for (const i of on) indicators[i] = 1;
  return { word, ngrams: Int32Array.from(ngrams), cluster, shape: shapeId, indicators };
}

const sentence: TokenInput[] = [
  token(2, [1, 3, 5], 1, 0, [1]),
  token(3, [2, 3], 2, 1, [4, 13]),
  token(1, [7, 8, 9, 10], 0, 2, []),
  token(4, [3], 3, 0, [18]),
];
const gold = Uint8Array.from([0, 1, 2, 0]);

function loss(p: Params): number {
  return lossAndGrad(shape, p, sentence, gold, zeroParams(shape), new Touched(shape), new Scratch());
}

describe('neural window tagger', () => {
  it('has gradients equal to finite differences', () => {
    const p = initParams(shape, 3);
    // Move the biases off zero so no ReLU sits exactly at its kink.
    for (let h = 0; h < shape.hidden; h++) p.b1[h] = 0.05 * (h + 1);
    const grad = zeroParams(shape);
    lossAndGrad(shape, p, sentence, gold, grad, new Touched(shape), new Scratch());
    const eps = 1e-2;
    let checked = 0;
    for (const name of [...EMBEDDINGS, ...DENSE]) {
      const w = p[name];
      for (let i = 0; i < w.length; i += name === 'W1' ? 7 : 1) {
        if (name === 'Ew' && i < shape.wordDim) continue; // padding row: fixed at zero
        const keep = w[i]!;
        w[i] = keep + eps;
        const up = loss(p);
        w[i] = keep - eps;
        const down = loss(p);
        w[i] = keep;
        const numeric = (up - down) / (2 * eps);
        expect(grad[name][i]!, `${name}[${i}]`).toBeCloseTo(numeric, 2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('trains to the same weights and tags for a fixed seed', () => {
    const data = [{ tokens: sentence, gold }, { tokens: sentence.slice(1), gold: gold.slice(1) }];
    const settings = { ...DEFAULT_SETTINGS, epochs: 3, batchSentences: 1, seed: 5 };
    const a = trainNet(shape, data, settings);
    const b = trainNet(shape, data, settings);
    for (const name of [...EMBEDDINGS, ...DENSE]) expect(Array.from(a[name])).toEqual(Array.from(b[name]));
    const c = trainNet(shape, data, { ...settings, seed: 6 });
    expect(Array.from(c.W1)).not.toEqual(Array.from(a.W1));
    const tags = new NeuralTagger(shape, a).decode(sentence);
    expect(Array.from(tags)).toEqual(Array.from(new NeuralTagger(shape, b).decode(sentence)));
  });

  it('gives the same log-probabilities with the cached first layer as with the plain forward pass', () => {
    const p = initParams(shape, 9);
    const plain = new Float32Array(sentence.length * 9);
    const cached = new Float32Array(sentence.length * 9);
    logProbs(shape, p, sentence, new Scratch(), plain);
    const scorer = new ProjectedScorer(shape, p);
    scorer.logProbs(sentence, cached);
    scorer.logProbs(sentence, cached); // second call reads the cache
    for (let i = 0; i < plain.length; i++) expect(cached[i]!).toBeCloseTo(plain[i]!, 5);
  });

  it('hashes the n-grams (2–4) of ^core$ into the table', () => {
    const g = ngramBuckets('بغداد', 1 << 16);
    // ^بغداد$ has 7 characters: 6 bigrams, 5 trigrams, 4 four-grams.
    expect(g.length).toBe(15);
    expect(Array.from(g)).toEqual(Array.from(ngramBuckets('بغداد', 1 << 16)));
    for (const b of g) expect(b).toBeLessThan(1 << 16);
  });
});
