/**
 * Learns the tagger's lexicon from the shippable unlabeled text (Arabic Wikipedia 2017 slice,
 * CC BY-SA 4.0, and Jawhara FM news, Apache-2.0): word frequencies (which also decide clitic
 * splits), word clusters from co-occurrence (PPMI context vectors, a seeded random projection,
 * spherical k-means at two granularities) and name flags mined with trigger patterns
 * (الرئيس X, مدينة X, شركة X, حركة X). research-only/ text is never read here.
 * The result is cached under node_modules/.cache so repeated training runs skip this step.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { normalizeArabic } from '../../src/nlp/text/normalize';
import { tokenize } from '../../src/nlp/text/tokenize';
import { splitClitics } from '../../src/nlp/entities/clitics';
import { seededRandom } from '../../src/nlp/entities/hash';
import { LEXICON_FLAG, lexiconKey, packLexiconEntry } from '../../src/nlp/entities/lexicon';
import { SHARED_DATA } from './corpora';

export const UNLABELED_FILES = [
  join(SHARED_DATA, 'unlabeled', 'shippable', 'arwiki-comparable.txt.gz'),
  join(SHARED_DATA, 'unlabeled', 'shippable', 'ant-jawharafm.txt.gz'),
];

const SETTINGS = {
  version: 6,
  minCount: 5,
  clusterVocabulary: 30000,
  contextVocabulary: 800,
  projectionDims: 96,
  coarseClusters: 64,
  fineClusters: 512,
  kmeansIterations: 12,
  seed: 20240314,
};

export interface LexiconArrays {
  keys: Uint32Array;
  values: Uint32Array;
}

const log = (msg: string): void => {
  process.stderr.write(`[lexicon] ${msg}\n`);
};

const CACHE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'arabic-news-lens');

export async function buildLexicon(): Promise<LexiconArrays> {
  const stamp = JSON.stringify({ SETTINGS, files: UNLABELED_FILES.map((f) => (existsSync(f) ? statSync(f).size : -1)) });
  // One file per settings version, so lexicons of different versions (other checkouts share
  // node_modules) do not overwrite each other.
  const cacheFile = join(CACHE_DIR, SETTINGS.version === 5 ? 'ner-lexicon.bin' : `ner-lexicon-v${SETTINGS.version}.bin`);
  const stampFile = cacheFile + '.stamp';
  if (existsSync(cacheFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    const buf = readFileSync(cacheFile);
    const all = new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const n = all.length / 2;
    log(`cached: ${n} forms`);
    return { keys: all.slice(0, n), values: all.slice(n) };
  }
  for (const f of UNLABELED_FILES) if (!existsSync(f)) throw new Error(`missing ${f}: unlabeled text is needed for the full model (or train with --baseline)`);
  const result = await computeLexicon();
  mkdirSync(CACHE_DIR, { recursive: true });
  const all = new Uint32Array(result.keys.length * 2);
  all.set(result.keys, 0);
  all.set(result.values, result.keys.length);
  writeFileSync(cacheFile, new Uint8Array(all.buffer));
  writeFileSync(stampFile, stamp);
  return result;
}

/** Token stream as ids of normalised forms; -1 marks a sentence/document break or a non-Arabic token. */
interface TitledLead {
  title: string;
  lead: string;
}

