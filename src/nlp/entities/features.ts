/**
 * Feature extraction for the tagger. Each token gets a list of hashed feature ids (bucket
 * numbers in [0, 2^hashBits)); the model holds one weight row per bucket. Templates: the
 * normalised word and its clitic-free forms in a ±2 window, affixes, shape, word bigrams,
 * trigger classes, and — unless switched off for the ablation baseline — corpus-learned
 * word clusters, mined name flags and frequency (lexicon) and gazetteer matches.
 */
import { normalizeArabic, stripMarks } from '../text/normalize';
import { fnv1a } from './hash';
import { lightStem, splitClitics, type FormFrequency } from './clitics';
import type { Gazetteer } from './gazetteer';
import { LEXICON_FLAG, unpackLexiconEntry, type Lexicon } from './lexicon';
import { triggerClass } from './triggers';

export interface FeatureOptions {
  hashBits: number;
  lexicon?: Lexicon;
  gazetteer?: Gazetteer;
}

/** What is computed once per token and read by the window templates. */
interface TokenView {
  /** Marks stripped but letters not folded: keeps على (on) apart from علي (Ali), hamza seats. */
  raw: string;
  norm: string;
  core: string;
  stem: string;
  prefix: string;
  shape: string;
  trigger: string;
  coarse: string;
  fine: string;
  flags: number;
  freqClass: number;
  gazetteer: string;
  nisba: boolean;
}

const PAD: TokenView = {
  raw: '<s>', norm: '<s>', core: '<s>', stem: '<s>', prefix: '', shape: 'pad', trigger: '', coarse: 'pad', fine: 'pad',
  flags: 0, freqClass: 0, gazetteer: '', nisba: false,
};

function wordShape(word: string): string {
  let shape = '';
  for (const ch of word) {
    const c =
      /\p{Script=Arabic}/u.test(ch) ? 'a' : /[A-Za-z]/.test(ch) ? (ch === ch.toUpperCase() ? 'L' : 'l') : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'x' : 'p';
    if (!shape.endsWith(c)) shape += c;
    if (shape.length > 4) break;
  }
  return shape;
}

function viewTokens(tokens: readonly string[], options: FeatureOptions): TokenView[] {
  const { lexicon, gazetteer } = options;
  const frequency: FormFrequency | undefined = lexicon && lexicon.size > 0 ? (f) => lexicon.frequency(f) : undefined;
  const norms = tokens.map((t) => normalizeArabic(t).toLowerCase());
  const gaz: string[] = new Array<string>(tokens.length).fill('');
  if (gazetteer) {
    for (let i = 0; i < norms.length; ) {
      const m = gazetteer.matchAt(norms, i, frequency);
      if (!m) {
        i++;
        continue;
      }
      for (let k = 0; k < m.length; k++) gaz[i + k] = `${k === 0 ? 'B' : 'I'}-${m.entry.kind}`;
      i += m.length;
    }
  }
  return norms.map((norm, i): TokenView => {
    const split = splitClitics(norm, frequency);
    const stem = lightStem(split.core);
    const entry = lexicon ? unpackLexiconEntry(lexicon.packed(split.core)) : undefined;
    const raw = stripMarks(tokens[i] ?? '');
    return {
      raw: raw.length > 40 ? raw.slice(0, 40) : raw,
      norm: norm.length > 40 ? norm.slice(0, 40) : norm,
      core: split.core.length > 40 ? split.core.slice(0, 40) : split.core,
      stem: stem.length > 40 ? stem.slice(0, 40) : stem,
      prefix: split.prefix + (split.core.startsWith('ال') ? '+ال' : ''),
      shape: wordShape(tokens[i] ?? ''),
      trigger: triggerClass(stem) ?? '',
      coarse: entry ? String(entry.coarse) : '',
      fine: entry ? String(entry.fine) : '',
      flags: entry ? entry.flags : 0,
      freqClass: entry ? entry.freqClass : 0,
      gazetteer: gaz[i] ?? '',
      nisba: gazetteer ? gazetteer.nisbaCountry(split.core) !== undefined : false,
    };
  });
}

const PIPE = '|';

export interface SentenceFeatures {
  offsets: Uint32Array;
  ids: Uint32Array;
  /** How many of each token's ids (they come first) describe the word itself. */
  identityCounts: Uint8Array;
}

/**
 * Feature buckets for every token of a sentence: `ids` holds them back to back, token i owning
 * ids[offsets[i]] … ids[offsets[i+1]-1].
 */
