/**
 * From text to typed mentions: tokens with offsets, sentences, the tagger's spans, the GROUP
 * rules, gazetteer places the tagger missed, clitics cut off the mention's start, furniture
 * lines skipped.
 *
 * Offsets: a mention starts after attached conjunctions and prepositions (`وإيران` → `إيران`,
 * `بالعراق` → `العراق`); the article stays (`الولايات المتحدة`). For ل + ال, written `لل`
 * (`للولايات المتحدة`), the article's alif is not in the text, so no substring reads
 * `الولايات`: the mention starts after `لل` (`ولايات المتحدة`), and its display form, used for
 * names and grouping, restores the article (`الولايات المتحدة`).
 */
import type { ActorType } from '../types';
import { stripMarks } from '../text/normalize';
import { forEachToken, type Token } from '../text/tokenize';
import { cliticCandidates, rawOffsetAfterLetters, type CliticSplit, type FormFrequency } from './clitics';
import { furnitureTest } from './furniture';
import { LABEL_COUNT, labelIndex, spansFromLabelIndices, type LabelSpan } from './labels';
import { LEXICON_FLAG, unpackLexiconEntry } from './lexicon';
import type { NerModel } from './model';
import { MAX_CACHED_LENGTH, WORD_CACHE_SIZE, type WordInfo } from './features';
import { RangeCache } from '../text/rangecache';
import { isSpaceUnit } from '../text/letters';
import { DISEASE_HEADS, GROUP_HEADS, HONORIFICS, isPersonTitle, MINISTRY_ADJECTIVES, NAME_LINKS, ORG_HEADS, PERSON_TITLES, PLACE_HEADS } from './triggers';
import { isStopWord } from './stopwords';
import type { Stopwatch } from '../stopwatch';

/** A token of the analysed text with its normalised form and clitic split. */
export interface TextToken extends Token {
  norm: string;
  split: CliticSplit;
  /** Core without article and case of the word, for trigger lookups. */
  bare: string;
  sentence: number;
}

export interface Mention {
  type: ActorType;
  /** Offsets into the text, clitics excluded. */
  start: number;
  end: number;
  text: string;
  /** Index of the first and last token (inclusive) in the token list. */
  first: number;
  last: number;
  /** Normalised tokens with the first one's clitics removed (and a fused article restored). */
  normTokens: string[];
  /** Display form: marks stripped, fused article restored (`للولايات` → `الولايات …`). */
  display: string;
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '؛', '…', ';']);

/** Tokens with their cached word facts (`NerModel.word`), so the tagger reuses them. */
interface LookedUp {
  tokens: TextToken[];
  words: WordInfo[];
  /**
   * Per token, which of the rules' word lists its `bare` form is in (RULE_* bits, see ruleBitsOf),
   * and above them (from RULE_BIT_COUNT) its norm's ending key (see endingKey).
   */
  rules: number[];
  /** Per token, its `norm`: the gazetteer matches over this array, and sweeps read it without touching each token's record. */
  norms: string[];
  /** Index of the first token of each sentence, in order (a sentence is a run of tokens with one `sentence` number). */
  sentenceStarts: number[];
  /** Indices of the tokens with any rule bit, ascending: the rule sweeps visit only these. */
  ruled: number[];
}

/**
 * Tokens up to this length are remembered per model (see `wordsOf`); longer ones are looked up
 * afresh. Both bounds are the tagger's own word cache's, so the two caches fill and empty
 * together and this one never keeps alive word facts the tagger has let go.
 */
const MAX_REMEMBERED_TOKEN = MAX_CACHED_LENGTH;
const REMEMBERED_TOKENS = WORD_CACHE_SIZE;

/**
 * Per model: the word facts of each token string seen, with (as the entry's tag) which of the
 * rules' word lists its `bare` form is in (RULE_* bits) and its norm's ending key (endingKey),
 * found by the token's offsets in the text (no substring is cut for a known token, and its string
 * is the one kept here). The word facts are `model.word`'s and the tag follows from them, all
 * fixed per string, so this only
 * spares the lookups. (The bits ride in the cache's own integer array rather than in a wrapper
 * object: one pointer less to chase per token, out of cache by the time the next article comes.)
 */
const wordsByModel = new WeakMap<NerModel, RangeCache<WordInfo>>();

function wordsOf(model: NerModel): RangeCache<WordInfo> {
  let cache = wordsByModel.get(model);
  if (!cache) {
    cache = new RangeCache<WordInfo>(REMEMBERED_TOKENS, MAX_REMEMBERED_TOKEN);
    wordsByModel.set(model, cache);
  }
  return cache;
}

export function textTokens(text: string, model: NerModel): LookedUp {
  const tokens: TextToken[] = [];
  const words: WordInfo[] = [];
  const rules: number[] = [];
  const norms: string[] = [];
  const sentenceStarts: number[] = [];
  const ruled: number[] = [];
  const known = wordsOf(model);
  let sentence = 0;
  let lastSentence = 0;
  let previousEnd = 0;
  // One pass: each token is found in the text and looked up as the tokenizer reaches it.
  forEachToken(text, (start, end) => {
    for (let c = tokens.length > 0 ? previousEnd : start; c < start; c++) {
      if (text.charCodeAt(c) === 10) {
        sentence++;
        break;
      }
    }
    const id = known.find(text, start, end);
    let token: string;
    let w: WordInfo;
    let ruleBits: number;
    if (id >= 0) {
      token = known.key(id);
      w = known.value(id);
      ruleBits = known.tag(id);
    } else {
      token = text.slice(start, end);
      w = model.word(token);
      ruleBits = ruleBitsOf(w, token) | (endingKey(w.norm) << RULE_BIT_COUNT);
      known.add(token, w, ruleBits);
    }
    if (sentenceStarts.length === 0 || sentence !== lastSentence) {
      sentenceStarts.push(tokens.length);
      lastSentence = sentence;
    }
    if ((ruleBits & RULE_MASK) !== 0) ruled.push(tokens.length);
    words.push(w);
    rules.push(ruleBits);
    norms.push(w.norm);
    tokens.push({ text: token, start, end, norm: w.norm, split: w.split, bare: w.bare, sentence });
    previousEnd = end;
    if (token.length === 1 && SENTENCE_END.has(token)) sentence++; // every entry is one character
  });
  return { tokens, words, rules, norms, sentenceStarts, ruled };
}

