/**
 * Named-actor recognition (issue 4): an averaged-perceptron IOB2 tagger over hashed features
 * (model.ts, features.ts), GROUP rules and clitic-free mentions (mentions.ts), and actor
 * grouping with roles (actors.ts). Pure TypeScript: runs in the worker, the page, Node tests
 * and the CLI. The model file is loaded by the caller (fetch → ArrayBuffer in the worker,
 * src/cli/loadModel.ts in Node) and parsed once with `parseNerModel`.
 */
import { NerModel } from './model';

export { NerModel, parseNerModel, fallbackModel, ModelFormatError, MODEL_MAGIC } from './model';
export { recogniseActors } from './actors';
export { findMentions, type Mention } from './mentions';
export { LABELS } from './labels';

/** IOB2 tags (PERS/ORG/LOC/MISC, ANERcorp labels; groups are ORG here) for one sentence of given tokens. */
export function tagTokens(model: NerModel, tokens: string[]): string[] {
  return model.tag(tokens);
}

/** Path of the shipped model inside the extension (and under public/ in the repo). */
export const NER_MODEL_FILE = 'models/ner-model.bin';
