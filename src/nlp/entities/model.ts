/**
 * The shipped tagger: an averaged structured perceptron over hashed features, stored in one
 * binary file that the worker fetches (ArrayBuffer) and Node reads (Buffer).
 *
 * File format (little-endian):
 *   bytes 0–7   magic `ANLNER01`
 *   bytes 8–11  uint32 H: byte length of the JSON header
 *   H bytes     UTF-8 JSON header (ModelHeader), padded with spaces to a multiple of 4
 *   sections    in header order, each starting 4-byte aligned: `rows` uint32 (bucket ids,
 *               sorted), `rowScales` float32, `weights` int8 (rows × labels, scaled per row),
 *               `transitions` float32 (labels × labels), `start` float32 (labels),
 *               `lexiconKeys` uint32 (sorted), `lexiconValues` uint32; optionally
 *               `dictionaryKeys` uint32 (sorted), `dictionaryValues` uint32 (dictionary.ts).
 */
import { Gazetteer, platformPlaces, type GazetteerEntry } from './gazetteer';
import { LABELS, LABEL_COUNT, labelIndex } from './labels';
import { EMPTY_LEXICON, Lexicon } from './lexicon';
import { DROPPABLE_TEMPLATES, FeatureExtractor, type FeatureOptions, type RowWeights, type WordInfo } from './features';
import { splitClitics, withoutArticle } from './clitics';
import { constrain, Decoder } from './viterbi';
import { documentFeaturesOfIds, DocumentScratch } from './document';
import { EntityDictionary } from './dictionary';
import { normalizeArabic } from '../text/normalize';

export const MODEL_MAGIC = 'ANLNER01';
export const FEATURE_VERSION = 1;

export interface ModelHeader {
  format: 'arabic-news-lens-ner';
  featureVersion: number;
  labels: string[];
  hashBits: number;
  /**
   * `full`; `baseline` (no lexicon, no gazetteer) for the ablation; `fallback` for the
   * weightless stand-in used when no model file is available (places from the gazetteer only).
   */
  featureSet: 'full' | 'baseline' | 'fallback';
  gazetteer: GazetteerEntry[];
  sections: { name: SectionName; dtype: 'u32' | 'f32' | 'i8'; length: number }[];
  /** Character n-gram length of the optional n-gram features (absent: none); see FeatureOptions. */
  charNgrams?: number;
  /** Feature templates the model was trained without (DROPPABLE_TEMPLATES in features.ts; absent: all on). */
  dropTemplates?: string[];
  /**
   * Document features (document.ts) over ±docWindow sentences, from a first pass of this same
   * model without them (absent: one pass, sentence by sentence).
   */
  docWindow?: number;
  /** Free-form provenance (corpora, epochs, seed, date). */
  trainedOn?: Record<string, unknown>;
}

type SectionName = 'rows' | 'rowScales' | 'weights' | 'transitions' | 'start' | 'lexiconKeys' | 'lexiconValues' | 'dictionaryKeys' | 'dictionaryValues';

/** Anything that scores feature buckets: the dense training weights or the shipped sparse ones. */
export type EmissionScorer = RowWeights;

/**
 * Sparse dequantised weights, stored inside their own open-addressing index: each slot holds
 * a bucket id and that bucket's LABEL_COUNT scores side by side, so finding a kept feature and
 * reading its scores touch the same cache line (the tagger is bound by such memory reads).
 * Bucket ids (< 2^24) are exact in float32, so one Float32Array holds both.
 */
class SparseWeights implements EmissionScorer {
  /** [bucket, score × LABEL_COUNT] per slot; bucket -1 = empty. */
  readonly weights: Float32Array;
  private readonly slotMask: number;
  private readonly shift: number;
  /** One bit per bucket up to the largest kept one: most lookups (pruned buckets) end here, in a table that stays in cache. */
  private readonly present: Uint32Array;

