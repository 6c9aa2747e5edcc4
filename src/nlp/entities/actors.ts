/**
 * Mentions → actors: grouping the mentions that name the same actor within one article,
 * canonical names and aliases, roles from titles and appositions, capitals standing for
 * their country.
 *
 * Grouping keys: a place the gazetteer knows as a country groups by ISO code (أمريكا and
 * الولايات المتحدة are US); a group word with a nationality groups by (word, country)
 * (الفصائل اليمنية = فصائل اليمن); other places and organisations by their normalised form
 * without the article; persons by containment (every token of بايدن is in جو بايدن), a
 * transliterated word allowed one long vowel more or less (بوشنل in آرون بوشنيل); a surname the
 * tagger typed as an organisation or place joins its person.
 */
import type { Actor, ActorType, Span } from '../types';
import { normalizeArabic, stripMarks } from '../text/normalize';
import { rawOffsetAfterLetters, withoutArticle } from './clitics';
import { collapseSpaces, COMMON_WORD_CLASS, findMentions, isComma, type Mention, type TextToken } from './mentions';
import { LEXICON_FLAG, unpackLexiconEntry } from './lexicon';
import type { NerModel } from './model';
import { GROUP_HEADS, isPersonTitle, ORG_HEADS, PARENT_LINKS } from './triggers';
import { isStopWord } from './stopwords';
import type { Stopwatch } from '../stopwatch';
import { ALEF, FA, WAW, YA } from '../text/letters';

interface Group {
  type: ActorType;
  mentions: Mention[];
  /** ISO code when the actor is a country. */
  country?: string;
  /** ISO code of the country whose capital this is. */
  capitalOf?: string;
  roles: string[];
}

/** The watch, when given, times the parts of recognition (for the benchmark). */
export function recogniseActors(model: NerModel, text: string, watch?: Stopwatch): Actor[] {
  watch?.reset();
  if (typeof text !== 'string' || text.length === 0) return [];
  const { tokens, mentions } = findMentions(model, text, watch);
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();

  // The group of the latest organisation or group named with each head noun (هيئة, تنظيم …).
  const byHead = new Map<string, Group>();
  const personMentions: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'PERSON') {
      personMentions.push(m);
      continue;
    }
    const head = m.type === 'LOC' ? undefined : headNoun(m);
    if (head && m.normTokens.length === 1) {
      // `الهيئة` alone is the body named just before with that head, or no name at all.
      byHead.get(head)?.mentions.push(m);
      continue;
    }
    const { key, country, capitalOf } = placeOrOrgKey(model, m);
    let g = byKey.get(key);
    if (!g) {
      g = { type: m.type, mentions: [], country, capitalOf, roles: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    if (m.type === 'GROUP') g.type = 'GROUP';
    g.mentions.push(m);
    if (head) byHead.set(head, g);
  }
  joinMinistriesToTheirCountry(model, byKey);
  const persons = groupPersons(model, personMentions, groups, tokens, text);
  absorbSurnames(model, groups, persons);

  const ordered = groups
    .filter((g) => g.mentions.length > 0)
    .map((g) => ({ ...g, mentions: g.mentions.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  const actors: Actor[] = ordered.map((g, i) => toActor(g, `a${i + 1}`, model));
  linkCapitals(ordered, actors, tokens);
  watch?.lap('ner: actor grouping');
  return actors;
}

/**
 * A ministry named by its portfolio alone (وزارة الصحة) is the one the article names with its
 * country (وزارة الصحة السعودية), when it names exactly one: one actor, whose country-bearing name
 * also lets the timeline link it across articles.
 */
function joinMinistriesToTheirCountry(model: NerModel, byKey: ReadonlyMap<string, Group>): void {
  const withCountry = new Map<string, Group[]>();
  for (const [key, g] of byKey) {
    const words = key.split(' ');
    const last = words[words.length - 1]!;
    if (!key.startsWith('O:وزاره ') || words.length < 3 || model.gazetteer.nisbaCountry(last) === undefined) continue;
    const portfolio = words.slice(0, -1).join(' ');
    const list = withCountry.get(portfolio);
    if (list) list.push(g);
    else withCountry.set(portfolio, [g]);
  }
  for (const [portfolio, found] of withCountry) {
    const generic = byKey.get(portfolio);
    if (!generic || found.length !== 1 || generic === found[0]) continue;
    found[0]!.mentions.push(...generic.mentions);
    generic.mentions = [];
  }
}

/** The head noun an organisation or group mention starts with (الهيئة العامة للطيران → هييه), if any. */
function headNoun(m: Mention): string | undefined {
  const head = withoutArticle(m.normTokens[0]!);
  return ORG_HEADS.has(head) || GROUP_HEADS.has(head) ? head : undefined;
}

function toActor(g: Group, id: string, model: NerModel): Actor {
  const forms: string[] = [];
  for (const m of g.mentions) if (!forms.includes(m.display)) forms.push(m.display);
  // A country named only through a description (الحدود الأردنية) takes its CLDR name.
  const namesCountry = (form: string): boolean => model.gazetteer.matchAt(normalizeArabic(form).split(' '), 0)?.entry.code === g.country;
  const countryName = g.country && !forms.some(namesCountry) ? model.gazetteer.countryName(g.country) : undefined;
  if (countryName) forms.unshift(stripMarks(countryName));
  // Fullest form: most words, then most letters; ties keep the first used.
  const name = countryName ? forms[0]! : forms.reduce((best, f) => (wordCount(f) > wordCount(best) || (wordCount(f) === wordCount(best) && f.length > best.length) ? f : best), forms[0]!);
  const roles = orderRoles(g.roles);
  const mentions: Span[] = g.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text }));
  const actor: Actor = { id, name, type: g.type, aliases: forms.filter((f) => f !== name), mentions };
  if (roles.length) {
    actor.role = roles[0];
    actor.roles = roles;
  }
  return actor;
}

