/**
 * Orthographic normalisation of Arabic text. Arabic news spells the same word many ways
 * (hamza seats, alif maqsura, taa marbuta, diacritics, tatweel), so every matcher in the core
 * compares normalised forms. These functions never change string length unless they say so,
 * because callers map offsets back into the original text.
 */

/** Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII. Same length. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String.fromCharCode(48 + (c >= 0x06f0 ? c - 0x06f0 : c - 0x0660));
  });
}

/**
 * Letter-level folding with the same length as the input: أإآٱ→ا, ى→ي, ة→ه, ؤ→و, ئ→ي,
 * Persian/Urdu look-alikes (ک ی ۀ) → Arabic, digits → ASCII. Diacritics and tatweel are kept
 * (they would change the length); use `normalizeArabic` when offsets do not matter.
 */
export function foldLetters(s: string): string {
  let out = '';
  for (const ch of toAsciiDigits(s)) {
    switch (ch) {
      case 'أ': case 'إ': case 'آ': case 'ٱ': out += 'ا'; break;
      case 'ى': case 'ی': case 'ي': out += 'ي'; break;
      case 'ة': case 'ۀ': out += 'ه'; break;
      case 'ؤ': out += 'و'; break;
      case 'ئ': out += 'ي'; break;
      case 'ک': out += 'ك'; break;
      default: out += ch;
    }
  }
  return out;
}

/** Full normalisation for comparison and features: NFKC, no diacritics or tatweel, folded letters. */
export function normalizeArabic(s: string): string {
  return normalizeSimple(s) ?? foldLetters(s.normalize('NFKC').replace(DIACRITICS, '').replace(TATWEEL, ''));
}

/**
 * `normalizeArabic` in one pass over the code units, for the common text it sees (ASCII, Arabic
 * letters, harakat, tatweel, Arabic digits and punctuation, the quotes « » “ ” ‘ ’ and the dashes
 * – —), or undefined when `s` holds anything
 * else. Every unit of that set is its own NFKC form and no two of them compose; the only units
 * NFKC may reorder are harakat, which are dropped anyway. So the result equals the full path's
 * (test/normalize.test.ts compares the two), without NFKC, two regex passes and a string
 * built a character at a time. Normalising is on every hot path (words, sentences, names).
 */
function normalizeSimple(s: string): string | undefined {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let replacement: string;
    if (c < 0x0600) {
      if ((c >= 0x20 && c <= 0x7e) || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xab || c === 0xbb) continue; // ASCII, « »
      return undefined;
    } else if (c >= 0x2013 && c <= 0x201d) {
      // – — ‘ ’ “ ” (news quotes and dashes) stay; the rest of U+2015–U+201B leave the fast path.
      if (c <= 0x2014 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) continue;
      return undefined;
    } else if (c >= 0x0621 && c <= 0x063a) {
      switch (c) {
        case 0x0622: case 0x0623: case 0x0625: replacement = 'ا'; break; // آ أ إ
        case 0x0629: replacement = 'ه'; break; // ة
        case 0x0624: replacement = 'و'; break; // ؤ
        case 0x0626: replacement = 'ي'; break; // ئ
        default: continue;
      }
    } else if (c >= 0x0641 && c <= 0x064a) {
      if (c !== 0x0649) continue;
      replacement = 'ي'; // ى
    } else if (c === 0x0640 || (c >= 0x064b && c <= 0x0652)) {
      replacement = ''; // tatweel, harakat
    } else if (c >= 0x0660 && c <= 0x0669) {
      replacement = String.fromCharCode(c - 0x0660 + 48);
    } else if (c === 0x060c || c === 0x061b || c === 0x061f || (c >= 0x066a && c <= 0x066d)) {
      continue;
    } else {
      return undefined;
    }
    out += s.slice(from, i) + replacement;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Removes diacritics and tatweel only (keeps hamza forms): for display-quality canonical names. */
export function stripMarks(s: string): string {
  return s.replace(DIACRITICS, '').replace(TATWEEL, '');
}

const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER.test(ch);
}