/** Plural faction words: with a nisba or an adjective after them they name a group (الفصائل اليمنية). */
const FACTION_WORDS = new Set(['فصايل', 'فصيل', 'ميليشيا', 'ميليشيات', 'مليشيا', 'مليشيات', 'جماعات', 'كتايب']);
/** Newspaper and broadcaster name endings: `نيويورك تايمز` is an ORG even though نيويورك is a city. */
const OPENING_QUOTES = new Set(['«', '"', '“']);
const CLOSING_QUOTES = new Set(['»', '"', '”']);
const ARABIC_WORD = /^\p{Script=Arabic}+$/u;
const MEDIA_TAILS = new Set(['تايمز', 'بوست', 'جورنال', 'نيوز', 'هيرالد', 'تريبيون', 'تلغراف', 'غارديان', 'اندبندنت']);

/** Nouns that, with a country's adjective, name part of that country (الحدود الأردنية, الأراضي السورية). */
const GEOGRAPHIC_NOUNS = new Set(['حدود', 'اراضي', 'مياه', 'اجواء', 'سواحل', 'شواطي', 'اقاليم', 'اراض', 'حدودها']);

/**
 * The word lists the rules below test every token's `bare` form against, as bits of one map:
 * one lookup per distinct word (kept in its WordInfo, see textTokens) instead of one per
 * token, list and rule sweep, and the sweeps read a small-integer array rather than each
 * token's record and string.
 */
const RULE_FACTION = 1;
const RULE_GROUP_HEAD = 2;
const RULE_GEOGRAPHIC = 4;
const RULE_PERSON_TITLE = 8;
const RULE_MINISTRY = 16;
export const RULE_BIT_COUNT = 5;
const RULE_MASK = (1 << RULE_BIT_COUNT) - 1;
const RULE_WORDS: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number): void => {
    for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  mark(FACTION_WORDS, RULE_FACTION);
  mark(GROUP_HEADS, RULE_GROUP_HEAD);
  mark(GEOGRAPHIC_NOUNS, RULE_GEOGRAPHIC);
  mark(PERSON_TITLES, RULE_PERSON_TITLE);
  mark(['وزاره'], RULE_MINISTRY);
  return bits;
})();

/**
 * The rule lists `word` is in, the title list as written (isPersonTitle): a title rule reading the
 * preposition أمام as إمام would make a person of whatever follows (أمام مستقبل ملتبس).
 */
function ruleBitsOf(word: WordInfo, written: string): number {
  const bits = RULE_WORDS.get(word.bare) ?? 0;
  return bits & RULE_PERSON_TITLE && !isPersonTitle(word.bare, written) ? bits & ~RULE_PERSON_TITLE : bits;
}

/** ولاية is also a term of office (ولاية دونالد ترامب الأولى): never read as a place head here. */
function isPlaceHeadInConstruct(t: TextToken): boolean {
  return PLACE_HEADS.has(t.bare) && t.bare !== 'ولايه' && !t.split.core.startsWith('ال') && !t.split.fusedArticle;
}

function isTitleWord(t: TextToken): boolean {
  return isPersonTitle(t.bare, t.text) || HONORIFICS.has(t.bare);
}

const CURRENCIES = new Set([
  'ريال', 'ريالات', 'دينار', 'دنانير', 'درهم', 'دراهم', 'جنيه', 'جنيهات', 'دولار', 'دولارات', 'يورو', 'ليره', 'ليرات',
  'روبيه', 'فرنك', 'روبل', 'يوان', 'ين',
]);
const NUMBER_WORDS = new Set(['الف', 'الاف', 'مليون', 'ملايين', 'مليار', 'مليارات', 'ترليون', 'تريليون', 'مليونا', 'مليارا', 'الفا']);

/** A currency word right after a number or a number word: an amount, not a name. */
function isCurrencyAfterNumber(tokens: readonly TextToken[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before || !CURRENCIES.has(tokens[i]!.bare)) return false;
  const c = before.norm.charCodeAt(0);
  return (c >= 48 && c <= 57) || NUMBER_WORDS.has(before.norm);
}

/**
 * The names the text gives diseases (كورونا after فيروس): the same words elsewhere in the article
 * (وانتشار كورونا) are the disease too, not a person.
 */
function diseaseNames(model: NerModel, tokens: readonly TextToken[], spans: readonly LabelSpan[]): Set<string> {
  const names = new Set<string>();
  for (const sp of spans) {
    if (sp.type !== 'PERS' || !namesDisease(model, tokens, sp)) continue;
    const from = isDiseaseWord(tokens[sp.start]!) ? sp.start + 1 : sp.start;
    if (from < sp.end) names.add(spanKey(tokens, from, sp.end));
  }
  return names;
}

/** The words of tokens [start, end), the first without its clitics. */
function spanKey(tokens: readonly TextToken[], start: number, end: number): string {
  let key = tokens[start]!.split.core;
  for (let k = start + 1; k < end; k++) key += ' ' + tokens[k]!.norm;
  return key;
}

/** The word "colour" (لون, ألوان), after which a word is a colour (اللون الرمادي, بلون الأسود). */
const COLOUR_WORDS = new Set(['لون', 'الوان']);

/** Most words after وزارة: the portfolio (one or two words) and its adjectives (وزارة الشؤون الإسلامية السعودية). */
const MAX_MINISTRY_WORDS = 4;

/**
 * Ministries: وزارة in construct with its portfolio (وزارة العمل, وزارة شؤون المرأة, وزارة الموارد
 * المائية, وزارة الخارجية الأمريكية). They act in the news (تستعد وزارة العمل …) and readers look for
 * them, though ANERcorp leaves them unlabelled and the tagger rarely finds them. The portfolio is
 * an articled word (or a word in construct with one), then only adjectives a ministry takes: a
 * country's (الأمريكية) or a portfolio's (MINISTRY_ADJECTIVES). Any other word is the verb's object
 * or what comes next (وتتابع وزارة الخارجية القضية). A portfolio joined by و (والري) is not
 * followed: as often it is the next body of a list (وزارة الداخلية والجيش).
 */
