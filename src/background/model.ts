/**
 * The NER model, loaded at most once per worker start and only when an article needs it
 * (a worker woken for a ping or a popup question never pays for it).
 */
import browser from 'webextension-polyfill';
import { NER_MODEL_FILE, parseNerModel, type NerModel } from '../nlp/entities/index';

export interface LoadedModel {
  model: NerModel;
  /** False when the shipped model file was missing or unreadable and the built-in fallback is used. */
  fromFile: boolean;
}

let loading: Promise<LoadedModel> | undefined;
let loadedFromFile: boolean | null = null;

async function fetchModelFile(): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(NER_MODEL_FILE));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function load(): Promise<LoadedModel> {
  try {
    const model = parseNerModel(await fetchModelFile());
    loadedFromFile = true;
    return { model, fromFile: true };
  } catch (error) {
    // The model file is produced by the NER training and may be absent in a development build.
    console.warn(`[arabic-news-lens] NER model ${NER_MODEL_FILE} not loaded (${String(error)}); using the fallback`);
    loadedFromFile = false;
    return { model: parseNerModel(new ArrayBuffer(0)), fromFile: false };
  }
}

export function getNerModel(): Promise<LoadedModel> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined; // let the next article try again rather than caching a failure
    throw error;
  });
  return loading;
}

/** Null until the first article asked for the model in this worker's life. */
export function modelLoadedFromFile(): boolean | null {
  return loadedFromFile;
}