/** `s.split(' ').length`, without building the parts. */
function wordCount(s: string): number {
  let n = 1;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

function placeOrOrgKey(model: NerModel, m: Mention): { key: string; country?: string; capitalOf?: string } {
  const gaz = model.gazetteer;
  const whole = m.normTokens.join(' ');
  if (m.type === 'LOC' || m.type === 'ORG') {
    const match = gaz.matchAt(m.normTokens, 0);
    if (match && match.length === m.normTokens.length) {
      if (match.entry.kind === 'country' && match.entry.code) return { key: `C:${match.entry.code}`, country: match.entry.code };
      if (match.entry.capitalOf) return { key: `L:${whole}`, capitalOf: match.entry.capitalOf };
    }
  }
  // `الحدود الأردنية`, `الأراضي السورية`: a place described by its country's adjective is
  // grouped with (and named after) that country.
  if (m.type === 'LOC' && m.normTokens.length === 2) {
    const code = gaz.nisbaCountry(m.normTokens[1]!);
    if (code && gaz.country(m.normTokens[0]!) === undefined) return { key: `C:${code}`, country: code };
  }
  if (m.type === 'GROUP' && m.normTokens.length === 2) {
    const head = withoutArticle(m.normTokens[0]!);
    const second = m.normTokens[1]!;
    const code = gaz.nisbaCountry(second) ?? gaz.matchAt([second], 0)?.entry.code;
    if (code) return { key: `G:${head}:${code}` };
  }
  let bare = withoutArticle(m.normTokens[0]!);
  for (let k = 1; k < m.normTokens.length; k++) bare += ' ' + m.normTokens[k]!;
  return { key: `${m.type === 'LOC' ? 'L' : 'O'}:${bare}` };
}

/**
 * Persons: fuller names first; a shorter mention joins the fuller name that contains all its
 * words, unless it starts where the fuller name names a parent: in محمد بن سلمان بن عبدالعزيز,
 * سلمان بن عبدالعزيز is the father and عبدالعزيز the grandfather, not short forms of the son.
 */
function groupPersons(model: NerModel, mentions: Mention[], groups: Group[], tokens: readonly TextToken[], text: string): PersonGroup[] {
  const personGroups: PersonGroup[] = [];
  // The groups holding a word of each skeleton, in the order they were made. A word matches only
  // words of its own skeleton, so a mention's candidates are the shortest of its words' lists:
  // trying every group for every mention was quadratic in the persons of a long page.
  const bySkeleton = new Map<string, PersonGroup[]>();
  const wordsOf = (m: Mention): string[] => m.normTokens.map((t) => withoutArticle(t));
  const has = (p: PersonGroup, w: string): boolean => p.words.has(w) || p.order.some((o) => sameSpelling(model, o, w));
  const byLength = [...mentions].sort((a, b) => b.normTokens.length - a.normTokens.length || a.start - b.start);
  for (const m of byLength) {
    const words = wordsOf(m);
    let candidates: PersonGroup[] = [];
    for (let k = 0; k < words.length; k++) {
      const list = bySkeleton.get(skeleton(words[k]!)) ?? [];
      if (k === 0 || list.length < candidates.length) candidates = list;
    }
    const home = candidates.find((p) => words.every((w) => has(p, w)) && !namesAParent(model, words, p.order));
    if (home) {
      home.group.mentions.push(m);
    } else {
      const group: Group = { type: 'PERSON', mentions: [m], roles: [] };
      const person: PersonGroup = { words: new Set(words), order: words, group };
      personGroups.push(person);
      groups.push(group);
      for (const key of new Set(words.map(skeleton))) {
        const list = bySkeleton.get(key);
        if (list) list.push(person);
        else bySkeleton.set(key, [person]);
      }
    }
  }
  // Which person mention covers each token, so a role phrase stops at another person's name.
  const personAt = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, i) => personAt.fill(i, m.first, m.last + 1));
  for (const { group } of personGroups) {
    for (const m of group.mentions) group.roles.push(...rolesAround(m, tokens, text, mentions, personAt));
  }
  return personGroups;
}