function ministries(model: NerModel, tokens: readonly TextToken[], rules: readonly number[], ruled: readonly number[]): RawSpan[] {
  const found: RawSpan[] = [];
  const portfolioWord = (t: TextToken | undefined, sentence: number): t is TextToken =>
    t !== undefined && t.sentence === sentence && t.split.prefixLength === 0 && ARABIC_WORD.test(t.norm) && !isStopWord(t.norm, t.text);
  // Past the last ministry found: its words are not looked at again.
  let after = -1;
  for (const i of ruled) {
    if (i <= after || i + 1 >= tokens.length || !(rules[i]! & RULE_MINISTRY)) continue;
    const head = tokens[i]!;
    if (head.split.core.startsWith('ال') || head.split.fusedArticle) continue;
    let last = i + 1;
    const first = tokens[last];
    if (!portfolioWord(first, head.sentence)) continue;
    if (!first.norm.startsWith('ال')) {
      // وزارة شؤون المرأة: a portfolio in construct with an articled word.
      const next = tokens[last + 1];
      if (!portfolioWord(next, head.sentence) || !next.norm.startsWith('ال')) continue;
      last++;
    }
    while (last - i < MAX_MINISTRY_WORDS) {
      const t = tokens[last + 1];
      if (!portfolioWord(t, head.sentence) || !isMinistryAdjective(model, t.norm)) break;
      last++;
    }
    found.push({ first: i, last, type: 'ORG' });
    after = last;
  }
  return found;
}

function isMinistryAdjective(model: NerModel, norm: string): boolean {
  return MINISTRY_ADJECTIVES.has(norm) || (norm.startsWith('ال') && norm.endsWith('يه') && model.gazetteer.nisbaCountry(norm) !== undefined);
}

/**
 * A span that starts with a disease word or right after one (فيروس كورونا, بفيروس كورونا المستجد),
 * unless its name is one the unlabeled text knows as a person's.
 */
function namesDisease(model: NerModel, tokens: readonly TextToken[], sp: { start: number; end: number }): boolean {
  const head = tokens[sp.start]!;
  const before = tokens[sp.start - 1];
  let name: TextToken | undefined;
  if (isDiseaseWord(head)) name = sp.start + 1 < sp.end ? tokens[sp.start + 1] : undefined;
  else if (before !== undefined && before.sentence === head.sentence && isDiseaseWord(before)) name = head;
  else return false;
  // The disease word alone (فيروس) is no person either.
  if (name === undefined) return true;
  return (unpackLexiconEntry(model.lexicon.packed(name.split.core)).flags & LEXICON_FLAG.person) === 0;
}

/**
 * A disease word in construct (فيروس, بفيروس: the word or, behind its clitics, its core, as بفيروس
 * is not split when the whole word is frequent enough). Not with the article: after بالفيروس comes
 * who caught it (وأصيب بالفيروس بوريس جونسون).
 */
function isDiseaseWord(t: TextToken): boolean {
  if (DISEASE_HEADS.has(t.norm)) return true;
  // A clitic reading's core ends the word: only a word ending in a disease word can have one.
  let ends = false;
  for (const head of DISEASE_HEADS) if (t.norm.length > head.length && t.norm.endsWith(head)) ends = true;
  return ends && cliticCandidates(t.norm).some((c) => DISEASE_HEADS.has(c.core));
}

export interface RawSpan {
  first: number;
  last: number;
  type: ActorType;
}

