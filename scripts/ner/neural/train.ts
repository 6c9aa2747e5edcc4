/**
 * Training loop of the window tagger (mlp.ts): seeded shuffles, mini-batches of sentences,
 * dropout; deterministic for a given seed and data.
 */
import { seededRandom } from '../../../src/nlp/entities/hash';
import { LABEL_COUNT } from '../../../src/nlp/entities/labels';
import { constrain, Decoder } from '../../../src/nlp/entities/viterbi';
import { initParams, logProbs, lossAndGrad, Optimiser, ProjectedScorer, Scratch, Touched, zeroParams, type NetShape, type Params, type TokenInput } from './mlp';

export interface Example {
  tokens: TokenInput[];
  gold: Uint8Array;
}

export interface TrainSettings {
  seed: number;
  epochs: number;
  batchSentences: number;
  hiddenDropout: number;
  wordDropout: number;
  denseRate: number;
  embeddingRate: number;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  seed: 1,
  epochs: 8,
  batchSentences: 8,
  hiddenDropout: 0.3,
  wordDropout: 0.2,
  denseRate: 1e-3,
  embeddingRate: 0.05,
};

export interface EpochLog {
  epoch: number;
  loss: number;
  seconds: number;
}

export function trainNet(shape: NetShape, data: readonly Example[], settings: TrainSettings, log?: (e: EpochLog) => void): Params {
  const p = initParams(shape, settings.seed);
  const grad = zeroParams(shape);
  const touched = new Touched(shape);
  const scratch = new Scratch();
  const optimiser = new Optimiser(shape, { denseRate: settings.denseRate, embeddingRate: settings.embeddingRate });
  const random = seededRandom(settings.seed * 7919 + 13);
  const noise = { hiddenDropout: settings.hiddenDropout, wordDropout: settings.wordDropout, random };
  const order = data.map((_, i) => i);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const t0 = performance.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    let tokens = 0;
    // Gradients are summed over a batch of sentences and applied as a per-token mean.
    let inBatch = 0;
    for (let k = 0; k < order.length; k++) {
      const ex = data[order[k]!]!;
      if (ex.tokens.length > 0) {
        loss += lossAndGrad(shape, p, ex.tokens, ex.gold, grad, touched, scratch, noise);
        tokens += ex.tokens.length;
        inBatch += ex.tokens.length;
      }
      if (inBatch > 0 && ((k + 1) % settings.batchSentences === 0 || k === order.length - 1)) {
        optimiser.apply(p, grad, touched, inBatch);
        inBatch = 0;
      }
    }
    log?.({ epoch, loss: loss / Math.max(1, tokens), seconds: (performance.now() - t0) / 1000 });
  }
  return p;
}

/**
 * Constrained Viterbi over the network's log-probabilities (IOB2 rules, no learned transitions).
 * `projected`: score with ProjectedScorer (per-word cached first layer) rather than the plain
 * forward pass; the same numbers up to float rounding, far cheaper per token.
 */
export class NeuralTagger {
  private readonly decoder: Decoder;
  private readonly scratch = new Scratch();
  private readonly projected: ProjectedScorer | undefined;
  private buffer = new Float64Array(0);

  constructor(
    readonly shape: NetShape,
    readonly params: Params,
    projected = false,
  ) {
    const c = constrain(new Float32Array(LABEL_COUNT * LABEL_COUNT), new Float32Array(LABEL_COUNT));
    this.decoder = new Decoder(c.transitions, c.start);
    this.projected = projected ? new ProjectedScorer(shape, params) : undefined;
  }

  private logProbs(tokens: readonly TokenInput[], out: Float32Array | Float64Array): void {
    if (this.projected) this.projected.logProbs(tokens, out);
    else logProbs(this.shape, this.params, tokens, this.scratch, out);
  }

  /** Label log-probabilities of a sentence (a new array, n × LABEL_COUNT). */
  scores(tokens: readonly TokenInput[]): Float32Array {
    const out = new Float32Array(tokens.length * LABEL_COUNT);
    this.logProbs(tokens, out);
    return out;
  }

  decode(tokens: readonly TokenInput[]): Uint8Array {
    const n = tokens.length;
    if (this.buffer.length < n * LABEL_COUNT) this.buffer = new Float64Array(Math.max(n, 256) * LABEL_COUNT);
    this.logProbs(tokens, this.buffer);
    return this.decoder.decode(this.buffer, n);
  }
}