async function readCorpus(): Promise<{ forms: string[]; counts: Int32Array; sequence: Int32Array; leads: TitledLead[] }> {
  const leads: TitledLead[] = [];
  const formIds = new Map<string, number>();
  const rawIds = new Map<string, number>();
  const forms: string[] = [];
  let counts = new Int32Array(1 << 16);
  let sequence = new Int32Array(1 << 22);
  let length = 0;
  const push = (id: number): void => {
    if (length === sequence.length) {
      const grown = new Int32Array(sequence.length * 2);
      grown.set(sequence);
      sequence = grown;
    }
    sequence[length++] = id;
  };
  const arabic = /\p{Script=Arabic}/u;
  for (const file of UNLABELED_FILES) {
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let docs = 0;
    const encyclopedic = file.includes('arwiki');
    for await (const line of lines) {
      if (encyclopedic) {
        const tab = line.indexOf('\t');
        if (tab > 0) leads.push({ title: line.slice(0, tab), lead: line.slice(tab + 1, tab + 400) });
      }
      for (const token of tokenize(line)) {
        let id = rawIds.get(token.text);
        if (id === undefined) {
          if (!arabic.test(token.text)) {
            id = -1;
          } else {
            const norm = normalizeArabic(token.text);
            id = formIds.get(norm);
            if (id === undefined) {
              id = forms.length;
              forms.push(norm);
              formIds.set(norm, id);
              if (id >= counts.length) {
                const grown = new Int32Array(counts.length * 2);
                grown.set(counts);
                counts = grown;
              }
            }
          }
          if (rawIds.size < 2_000_000) rawIds.set(token.text, id);
        }
        if (id >= 0) counts[id] = counts[id]! + 1;
        push(id);
      }
      push(-1);
      if (++docs % 2000 === 0) log(`${file.split('/').pop()}: ${docs} documents, ${length.toLocaleString('en')} tokens`);
    }
  }
  return { forms, counts: counts.subarray(0, forms.length), sequence: sequence.subarray(0, length), leads };
}

/** The frequency the runtime will see: count rounded down to a power of two, 0 when not shipped. */
function shippedFrequency(count: number): number {
  return count >= SETTINGS.minCount ? 2 ** Math.floor(Math.log2(count)) : 0;
}

function freqClass(count: number): number {
  return count > 0 ? Math.min(31, Math.floor(Math.log2(count)) + 1) : 0;
}