export function findMentions(model: NerModel, text: string, watch?: Stopwatch): { tokens: TextToken[]; mentions: Mention[] } {
  watch?.reset();
  const lexicon = model.lexicon;
  const frequency: FormFrequency | undefined = lexicon.size > 0 ? (f) => lexicon.frequency(f) : undefined;
  const { tokens, words, rules, norms, sentenceStarts, ruled } = textTokens(text, model);
  watch?.lap('ner: tokens + word facts (model.word)');
  const spans: RawSpan[] = [];
  // The labels of the whole text, end to end (label indices, 0 = O).
  const tagged = new Uint8Array(tokens.length);

  // 1. The tagger, over the text's sentences as one document (see NerModel.decodeDocument).
  const sentences: WordInfo[][] = [];
  for (let k = 0; k < sentenceStarts.length; k++) sentences.push(words.slice(sentenceStarts[k]!, sentenceStarts[k + 1] ?? tokens.length));
  model.decodeDocument(sentences).forEach((labels, k) => tagged.set(labels, sentenceStarts[k]!));
  watch?.lap('ner: tagger');
  // Words of a name the tagger calls MISC (a cup, an event, a treaty: `كأس أمم أوروبا`) are not
  // mentions, and the place and person rules below leave them alone too.
  const inMisc = new Uint8Array(tokens.length);
  const taggedSpans = spansFromLabelIndices(tagged);
  const diseases = diseaseNames(model, tokens, taggedSpans);
  for (const span of taggedSpans) {
    if (span.type === 'MISC') {
      inMisc.fill(1, span.start, span.end);
      continue;
    }
    const type: ActorType = span.type === 'PERS' ? 'PERSON' : span.type === 'LOC' ? 'LOC' : 'ORG';
    const before = tokens[span.start - 1];
    // A sum of money (مليون ريال, 250 ألف ريال سعودي) is not Real Madrid.
    if (isCurrencyAfterNumber(tokens, span.start)) continue;
    // A colour is no place: اللون الرمادي is grey, not the city of Ramadi.
    if (span.end - span.start === 1 && before && before.sentence === tokens[span.start]!.sentence && COLOUR_WORDS.has(before.bare)) continue;
    // A disease is no actor, though the tagger reads فيروس كورونا as a person: left alone like MISC.
    if (type === 'PERSON' && (namesDisease(model, tokens, span) || (diseases.size > 0 && diseases.has(spanKey(tokens, span.start, span.end))))) {
      inMisc.fill(1, span.start, span.end);
      continue;
    }
    const sp: RawSpan = { first: span.start, last: span.end - 1, type };
    if (type === 'PERSON') namedFacility(tokens, sp, tagged);
    // A name governed by a place head is the place's (منطقة حائل), whatever it looks like; with a
    // royal title between them, namedFacility has made it the whole place (مدينة الملك عبدالله). Not
    // after a head with the article: محافظ العاصمة خالد أبو زيد is a person.
    if (sp.type === 'PERSON' && before && before.sentence === tokens[span.start]!.sentence && isPlaceHeadInConstruct(before)) sp.type = 'LOC';
    if (sp.type !== 'PERSON') {
      trimRunOn(model, tokens, sp);
      const person = personRunOn(model, tokens, sp);
      if (person) spans.push(person);
    }
    spans.push(sp);
  }

  // 2. Rules: groups, newspapers, gazetteer places the tagger missed.
  // Which span covers each token: kept in step with `spans` so every rule asks in O(1).
  const owner = new Array<RawSpan | undefined>(tokens.length).fill(undefined);
  const claim = (sp: RawSpan): void => {
    for (let k = sp.first; k <= sp.last; k++) owner[k] = sp;
  };
  spans.forEach(claim);
  const covered = (i: number): RawSpan | undefined => owner[i];
  const free = (first: number, last: number): boolean => {
    for (let k = first; k <= last; k++) if (owner[k] || inMisc[k]) return false;
    return true;
  };
  const add = (sp: RawSpan): void => {
    spans.push(sp);
    claim(sp);
  };
  for (const i of ruled) {
    if (i + 1 >= tokens.length || !(rules[i]! & RULE_FACTION)) continue;
    const head = tokens[i]!;
    const next = tokens[i + 1]!;
    if (head.sentence !== next.sentence) continue;
    const nisba = model.gazetteer.nisbaCountry(next.split.core) !== undefined;
    // Not the relative pronoun (الميليشيات التي تقوم …), which ends like an adjective.
    const adjective = next.norm.startsWith('ال') && (next.norm.endsWith('يه') || next.norm.endsWith('ي')) && !isStopWord(next.norm, next.text);
    const named = covered(i + 1);
    const followsName = named && named.first === i + 1 && named.type !== 'PERSON';
    if (next.split.prefixLength === 0 && (nisba || adjective || followsName)) {
      const last = followsName ? named.last : i + 1;
      const group: RawSpan = { first: i, last, type: 'GROUP' };
      for (const old of new Set(owner.slice(i, last + 1))) {
        if (!old) continue;
        spans.splice(spans.indexOf(old), 1);
        for (let k = old.first; k <= old.last; k++) owner[k] = undefined;
      }
      add(group);
    }
  }
  // A group head before a quoted name: `جماعة «لواء الفجر» المسلحة`, `حركة "أمل"`. The quotes mark the name even
  // when the tagger has never seen it; the mention is the name alone, as the reader sees it quoted.
  for (const i of ruled) {
    if (i + 2 >= tokens.length || !(rules[i]! & RULE_GROUP_HEAD) || !OPENING_QUOTES.has(tokens[i + 1]!.text)) continue;
    let close = i + 2;
    while (close < tokens.length && close - i <= MAX_NAME_TOKENS + 2 && !CLOSING_QUOTES.has(tokens[close]!.text)) close++;
    if (close >= tokens.length || !CLOSING_QUOTES.has(tokens[close]!.text) || close === i + 2) continue;
    const first = i + 2;
    const last = close - 1;
    if (tokens[last]!.sentence !== tokens[i]!.sentence) continue;
    if (!tokens.slice(first, close).every((t) => ARABIC_WORD.test(t.norm))) continue;
    // Whatever the tagger found inside the quotes gives way to the whole quoted name.
    const inside = spans.filter((sp) => sp.first >= first && sp.last <= last);
    if (inside.length !== spans.filter((sp) => sp.first <= last && sp.last >= first).length) continue;
    for (const old of inside) {
      spans.splice(spans.indexOf(old), 1);
      for (let k = old.first; k <= old.last; k++) owner[k] = undefined;
    }
    add({ first, last, type: 'GROUP' });
  }
  for (const sp of spans) {
    if (sp.type !== 'LOC' && sp.type !== 'ORG') continue;
    const after = tokens[sp.last + 1];
    if (after && !covered(sp.last + 1) && after.sentence === tokens[sp.last]!.sentence && after.split.prefixLength === 0 && MEDIA_TAILS.has(after.norm)) {
      sp.last += 1;
      sp.type = 'ORG';
      claim(sp);
    }
  }
  for (const sp of spans) if (sp.type === 'ORG' && isGroupName(model, tokens, sp)) sp.type = 'GROUP';
  for (const sp of ministries(model, tokens, rules, ruled)) {
    // Up to whatever another rule or the tagger already holds (وزارة الخارجية والولايات …).
    let last = sp.first - 1;
    while (last < sp.last && free(last + 1, last + 1)) last++;
    if (last > sp.first) add({ ...sp, last });
  }
  // `الحدود الأردنية`: a geographic noun with a country's adjective is a place of that country.
  for (const i of ruled) {
    if (i + 1 >= tokens.length || !(rules[i]! & RULE_GEOGRAPHIC)) continue;
    const next = tokens[i + 1]!;
    if (!next.norm.startsWith('ال') || tokens[i]!.sentence !== next.sentence) continue;
    if (model.gazetteer.nisbaCountry(next.norm) !== undefined && free(i, i + 1)) add({ first: i, last: i + 1, type: 'LOC' });
  }
  const doubt = new NameDoubt(model, tokens, words);
  for (const sp of personsByTitles(model, tokens, rules, ruled)) {
    const name = free(sp.first, sp.last) ? nameTheTaggerAllows(doubt, sp) : undefined;
    if (name) add(name);
  }
  for (let i = 0; i < tokens.length; ) {
    const m = words[i]!.placeStart ? model.gazetteer.matchAt(norms, i, frequency) : undefined;
    if (!m || (m.entry.kind === 'city' && !m.entry.capitalOf)) {
      i++;
      continue;
    }
    const last = i + m.length - 1;
    if (free(i, last) && tokens[last]!.sentence === tokens[i]!.sentence) add({ first: i, last, type: 'LOC' });
    i += m.length;
  }

  for (const sp of spans) {
    if (sp.type !== 'PERSON') continue;
    // A person ending on بن/أبو/عبد/آل stopped a word short (عبداللطيف بن عبدالملك آل [الشيخ]): it takes
    // the next word of the sentence when that word is free (at the text's end it cannot).
    while (NAME_LINKS.has(tokens[sp.last]!.norm) && sp.last - sp.first < MAX_LINKED_NAME_TOKENS && sp.last + 1 < tokens.length && !owner[sp.last + 1] && !inMisc[sp.last + 1]) {
      const next = tokens[sp.last + 1]!;
      if (next.sentence !== tokens[sp.last]!.sentence || !ARABIC_WORD.test(next.norm)) break;
      sp.last += 1;
      owner[sp.last] = sp;
    }
    trimCommonTail(model, tokens, sp);
  }
  propagateSurnames(model, tokens, norms, rules, spans, inMisc);

  joinAdjacentPersons(tokens, spans); // also leaves the spans in text order, as the mentions need

  // 3. Mentions: titles trimmed from person spans, clitics cut, furniture dropped.
  const inFurniture = furnitureTest(text);
  const mentions: Mention[] = [];
  for (const sp of spans) {
    let first = sp.first;
    if (sp.type === 'PERSON') {
      while (first < sp.last && isTitleWord(tokens[first]!)) first++;
      // A title or honorific alone (جلالة, سموه) stands for a person but names nobody.
      if (first === sp.last && isTitleWord(tokens[first]!)) continue;
      if (isDescription(model, tokens, first, sp.last)) continue;
    }
    const head = tokens[first]!;
    if (sp.type === 'PERSON' && head.split.prefixLength > 0 && !personCliticSplit(model, head)) head.split = { ...NO_CLITICS, core: head.norm };
    // A place name the gazetteer knows under a clitic reading (وسوريا) is cut where it says.
    if (head.split.prefixLength === 0 && sp.type !== 'PERSON') {
      const place = model.gazetteer.matchAt(norms, first, frequency);
      const reading = place && place.firstToken !== head.norm ? cliticCandidates(head.norm).find((c) => c.core === place.firstToken) : undefined;
      if (reading) head.split = reading;
    }
    const lastToken = tokens[sp.last]!;
    const start = head.start + rawOffsetAfterLetters(head.text, head.split.prefixLength);
    if (inFurniture(start)) continue;
    const normTokens = [head.split.core];
    for (let k = first + 1; k <= sp.last; k++) normTokens.push(norms[k]!);
    const surface = text.slice(start, lastToken.end);
    const display = collapseSpaces(stripMarks((head.split.fusedArticle ? 'ال' : '') + surface));
    mentions.push({ type: sp.type, start, end: lastToken.end, text: surface, first, last: sp.last, normTokens, display });
  }
  watch?.lap('ner: rules + mentions');
  return { tokens, mentions };
}

