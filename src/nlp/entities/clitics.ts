/**
 * Clitic segmentation of one normalised Arabic word. Arabic writes conjunctions (و ف) and
 * prepositions (ب ل ك) as part of the next word, and ل + ال fuses to لل. A name keeps its
 * article (الولايات), loses what is glued before it (والولايات → الولايات).
 *
 * Whether a leading و/ب/ل/ك/ف is a clitic or part of the word (وزير, واشنطن, بغداد, كابول) is
 * decided from corpus frequencies when a lexicon is available: the split whose remainder is
 * clearly more common than the whole word wins. Without a lexicon a conservative rule applies.
 */

export interface CliticSplit {
  /** Normalised letters removed from the front (conjunction + preposition, and ل of لل). */
  prefixLength: number;
  /** The word as a name would be written alone: `الولايات` for both `والولايات` and `للولايات`. */
  core: string;
  /** True when the prefix ended in fused ل+ال (`للولايات`): the article is not in the text. */
  fusedArticle: boolean;
  /** The prefix letters, e.g. `و`, `وب`, `لل`. */
  prefix: string;
}

const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];

/**
 * Every conjunction? + preposition? prefix in the order the readings are generated (conjunction
 * outer, preposition inner), made once: the tagger's gazetteer and mention rules ask for the
 * readings of many words per article, and joining the strings per call was most of its garbage.
 */
const PREFIXES: readonly { prefix: string; prep: string }[] = CONJUNCTIONS.flatMap((conj) =>
  PREPOSITIONS.map((prep) => ({ prefix: conj + prep, prep })).filter((p) => p.prefix !== ''),
);

/** First letters of those prefixes (و ف ب ل ك): a word starting otherwise has no reading. */
const PREFIX_INITIALS = new Set(PREFIXES.map((p) => p.prefix.charCodeAt(0)));

/** All readings of the word as conjunction? + preposition? + rest, longest prefix first. */
export function cliticCandidates(word: string): CliticSplit[] {
  const out: CliticSplit[] = [];
  if (!PREFIX_INITIALS.has(word.charCodeAt(0))) return out;
  for (const { prefix, prep } of PREFIXES) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    if (prep === 'ل' && rest.startsWith('ل') && rest.length >= 3) {
      // ل + ال written لل: the rest after لل is the noun; its article is implied.
      out.push({ prefixLength: prefix.length + 1, core: 'ال' + rest.slice(1), fusedArticle: true, prefix: prefix + 'ل' });
    }
    if (rest.length >= 2) out.push({ prefixLength: prefix.length, core: rest, fusedArticle: false, prefix });
  }
  return out.sort((a, b) => b.prefixLength - a.prefixLength);
}

const NO_SPLIT = (word: string): CliticSplit => ({ prefixLength: 0, core: word, fusedArticle: false, prefix: '' });

/** Frequency lookup of normalised forms in unlabeled text (0 when unknown). */
export type FormFrequency = (form: string) => number;

/**
 * The most plausible split. With frequencies: take the longest prefix whose remainder is at
 * least 3 letters and far more frequent than the whole word. Without: strip only prefixes
 * before the article (والـ بالـ لل), which are never part of a word.
 */
export function splitClitics(word: string, frequency?: FormFrequency): CliticSplit {
  const candidates = cliticCandidates(word);
  if (candidates.length === 0) return NO_SPLIT(word);
  if (frequency) {
    const whole = frequency(word);
    let best: CliticSplit | undefined;
    let bestFreq = 0;
    for (const c of candidates) {
      if (c.core.length < 3) continue;
      const f = frequency(c.core);
      if (f >= 4 * whole + 2 && f > bestFreq) {
        best = c;
        bestFreq = f;
      }
    }
    if (best) return best;
    if (whole > 0) return NO_SPLIT(word);
  }
  for (const c of candidates) {
    if (c.fusedArticle || (c.core.startsWith('ال') && c.core.length >= 4)) return c;
  }
  return NO_SPLIT(word);
}

/** Strips the article from a core form: `الولايات` → `ولايات`. */
export function withoutArticle(core: string): string {
  return core.startsWith('ال') && core.length >= 4 ? core.slice(2) : core;
}

const PRONOUN_SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا', 'ها', 'ه'];

/** A light stem for features: article and one pronoun suffix removed (never shorter than 3 letters). */
export function lightStem(core: string): string {
  let s = withoutArticle(core);
  for (const suffix of PRONOUN_SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 3) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

/**
 * Index into the raw (unnormalised) token after skipping `letters` base letters, so a split
 * computed on the normalised form can be applied to text offsets. Diacritics and tatweel
 * do not count as letters (normalisation removes them).
 */
export function rawOffsetAfterLetters(raw: string, letters: number): number {
  let seen = 0;
  let i = 0;
  while (i < raw.length && seen < letters) {
    if (!isMark(raw.charCodeAt(i))) seen++;
    i++;
  }
  while (i < raw.length && isMark(raw.charCodeAt(i))) i++;
  return i;
}

function isMark(code: number): boolean {
  return (
    code === 0x0640 ||
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06ed)
  );
}
