/**
 * Loads the shipped NER model from public/ in Node (the core never touches node:fs). Cached:
 * one read and parse per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NER_MODEL_FILE, parseNerModel, type NerModel } from '../nlp/entities/index';

export const NER_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', NER_MODEL_FILE);

const cache = new Map<string, NerModel>();

/**
 * The model at `path` (default: the shipped one). Throws a one-line reason when the file is
 * missing or not a model; callers that can live without it use `fallbackModel()` instead.
 */
export function loadNerModelFromDisk(path: string = NER_MODEL_PATH): NerModel {
  const cached = cache.get(path);
  if (cached) return cached;
  if (!existsSync(path)) throw new Error(`NER model not found at ${path} (run npm run train:ner)`);
  const model = parseNerModel(readFileSync(path));
  cache.set(path, model);
  return model;
}