/**
 * `s.replace(/\s+/g, ' ')`, without running the regex over the many names whose words are
 * already parted by single plain spaces (the scan stops at the first other space or a second one).
 */
export function collapseSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceUnit(c) && (c !== 0x20 || (i + 1 < s.length && isSpaceUnit(s.charCodeAt(i + 1))))) return s.replace(/\s+/g, ' ');
  }
  return s;
}

/** A token that is an Arabic or Latin comma (`/^[،,]$/`, without a regex run per token). */
export function isComma(token: string): boolean {
  return token.length === 1 && (token.charCodeAt(0) === 0x060c || token.charCodeAt(0) === 0x2c);
}

/**
 * Whether `offset` lies in one of `ranges` (in text order, not overlapping), by binary search:
 * a long page can have hundreds of furniture lines and thousands of mentions.
 */

const MAX_NAME_TOKENS = 4;
/** Words at least this frequent in the unlabeled text (freq class, ~2^(c-1)) are not taken as unknown names. */
export const COMMON_WORD_CLASS = 10;

/**
 * Could this token be part of a personal name the tagger missed? No article, no title, not
 * punctuation, and either mined as a person's name from unlabeled text or uncommon there.
 */
function nameLike(model: NerModel, t: TextToken | undefined): boolean {
  if (!t || t.norm.startsWith('ال') || t.split.core.startsWith('ال') || t.norm.length < 2) return false;
  if (!/^\p{Script=Arabic}+$/u.test(t.norm) || PERSON_TITLES.has(t.bare) || isStopWord(t.norm, t.text)) return false;
  // The whole word, not its clitic split: a name like كاني must not be read as ك + اني.
  const entry = unpackLexiconEntry(model.lexicon.packed(t.norm));
  if ((entry.flags & LEXICON_FLAG.person) !== 0) return true;
  if (entry.freqClass >= COMMON_WORD_CLASS) return false;
  // A rare whole word that is a clitic on a common word (وأعضاء, لجميع, بالتزوير) is that word.
  return t.split.prefixLength === 0 || unpackLexiconEntry(model.lexicon.packed(t.split.core)).freqClass < COMMON_WORD_CLASS;
}

function isTitleOrDescriptor(model: NerModel, t: TextToken): boolean {
  return isPersonTitle(t.bare, t.text) || (t.norm.startsWith('ال') && t.split.prefixLength === 0) || model.gazetteer.nisbaCountry(t.split.core) !== undefined;
}

/**
 * Persons announced by a title, for names the tagger has never seen:
 * - apposition: `NAME، نائب وزير …` (1–4 name-like words right before a comma and a title);
 * - title phrase: `نائب وزير الخارجية الإيراني NAME` (a title, then title words, articled
 *   words or nationality adjectives, then 1–4 name-like words).
 * Only used where the tagger found nothing (the caller checks).
 */
function personsByTitles(model: NerModel, tokens: readonly TextToken[], rules: readonly number[], ruled: readonly number[]): RawSpan[] {
  const found: RawSpan[] = [];
  // A comma right before a title.
  for (const r of ruled) {
    const c = r - 1;
    if (c < 1 || !(rules[r]! & RULE_PERSON_TITLE) || !isComma(tokens[c]!.text)) continue;
    let first = c;
    while (first > 0 && c - first < MAX_NAME_TOKENS && nameLike(model, tokens[first - 1]) && tokens[first - 1]!.sentence === tokens[c]!.sentence) first--;
    if (first < c && c - first >= 2) found.push({ first, last: c - 1, type: 'PERSON' });
  }
  for (const t of ruled) {
    if (!(rules[t]! & RULE_PERSON_TITLE)) continue;
    let k = t + 1;
    while (k < tokens.length && k - t <= 5 && isTitleOrDescriptor(model, tokens[k]!)) k++;
    // A title over a place is an office, not a name: أمير منطقة حائل, محافظ مدينة جدة.
    if (k < tokens.length && isPlaceHeadInConstruct(tokens[k]!)) continue;
    let end = k;
    while (end < tokens.length && end - k < MAX_NAME_TOKENS && nameLike(model, tokens[end]) && tokens[end]!.sentence === tokens[t]!.sentence) end++;
    if (end - k >= 2 && someNameEvidence(model, tokens, k, end - 1)) found.push({ first: k, last: end - 1, type: 'PERSON' });
  }
  return found;
}

/**
 * How sure the tagger was that a word is not (part of) a person's name: the word's first-pass
 * score for B-PERS (a name's first word) or I-PERS, minus its best label's score. 0 when the
 * tagger would itself read it so; the more negative, the surer it was. Perceptron scores: the
 * scale is the shipped model's. Each sentence is scored at most once, when first asked.
 */