  constructor(
    private readonly rows: Uint32Array,
    dense: Float32Array,
  ) {
    // About two thirds full: probes stay short and the table small (5 MB for the shipped model).
    let bits = 1;
    while (1 << bits < rows.length * 1.5) bits++;
    const capacity = 1 << bits;
    this.shift = 32 - bits;
    this.weights = new Float32Array(capacity * SLOT).fill(-1);
    this.slotMask = capacity - 1;
    let max = 0;
    for (let r = 0; r < rows.length; r++) max = Math.max(max, rows[r]!);
    this.present = new Uint32Array(rows.length ? (max >>> 5) + 1 : 0);
    for (let r = 0; r < rows.length; r++) {
      const bucket = rows[r]!;
      if (bucket >= 1 << 24) throw new ModelFormatError('NER model bucket ids must be below 2^24');
      this.present[bucket >>> 5]! |= 1 << (bucket & 31);
      let s = this.slotOf(bucket);
      while (this.weights[s * SLOT] !== -1) s = (s + 1) & this.slotMask;
      this.weights[s * SLOT] = bucket;
      for (let l = 0; l < LABEL_COUNT; l++) this.weights[s * SLOT + 1 + l] = dense[r * LABEL_COUNT + l]!;
    }
  }

  private slotOf(bucket: number): number {
    return Math.imul(bucket, 0x9e3779b1) >>> this.shift;
  }

  scoresAt(bucket: number): number {
    const word = bucket >>> 5;
    if (word >= this.present.length || (this.present[word]! & (1 << (bucket & 31))) === 0) return -1;
    const table = this.weights;
    let s = this.slotOf(bucket);
    for (;;) {
      const k = table[s * SLOT]!;
      if (k === bucket) return s * SLOT + 1;
      if (k === -1) return -1;
      s = (s + 1) & this.slotMask;
    }
  }

  get rowCount(): number {
    return this.rows.length;
  }
}

/** Floats per slot of SparseWeights: the bucket id, then its scores. */
const SLOT = 1 + LABEL_COUNT;

/** Sentences up to this length reuse one emission buffer (72 KB at most); longer ones allocate theirs. */
const SCRATCH_TOKENS = 1024;
/**
 * Texts up to this many tokens reuse one buffer for their first-pass scores (1.2 MB at most) and
 * the document features' buffers: a fresh one per article was the largest allocation of the whole
 * analysis (72 bytes a token). Longer texts allocate their own, so one huge text does not pin its memory.
 */
const DOCUMENT_SCRATCH_TOKENS = 16384;

/** A loaded recogniser; opaque outside this folder. */
export class NerModel {
  readonly kind = 'ner-model' as const;
  private readonly decoder: Decoder;
  /** Emission scores reused between sentences up to SCRATCH_TOKENS tokens (longer ones get their own). */
  private scratch = new Float64Array(0);
  /** The two-pass buffers of a whole text, reused between texts up to DOCUMENT_SCRATCH_TOKENS tokens. */
  private readonly documentWorkspace = new DocumentWorkspace();
  readonly features: FeatureOptions;
  private readonly extractor: FeatureExtractor;
  /** True when the tagger reads the lexicon and gazetteer that mentions read (the full model). */
  private readonly sharedSplits: boolean;

  constructor(
    readonly header: ModelHeader,
    readonly scorer: EmissionScorer,
    transitions: Float32Array,
    start: Float32Array,
    readonly lexicon: Lexicon,
    readonly gazetteer: Gazetteer,
    /** Entity strings of the training corpora (dictionary.ts), when the model was trained with them. */
    private readonly dictionary?: EntityDictionary,
  ) {
    const constrained = constrain(transitions, start);
    this.decoder = new Decoder(constrained.transitions, constrained.start);
    const full = header.featureSet === 'full';
    this.features = { hashBits: header.hashBits, lexicon: full ? lexicon : undefined, gazetteer: full ? gazetteer : undefined };
    if (header.charNgrams) this.features.charNgrams = header.charNgrams;
    if (header.dropTemplates) this.features.dropTemplates = header.dropTemplates;
    this.extractor = new FeatureExtractor(this.features, scorer);
    this.sharedSplits = full;
  }

  /** True for the weightless stand-in (no model file): it only finds gazetteer places. */
  get isFallback(): boolean {
    return this.header.featureSet === 'fallback';
  }

  /**
   * The context-free facts about a written token (normalised form, clitic split, features),
   * cached per distinct string. `split` is read with this model's lexicon frequencies.
   */
  word(token: string): WordInfo {
    const info = this.extractor.word(token);
    if (this.sharedSplits) return info;
    // Baseline and fallback models: the tagger reads no lexicon or gazetteer, mentions do.
    const frequency = this.lexicon.size > 0 ? (f: string) => this.lexicon.frequency(f) : undefined;
    const split = splitClitics(info.norm, frequency);
    return { ...info, split, bare: withoutArticle(split.core), placeStart: this.gazetteer.mayStartMatch(info.norm) };
  }

