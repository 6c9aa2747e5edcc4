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
  return foldLetters(s.normalize('NFKC').replace(DIACRITICS, '').replace(TATWEEL, ''));
}

/** Removes diacritics and tatweel only (keeps hamza forms): for display-quality canonical names. */
export function stripMarks(s: string): string {
  return s.replace(DIACRITICS, '').replace(TATWEEL, '');
}

const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
export function isArabicLetter(ch: string): boolean {
  return ARABIC_LETTER.test(ch);
}
