/**
 * Page furniture that survives copy-and-paste or extraction: navigation, "see also" links,
 * social-media calls, back-to-top buttons. Names in these lines are not part of the story
 * (شاهد أيضاً : رئيس وزراء المجر …), so the recogniser ignores lines that start with one of
 * these cues. The cues are generic to Arabic news sites, not to any article.
 */
import { normalizeArabic } from '../text/normalize';

const CUES = [
  'شاهد ايضا', 'شاهد كذلك', 'اقرا ايضا', 'اقرا كذلك', 'اقرا المزيد', 'طالع ايضا', 'انظر ايضا', 'اقرأ أيضا',
  'تابعونا', 'تابعنا على', 'تابعوا اخر', 'شارك هذا', 'شارك المقال', 'اشترك في', 'زر الذهاب', 'العوده الي الاعلي',
  'الذهاب الي الاعلي', 'للمزيد', 'المزيد من', 'اخبار ذات صله', 'مواضيع ذات صله', 'مقالات ذات صله', 'ذات صله',
  'الاكثر قراءه', 'الاكثر مشاهده', 'اخر الاخبار', 'اخبار متعلقه', 'مواضيع متعلقه', 'كلمات مفتاحيه',
  'الوسوم', 'حقوق النشر', 'جميع الحقوق', 'الصفحه الرييسيه',
].map((cue) => normalizeArabic(cue));

/** Longer lines are prose, whatever they start with. */
const MAX_FURNITURE_WORDS = 24;

/** [start, end) ranges of `text` that are furniture lines. */
export function furnitureRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (isFurnitureLine(line)) ranges.push({ start, end });
    start = end + 1;
  }
  return ranges;
}

function isFurnitureLine(line: string): boolean {
  // The cue test first: it looks at 40 characters, where counting words reads the whole line.
  return isCueLine(line) && line.split(/\s+/).filter(Boolean).length <= MAX_FURNITURE_WORDS;
}

/**
 * A test of offsets of `text` against its furniture lines (`furnitureRanges`) that reads only the
 * lines asked about: a text's mentions stand on a few of its lines, and cutting and testing every
 * line of every text cost more than the mentions' own work. The last line is remembered, as
 * mentions come in text order.
 */
export function furnitureTest(text: string): (offset: number) => boolean {
  let lineStart = -1;
  let lineEnd = -1;
  let furniture = false;
  return (offset) => {
    if (offset < lineStart || offset >= lineEnd) {
      lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
      const newline = text.indexOf('\n', offset);
      lineEnd = newline < 0 ? text.length : newline;
      // An offset on a line break or past the text is on no line.
      if (offset >= lineEnd) {
        lineStart = lineEnd = -1;
        return false;
      }
      furniture = isFurnitureLine(text.slice(lineStart, lineEnd));
    }
    return furniture;
  };
}

function isCueLine(line: string): boolean {
  if (!mayStartWithCue(line)) return false;
  const head = normalizeArabic(line.trim().slice(0, 40)).replace(/[\s\p{P}]+/gu, ' ').trim() + ' ';
  if (head.trim() === '') return false;
  for (const start of CUE_STARTS) if (head.startsWith(start)) return true;
  return false;
}

/**
 * What a line's head must start with for each cue, made once rather than per line tested: a
 * multi-word cue may run into the next word (`آخر الاخبارسياسة`), a one-word cue must end at a space.
 */
const CUE_STARTS = CUES.map((cue) => (cue.includes(' ') ? cue : cue + ' '));

/** Letters the normalised cues start with. */
const CUE_INITIALS = new Set(CUES.map((cue) => cue.charCodeAt(0)));

/** ASCII units that the cue test drops from the start of a line (`[\s\p{P}]`): NFKC leaves them as they are. */
const SKIPPED_ASCII = Uint8Array.from({ length: 0x80 }, (_, c) => (/[\s\p{P}]/u.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * False when the line cannot start with a cue, read off its first letter without normalising it:
 * most lines are prose, and normalising their heads was most of this test's cost. Only leading
 * ASCII spaces and punctuation are skipped and only basic Arabic letters are judged (by the
 * letter normalisation would fold them to); any other start is left to the full test.
 */
function mayStartWithCue(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80 && SKIPPED_ASCII[c] === 1) continue;
    if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a)) {
      const folded = foldedInitial(c);
      return folded === 0 || CUE_INITIALS.has(folded);
    }
    return true;
  }
  return true;
}

/**
 * What `normalizeArabic` makes of each basic Arabic letter (hamza seats, alif maqsura, taa
 * marbuta …), asked of normalizeArabic itself once at load so the prefilter cannot drift from
 * it; a letter it drops or turns into something else than one letter maps to 0 (not judged).
 */
const FOLDED_INITIAL = new Map<number, number>();
for (let c = 0x0621; c <= 0x064a; c++) {
  const folded = normalizeArabic(String.fromCharCode(c));
  FOLDED_INITIAL.set(c, folded.length === 1 ? folded.charCodeAt(0) : 0);
}

function foldedInitial(c: number): number {
  return FOLDED_INITIAL.get(c) ?? 0;
}
