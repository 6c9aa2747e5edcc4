/**
 * Named-actor recognition (issue 4): an averaged-perceptron IOB2 tagger over hashed features
 * (model.ts, features.ts), GROUP rules and clitic-free mentions (mentions.ts), and actor
 * grouping with roles (actors.ts). Pure TypeScript: runs in the worker, the page, Node tests
 * and the CLI. The model file is loaded by the caller (fetch → ArrayBuffer in the worker,
 * src/cli/loadModel.ts in Node) and parsed once with `parseNerModel`; public/models/MODEL_CARD.md
 * documents the file.
 *
 * GROUP (armed or political groups, factions, movements) is not a tagger label; an actor is a
 * GROUP when (mentions.ts):
 * - an ORG mention is headed by a group word (حركة، جماعة، حزب، فصائل، ميليشيا، كتائب، تنظيم …);
 * - an ORG mention is one word that the unlabeled text shows after such words (mined, e.g. حماس),
 *   or a plural gentilic with the article that is no country's people (الحوثيون);
 * - a faction word (فصائل، ميليشيات، جماعات، كتائب …) is followed by a nationality adjective, an
 *   articled adjective or a place/organisation name (الفصائل اليمنية، فصائل اليمن، فصائل عراقية).
 * `tagTokens` and the CLI `tag` print ANERcorp's labels, where all of these are ORG.
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

/** IOB2 tags for consecutive sentences of one text or stream, tagged together (document features see the neighbours). */
export function tagDocument(model: NerModel, sentences: string[][]): string[][] {
  return model.tagDocument(sentences);
}

/** Path of the shipped model inside the extension (and under public/ in the repo). */
export const NER_MODEL_FILE = 'models/ner-model.bin';