  /** Label indices for one sentence of raw tokens. */
  decode(tokens: readonly string[]): Uint8Array {
    if (tokens.length === 0) return new Uint8Array(0);
    if (this.isFallback) return this.decodeFromGazetteer(tokens);
    const words = tokens.map((t) => this.extractor.word(t));
    // A lone sentence is its own document: other occurrences within it still vote.
    return this.header.docWindow ? this.decodeDocument([words])[0]! : this.decodeWords(words);
  }

  /** Label indices for one sentence of tokens already looked up with `word`. */
  decodeWords(words: readonly WordInfo[]): Uint8Array {
    const n = words.length;
    if (n === 0) return new Uint8Array(0);
    if (this.isFallback) return this.decodeFromGazetteer(words.map((w) => w.norm), true);
    let emissions: Float64Array;
    if (n <= SCRATCH_TOKENS) {
      if (this.scratch.length < n * LABEL_COUNT) this.scratch = new Float64Array(Math.max(n, 256) * LABEL_COUNT);
      emissions = this.scratch;
    } else {
      emissions = new Float64Array(n * LABEL_COUNT);
    }
    this.emissions(words, emissions);
    return this.decoder.decode(emissions, n);
  }

  /** First-pass label scores of a sentence: its features' weights, dictionary matches included. */
  private emissions(words: readonly WordInfo[], out: Float64Array): void {
    this.extractor.scores(words, out);
    if (!this.dictionary) return;
    const found = this.dictionary.features(words.map((w) => w.view.core));
    if (found) this.addHashes(found.offsets, found.hashes, words.length, out);
  }

  /** Adds the weights of feature hashes (token i owns hashes[offsets[base + i]] …) to the scores. */
  private addHashes(offsets: Uint32Array, hashes: Uint32Array, n: number, e: Float64Array, base = 0): void {
    const L = LABEL_COUNT;
    const mask = this.header.hashBits >= 32 ? 0xffffffff : (1 << this.header.hashBits) - 1;
    const weights = this.scorer.weights;
    for (let i = 0; i < n; i++) {
      for (let j = offsets[base + i]!; j < offsets[base + i + 1]!; j++) {
        const at = this.scorer.scoresAt((hashes[j]! & mask) >>> 0);
        if (at >= 0) for (let l = 0; l < L; l++) e[i * L + l]! += weights[at + l]!;
      }
    }
  }

  private decodeFromGazetteer(tokens: readonly string[], normalised = false): Uint8Array {
    const out = new Uint8Array(tokens.length);
    const norms = normalised ? tokens : tokens.map((t) => normalizeArabic(t));
    for (let i = 0; i < norms.length; ) {
      const m = this.gazetteer.matchAt(norms, i);
      if (!m) {
        i++;
        continue;
      }
      for (let k = 0; k < m.length; k++) out[i + k] = labelIndex(k === 0 ? 'B-LOC' : 'I-LOC');
      i += m.length;
    }
    return out;
  }

  tag(tokens: readonly string[]): string[] {
    return Array.from(this.decode(tokens), (l) => LABELS[l]!);
  }

