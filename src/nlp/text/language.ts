/**
 * Language identification for Arabic-script text: Arabic against Persian, Urdu, Kurdish (Sorani)
 * and Pashto. They share the script, so the script alone says nothing; what tells them apart is
 * (1) letters each language adds to the Arabic alphabet (پ چ ژ گ ک ی, ٹ ڈ ڑ ں ے ہ, ە ێ ۆ ڵ ڕ,
 * ښ ږ ځ څ ټ ډ ړ ې) and the Arabic letters the others hardly use (ة, ي/ك at word ends), and
 * (2) the most frequent function words of each language. Pure: no DOM, no browser API.
 */
import { ALEF, BA, FA, KAF, LAM, TAA_MARBUTA, WAW } from './letters';

export type ScriptLanguage = 'ar' | 'fa' | 'ur' | 'ckb' | 'ps' | 'other';

export interface LanguageGuess {
  lang: ScriptLanguage;
  /** 0..1: how sure, from the margin over the runner-up and the amount of evidence. */
  confidence: number;
  /** Arabic-script letters / (Arabic-script + Latin letters) in the text. */
  arabicScriptShare: number;
  /** Arabic-script letters seen. */
  arabicScriptLetters: number;
  /** A short human-readable account of the evidence. */
  evidence: string;
}

type Candidate = Exclude<ScriptLanguage, 'other'>;
const CANDIDATES: readonly Candidate[] = ['ar', 'fa', 'ur', 'ckb', 'ps'];

export const LANGUAGE_NAMES: Record<ScriptLanguage, string> = {
  ar: 'Arabic',
  fa: 'Persian',
  ur: 'Urdu',
  ckb: 'Kurdish (Sorani)',
  ps: 'Pashto',
  other: 'not Arabic-script',
};

/**
 * Letters that point away from Arabic, with the languages they point to. Arabic news writes
 * foreign names with some of them now and then (گ in Maghreb spellings, ڤ for V), so they are
 * evidence by their rate, never by their mere presence.
 */
const LETTER_VOTES: ReadonlyArray<[string, readonly Candidate[]]> = [
  ['\u067E', ['fa', 'ur', 'ckb', 'ps']], // پ
  ['\u0686', ['fa', 'ur', 'ckb', 'ps']], // چ
  ['\u0698', ['fa', 'ur', 'ckb', 'ps']], // ژ
  ['\u06AF', ['fa', 'ur', 'ckb', 'ps']], // گ
  ['\u06A9', ['fa', 'ur', 'ckb', 'ps']], // ک keheh
  ['\u06CC', ['fa', 'ur', 'ckb', 'ps']], // ی Farsi yeh
  ['\u06C0', ['fa']], // ۀ
  ['\u0679', ['ur']], // ٹ
  ['\u0688', ['ur']], // ڈ
  ['\u0691', ['ur']], // ڑ
  ['\u06BA', ['ur']], // ں
  ['\u06D2', ['ur']], // ے
  ['\u06C1', ['ur']], // ہ
  ['\u06C3', ['ur']], // ۃ
  ['\u06BE', ['ur', 'ckb']], // ھ do-chashmi he
  ['\u06D5', ['ckb']], // ە
  ['\u06CE', ['ckb']], // ێ
  ['\u06C6', ['ckb']], // ۆ
  ['\u06B5', ['ckb']], // ڵ
  ['\u0695', ['ckb']], // ڕ
  ['\u06A4', ['ckb']], // ڤ
  ['\u069A', ['ps']], // ښ
  ['\u0696', ['ps']], // ږ
  ['\u0681', ['ps']], // ځ
  ['\u0685', ['ps']], // څ
  ['\u067C', ['ps']], // ټ
  ['\u0689', ['ps']], // ډ
  ['\u0693', ['ps']], // ړ
  ['\u06BC', ['ps']], // ڼ
  ['\u06CD', ['ps']], // ۍ
  ['\u06D0', ['ps']], // ې
];
/** Votes by code unit (looked up only for the units UNIT_KINDS marks as voting letters). */
const LETTER_TO_LANGS = new Map(LETTER_VOTES.map(([letter, langs]) => [letter.charCodeAt(0), langs]));

/**
 * Frequent function words, written as each language writes them. Words two languages share
 * (و، از in Persian and Urdu) are left out, so every hit is a vote for one language.
 */