interface PersonGroup {
  /** The fullest name's words (article removed), as a set and in order. */
  words: Set<string>;
  order: string[];
  group: Group;
}

/**
 * Whether two words of names are one spelling of the same name. Transliterated names are written
 * with or without a long vowel (بوشنيل and بوشنل in one BBC article, ماسيميليانو and ماسيمليانو):
 * two words the unlabeled text knows neither as common words nor as names may differ by one ا، و
 * or ي inside them. Arabic names must match letter for letter: سلمان and سليمان, العتيبي and
 * العتبي are different names (see `transliterated`).
 */
function sameSpelling(model: NerModel, a: string, b: string): boolean {
  if (a === b) return true;
  const short = a.length < b.length ? a : b;
  const long = short === a ? b : a;
  if (long.length !== short.length + 1 || short.length < 4) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  // The extra letter: a long vowel, not first or last, and the rest alike.
  if (i === 0 || i === short.length || !'اوي'.includes(long[i]!) || long.slice(i + 1) !== short.slice(i)) return false;
  return transliterated(model, a) && transliterated(model, b);
}

/** The word with its inner long vowels removed: words that `sameSpelling` may join share it. */
export function skeleton(word: string): string {
  if (word.length < 4 || !hasInnerLongVowel(word)) return word;
  return word[0]! + word.slice(1, -1).replace(LONG_VOWELS, '') + word[word.length - 1]!;
}

/** Whether an ا، و or ي stands between the word's first and last units (read in place: most words of names have none to drop). */
function hasInnerLongVowel(word: string): boolean {
  for (let i = 1; i < word.length - 1; i++) {
    const c = word.charCodeAt(i);
    if (c === ALEF || c === WAW || c === YA) return true;
  }
  return false;
}

const LONG_VOWELS = /[اوي]/g;

/**
 * A word that looks like a foreign name written in Arabic letters. Not a nisba (العتيبي, السويدي:
 * Arabic family names, whose bare form is rare only because they are written with the article),
 * and neither the word nor the word with the article is common or known as a name in the
 * unlabeled text.
 */
function transliterated(model: NerModel, word: string): boolean {
  if (word.endsWith('ي')) return false;
  for (const form of [word, 'ال' + word]) {
    const entry = unpackLexiconEntry(model.lexicon.packed(form));
    if (entry.freqClass >= COMMON_WORD_CLASS || (entry.flags & LEXICON_FLAG.person) !== 0) return false;
  }
  return true;
}

/**
 * One name, one actor: when the tagger typed one occurrence of a person's surname as an
 * organisation or a place (لكن بالنسبة لأصدقاء بوشنل), that mention joins the person, as long as
 * the word is not a place the gazetteer knows (واشنطن stays the city).
 */