  /**
   * Label indices for consecutive sentences of one text (an article, or a stream of sentences
   * such as the CLI reads). With document features: a first pass tags each sentence alone,
   * then each token's score gets the weights of its document features (how the other
   * occurrences of its stem nearby were tagged) and the sentence is decoded again. The first
   * pass's scores are kept, so the second costs only those additions and a Viterbi pass.
   * `extra(k, scores)`, for research only (scripts/ner/neural/), adds to sentence k's label
   * scores before its first decode (so also before the second), e.g. a neural scorer's log-probabilities.
   */
  decodeDocument(sentences: readonly (readonly WordInfo[])[], extra?: (sentence: number, scores: Float64Array) => void): Uint8Array[] {
    const window = this.header.docWindow ?? 0;
    if (this.isFallback || (!extra && window <= 0)) return sentences.map((s) => this.decodeWords(s));
    // A lone sentence with no stem twice has no document features: one pass gives the same labels.
    if (!extra && sentences.length === 1 && !repeatsKey(sentences[0]!)) return [this.decodeWords(sentences[0]!)];
    const L = LABEL_COUNT;
    let total = 0;
    for (const s of sentences) total += s.length;
    // A text over DOCUMENT_SCRATCH_TOKENS gets buffers of its own, dropped with it, so one huge
    // text does not leave megabytes pinned to the model for the worker's lifetime.
    const space = total > DOCUMENT_SCRATCH_TOKENS ? new DocumentWorkspace() : this.documentWorkspace;
    // One buffer for the whole text's first-pass scores (a view per sentence).
    const buffer = space.scoresFor(total);
    let at = 0;
    const emissions = sentences.map((s) => {
      const e = buffer.subarray(at * L, (at + s.length) * L);
      at += s.length;
      if (s.length) this.emissions(s, e);
      return e;
    });
    if (extra) emissions.forEach((e, k) => extra(k, e));
    const first = emissions.map((e, k) => this.decoder.decode(e, sentences[k]!.length));
    if (window <= 0) return first;
    // The text's key ids end to end, and where each sentence starts among them.
    const keyIds = space.keyIdsFor(total);
    const starts = space.startsFor(sentences.length);
    let g = 0;
    for (let k = 0; k < sentences.length; k++) {
      for (const w of sentences[k]!) keyIds[g++] = this.extractor.docIdOf(w);
      starts[k + 1] = g;
    }
    const doc = space.features;
    documentFeaturesOfIds(keyIds, total, this.extractor.docIdLimit, starts, first, window, doc);
    return sentences.map((s, k) => {
      const a = starts[k]!;
      if (doc.offsets[a] === doc.offsets[a + s.length]) return first[k]!;
      const e = emissions[k]!;
      this.addHashes(doc.offsets, doc.hashes, s.length, e, a);
      return this.decoder.decode(e, s.length);
    });
  }

  /** IOB2 tags for consecutive sentences of raw tokens (see decodeDocument). */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    if (this.isFallback) return sentences.map((s) => this.tag(s));
    const labels = this.decodeDocument(sentences.map((s) => s.map((t) => this.extractor.word(t))));
    return labels.map((l) => Array.from(l, (x) => LABELS[x]!));
  }

  /**
   * One sentence's first-pass label scores (n × LABEL_COUNT, a new array): what the tagger makes
   * of each word from the word and its window, before document features. The mention rules ask
   * it how sure the tagger was that words they would call a name are none. The weightless
   * fallback scores nothing (all zeros).
   */
  sentenceScores(words: readonly WordInfo[]): Float64Array {
    const out = new Float64Array(words.length * LABEL_COUNT);
    if (!this.isFallback && words.length > 0) this.emissions(words, out);
    return out;
  }
}

/** The buffers of one text's two tagging passes (see NerModel.decodeDocument), grown as needed. */
class DocumentWorkspace {
  private scores = new Float64Array(0);
  private starts = new Uint32Array(0);
  /** The text's document key ids end to end (see FeatureExtractor.docIdOf). */
  private keyIds = new Int32Array(0);
  readonly features = new DocumentScratch();

  /**
   * Room for `tokens` × LABEL_COUNT first-pass scores. Old contents need no clearing: `scores`
   * overwrites every entry of each sentence before adding to it.
   */
  scoresFor(tokens: number): Float64Array {
    if (this.scores.length < tokens * LABEL_COUNT) this.scores = new Float64Array(Math.max(tokens, 1024) * LABEL_COUNT);
    return this.scores;
  }

  /** Room for `tokens` key ids (contents not kept). */
  keyIdsFor(tokens: number): Int32Array {
    if (this.keyIds.length < tokens) this.keyIds = new Int32Array(Math.max(tokens, 1024));
    return this.keyIds;
  }

  /** Sentence starts into the key ids for `sentences` sentences (entry 0 is 0, then each sentence's end). */
  startsFor(sentences: number): Uint32Array {
    if (this.starts.length < sentences + 1) this.starts = new Uint32Array(Math.max(sentences + 1, 256));
    return this.starts.subarray(0, sentences + 1);
  }
}

/** Whether two words of a sentence share a document key (so document features can fire). */
function repeatsKey(words: readonly WordInfo[]): boolean {
  if (words.length > 48) {
    const seen = new Set<string>();
    for (const w of words) {
      if (!w.docKey) continue;
      if (seen.has(w.docKey)) return true;
      seen.add(w.docKey);
    }
    return false;
  }
  for (let i = 1; i < words.length; i++) {
    const key = words[i]!.docKey;
    if (!key) continue;
    for (let j = 0; j < i; j++) if (words[j]!.docKey === key) return true;
  }
  return false;
}