const FUNCTION_WORDS: Record<Candidate, readonly string[]> = {
  ar: ['في', 'من', 'على', 'إلى', 'الى', 'عن', 'أن', 'إن', 'التي', 'الذي', 'الذين', 'هذا', 'هذه', 'ذلك', 'مع', 'كان', 'كانت', 'قد', 'لم', 'لن', 'وقال', 'قال', 'وفي', 'بين', 'بعد', 'حيث', 'أو', 'ما', 'منذ', 'عبر', 'خلال', 'إنه', 'أنه', 'وأن', 'ومن', 'وهو', 'وهي', 'كما'],
  fa: ['است', 'این', 'آن', 'که', 'را', 'های', 'برای', 'شده', 'شد', 'کرد', 'می', 'بود', 'خود', 'هم', 'نیز', 'باید', 'کند', 'شود', 'ما', 'اند', 'بر', 'یک', 'تا', 'دارد', 'کرده', 'گفت', 'هر', 'اما', 'وی', 'او'],
  ur: ['ہے', 'ہیں', 'کے', 'کی', 'کا', 'میں', 'اور', 'سے', 'کو', 'نے', 'پر', 'یہ', 'وہ', 'تھا', 'تھی', 'گیا', 'گئی', 'ہو', 'کہ', 'بھی', 'کر', 'لیے', 'جو', 'ایک', 'رہے', 'ہوئے'],
  ckb: ['لە', 'بە', 'کە', 'ئەو', 'بۆ', 'ئەم', 'کرد', 'دەکات', 'لەگەڵ', 'یان', 'هەروەها', 'بوو', 'دەبێت', 'ئێستا', 'دوای', 'نێوان', 'ناو', 'زۆر', 'هەموو', 'وەک'],
  ps: ['د', 'په', 'او', 'چې', 'ته', 'دا', 'کې', 'سره', 'دي', 'وو', 'شوی', 'شوې', 'کړي', 'وايي', 'ويل', 'دې', 'یې', 'هم', 'لپاره', 'څخه'],
};

/**
 * Words are looked up after folding only the letters that different keyboards swap for the
 * same sound (Arabic ك/ي against Persian ک/ی, and ى): the EU writes Persian with Arabic kaf,
 * some Arabic sites type Persian yeh. Hamza seats and ە/ه are kept: they carry the language.
 */
function foldKeyboard(word: string): string {
  return word.replace(/[\u06A9]/g, '\u0643').replace(/[\u06CC\u0649]/g, '\u064A');
}

const WORD_OWNER: Map<string, Candidate> = (() => {
  const owner = new Map<string, Candidate>();
  const clash = new Set<string>();
  for (const lang of CANDIDATES) {
    for (const w of FUNCTION_WORDS[lang]) {
      const key = foldKeyboard(w);
      const prev = owner.get(key);
      if (prev && prev !== lang) clash.add(key);
      else owner.set(key, lang);
    }
  }
  for (const key of clash) owner.delete(key);
  return owner;
})();

/** `foldKeyboard` of one code unit. */
function foldKeyboardUnit(c: number): number {
  return c === 0x06a9 ? 0x0643 : c === 0x06cc || c === 0x0649 ? 0x064a : c;
}

/**
 * The function words by shape (length, first code unit in U+0600–U+06FF), with their owners: a
 * word is compared in place against the few words of its shape, so the loop over the text cuts
 * no substring and hashes nothing per word (a third of Arabic words have a function word's shape).
 */
const MAX_FUNCTION_WORD = Math.max(...[...WORD_OWNER.keys()].map((w) => w.length));
const OWNERS_BY_SHAPE: Array<Array<[string, Candidate]> | undefined> = (() => {
  const table: Array<Array<[string, Candidate]> | undefined> = new Array((MAX_FUNCTION_WORD + 1) * 0x100).fill(undefined);
  for (const [word, owner] of WORD_OWNER) {
    const first = word.charCodeAt(0);
    if (first < 0x0600 || first > 0x06ff) throw new Error(`function word outside the Arabic block: ${word}`);
    (table[shapeIndex(word.length, first)] ??= []).push([word, owner]);
  }
  return table;
})();

function shapeIndex(length: number, first: number): number {
  return length * 0x100 + (first - 0x0600);
}

/** The owner of the word s[start, start + length), its keyboard variants folded when `fold`, or undefined. */
function ownerOf(s: string, start: number, length: number, fold: boolean): Candidate | undefined {
  const first = fold ? foldKeyboardUnit(s.charCodeAt(start)) : s.charCodeAt(start);
  if (length > MAX_FUNCTION_WORD || first < 0x0600 || first > 0x06ff) return undefined;
  const candidates = OWNERS_BY_SHAPE[shapeIndex(length, first)];
  if (!candidates) return undefined;
  for (const [word, owner] of candidates) {
    let k = 1;
    while (k < length && word.charCodeAt(k) === (fold ? foldKeyboardUnit(s.charCodeAt(start + k)) : s.charCodeAt(start + k))) k++;
    if (k === length) return owner;
  }
  return undefined;
}