class NameDoubt {
  private readonly sentences = new Map<number, { start: number; scores: Float64Array }>();
  private readonly bPers = labelIndex('B-PERS');
  private readonly iPers = labelIndex('I-PERS');

  constructor(
    private readonly model: NerModel,
    private readonly tokens: readonly TextToken[],
    private readonly words: readonly WordInfo[],
  ) {}

  at(i: number, firstOfName: boolean): number {
    const id = this.tokens[i]!.sentence;
    let scored = this.sentences.get(id);
    if (!scored) {
      let start = i;
      let end = i + 1;
      while (start > 0 && this.tokens[start - 1]!.sentence === id) start--;
      while (end < this.tokens.length && this.tokens[end]!.sentence === id) end++;
      scored = { start, scores: this.model.sentenceScores(this.words.slice(start, end)) };
      this.sentences.set(id, scored);
    }
    const row = (i - scored.start) * LABEL_COUNT;
    let best = scored.scores[row]!;
    for (let l = 1; l < LABEL_COUNT; l++) best = Math.max(best, scored.scores[row + l]!);
    return scored.scores[row + (firstOfName ? this.bPers : this.iPers)]! - best;
  }
}

/**
 * Last words the tagger is at least this sure continue no name are cut from a name a title
 * announced (إبراهيما نداي لمرمى → إبراهيما نداي).
 */
const TAIL_DOUBT = -40;
/**
 * A first word the tagger is at least this sure starts no name is cut too, when two words are left
 * (ويحذر رالف سيجال → رالف سيجال: the verb −326, the names' first words −51 to −104).
 */
const HEAD_DOUBT = -200;
/**
 * Words after a title that the tagger is on average at least this sure are no name are none
 * (المتحدث الرسمي باسم مجلس, مدير عام فرع, لاعب مهم ونافذ). The limits were read off the
 * title-announced names of 300 SaudiNewsNet and 400 Jawhara FM texts and the Muscat sample
 * (shipped model): the real names (علي باقري كاني −27, علي خامنئي −33, منصف خماخم −55 on average)
 * against phrases from −7 to −127, most below −60. خماخم passes by 5 points, so some real names
 * will fall below; a retrained model may need the limits read again.
 */
const RUN_DOUBT = -60;

/** The part of a title-announced name the tagger does not rule out, if two words or more are left. */
function nameTheTaggerAllows(doubt: NameDoubt, sp: RawSpan): RawSpan | undefined {
  let first = sp.first;
  let last = sp.last;
  while (last > first && doubt.at(last, false) < TAIL_DOUBT) last--;
  while (last - first >= 2 && doubt.at(first, true) < HEAD_DOUBT) first++;
  if (last === first) return undefined;
  let sum = doubt.at(first, true);
  for (let k = first + 1; k <= last; k++) sum += doubt.at(k, false);
  return sum / (last - first + 1) >= RUN_DOUBT ? { ...sp, first, last } : undefined;
}

/**
 * After a title, rare words are taken for a name; at least one of them must look like one: marked
 * as a name by the unlabeled text, or unknown to it (ماكغورك). Known common-ish words alone are a
 * phrase (الوزير بتأمين طائرات شحن).
 */
function someNameEvidence(model: NerModel, tokens: readonly TextToken[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const norm = tokens[k]!.norm;
    if (model.lexicon.frequency(norm) === 0 || unpackLexiconEntry(model.lexicon.packed(norm)).flags & LEXICON_FLAG.person) return true;
  }
  return false;
}

/**
 * A "person" that is a description, not a name: `مسؤولان إيرانيان` (two Iranian officials).
 * Two words or fewer ending in a nationality adjective, where the first is not a name the
 * unlabeled text knows as one (so `محمد المصري` stays).
 */
function isDescription(model: NerModel, tokens: readonly TextToken[], first: number, last: number): boolean {
  if (last - first > 1) return false;
  const lastToken = tokens[last]!;
  if (model.gazetteer.nisbaCountry(lastToken.split.core) === undefined) return false;
  if (first === last) return true;
  const flags = unpackLexiconEntry(model.lexicon.packed(tokens[first]!.split.core)).flags;
  return (flags & LEXICON_FLAG.person) === 0;
}

/** A clitic and the article in front of a word (للعلوم, والشعب): never inside a name. */
const CLITIC_ARTICLE = /^(لل|[وفبك]ال)/;

/**
 * Two persons side by side with nothing between them are one name cut in two by the tagger or
 * by a spread surname (لويس فان + غال), when another person span of the text shows those two
 * words together (فان غال). Without that evidence they are two people: verb–subject–object news
 * puts them side by side (وانتقد ماكغورك بزشكيان). Never across a clitic (وانس الشمراني), a clitic
 * and the article (للعلوم) or a title. One pass; `spans` is rewritten in place.
 */
export function joinAdjacentPersons(tokens: readonly TextToken[], spans: RawSpan[]): void {
  spans.sort((a, b) => a.first - b.first);
  const together = new Set<string>();
  for (const sp of spans) {
    if (sp.type !== 'PERSON') continue;
    for (let k = sp.first; k < sp.last; k++) together.add(`${tokens[k]!.norm} ${tokens[k + 1]!.norm}`);
  }
  let kept = 0;
  for (const b of spans) {
    const a = kept > 0 ? spans[kept - 1]! : undefined;
    const head = tokens[b.first]!;
    const join =
      a !== undefined && a.type === 'PERSON' && b.type === 'PERSON' && b.first === a.last + 1 && head.sentence === tokens[a.last]!.sentence &&
      head.split.prefixLength === 0 && !CLITIC_ARTICLE.test(head.norm) && !isTitleWord(head) &&
      together.has(`${tokens[a.last]!.norm} ${head.norm}`);
    if (join) a.last = b.last;
    else spans[kept++] = b;
  }
  spans.length = kept;
}

/** A person grows over بن/أبو/آل … to at most this many words (names run long: محمد بن سلمان بن عبدالعزيز آل سعود). */
const MAX_LINKED_NAME_TOKENS = 12;

/**
 * The tagger often runs a person on by one word: the verb or noun after the name (محمد المومني
 * زيارة, أحمد يصرخ). A last word without the article that the unlabeled text knows as a common
 * word and never as a name is cut off (الثاني, الفيصل, person-flagged words such as صالح, and any
 * word after بن/أبو/عبد stay).
 */