function alignedLength(n: number): number {
  return (n + 3) & ~3;
}

const DTYPE_BYTES = { u32: 4, f32: 4, i8: 1 } as const;

/** The parts of a trained model, as the training script produces them. */
export interface ModelParts {
  header: Omit<ModelHeader, 'sections' | 'format' | 'featureVersion' | 'labels'>;
  rows: Uint32Array;
  rowScales: Float32Array;
  weights: Int8Array;
  transitions: Float32Array;
  start: Float32Array;
  lexiconKeys: Uint32Array;
  lexiconValues: Uint32Array;
  /** Optional (absent: no dictionary features). */
  dictionaryKeys?: Uint32Array;
  dictionaryValues?: Uint32Array;
}

export function serializeModel(parts: ModelParts): Uint8Array {
  const arrays: Partial<Record<SectionName, Uint32Array | Float32Array | Int8Array>> = {
    rows: parts.rows,
    rowScales: parts.rowScales,
    weights: parts.weights,
    transitions: parts.transitions,
    start: parts.start,
    lexiconKeys: parts.lexiconKeys,
    lexiconValues: parts.lexiconValues,
    ...(parts.dictionaryKeys && parts.dictionaryValues ? { dictionaryKeys: parts.dictionaryKeys, dictionaryValues: parts.dictionaryValues } : {}),
  };
  const sections = (Object.keys(arrays) as SectionName[]).map((name) => {
    const a = arrays[name]!;
    const dtype = a instanceof Int8Array ? 'i8' : a instanceof Float32Array ? 'f32' : 'u32';
    return { name, dtype, length: a.length } as const;
  });
  const header: ModelHeader = {
    format: 'arabic-news-lens-ner',
    featureVersion: FEATURE_VERSION,
    labels: [...LABELS],
    ...parts.header,
    sections: sections.map((s) => ({ ...s })),
  };
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = alignedLength(json.length);
  if (padded !== json.length) json = new TextEncoder().encode(JSON.stringify(header) + ' '.repeat(padded - json.length));
  let size = 12 + json.length;
  for (const s of sections) size += alignedLength(s.length * DTYPE_BYTES[s.dtype]);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MODEL_MAGIC), 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  let offset = 12 + json.length;
  for (const s of sections) {
    const a = arrays[s.name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += alignedLength(a.byteLength);
  }
  return out;
}

/** Thrown when bytes are not a model file this code can read. */
export class ModelFormatError extends Error {}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ModelFormatError('NER model data must be an ArrayBuffer or a byte array');
}