export function sentenceFeatures(tokens: readonly string[], options: FeatureOptions): SentenceFeatures {
  const views = viewTokens(tokens, options);
  const mask = (1 << options.hashBits) - 1;
  const at = (i: number): TokenView => (i >= 0 && i < views.length ? views[i]! : PAD);
  const offsets = new Uint32Array(tokens.length + 1);
  const identityCounts = new Uint8Array(tokens.length);
  const ids: number[] = [];
  // FNV-1a is sequential, so hashing the template and then each part (joined by |) gives the
  // bucket of the concatenated string without building it.
  const add = (template: string, a?: string, b?: string, c?: string): void => {
    let h = fnv1a(template);
    if (a !== undefined) h = fnv1a(a, h);
    if (b !== undefined) h = fnv1a(b, fnv1a(PIPE, h));
    if (c !== undefined) h = fnv1a(c, fnv1a(PIPE, h));
    ids.push(h & mask);
  };
  const useLexicon = options.lexicon !== undefined && options.lexicon.size > 0;
  for (let i = 0; i < views.length; i++) {
    offsets[i] = ids.length;
    const w = at(i);
    const prev = at(i - 1);
    const next = at(i + 1);
    // Identity features first: training may hide them (see `identityCounts`) so the weights
    // also learn from context, affixes and clusters, which are all an unseen name has.
    add('w0=', w.norm);
    add('r0=', w.raw);
    add('r-1|r0=', prev.raw, w.raw);
    add('c0=', w.core);
    add('s0=', w.stem);
    add('c-1|c0=', prev.core, w.core);
    add('c0|c+1=', w.core, next.core);
    identityCounts[i] = ids.length - offsets[i]!;
    add('bias');
    add('w-1=', prev.norm);
    add('w+1=', next.norm);
    add('s-1=', prev.stem);
    add('s+1=', next.stem);
    add('s-2=', at(i - 2).stem);
    add('s+2=', at(i + 2).stem);
    add('p0=', w.prefix);
    add('shape=', w.shape, String(Math.min(w.stem.length, 8)));
    add('shape-1|shape0|shape+1=', prev.shape, w.shape, next.shape);
    for (let k = 1; k <= 4; k++) {
      if (w.stem.length > k) {
        add(`pre${k}=`, w.stem.slice(0, k));
        add(`suf${k}=`, w.stem.slice(-k));
      }
    }
    if (w.trigger) add('t0=', w.trigger);
    if (prev.trigger) add('t-1=', prev.trigger);
    if (at(i - 2).trigger) add('t-2=', at(i - 2).trigger);
    if (next.trigger) add('t+1=', next.trigger);
    if (prev.trigger && w.trigger === '') add('t-1|p0=', prev.trigger, w.prefix);
    if (useLexicon) {
      add('k0=', w.coarse);
      add('f0=', w.fine);
      add('k-1=', prev.coarse);
      add('k+1=', next.coarse);
      add('f-1=', prev.fine);
      add('f+1=', next.fine);
      add('k-1|k0|k+1=', prev.coarse, w.coarse, next.coarse);
      add('k-1|k0=', prev.coarse, w.coarse);
      add('k0|k+1=', w.coarse, next.coarse);
      add('f0|p0=', w.fine, w.prefix);
      add('k-2=', at(i - 2).coarse);
      add('k+2=', at(i + 2).coarse);
      add('s-1|k0=', prev.stem, w.coarse);
      add('k0|s+1=', w.coarse, next.stem);
      add('freq0=', String(w.freqClass));
      add('freq0|p0=', String(w.freqClass), w.prefix);
      for (const [name, bit] of Object.entries(LEXICON_FLAG)) {
        if (w.flags & bit) add('mined0=', name);
        if (prev.flags & bit) add('mined-1=', name);
        if (next.flags & bit) add('mined+1=', name);
      }
    }
    if (options.gazetteer) {
      if (w.gazetteer) add('g0=', w.gazetteer);
      if (prev.gazetteer) add('g-1=', prev.gazetteer);
      if (next.gazetteer) add('g+1=', next.gazetteer);
      if (w.nisba) add('nisba0');
      if (next.nisba) add('nisba+1');
      if (prev.nisba) add('nisba-1');
    }
  }
  offsets[views.length] = ids.length;
  return { offsets, ids: Uint32Array.from(ids), identityCounts };
}