function trimCommonTail(model: NerModel, tokens: readonly TextToken[], sp: RawSpan): void {
  if (sp.last <= sp.first) return;
  const last = tokens[sp.last]!;
  if (last.norm.startsWith('ال') || last.split.core.startsWith('ال') || NAME_LINKS.has(tokens[sp.last - 1]!.norm)) return;
  const entry = unpackLexiconEntry(model.lexicon.packed(last.norm));
  if (entry.freqClass >= COMMON_WORD_CLASS && (entry.flags & LEXICON_FLAG.person) === 0) sp.last -= 1;
}

/**
 * The tagger also runs an organisation or a place on into the next word (الاتحاد الآسيوي تحت,
 * الاتحاد الأفريقي بداية, مستشفى الملك فهد بالهفوف): a last word behind ب, or one without the article
 * that is a function word or a common word the unlabeled text never marks as a name, is cut off.
 * Articled last words stay: they end names (وزارة الصحة, الأمم المتحدة).
 */
function trimRunOn(model: NerModel, tokens: readonly TextToken[], sp: RawSpan): void {
  // One word at most: سي إن إن بالعربية loses بالعربية, not the letters of CNN after it.
  if (sp.last === sp.first) return;
  const last = tokens[sp.last]!;
  // A last word behind the preposition ب says where the body is, not what it is called.
  if (last.split.prefix.includes('ب')) {
    sp.last -= 1;
    return;
  }
  if (last.norm.startsWith('ال') || last.split.core.startsWith('ال') || last.split.fusedArticle || !ARABIC_WORD.test(last.norm)) return;
  // A head noun in construct (بلدية محافظة …) means the name goes on past what the tagger took.
  if (PLACE_HEADS.has(last.bare) || ORG_HEADS.has(last.bare)) return;
  const entry = unpackLexiconEntry(model.lexicon.packed(last.norm));
  const common = entry.freqClass >= COMMON_WORD_CLASS && entry.flags === 0;
  if (common || isStopWord(last.norm, last.text)) sp.last -= 1;
}

/**
 * An organisation or place the tagger ran on into the person named after it (الجامعة العربية نبيل
 * العربي, كوريا الشمالية كيم جونج أون): where the name has ended on an adjective with the article and
 * the next word is one the unlabeled text mostly tags as a person, the rest is that person. `sp` is
 * cut there, keeping two words at least; the person is returned. Not after a title (جامعة الملك سعود).
 */
function personRunOn(model: NerModel, tokens: readonly TextToken[], sp: RawSpan): RawSpan | undefined {
  for (let k = sp.first + 2; k <= sp.last; k++) {
    const before = tokens[k - 1]!;
    const t = tokens[k]!;
    if (!before.norm.startsWith('ال') || !(before.norm.endsWith('يه') || before.norm.endsWith('ي')) || isTitleWord(before)) continue;
    if (t.norm.startsWith('ال') || t.split.prefixLength > 0 || !ARABIC_WORD.test(t.norm)) continue;
    const self = unpackLexiconEntry(model.lexicon.packed(t.norm)).self ?? 0;
    // Self-labels 1–2: the tagger called the word a person mostly or often in the unlabeled text.
    if (self < 1 || self > 2) continue;
    const person: RawSpan = { first: k, last: sp.last, type: 'PERSON' };
    sp.last = k - 1;
    return person;
  }
  return undefined;
}

/** Titles that facilities are named after (مطار الملك عبدالعزيز, مدينة الأمير عبدالله بن جلوي), bare. */
const ROYAL_TITLES = new Set(['ملك', 'امير', 'شيخ', 'سلطان']);

/**
 * Heads of facilities named after a king or prince, with the type of the whole name: places one
 * travels to or through, and bodies that act (مركز الملك سلمان للإغاثة). Bare, normalised.
 */
const FACILITY_HEADS: ReadonlyMap<string, ActorType> = new Map([
  ...['مطار', 'ميناء', 'مدينه', 'شارع', 'طريق', 'جسر', 'ملعب', 'استاد', 'ستاد', 'حي', 'ميدان', 'قاعده', 'قصر', 'مسجد', 'حديقه', 'برج'].map((w): [string, ActorType] => [w, 'LOC']),
  ...['مركز', 'مستشفي', 'جامعه', 'كليه', 'معهد', 'موسسه', 'جايزه', 'برنامج', 'مدرسه', 'مجمع', 'صندوق', 'مكتبه', 'نادي', 'مستشفيات'].map((w): [string, ActorType] => [w, 'ORG']),
]);
const MAX_FACILITY_ADJECTIVES = 2;

/**
 * A "person" the tagger found after a facility head and a title is the facility named after them:
 * مطار الملك عبدالعزيز الدولي, مستشفى الملك فهد, مركز الملك سلمان. The span takes the head and the
 * adjectives after the name (الدولي, التخصصي) and the head's type; King Salman keeps his own
 * mentions only. `tagged` (the tagger's labels) keeps the adjectives from running into its next name.
 */
function namedFacility(tokens: readonly TextToken[], sp: RawSpan, tagged: Uint8Array): void {
  const first = tokens[sp.first]!;
  const titleAt = ROYAL_TITLES.has(first.bare) ? sp.first : sp.first - 1;
  const title = tokens[titleAt];
  const head = tokens[titleAt - 1];
  if (!title || !head || !ROYAL_TITLES.has(title.bare) || head.sentence !== first.sentence) return;
  const type = FACILITY_HEADS.get(head.bare);
  if (!type || head.split.core.startsWith('ال') || head.split.fusedArticle) return;
  sp.first = titleAt - 1;
  sp.type = type;
  for (let added = 0; added < MAX_FACILITY_ADJECTIVES; added++) {
    const next = tokens[sp.last + 1];
    if (!next || next.sentence !== first.sentence || tagged[sp.last + 1] !== 0 || next.split.prefixLength > 0) return;
    if (!next.norm.startsWith('ال') || !(next.norm.endsWith('ي') || next.norm.endsWith('يه')) || isStopWord(next.norm, next.text)) return;
    sp.last += 1;
  }
}

/**
 * One name, one sense per article: a person's last name found once (بريت ماكغورك) is a
 * mention wherever else it stands alone (بعد مغادرة ماكغورك), clitics allowed (لماكغورك).
 * A last name that is also a common word in the unlabeled text (علي, حسن, الله) is not spread:
 * its other occurrences are mostly the word (every على after محمد علي); those that are the name
 * are left to the tagger.
 */