/** Builds a model from the model file's bytes (ArrayBuffer, Uint8Array or Node Buffer). */
export function parseNerModel(data: unknown): NerModel {
  if (data instanceof NerModel) return data;
  const bytes = toBytes(data);
  if (bytes.length === 0) return fallbackModel();
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MODEL_MAGIC) {
    throw new ModelFormatError(`not an NER model file (expected it to start with ${MODEL_MAGIC})`);
  }
  // Copy to an aligned buffer of our own when the view is not 4-byte aligned (Node Buffers may not be).
  const owned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(owned.buffer, owned.byteOffset, owned.byteLength);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > owned.length) throw new ModelFormatError('NER model file is truncated (header)');
  let header: ModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(owned.subarray(12, 12 + headerLength))) as ModelHeader;
  } catch {
    throw new ModelFormatError('NER model header is not valid JSON');
  }
  if (header.format !== 'arabic-news-lens-ner' || header.featureVersion !== FEATURE_VERSION) {
    throw new ModelFormatError(`NER model has format ${String(header.format)} v${String(header.featureVersion)}; this code reads v${FEATURE_VERSION}`);
  }
  if (header.labels.join(' ') !== LABELS.join(' ')) throw new ModelFormatError('NER model labels differ from this code');
  if (!Number.isInteger(header.hashBits) || header.hashBits < 1 || header.hashBits > 24) throw new ModelFormatError('NER model hashBits must be an integer from 1 to 24');
  // A template this code does not know could not be left out as the model expects.
  const known: readonly string[] = DROPPABLE_TEMPLATES;
  if (header.dropTemplates !== undefined && !(Array.isArray(header.dropTemplates) && header.dropTemplates.every((t) => known.includes(t)))) {
    throw new ModelFormatError('NER model dropTemplates names a template this code does not know');
  }
  const arrays = new Map<SectionName, Uint32Array | Float32Array | Int8Array>();
  let offset = 12 + headerLength;
  for (const s of header.sections) {
    const bytesLength = s.length * DTYPE_BYTES[s.dtype];
    if (offset + bytesLength > owned.length) throw new ModelFormatError(`NER model file is truncated (section ${s.name})`);
    const at = owned.byteOffset + offset;
    const a =
      s.dtype === 'u32' ? new Uint32Array(owned.buffer, at, s.length) : s.dtype === 'f32' ? new Float32Array(owned.buffer, at, s.length) : new Int8Array(owned.buffer, at, s.length);
    arrays.set(s.name, a);
    offset += alignedLength(bytesLength);
  }
  const get = <T extends Uint32Array | Float32Array | Int8Array>(name: SectionName, type: new (n: number) => T): T => {
    const a = arrays.get(name);
    if (!(a instanceof type)) throw new ModelFormatError(`NER model lacks section ${name}`);
    return a;
  };
  const rows = get('rows', Uint32Array);
  const scales = get('rowScales', Float32Array);
  const quantised = get('weights', Int8Array);
  if (scales.length !== rows.length || quantised.length !== rows.length * LABEL_COUNT) throw new ModelFormatError('NER model weight sections disagree in size');
  const weights = new Float32Array(quantised.length);
  for (let r = 0; r < rows.length; r++) {
    const scale = scales[r]!;
    for (let l = 0; l < LABEL_COUNT; l++) weights[r * LABEL_COUNT + l] = quantised[r * LABEL_COUNT + l]! * scale;
  }
  const transitions = get('transitions', Float32Array);
  const start = get('start', Float32Array);
  if (transitions.length !== LABEL_COUNT * LABEL_COUNT || start.length !== LABEL_COUNT) throw new ModelFormatError('NER model transition sections have the wrong size');
  const keys = get('lexiconKeys', Uint32Array);
  const values = get('lexiconValues', Uint32Array);
  if (values.length !== keys.length) throw new ModelFormatError('NER model lexicon sections disagree in size');
  const lexicon = keys.length ? new Lexicon(keys, values) : EMPTY_LEXICON;
  let dictionary: EntityDictionary | undefined;
  if (arrays.has('dictionaryKeys') || arrays.has('dictionaryValues')) {
    const dictionaryKeys = get('dictionaryKeys', Uint32Array);
    const dictionaryValues = get('dictionaryValues', Uint32Array);
    if (dictionaryValues.length !== dictionaryKeys.length) throw new ModelFormatError('NER model dictionary sections disagree in size');
    dictionary = new EntityDictionary(dictionaryKeys, dictionaryValues);
  }
  return new NerModel(header, new SparseWeights(rows, weights), transitions, start, lexicon, new Gazetteer(header.gazetteer ?? []), dictionary);
}

/**
 * The stand-in when no model file can be had (an empty buffer): no weights, places from the
 * platform's CLDR names only. Callers keep working; they just find fewer actors.
 */
export function fallbackModel(): NerModel {
  const header: ModelHeader = {
    format: 'arabic-news-lens-ner',
    featureVersion: FEATURE_VERSION,
    labels: [...LABELS],
    hashBits: 1,
    featureSet: 'fallback',
    gazetteer: [],
    sections: [],
  };
  const empty = new Float32Array(LABEL_COUNT * LABEL_COUNT);
  return new NerModel(header, new SparseWeights(new Uint32Array(0), new Float32Array(0)), empty, new Float32Array(LABEL_COUNT), EMPTY_LEXICON, new Gazetteer(platformPlaces()));
}

/** Quantises dense per-bucket weights to int8 rows, dropping buckets whose weights are all near zero. */
export function quantiseWeights(
  dense: Float32Array,
  buckets: number,
  threshold: number,
): { rows: Uint32Array; rowScales: Float32Array; weights: Int8Array } {
  const L = LABEL_COUNT;
  const rows: number[] = [];
  const scales: number[] = [];
  const q: number[] = [];
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(dense[b * L + l]!));
    if (max < threshold) continue;
    const scale = max / 127;
    rows.push(b);
    scales.push(scale);
    for (let l = 0; l < L; l++) q.push(Math.round(dense[b * L + l]! / scale));
  }
  return { rows: Uint32Array.from(rows), rowScales: Float32Array.from(scales), weights: Int8Array.from(q) };
}
