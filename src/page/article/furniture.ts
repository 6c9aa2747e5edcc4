/**
 * What Arabic news sites wrap around an article body: "read also" link lines, "follow us on"
 * lines, share bars, tag lists, back-to-top buttons, and captions repeated as text. Patterns
 * match the normalised text of one block (see `normalizeForMatch`).
 */
import { normalizeArabic } from '../../nlp/text/normalize';

export function normalizeForMatch(s: string): string {
  return normalizeArabic(s).replace(/\s+/g, ' ').trim();
}

/**
 * Lines that are furniture when a block STARTS with them (after normalisation: أ/إ→ا, ى→ي, ة→ه,
 * no diacritics). Kept to phrases an article paragraph does not open with.
 */
const FURNITURE_OPENERS: readonly RegExp[] = [
  /^(?:اقرا|طالع|شاهد|تابع|اطلع)(?:وا)? (?:ايضا|كذلك)/, // اقرأ أيضاً، شاهد أيضا، طالع أيضاً
  /^(?:اقرا|اقرا المزيد|المزيد)\s*[:：]/,
  /^(?:اخبار|مواضيع|مقالات|موضوعات|قصص) (?:ذات صله|متعلقه|مرتبطه|مشابهه)/,
  /^(?:تابعونا|تابعوا|تابعنا|تابع) (?:علي|عبر|في|اخبار|اخر)/,
  /^(?:للمزيد|لمزيد) (?:من )?(?:الاخبار|التفاصيل|المعلومات)? ?(?:تابعونا|تابعوا|زوروا|اضغط|اشترك)/,
  /^زر الذهاب الي الاعلي/,
  /^(?:العوده|الذهاب|انتقل) (?:الي )?(?:الاعلي|اعلي الصفحه)/,
  /^(?:شارك|شاركوا|مشاركه)(?: (?:الخبر|المقال|هذا الخبر|هذا المقال|عبر|علي))?\s*[:：]?$/,
  /^(?:شارك|شاركوا|مشاركه) (?:الخبر|المقال|هذا الخبر|هذا المقال) (?:علي|عبر)/,
  /^(?:الكلمات المفتاحيه|كلمات مفتاحيه|كلمات دلاليه|الوسوم|وسوم|الاوسمه|الموضوعات|تاغ|tags)\s*[:：]?/i,
  /^(?:اشترك|اشتركوا) (?:في|ب|الان)/,
  /^(?:اشترك|اشتركوا)(?: .{0,70})?$/, // a short subscribe prompt
  /^(?:التالي|السابق|المزيد|عرض المزيد|تحميل المزيد|اقرا المزيد)$/, // pager and more buttons
  /^(?:حمل|حملوا|نزل) (?:تطبيق|التطبيق)/,
  /^(?:اضغط|انقر) (?:هنا|علي الرابط)/,
  /^(?:المصدر|مصدر الصوره|الصوره|صوره ارشيفيه|تصوير)\s*[:：]?\s*\S{0,30}$/,
  /^(?:جميع الحقوق محفوظه|حقوق النشر)/,
  /^(?:الاراء|التعليقات|الاراء والتعليقات) (?:الوارده|المنشوره|المكتوبه)/,
  /^.{0,60}(?:اخر تحديث|تم التحديث|اخر تعديل)[^.]{0,40}$/, // a date/update stamp line
  /^.{0,120}(?:مراجعه|نشر) التعليقات/,
];

/** Classes and ids of share bars, tag lists, related boxes and the like. */
export const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:share|sharing|social|sharethis|addthis|a2a|tags?|tag-?list|keywords|related|read-?(?:also|more)|more-news|breadcrumbs?|newsletter|subscribe|comments?|print|font-?size|author-box|advert|ads?|banner|promo|outbrain|taboola|rec(?:ommend)?)(?:$|[\s_-])/i;

export function isFurnitureLine(text: string): boolean {
  const t = normalizeForMatch(text);
  if (!t) return true;
  return FURNITURE_OPENERS.some((re) => re.test(t));
}

/** A "read also" heading, after which a line of links is furniture too. */
export function isReadAlsoHeading(text: string): boolean {
  const t = normalizeForMatch(text);
  return t.length < 60 && (/^(?:اقرا|طالع|شاهد|تابع|اطلع)(?:وا)? (?:ايضا|كذلك)/.test(t) || /^(?:اخبار|مواضيع|مقالات) (?:ذات صله|متعلقه)/.test(t));
}
