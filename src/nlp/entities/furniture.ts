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
    // The cue test first: it looks at 40 characters, where counting words reads the whole line.
    if (isCueLine(line) && line.split(/\s+/).filter(Boolean).length <= MAX_FURNITURE_WORDS) {
      ranges.push({ start, end });
    }
    start = end + 1;
  }
  return ranges;
}

function isCueLine(line: string): boolean {
  const head = normalizeArabic(line.trim().slice(0, 40)).replace(/[\s\p{P}]+/gu, ' ').trim() + ' ';
  // Multi-word cues may run into the next word (`آخر الاخبارسياسة`); one-word cues must end at a space.
  const isCue = (cue: string): boolean => head.startsWith(cue.includes(' ') ? cue : cue + ' ');
  return head.trim() !== '' && CUES.some(isCue);
}