function absorbSurnames(model: NerModel, groups: Group[], persons: readonly PersonGroup[]): void {
  // Persons of two words or more, by their last word's skeleton, in the order they were made.
  const bySurname = new Map<string, PersonGroup[]>();
  for (const p of persons) {
    if (p.order.length < 2) continue;
    const key = skeleton(p.order[p.order.length - 1]!);
    const list = bySurname.get(key);
    if (list) list.push(p);
    else bySurname.set(key, [p]);
  }
  if (bySurname.size === 0) return;
  for (const g of groups) {
    if ((g.type !== 'ORG' && g.type !== 'LOC') || g.country || g.capitalOf) continue;
    if (!g.mentions.every((m) => m.normTokens.length === 1)) continue;
    const word = g.mentions[0]?.normTokens[0];
    if (word === undefined || model.gazetteer.matchAt([word], 0)) continue;
    const bare = withoutArticle(word);
    const person = bySurname.get(skeleton(bare))?.find((p) => sameSpelling(model, p.order[p.order.length - 1]!, bare));
    if (!person) continue;
    person.group.mentions.push(...g.mentions);
    g.mentions = [];
  }
}

/** Whether `words` begins at a parent's name inside the fuller name `full` (the word before it is بن/بنت). */
function namesAParent(model: NerModel, words: readonly string[], full: readonly string[]): boolean {
  const at = full.findIndex((w) => sameSpelling(model, w, words[0]!));
  return at > 0 && PARENT_LINKS.has(full[at - 1]!);
}

const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

/** Per UTF-16 unit, whether it alone is punctuation (PUNCTUATION): 0 not yet asked, 1 no, 2 yes. */
const punctuationUnits = new Uint8Array(0x10000);

/**
 * `PUNCTUATION.test(token)` for a token of `tokenize`, asked of the regex once per character: a
 * word token starts with a letter, mark, digit or tatweel, none of them punctuation, so only a
 * token of one code point (one unit, or a surrogate pair) can be all punctuation.
 */
export function isPunctuationToken(token: string): boolean {
  if (token.length === 1) {
    const c = token.charCodeAt(0);
    let known = punctuationUnits[c]!;
    if (known === 0) {
      known = PUNCTUATION.test(token) ? 2 : 1;
      punctuationUnits[c] = known;
    }
    return known === 2;
  }
  return token.length === 2 && isHighSurrogate(token.charCodeAt(0)) && PUNCTUATION.test(token);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** A prefix starting with a conjunction (و or ف), as `/^[وف]/` tests it. */
function startsWithConjunction(prefix: string): boolean {
  const c = prefix.charCodeAt(0);
  return c === WAW || c === FA;
}
const MAX_ROLE_TOKENS = 12;

/**
 * Roles stated next to a person mention:
 * - before it: the title phrase that ends at the name (`الرئيس الأمريكي جو بايدن`,
 *   `نائب وزير الخارجية الإيراني علي باقري كاني`), from the leftmost title word, not crossing
 *   punctuation, function words or a conjunction. When that phrase sits inside another
 *   person's apposition (after `<name>،`), only the nearest title counts: in `ماكغورك، منسق
 *   الرئيس بايدن` Biden is `الرئيس`, not `منسق الرئيس`.
 * - after it: an apposition `، <title …>` up to the next punctuation, split at `و` + title
 *   (`نائب وزير الخارجية الإيراني وكبير المفاوضين النوويين` gives two roles).
 */
function rolesAround(m: Mention, tokens: readonly TextToken[], text: string, persons: Mention[], personAt: Int32Array): string[] {
  const roles: string[] = [];
  const sentence = tokens[m.first]!.sentence;
  // Before.
  let leftmostTitle = -1;
  let nearestTitle = -1;
  let k = m.first - 1;
  for (; k >= 0 && m.first - k <= MAX_ROLE_TOKENS; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || isPunctuationToken(t.text) || isStopWord(t.norm, t.text)) break;
    // Another person's name ends the phrase: in `الملك عبد الله الثاني بأخيه … الملك سلمان` only the last الملك is Salman's.
    if (personAt[k] !== -1 && persons[personAt[k]!] !== m) break;
    if (startsWithConjunction(t.split.prefix)) {
      if (isPersonTitle(t.bare, t.text)) {
        leftmostTitle = k;
        if (nearestTitle < 0) nearestTitle = k;
      }
      break;
    }
    if (isPersonTitle(t.bare, t.text)) {
      leftmostTitle = k;
      if (nearestTitle < 0) nearestTitle = k;
    }
  }
  const stoppedAt = tokens[k];
  const before = k > 0 ? personAt[k - 1]! : -1;
  const insideApposition = stoppedAt !== undefined && isComma(stoppedAt.text) && before !== -1 && persons[before] !== m && persons[before]!.last === k - 1;
  const from = insideApposition ? nearestTitle : leftmostTitle;
  if (from >= 0) roles.push(phrase(tokens, from, m.first - 1, text));
  // After: `، title …`.
  const comma = tokens[m.last + 1];
  const titleStart = tokens[m.last + 2];
  if (comma && titleStart && isComma(comma.text) && titleStart.sentence === sentence && isPersonTitle(titleStart.bare, titleStart.text)) {
    let partStart = m.last + 2;
    let e = partStart;
    for (; e < tokens.length && e - partStart < MAX_ROLE_TOKENS; e++) {
      const t = tokens[e]!;
      if (t.sentence !== sentence || isPunctuationToken(t.text) || endsApposition(t)) break;
      if (e > partStart && t.split.prefix.startsWith('و') && isPersonTitle(t.bare, t.text)) {
        roles.push(phrase(tokens, partStart, e - 1, text));
        partStart = e;
      }
    }
    if (e > partStart) roles.push(phrase(tokens, partStart, e - 1, text));
  }
  return roles.filter((r) => r.length > 0);
}

