/** Named-actor recognition (issue 4). Placeholder signatures until the recogniser lands. */
import type { Actor } from '../types';

/** A loaded recogniser; opaque outside this folder. */
export interface NerModel {
  readonly kind: 'ner-model';
}

/** Builds a model from the shipped model file's contents (parsed once, then reused). */
export function parseNerModel(_data: unknown): NerModel {
  return { kind: 'ner-model' };
}

/** IOB2 tags (PERS/ORG/LOC/MISC, ANERcorp labels) for one sentence of given tokens. */
export function tagTokens(_model: NerModel, tokens: string[]): string[] {
  return tokens.map(() => 'O');
}

/** Every named actor in `text`, mentions grouped, with aliases and roles. */
export function recogniseActors(_model: NerModel, _text: string): Actor[] {
  return [];
}

/** Path of the shipped model inside the extension (and under public/ in the repo). */
export const NER_MODEL_FILE = 'models/ner-model.bin';