async function computeLexicon(): Promise<LexiconArrays> {
  const t0 = Date.now();
  const { forms, counts, sequence, leads } = await readCorpus();
  log(`${forms.length.toLocaleString('en')} forms, ${sequence.length.toLocaleString('en')} positions (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const formIndex = new Map<string, number>();
  forms.forEach((f, i) => formIndex.set(f, i));
  const frequency = (form: string): number => {
    const id = formIndex.get(form);
    return id === undefined ? 0 : shippedFrequency(counts[id]!);
  };

  // Core form (clitics removed, article kept) of every form; cores get their own ids.
  const coreIds = new Map<string, number>();
  const cores: string[] = [];
  const coreOfForm = new Int32Array(forms.length);
  forms.forEach((form, i) => {
    const core = splitClitics(form, frequency).core;
    let c = coreIds.get(core);
    if (c === undefined) {
      c = cores.length;
      cores.push(core);
      coreIds.set(core, c);
    }
    coreOfForm[i] = c;
  });
  const coreCounts = new Float64Array(cores.length);
  const coreSeq = new Int32Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) {
    const id = sequence[i]!;
    const c = id < 0 ? -1 : coreOfForm[id]!;
    coreSeq[i] = c;
    if (c >= 0) coreCounts[c]! += 1;
  }
  const byFrequency = Array.from(cores.keys()).sort((a, b) => coreCounts[b]! - coreCounts[a]! || (cores[a]! < cores[b]! ? -1 : 1));
  const V = Math.min(SETTINGS.clusterVocabulary, byFrequency.length);
  const C = Math.min(SETTINGS.contextVocabulary, byFrequency.length);
  const rowOf = new Int32Array(cores.length).fill(-1);
  const colOf = new Int32Array(cores.length).fill(-1);
  for (let r = 0; r < V; r++) rowOf[byFrequency[r]!] = r;
  for (let c = 0; c < C; c++) colOf[byFrequency[c]!] = c;

  // Left and right context counts over the C most frequent cores (plus a break column each side).
  const width = 2 * (C + 1);
  const cooc = new Float32Array(V * width);
  for (let i = 0; i < coreSeq.length; i++) {
    const r = coreSeq[i]! >= 0 ? rowOf[coreSeq[i]!]! : -1;
    if (r < 0) continue;
    const left = i > 0 ? coreSeq[i - 1]! : -1;
    const right = i + 1 < coreSeq.length ? coreSeq[i + 1]! : -1;
    const lc = left >= 0 && colOf[left]! >= 0 ? colOf[left]! : C;
    const rc = right >= 0 && colOf[right]! >= 0 ? colOf[right]! : C;
    cooc[r * width + lc]! += 1;
    cooc[r * width + C + 1 + rc]! += 1;
  }
  log(`co-occurrence ${V} × ${width} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const vectors = ppmiProjection(cooc, V, width);
  const random = seededRandom(SETTINGS.seed);
  const coarse = sphericalKmeans(vectors, V, SETTINGS.projectionDims, SETTINGS.coarseClusters, random);
  log(`coarse clusters done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const fine = sphericalKmeans(vectors, V, SETTINGS.projectionDims, SETTINGS.fineClusters, random);
  log(`fine clusters done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  const flags = mineNameFlags(coreSeq, cores, coreIds, coreCounts);
  const typed = typeTitles(leads);
  for (const { words, kind } of typed) {
    for (const w of words) {
      const c = coreIds.get(w);
      if (c !== undefined) flags[c]! |= LEXICON_FLAG[kind];
    }
  }
  log(`typed ${typed.length} of ${leads.length} encyclopedia titles (${typed.filter((t) => t.kind === 'person').length} persons)`);

  // One entry per shipped form (full forms for clitic decisions, cores for features).
  const entries = new Map<number, number>();
  forms.forEach((form, i) => {
    const count = counts[i]!;
    if (count < SETTINGS.minCount) return;
    const c = coreIds.get(form);
    const r = c === undefined ? -1 : rowOf[c]!;
    const value = packLexiconEntry({
      freqClass: freqClass(count),
      coarse: r >= 0 ? coarse[r]! + 1 : 0,
      fine: r >= 0 ? fine[r]! + 1 : 0,
      flags: c === undefined ? 0 : flags[c]!,
    });
    const key = lexiconKey(form);
    if (!entries.has(key)) entries.set(key, value);
  });
  // Cores that never occur bare (e.g. `الولايات` only after و) still need their clusters.
  cores.forEach((core, c) => {
    const key = lexiconKey(core);
    if (entries.has(key) || coreCounts[c]! < SETTINGS.minCount) return;
    const r = rowOf[c]!;
    entries.set(key, packLexiconEntry({ freqClass: 0, coarse: r >= 0 ? coarse[r]! + 1 : 0, fine: r >= 0 ? fine[r]! + 1 : 0, flags: flags[c]! }));
  });
  const keys = Uint32Array.from([...entries.keys()].sort((a, b) => a - b));
  const values = Uint32Array.from(keys, (k) => entries.get(k)!);
  log(`${keys.length.toLocaleString('en')} lexicon entries (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return { keys, values };
}

/** PPMI weighting, then a seeded Gaussian-sign random projection to a few dimensions, L2-normalised. */
function ppmiProjection(cooc: Float32Array, rows: number, width: number): Float32Array {
  const D = SETTINGS.projectionDims;
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(width);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const v = cooc[r * width + c]!;
      rowSum[r]! += v;
      colSum[c]! += v;
      total += v;
    }
  }
  const random = seededRandom(SETTINGS.seed + 1);
  const projection = new Float32Array(width * D);
  for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
  const out = new Float32Array(rows * D);
  const ppmi = new Float32Array(width);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const v = cooc[r * width + c]!;
      // Context-distribution smoothing (exponent 0.75) keeps rare contexts from dominating.
      ppmi[c] = v > 0 ? Math.max(0, Math.log((v * total) / (rowSum[r]! * Math.pow(colSum[c]!, 0.75) * Math.pow(total, 0.25)))) : 0;
    }
    let norm = 0;
    for (let d = 0; d < D; d++) {
      let s = 0;
      for (let c = 0; c < width; c++) if (ppmi[c] !== 0) s += ppmi[c]! * projection[c * D + d]!;
      out[r * D + d] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) out[r * D + d] = out[r * D + d]! / norm;
  }
  return out;
}

/** Cosine k-means, seeded with frequency-spread points (rows are in descending frequency). */
function sphericalKmeans(x: Float32Array, n: number, d: number, k: number, random: () => number): Uint16Array {
  const centroids = new Float32Array(k * d);
  for (let j = 0; j < k; j++) {
    const pick = Math.min(n - 1, Math.floor(random() * Math.min(n, 8000)));
    centroids.set(x.subarray(pick * d, pick * d + d), j * d);
  }
  const assign = new Uint16Array(n);
  for (let iter = 0; iter < SETTINGS.kmeansIterations; iter++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += x[i * d + t]! * centroids[j * d + t]!;
        if (s > best) {
          best = s;
          arg = j;
        }
      }
      if (assign[i] !== arg || iter === 0) changed++;
      assign[i] = arg;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) centroids[assign[i]! * d + t]! += x[i * d + t]!;
    for (let j = 0; j < k; j++) {
      let norm = 0;
      for (let t = 0; t < d; t++) norm += centroids[j * d + t]! ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        const pick = Math.floor(random() * n);
        centroids.set(x.subarray(pick * d, pick * d + d), j * d);
      } else {
        for (let t = 0; t < d; t++) centroids[j * d + t] = centroids[j * d + t]! / norm;
      }
    }
    if (changed === 0) break;
  }
  return assign;
}

/** Trigger words whose next word is mined as a name of that kind (normalised cores). */
const MINING_PATTERNS: Record<keyof typeof LEXICON_FLAG, string[]> = {
  person: ['الرييس', 'السيد', 'السيده', 'الشيخ', 'الامير', 'الملك', 'الدكتور', 'اللاعب', 'المدرب', 'الفنان', 'الفنانه', 'الكاتب', 'الممثل', 'الممثله', 'المطرب', 'الوزير', 'النايب'],
  place: ['مدينه', 'بلده', 'قريه', 'محافظه', 'ولايه', 'العاصمه', 'عاصمه', 'منطقه', 'جزيره', 'اقليم'],
  // Version 6 adds the heads of clubs and teams, councils, unions, authorities, foundations,
  // associations, banks and broadcasters (فريق X, مجلس X, اتحاد X, هيئة X …).
  org: ['شركه', 'صحيفه', 'جريده', 'وكاله', 'قناه', 'نادي', 'جامعه', 'منظمه', 'بنك', 'فريق', 'مجلس', 'اتحاد', 'هييه', 'مجله', 'موسسه', 'جمعيه', 'مصرف', 'اذاعه'],
  group: ['حركه', 'جماعه', 'تنظيم', 'ميليشيا', 'ميليشيات', 'مليشيا', 'حزب', 'كتايب', 'جبهه'],
};

function mineNameFlags(coreSeq: Int32Array, cores: string[], coreIds: Map<string, number>, coreCounts: Float64Array): Uint8Array {
  const kinds = Object.keys(MINING_PATTERNS) as (keyof typeof LEXICON_FLAG)[];
  const triggerKind = new Int8Array(cores.length).fill(-1);
  kinds.forEach((kind, k) => {
    for (const w of MINING_PATTERNS[kind]) {
      const id = coreIds.get(w);
      if (id !== undefined) triggerKind[id] = k;
    }
  });
  const hits = kinds.map(() => new Float64Array(cores.length));
  for (let i = 0; i + 1 < coreSeq.length; i++) {
    const t = coreSeq[i]!;
    const next = coreSeq[i + 1]!;
    if (t < 0 || next < 0 || triggerKind[t]! < 0) continue;
    const name = cores[next]!;
    // Person names rarely take the article (after الرئيس it is mostly an adjective: الرئيس
    // الأمريكي), group names too (حركة حماس); places and organisations often do (مدينة الموصل).
    const kind = kinds[triggerKind[t]!]!;
    if ((kind === 'person' || kind === 'group') && name.startsWith('ال')) continue;
    hits[triggerKind[t]!]![next]! += 1;
  }
  const flags = new Uint8Array(cores.length);
  kinds.forEach((kind, k) => {
    const h = hits[k]!;
    for (let c = 0; c < cores.length; c++) {
      if (h[c]! >= 3 && h[c]! / coreCounts[c]! >= 0.05) flags[c]! |= LEXICON_FLAG[kind];
    }
  });
  return flags;
}

/**
 * Encyclopedia titles typed by the first class word of their lead (`X (1879–1965) سياسي مصري`,
 * `X مدينة تقع …`, `X نادي كرة قدم …`): their words become mined names of that kind.
 */
const LEAD_CLASSES: Record<'person' | 'place' | 'org', string[]> = {
  person: ['سياسي', 'ممثل', 'ممثله', 'لاعب', 'مغني', 'مغنيه', 'كاتب', 'كاتبه', 'شاعر', 'ملحن', 'مخرج', 'رسام', 'صحفي', 'صحفيه', 'فنان',
    'فنانه', 'طبيب', 'مهندس', 'مطرب', 'مطربه', 'مواليد', 'ولد', 'ولدت', 'توفي', 'ملك', 'امير', 'سلطان', 'خليفه', 'بطريرك', 'قاري', 'مفكر', 'فيلسوف', 'مدرب', 'اديب', 'روايي', 'موسيقار'],
  place: ['مدينه', 'قريه', 'بلده', 'محافظه', 'دوله', 'جزيره', 'بحيره', 'نهر', 'جبل', 'منطقه', 'عاصمه', 'ولايه', 'اقليم', 'ميناء', 'واحه', 'حي'],
  org: ['نادي', 'شركه', 'حزب', 'منظمه', 'جامعه', 'صحيفه', 'جريده', 'مجله', 'قناه', 'فريق', 'موسسه', 'جمعيه', 'هييه', 'بنك', 'وزاره', 'مجلس', 'اتحاد'],
};

function typeTitles(leads: readonly TitledLead[]): { words: string[]; kind: 'person' | 'place' | 'org' }[] {
  const classOf = new Map<string, 'person' | 'place' | 'org'>();
  for (const [kind, words] of Object.entries(LEAD_CLASSES) as ['person' | 'place' | 'org', string[]][]) for (const w of words) classOf.set(w, kind);
  const out: { words: string[]; kind: 'person' | 'place' | 'org' }[] = [];
  for (const { title, lead } of leads) {
    const words = normalizeArabic(title.replace(/\(.*?\)/g, ' '))
      .split(/\s+/)
      .filter((w) => /^\p{Script=Arabic}+$/u.test(w));
    if (words.length === 0 || words.length > 5) continue;
    const titleWords = new Set(words);
    let kind: 'person' | 'place' | 'org' | undefined;
    const leadWords = tokenize(lead).slice(0, 30).map((t) => normalizeArabic(t.text));
    for (const w of leadWords) {
      if (titleWords.has(w)) continue;
      kind = classOf.get(w.startsWith('ال') ? w.slice(2) : w);
      if (kind) break;
    }
    // A birth–death year pair in the lead marks a person even without a class word.
    if (!kind && /\(\s*\d{3,4}\s*[-–]/.test(lead.slice(0, 120)) && words.length >= 2) kind = 'person';
    if (kind) out.push({ words: kind === 'person' ? words : words.filter((w) => !classOf.has(w.replace(/^ال/, ''))), kind });
  }
  return out;
}
