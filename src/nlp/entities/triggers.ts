/**
 * Trigger words: titles and head nouns that announce a name next to them. They are features
 * for the tagger and the vocabulary of role extraction and GROUP derivation. Written in
 * normalised form (normalizeArabic) without the article; callers strip clitics and article.
 */

/** Titles and offices that precede or stand in apposition to a person's name. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'رييس', 'رييسه', 'نايب', 'وزير', 'وزيره', 'منسق', 'متحدث', 'ناطق', 'سفير', 'سفيره', 'مستشار', 'مستشاره',
  'قايد', 'زعيم', 'امين', 'مدير', 'مديره', 'ملك', 'ملكه', 'امير', 'اميره', 'شيخ', 'سيد', 'سيده', 'جنرال',
  'عقيد', 'لواء', 'عميد', 'مبعوث', 'كبير', 'مرشد', 'نايبه', 'مندوب', 'وكيل', 'محافظ', 'حاكم', 'قاضي',
  'مفتي', 'امام', 'بابا', 'دكتور', 'الدكتور', 'مساعد', 'عضو', 'نجم', 'لاعب', 'مدرب', 'كاتب', 'صحفي',
  'مراسل', 'مفاوض', 'رجل', 'سلطان', 'ولي', 'مسوول', 'قياده', 'زعيمه', 'مرشح', 'نواب', 'سكرتير', 'مفوض',
]);

/**
 * A title as written in the text. Folding hamza seats makes the preposition أمام (in front of)
 * the title إمام (imam). Written امام it could be either and is read as the preposition: a false
 * title makes a person of the words after it (امام مستقبل ملتبس), a missed one only loses a role.
 */
export function isPersonTitle(bare: string, written: string): boolean {
  if (!PERSON_TITLES.has(bare)) return false;
  if (bare === 'امام') return written.includes('إمام');
  // With the article كبير is the adjective "senior, great" after a noun (الطيار الكبير بوشنل), and
  // was read as the role "الكبير". Without it, it is read as the title (كبير المفاوضين), also where
  // it is an indefinite adjective (مسؤول كبير).
  if (bare === 'كبير') return !WITH_ARTICLE.test(written);
  return true;
}

/** A written word that carries the article, behind any clitics (الكبير, والكبير, للكبير). */
const WITH_ARTICLE = /^[وف]?(?:[بك]?ال|لل)/;

/**
 * Honorifics before a title or name (جلالة الملك, صاحب السمو, سموه): never names themselves. Not
 * tagger features (the shipped model was trained without them), only the mention rules read them.
 */
export const HONORIFICS: ReadonlySet<string> = new Set(['جلاله', 'سمو', 'سموه', 'صاحب', 'فخامه', 'معالي', 'سعاده', 'سماحه', 'حضره', 'قداسه', 'نيافه']);

/**
 * Words that name a disease with the word after them (فيروس كورونا, متلازمة داون, جائحة كوفيد):
 * what follows is not a person, whatever the tagger says. Not مرض or حمى, which as often take a
 * person (مرض بوتين, حمى ميسي). Mention rules only, not tagger features.
 */
export const DISEASE_HEADS: ReadonlySet<string> = new Set(['فيروس', 'فايروس', 'وباء', 'جايحه', 'متلازمه', 'انفلونزا', 'داء', 'سلاله', 'متحور']);

/**
 * Adjectives of ministries' portfolios (وزارة التعليم العالي, وزارة الموارد المائية, وزارة الشؤون
 * البلدية), normalised. With a country's adjective (الأمريكية) they are all a ministry's name takes
 * after وزارة and its portfolio; the timeline also reads them, to tell a ministry named with its
 * country from one named by its portfolio alone.
 */
export const MINISTRY_ADJECTIVES: ReadonlySet<string> = new Set([
  'العالي', 'الوطني', 'الداخلي', 'الخارجي', 'المدني', 'الاجتماعي', 'الاقتصادي', 'الاعلامي', 'الدولي', 'العربي',
  'الاسلامي', 'الزراعي', 'الصحي', 'البييي', 'الفني', 'العسكري', 'التقني', 'العلمي', 'العام', 'العامه',
  'الماييه', 'الاجتماعيه', 'الاسلاميه', 'البلديه', 'القرويه', 'المدنيه', 'الصحيه', 'الاقتصاديه', 'الخارجيه',
  'الداخليه', 'الثقافيه', 'الدينيه', 'الدوليه', 'العربيه', 'الوطنيه', 'الاداريه', 'الماليه', 'النفطيه',
  'الطبيعيه', 'الحديديه', 'البشريه', 'المحليه', 'الريفيه', 'الحربيه', 'البحريه', 'الاعلاميه', 'الفنيه', 'التقنيه', 'الرقميه',
]);

/** Words that tie a name to a parent's (محمد بن سلمان). */
export const PARENT_LINKS: ReadonlySet<string> = new Set(['بن', 'ابن', 'بنت']);

/** Words after which the next word is part of the same name: a parent link, أبو, عبد, آل … */
export const NAME_LINKS: ReadonlySet<string> = new Set([...PARENT_LINKS, 'ابو', 'ابي', 'ابا', 'ام', 'عبد', 'ال', 'ذو', 'ذي']);

/** Head nouns of place names (مدينة الموصل, محافظة البصرة). */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'مدينه', 'بلده', 'قريه', 'محافظه', 'ولايه', 'اقليم', 'منطقه', 'عاصمه', 'جزيره', 'جزر', 'قطاع', 'مخيم',
  'حي', 'ضاحيه', 'بحر', 'نهر', 'جبل', 'جبال', 'سلطنه', 'مملكه', 'جمهوريه', 'اماره', 'دوله', 'ميناء',
]);

/** Head nouns of organisations (وزارة الخارجية, وكالة الأنباء, شركة أرامكو). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'وزاره', 'وكاله', 'شركه', 'جامعه', 'مجلس', 'منظمه', 'هييه', 'بنك', 'مصرف', 'صحيفه', 'جريده', 'قناه',
  'اتحاد', 'نادي', 'محكمه', 'برلمان', 'لجنه', 'موسسه', 'مركز', 'معهد', 'اداره', 'جهاز', 'صندوق', 'جمعيه',
  'مجموعه', 'تحالف', 'ايتلاف', 'منتدي', 'مجله', 'اذاعه', 'حكومه', 'كليه', 'مستشفي', 'بورصه',
]);

/** Head nouns of armed or political groups: an ORG led by one of these is a GROUP. */
export const GROUP_HEADS: ReadonlySet<string> = new Set([
  'حركه', 'جماعه', 'فصايل', 'فصيل', 'ميليشيا', 'ميليشيات', 'مليشيا', 'مليشيات', 'تنظيم', 'حزب', 'كتايب',
  'كتيبه', 'الويه', 'لواء', 'جبهه', 'قوات', 'جيش', 'سرايا', 'عصايب', 'تيار', 'انصار', 'حشد',
]);

export type TriggerClass = 'person' | 'place' | 'org' | 'group';

export function triggerClass(stem: string): TriggerClass | undefined {
  if (PERSON_TITLES.has(stem)) return 'person';
  if (GROUP_HEADS.has(stem)) return 'group';
  if (PLACE_HEADS.has(stem)) return 'place';
  if (ORG_HEADS.has(stem)) return 'org';
  return undefined;
}