/** Letters of the Arabic script (not digits, marks or punctuation). */
function isArabicScriptLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    c === 0x06ee ||
    c === 0x06ef ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff)
  );
}
/**
 * Code units of an Arabic-script word: letters, marks and tatweel (the class
 * [\u0620-\u065F\u066E-\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\u0640\u0670]). A word
 * stops at anything else, ZWNJ included (Persian می‌ / ها joins come out as two words).
 */
function isWordUnit(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x065f) ||
    (c >= 0x066e && c <= 0x06d5) ||
    c === 0x06ee ||
    c === 0x06ef ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    c === 0x0640 ||
    c === 0x0670
  );
}

/** Harakat, tatweel and superscript alef: dropped from a word before it is looked up. */
function isWordMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

/** Letters `foldKeyboard` changes: a word without them needs no folding. */
function isKeyboardVariant(c: number): boolean {
  return c === 0x06a9 || c === 0x06cc || c === 0x0649;
}

/** و ف ب ك ل: the one-letter prefixes that may stand before the article. */
function isArticlePrefix(c: number): boolean {
  return c === WAW || c === FA || c === BA || c === KAF || c === LAM;
}

/**
 * Arabic's article ال (with the prefixes و ب ف ل ك) and at least two letters after it, or لل
 * and two letters: /^(?:[وفبكل]|وال|فال|بال|كال)?ال.{2,}/ or /^لل.{2,}/ on a word of letters,
 * tested with code units on s[start, end) (the longer prefixes add nothing the one-letter one does not).
 */
function hasDefiniteArticle(s: string, start: number, end: number): boolean {
  const n = end - start;
  const c0 = s.charCodeAt(start);
  const c1 = s.charCodeAt(start + 1);
  if (c0 === ALEF && c1 === LAM && n >= 4) return true;
  if (c0 === LAM && c1 === LAM && n >= 4) return true;
  return n >= 5 && isArticlePrefix(c0) && c1 === ALEF && s.charCodeAt(start + 2) === LAM;
}

/** Kinds of a code unit, as bits (one unit may be several: a letter is also a word unit). */
const ARABIC_SCRIPT_LETTER = 1;
const LATIN_LETTER = 2;
const WORD_UNIT = 4;
const WORD_MARK = 8;
const KEYBOARD_VARIANT = 16;
const VOTING_LETTER = 32;
/**
 * The kinds of every unit below U+0900, from the predicates above (no unit at or above it is any
 * of them): the pass over the text reads one entry per unit instead of running the range tests.
 */
const UNIT_KINDS = Uint8Array.from({ length: 0x900 }, (_, c) => {
  let kind = 0;
  if (isArabicScriptLetter(c)) kind |= ARABIC_SCRIPT_LETTER;
  else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) kind |= LATIN_LETTER;
  if (isWordUnit(c)) kind |= WORD_UNIT;
  if (isWordMark(c)) kind |= WORD_MARK;
  if (isKeyboardVariant(c)) kind |= KEYBOARD_VARIANT;
  if (LETTER_TO_LANGS.has(c)) kind |= VOTING_LETTER;
  return kind;
});

export interface IdentifyOptions {
  /** Fewer Arabic-script letters than this is too little to say (default 20). */
  minLetters?: number;
}