/**
 * Words that end an apposition after a name: a complementiser or a verb of saying starts what the
 * person said or did (`… مديرة البعثة إن النساء …`). Prepositions stay (سفير السعودية في عمان).
 */
const APPOSITION_ENDS = new Set(['ان', 'انه', 'انها', 'قال', 'قالت', 'اكد', 'اكدت', 'حيث', 'الذي', 'التي', 'كان', 'فكان', 'لا', 'لم', 'لن', 'قد', 'ما', 'اذا', 'ثم', 'لكن']);

function endsApposition(t: TextToken): boolean {
  return APPOSITION_ENDS.has(t.norm) && isStopWord(t.norm, t.text);
}

/** Text of tokens [from, to], without the clitics of the first token (its article restored). */
function phrase(tokens: readonly TextToken[], from: number, to: number, text: string): string {
  const first = tokens[from]!;
  // The role without what governs it: للرئيس, بالأمير, لوزير read الرئيس, الأمير, وزير.
  const { prefixLength, fusedArticle } = first.split;
  const start = first.start + rawOffsetAfterLetters(first.text, prefixLength);
  return collapseSpaces((fusedArticle ? 'ال' : '') + stripMarks(text.slice(start, tokens[to]!.end))).trim();
}

/** Most specific first: longer before shorter; a role contained in another is dropped. */
function orderRoles(roles: string[]): string[] {
  const unique = [...new Set(roles)];
  const kept = unique.filter((r) => !unique.some((o) => o !== r && o.includes(r)));
  return kept.sort((a, b) => wordCount(b) - wordCount(a));
}

/**
 * A capital stands for its country's government (طلبت واشنطن …، طهران أكدت …) when the
 * country is an actor of the article and the capital acts in at least one sentence: a
 * neighbouring word is a feminine-agreeing verb (…ت, not the plural …ات) or the pronoun هي.
 */
function linkCapitals(groups: Group[], actors: Actor[], tokens: readonly TextToken[]): void {
  groups.forEach((g, i) => {
    if (!g.capitalOf) return;
    const countryIndex = groups.findIndex((c) => c.country === g.capitalOf);
    if (countryIndex < 0) return;
    const acts = g.mentions.some((m) => {
      const before = tokens[m.first - 1];
      const after = tokens[m.last + 1];
      const verbLike = (t: TextToken | undefined): boolean =>
        t !== undefined && t.split.prefixLength === 0 && t.norm.length >= 3 && t.norm.endsWith('ت') && !t.norm.endsWith('ات');
      return verbLike(before) || verbLike(after) || after?.norm === 'هي';
    });
    if (acts) actors[i]!.standsFor = actors[countryIndex]!.id;
  });
}