function propagateSurnames(
  model: NerModel,
  tokens: readonly TextToken[],
  norms: readonly string[],
  rules: readonly number[],
  spans: RawSpan[],
  inMisc: Uint8Array,
): void {
  const surnames = new Set<string>();
  for (const sp of spans) {
    if (sp.type !== 'PERSON') continue;
    const last = tokens[sp.last]!;
    if (nameLike(model, last) || sp.first < sp.last) surnames.add(last.norm);
  }
  if (surnames.size === 0) return;
  const taken = Uint8Array.from(inMisc);
  for (const sp of spans) for (let k = sp.first; k <= sp.last; k++) taken[k] = 1;
  // Every clitic reading of a word ends with the word's last two letters (the rest is at least
  // two letters long): words ending otherwise cannot carry a surname, and need no readings.
  // (Endings as two code units in one number: no string is cut per token.)
  const endings = new Set<number>();
  for (const s of surnames) if (s.length >= 2) endings.add(lastTwoUnits(s));
  for (const s of surnames) surnameEndingKeys[endingKey(s)] = 1;
  try {
    sweepSurnames(model, tokens, norms, rules, spans, taken, surnames, endings);
  } finally {
    for (const s of surnames) surnameEndingKeys[endingKey(s)] = 0;
  }
}

/** propagateSurnames over the tokens: first by the ending keys, then word by word. */
function sweepSurnames(
  model: NerModel,
  tokens: readonly TextToken[],
  norms: readonly string[],
  rules: readonly number[],
  spans: RawSpan[],
  taken: Uint8Array,
  surnames: ReadonlySet<string>,
  endings: ReadonlySet<number>,
): void {
  for (let i = 0; i < norms.length; i++) {
    if (taken[i] || surnameEndingKeys[rules[i]! >>> RULE_BIT_COUNT] === 0) continue;
    const norm = norms[i]!;
    const reading = surnames.has(norm)
      ? norm
      : norm.length >= 2 && endings.has(lastTwoUnits(norm))
        ? cliticCandidates(norm).find((c) => surnames.has(c.core))?.core
        : undefined;
    if (!reading) continue;
    const t = tokens[i]!;
    if (isStopWord(norm, t.text)) continue;
    // A common word is a surname only where the tagger says so: علي, الله, الأول and حسن are also
    // على, the word God, "the first" and "good", and each would light up all over the article.
    if (unpackLexiconEntry(model.lexicon.packed(reading)).freqClass >= COMMON_WORD_CLASS) continue;
    if (reading !== norm) t.split = cliticCandidates(norm).find((c) => c.core === reading)!;
    spans.push({ first: i, last: i, type: 'PERSON' });
  }
}

/**
 * A 16-bit key of a word's last two code units (0 standing in for a missing one). Every clitic
 * reading of a word ends as the word does (see propagateSurnames), so a word whose key is no
 * surname's has no surname reading. Kept with the word in the tokens' cache: the surname sweep
 * then reads an integer per token, not the token's string.
 */
export function endingKey(s: string): number {
  const n = s.length;
  const a = n >= 2 ? s.charCodeAt(n - 2) : 0;
  const b = n >= 1 ? s.charCodeAt(n - 1) : 0;
  return (a * 31 + b) & 0xffff;
}

/** Marks of the surnames' ending keys during one sweep (cleared after it). */
const surnameEndingKeys = new Uint8Array(1 << 16);

function lastTwoUnits(s: string): number {
  return s.charCodeAt(s.length - 2) * 0x10000 + s.charCodeAt(s.length - 1);
}

const NO_CLITICS: CliticSplit = { prefixLength: 0, core: '', fusedArticle: false, prefix: '' };

/**
 * Names are where frequency-based clitic splits go wrong (كاني is not ك + اني). A person's
 * first word loses its clitic only when the whole word is unknown to the unlabeled text or
 * the rest is itself known as a name (وبايدن, لماكغورك).
 */
function personCliticSplit(model: NerModel, head: TextToken): boolean {
  if (model.lexicon.frequency(head.norm) === 0) return true;
  return (unpackLexiconEntry(model.lexicon.packed(head.split.core)).flags & LEXICON_FLAG.person) !== 0;
}

/**
 * GROUP rule, applied to ORG mentions: the head word is a group word (حركة، جماعة، حزب،
 * فصائل، ميليشيا، كتائب …); or the name is one the unlabeled text shows after such words
 * (mined `group` flag, e.g. حماس); or it is a plural gentilic with the article that is not a
 * country's people (الحوثيون، الحوثيين).
 */
/** Army and forces heads: a state's own (القوات العراقية) are an organisation, not an armed group. */
const FORCE_HEADS = new Set(['قوات', 'جيش']);
/**
 * What makes a force a state's: its country's adjective, or the branch and service words. Not
 * الوطني: الجيش الوطني الليبي and الجيش الوطني السوري are not the states' armies.
 */
const STATE_FORCE_WORDS = new Set(['الامنيه', 'المسلحه', 'الجويه', 'البحريه', 'البريه', 'الحكوميه', 'النظاميه', 'الخاصه', 'النظامي', 'الحكومي', 'الطواري']);

function isStateForce(model: NerModel, tokens: readonly TextToken[], sp: RawSpan): boolean {
  const head = tokens[sp.first]!;
  const next = tokens[sp.first + 1];
  if (!FORCE_HEADS.has(head.bare) || sp.last === sp.first || !next) return false;
  return STATE_FORCE_WORDS.has(next.norm) || (next.norm.startsWith('ال') && model.gazetteer.nisbaCountry(next.norm) !== undefined);
}

function isGroupName(model: NerModel, tokens: readonly TextToken[], sp: RawSpan): boolean {
  const head = tokens[sp.first]!;
  if (GROUP_HEADS.has(head.bare)) return !isStateForce(model, tokens, sp);
  if (sp.first === sp.last) {
    const flags = unpackLexiconEntry(model.lexicon.packed(head.split.core)).flags;
    if (flags & LEXICON_FLAG.group && !(flags & LEXICON_FLAG.org)) return true;
    const core = head.split.core;
    if (core.startsWith('ال') && /(يون|يين)$/.test(core) && model.gazetteer.nisbaCountry(core) === undefined) return true;
  }
  return false;
}