/** Identifies the language of `text`; 'other' when it is not mainly Arabic script. */
export function identifyLanguage(text: string, options: IdentifyOptions = {}): LanguageGuess {
  const minLetters = options.minLetters ?? 20;
  let arabicLetters = 0;
  let latinLetters = 0;
  let taaMarbuta = 0;
  const letterVotes: Record<Candidate, number> = { ar: 0, fa: 0, ur: 0, ckb: 0, ps: 0 };
  const wordHits: Record<Candidate, number> = { ar: 0, fa: 0, ur: 0, ckb: 0, ps: 0 };
  let words = 0;
  let definiteArticle = 0;
  // One pass over the code units, each classified by one table read: letters and their votes,
  // and the words (runs of word units), each judged where it ends. (The word counts are wasted
  // on the rare text that turns out not to be Arabic script.)
  let wordStart = -1;
  let marks = false;
  let variants = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0; // 0 past the end: closes the last word
    const kind = c < UNIT_KINDS.length ? UNIT_KINDS[c]! : 0;
    if (kind & ARABIC_SCRIPT_LETTER) {
      arabicLetters++;
      if (c === TAA_MARBUTA) taaMarbuta++;
      if (kind & VOTING_LETTER) {
        const langs = LETTER_TO_LANGS.get(c)!;
        for (const l of langs) letterVotes[l] += 1 / langs.length;
      }
    } else if (kind & LATIN_LETTER) {
      latinLetters++;
    }
    if (kind & WORD_UNIT) {
      if (wordStart < 0) {
        wordStart = i;
        marks = false;
        variants = false;
      }
      if (kind & WORD_MARK) marks = true;
      else if (kind & KEYBOARD_VARIANT) variants = true;
      continue;
    }
    if (wordStart < 0) continue;
    const start = wordStart;
    wordStart = -1;
    // Words are read in place; a string is made only for marked words.
    let word: string | undefined;
    if (marks) {
      word = stripWordMarks(text.slice(start, i));
      if (!word) continue;
    }
    words++;
    const owner = word ? ownerOf(word, 0, word.length, variants) : ownerOf(text, start, i - start, variants);
    if (owner) wordHits[owner]++;
    // Arabic's article ال (with the prefixes و ب ف ل ك) starts a large share of Arabic words.
    if (word ? hasDefiniteArticle(word, 0, word.length) : hasDefiniteArticle(text, start, i)) definiteArticle++;
  }
  const share = arabicLetters + latinLetters > 0 ? arabicLetters / (arabicLetters + latinLetters) : 0;
  const base = { arabicScriptShare: round(share), arabicScriptLetters: arabicLetters };
  if (arabicLetters < minLetters) {
    return { lang: 'other', confidence: arabicLetters === 0 ? 0.99 : 0.6, ...base, evidence: `only ${arabicLetters} Arabic-script letters` };
  }
  if (share < 0.35) {
    return { lang: 'other', confidence: round(Math.min(0.99, 0.6 + (0.35 - share))), ...base, evidence: `mostly Latin script (${pct(share)} Arabic script)` };
  }

  // Rates per 100 words / letters, so long and short texts are scored alike.
  const perWord = (n: number) => (words ? (100 * n) / words : 0);
  const perLetter = (n: number) => (1000 * n) / arabicLetters;
  const scores: Record<Candidate, number> = {
    ar: perWord(wordHits.ar) + 0.35 * perWord(definiteArticle) + 0.5 * perLetter(taaMarbuta),
    fa: perWord(wordHits.fa) + 0.5 * perLetter(letterVotes.fa),
    ur: perWord(wordHits.ur) + 0.5 * perLetter(letterVotes.ur),
    ckb: perWord(wordHits.ckb) + 0.5 * perLetter(letterVotes.ckb),
    ps: perWord(wordHits.ps) + 0.5 * perLetter(letterVotes.ps),
  };
  const ranked = [...CANDIDATES].sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0]!;
  const second = ranked[1]!;
  const top = scores[best];
  const runnerUp = scores[second];
  if (top <= 0) {
    return { lang: 'other', confidence: 0.5, ...base, evidence: 'Arabic script without the words or letters of any known language' };
  }
  const margin = (top - runnerUp) / top;
  // Little text earns little confidence even with a clear margin.
  const amount = Math.min(1, words / 40);
  let confidence = 0.5 + 0.49 * margin * (0.4 + 0.6 * amount);
  // Mixed pages (Latin chrome around the text) lower it a little.
  if (share < 0.6) confidence -= 0.1;
  const evidence =
    `${LANGUAGE_NAMES[best]}: ${wordHits[best]} function words of ${words}` +
    (best === 'ar'
      ? `, ${perWord(definiteArticle).toFixed(0)}% words with ال, ${perLetter(taaMarbuta).toFixed(0)}‰ ة`
      : `, ${perLetter(letterVotes[best]).toFixed(0)}‰ letters of its own`) +
    `; next ${LANGUAGE_NAMES[second]} (${runnerUp.toFixed(1)} vs ${top.toFixed(1)})`;
  return { lang: best, confidence: round(Math.max(0.5, Math.min(0.99, confidence))), ...base, evidence };
}

function stripWordMarks(word: string): string {
  let out = '';
  for (let k = 0; k < word.length; k++) if (!isWordMark(word.charCodeAt(k))) out += word[k];
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
