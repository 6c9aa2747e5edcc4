/**
 * The words of dates, in normalised form (see scan.ts). Month names come from CLDR through
 * `Intl` (Egyptian/Gulf from `ar`, Levantine/Iraqi from `ar-SY`, Moroccan from `ar-MA`,
 * Algerian/Tunisian from `ar-DZ`, Mauritanian from `ar-MR`, Hijri from the Umm al-Qura
 * calendar); the hand lists below add only what CLDR lacks: spelling variants and forms
 * written without the article. The word lists are built at module load; the month and weekday
 * names, which need a dozen `Intl` formatters, on the first date search (`loadCalendarNames`):
 * the page imports this module, and most page loads never look for a date.
 */
import { normalizeArabic } from '../text/normalize';

export function normalizeKey(s: string): string {
  return normalizeArabic(s).toLowerCase();
}

/** A set of words in normalised form, so lists can be written in ordinary spelling. */
export function wordSet(words: Iterable<string>): Set<string> {
  return new Set([...words].map(normalizeKey));
}

export type Calendar = 'gregorian' | 'hijri';

export interface MonthEntry {
  month: number;
  calendar: Calendar;
  /** Also an ordinary word or a name (مارس "practised", أب "father", رمضان a first name): needs context when alone. */
  ambiguous: boolean;
}

/** Phrase (normalised tokens joined by one space) → month. Empty until `loadCalendarNames()`. */
export const MONTHS = new Map<string, MonthEntry>();

/** Weekday (0 = Sunday) by its normalised name with the article; `bare` forms are only trusted after يوم or as "Nth X". Empty until `loadCalendarNames()`. */
export const WEEKDAYS = new Map<string, number>();
export const BARE_WEEKDAYS = new Map<string, number>();

let calendarNamesLoaded = false;

/**
 * Fills MONTHS, WEEKDAYS and BARE_WEEKDAYS (once; later calls return at once). Every reader of
 * those maps runs inside a date search, which calls this first.
 */
export function loadCalendarNames(): void {
  if (calendarNamesLoaded) return;
  calendarNamesLoaded = true;
  for (const locale of ['ar', 'ar-SY', 'ar-MA', 'ar-DZ', 'ar-TN', 'ar-MR', 'ar-EG']) {
    cldrMonthNames(locale, 'gregory').forEach((name, i) => addMonth(name, i + 1, 'gregorian'));
  }
  cldrMonthNames('ar', 'islamic-umalqura').forEach((name, i) => addMonth(name, i + 1, 'hijri'));
  for (const [month, names] of GREGORIAN_VARIANTS) for (const name of names) addMonth(name, month, 'gregorian');
  for (const [month, names] of HIJRI_VARIANTS) for (const name of names) addMonth(name, month, 'hijri');

  const format = new Intl.DateTimeFormat('ar', { weekday: 'long', timeZone: 'UTC' });
  for (let d = 0; d < 7; d++) {
    const name = normalizeKey(format.format(new Date(Date.UTC(2023, 0, 1 + d)))); // 2023-01-01 was a Sunday
    WEEKDAYS.set(name, d);
    if (name.startsWith('ال')) BARE_WEEKDAYS.set(name.slice(2), d);
  }
  for (const [name, d] of [['الجمعه', 5], ['الثلاثا', 2], ['الاربعا', 3], ['الاثنين', 1], ['الاتنين', 1]] as const) {
    WEEKDAYS.set(name, d);
    BARE_WEEKDAYS.set(name.slice(2), d);
  }
}

function addMonth(name: string, month: number, calendar: Calendar): void {
  const key = normalizeKey(name).replace(/\s+/g, ' ').trim();
  if (!key || MONTHS.has(key)) return;
  MONTHS.set(key, { month, calendar, ambiguous: AMBIGUOUS_MONTH_WORDS.has(key) });
}

const AMBIGUOUS_MONTH_WORDS = new Set(
  ['مارس', 'آب', 'ماي', 'جوان', 'نيسان', 'محرم', 'المحرم', 'صفر', 'رجب', 'شعبان', 'رمضان', 'شوال', 'تموز', 'أوت'].map(normalizeKey),
);

function cldrMonthNames(locale: string, calendar: string): string[] {
  const format = new Intl.DateTimeFormat(`${locale}-u-ca-${calendar}-nu-latn`, { month: 'long', timeZone: 'UTC' });
  const names: string[] = [];
  if (calendar === 'gregory') {
    for (let m = 0; m < 12; m++) names.push(format.format(new Date(Date.UTC(2024, m, 15))));
    return names;
  }
  // The middle of each month of 1445 AH (1 Muharram 1445 = 2023-07-19): days 15, 44.5, 74… after it.
  const numeric = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { month: 'numeric', timeZone: 'UTC' });
  const start = Date.UTC(2023, 6, 19);
  for (let m = 0; m < 12; m++) {
    const date = new Date(start + Math.round(14 + m * 29.53) * 86_400_000);
    if (parseInt(numeric.format(date), 10) !== m + 1) throw new Error(`Umm al-Qura month ${m + 1} not where expected`);
    names.push(format.format(date));
  }
  return names;
}

/** Spellings CLDR does not list. */
const GREGORIAN_VARIANTS: Array<[number, string[]]> = [
  [1, ['كانون ثاني', 'جانفييه', 'ينايير']],
  [2, ['فبرایر', 'فيفرى', 'فبرير']],
  [3, ['اذار']],
  [4, ['إبريل', 'ابريل', 'افريل', 'أبريل']],
  [5, ['مايس', 'أيار', 'ماى']],
  [6, ['يونيه', 'جوين']],
  [7, ['يوليه', 'جويليه', 'جوييه', 'يوليوز']],
  [8, ['اغسطس', 'أغشت', 'اوت', 'آب', 'اغسطس']],
  [9, ['شتمبر', 'سبتمبر', 'سيبتمبر']],
  [10, ['تشرين اول', 'اكتوبر', 'أكتوبر']],
  [11, ['تشرين ثاني', 'نونبر', 'نوفمير']],
  [12, ['كانون اول', 'دجمبر', 'دجنبر', 'ديسمبر']],
];
const HIJRI_VARIANTS: Array<[number, string[]]> = [
  [1, ['محرم', 'المحرم', 'محرم الحرام']],
  [2, ['صفر', 'صفر الخير']],
  [3, ['ربيع الأول', 'ربيع أول', 'ربيع الاول']],
  [4, ['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني', 'ربيع آخر']],
  [5, ['جمادى الأولى', 'جمادى الأول', 'جمادى الاولى', 'جمادي الأولى', 'جمادى أول']],
  [6, ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى الثاني', 'جمادي الآخرة', 'جمادى الأخيرة']],
  [7, ['رجب', 'رجب الفرد']],
  [8, ['شعبان']],
  [9, ['رمضان', 'رمضان المبارك']],
  [10, ['شوال']],
  [11, ['ذو القعدة', 'ذي القعدة', 'ذوالقعدة', 'ذو القعده']],
  [12, ['ذو الحجة', 'ذي الحجة', 'ذوالحجة']],
];

/** Cardinal number words 1–12 and the tens, for "منذ ثلاثة أيام", "شهر عشرة". */
export const CARDINALS = new Map<string, number>();
const CARDINAL_FORMS: Array<[number, string[]]> = [
  [1, ['واحد', 'واحدة']],
  [2, ['اثنان', 'اثنين', 'اثنتين', 'اثنتان', 'اتنين']],
  [3, ['ثلاث', 'ثلاثة', 'تلاتة', 'تلات']],
  [4, ['أربع', 'أربعة']],
  [5, ['خمس', 'خمسة']],
  [6, ['ست', 'ستة']],
  [7, ['سبع', 'سبعة']],
  [8, ['ثمان', 'ثماني', 'ثمانية']],
  [9, ['تسع', 'تسعة']],
  [10, ['عشر', 'عشرة']],
  [11, ['إحدى عشرة', 'أحد عشر']],
  [12, ['اثنا عشر', 'اثني عشر', 'اثنتا عشرة', 'اثنتي عشرة']],
  [20, ['عشرين', 'عشرون']],
  [30, ['ثلاثين', 'ثلاثون']],
];
for (const [n, forms] of CARDINAL_FORMS) for (const f of forms) CARDINALS.set(normalizeKey(f), n);

/** Ordinal words 1–10 (masculine and feminine, with and without the article), for days and "Nth weekday". */
export const ORDINAL_UNITS = new Map<string, number>();
const ORDINAL_FORMS: Array<[number, string[]]> = [
  [1, ['الأول', 'أول', 'الأولى', 'الحادي', 'حادي', 'الحادية']],
  [2, ['الثاني', 'ثاني', 'ثان', 'الثانية']],
  [3, ['الثالث', 'ثالث', 'الثالثة']],
  [4, ['الرابع', 'رابع', 'الرابعة']],
  [5, ['الخامس', 'خامس', 'الخامسة']],
  [6, ['السادس', 'سادس', 'السادسة']],
  [7, ['السابع', 'سابع', 'السابعة']],
  [8, ['الثامن', 'ثامن', 'الثامنة']],
  [9, ['التاسع', 'تاسع', 'التاسعة']],
  [10, ['العاشر', 'عاشر', 'العاشرة']],
];
for (const [n, forms] of ORDINAL_FORMS) for (const f of forms) ORDINAL_UNITS.set(normalizeKey(f), n);
export const ORDINAL_TEEN = wordSet(['عشر', 'عشره']);
/** "والعشرين" after a unit ordinal, or "العشرين" alone. */
export const ORDINAL_TENS = new Map<string, number>([
  ['العشرين', 20], ['العشرون', 20], ['عشرين', 20], ['الثلاثين', 30], ['الثلاثون', 30], ['ثلاثين', 30],
]);
export const LAST_WORDS = wordSet(['الاخير', 'الاخيره', 'اخر']);

/** Relative words that name one day: offset from the reference day. */
export const RELATIVE_DAYS = new Map<string, number>();
const RELATIVE_DAY_FORMS: Array<[number, string[]]> = [
  [-2, ['أول امبارح', 'قبل امبارح', 'أول مبارح', 'أول أمس', 'أول من أمس', 'أمس الأول', 'قبل أمس', 'يوم قبل أمس', 'قبل البارحة', 'اليوم القبل البارحة', 'اليوم الي قبل امبارح', 'اليوم الذي قبل أمس', 'أول البارحة']],
  [-1, ['أمس', 'يوم أمس', 'البارحة', 'امبارح', 'مبارح', 'إمبارح', 'اليوم الماضي', 'اليوم السابق', 'اليوم المنصرم', 'ليلة أمس', 'مساء أمس', 'صباح أمس', 'ظهر أمس', 'عصر أمس', 'فجر أمس', 'ليل أمس', 'الليلة الماضية', 'مساء البارحة', 'ليلة البارحة']],
  [0, ['اليوم', 'هذا اليوم', 'الليلة', 'هذه الليلة', 'هذا الصباح', 'هذا المساء', 'صباح اليوم', 'مساء اليوم', 'ظهر اليوم', 'عصر اليوم', 'فجر اليوم', 'ليل اليوم', 'ليلة اليوم', 'اليوم الحالي', 'نهار اليوم']],
  [1, ['غدا', 'غد', 'يوم غد', 'يوم الغد', 'بكرة', 'بكرا', 'صباح غد', 'مساء غد', 'ظهر غد', 'صباح الغد', 'مساء الغد', 'ليلة الغد', 'فجر غد']],
  [2, ['بعد غد', 'بعد الغد', 'يوم بعد غد', 'اليوم الذي بعد الغد', 'اليوم الي بعد بكرة', 'بعد بكرة', 'بعد بكرا']],
];
for (const [offset, forms] of RELATIVE_DAY_FORMS) for (const f of forms) RELATIVE_DAYS.set(normalizeKey(f), offset);

/** Words that, after اليوم, show it is not "today" but a named day (اليوم العالمي) or nowadays. */
export const RELATIVE_MODIFIERS = new Map<string, -1 | 0 | 1>();
for (const f of ['الماضي', 'الماضية', 'الماض', 'السابق', 'السابقة', 'المنصرم', 'المنصرمة', 'الفائت', 'الفائتة', 'المنقضي', 'المنقضية', 'المنصرف'])
  RELATIVE_MODIFIERS.set(normalizeKey(f), -1);
for (const f of ['الحالي', 'الحالية', 'الجاري', 'الجارية']) RELATIVE_MODIFIERS.set(normalizeKey(f), 0);
for (const f of ['المقبل', 'المقبلة', 'القادم', 'القادمة', 'التالي', 'التالية', 'الجاي', 'الجاية', 'الجايه', 'الآتي', 'الآتية', 'اللاحق', 'اللاحقة']) RELATIVE_MODIFIERS.set(normalizeKey(f), 1);

export type Unit = 'day' | 'week' | 'month' | 'year';
/** Unit nouns, singular/plural/accusative, with the count a dual form carries. */
export const UNITS = new Map<string, { unit: Unit; dual?: boolean; plural?: boolean }>();
for (const [unit, singular, dual, plural] of [
  ['day', ['يوم', 'يوما'], ['يومين', 'يومان'], ['أيام']],
  ['week', ['أسبوع', 'أسبوعا'], ['أسبوعين', 'أسبوعان'], ['أسابيع']],
  ['month', ['شهر', 'شهرا'], ['شهرين', 'شهران'], ['أشهر', 'شهور']],
  ['year', ['سنة', 'عام', 'عاما', 'سنه'], ['سنتين', 'عامين', 'سنتان', 'عامان'], ['سنوات', 'أعوام', 'سنين']],
] as const) {
  for (const f of singular) UNITS.set(normalizeKey(f), { unit });
  for (const f of dual) UNITS.set(normalizeKey(f), { unit, dual: true });
  for (const f of plural) UNITS.set(normalizeKey(f), { unit, plural: true });
}

/** Calendar nouns with the article: الأسبوع/الشهر/العام/السنة + modifier. */
export const PERIOD_NOUNS = new Map<string, 'week' | 'month' | 'year'>([
  ['الاسبوع', 'week'], ['الشهر', 'month'], ['العام', 'year'], ['السنه', 'year'],
]);

export type PartName = 'early' | 'mid' | 'late';
/** Parts of a month or year: أوائل/مطلع/بداية = first third (or quarter), منتصف = middle, أواخر/نهاية = last. */
export const PARTS = new Map<string, PartName>();
for (const f of ['أوائل', 'مطلع', 'بداية', 'بدايات', 'مستهل', 'اوايل', 'ابتداء']) PARTS.set(normalizeKey(f), 'early');
for (const f of ['منتصف', 'أواسط', 'وسط', 'نص', 'نصف', 'اواسط']) PARTS.set(normalizeKey(f), 'mid');
for (const f of ['أواخر', 'نهاية', 'نهايات', 'ختام', 'اواخر']) PARTS.set(normalizeKey(f), 'late');

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';
export const SEASONS = new Map<string, Season>();
for (const [season, forms] of [
  ['spring', ['ربيع', 'الربيع']],
  ['summer', ['صيف', 'الصيف']],
  ['autumn', ['خريف', 'الخريف']],
  ['winter', ['شتاء', 'الشتاء']],
] as const)
  for (const f of forms) SEASONS.set(normalizeKey(f), season);

/** Decade words: the tens digit (العشرينيات … التسعينيات). */
export const DECADES = new Map<string, number>();
for (const [tens, stem] of [
  [2, 'عشرين'], [3, 'ثلاثين'], [4, 'أربعين'], [5, 'خمسين'], [6, 'ستين'], [7, 'سبعين'], [8, 'ثمانين'], [9, 'تسعين'],
] as const) {
  for (const suffix of ['يات', 'ات']) {
    DECADES.set(normalizeKey(stem + suffix), tens);
    DECADES.set(normalizeKey('ال' + stem + suffix), tens);
  }
}

export type Holiday =
  | { calendar: 'hijri'; month: number; day: number }
  | { calendar: 'gregorian'; month: number; day: number }
  | { calendar: 'easter' };
export const HOLIDAYS = new Map<string, Holiday>();
for (const [holiday, forms] of [
  [{ calendar: 'hijri', month: 10, day: 1 }, ['عيد الفطر', 'عيد الفطر المبارك', 'عيد الفطر السعيد']],
  [{ calendar: 'hijri', month: 12, day: 10 }, ['عيد الأضحى', 'عيد الأضحى المبارك', 'عيد الاضحي']],
  [{ calendar: 'hijri', month: 1, day: 1 }, ['رأس السنة الهجرية', 'السنة الهجرية الجديدة']],
  [{ calendar: 'hijri', month: 3, day: 12 }, ['المولد النبوي', 'المولد النبوي الشريف', 'ذكرى المولد النبوي']],
  [{ calendar: 'hijri', month: 12, day: 9 }, ['يوم عرفة', 'يوم عرفات', 'وقفة عرفة', 'وقفة عرفات']],
  [{ calendar: 'hijri', month: 9, day: 27 }, ['ليلة القدر']],
  [{ calendar: 'gregorian', month: 12, day: 25 }, ['عيد الميلاد', 'عيد الميلاد المجيد', 'كريسماس', 'الكريسماس']],
  [{ calendar: 'gregorian', month: 1, day: 1 }, ['رأس السنة الميلادية', 'رأس السنة']],
  [{ calendar: 'gregorian', month: 5, day: 1 }, ['عيد العمال', 'يوم العمال العالمي']],
  [{ calendar: 'hijri', month: 1, day: 10 }, ['يوم عاشوراء', 'عاشوراء']],
  [{ calendar: 'gregorian', month: 3, day: 8 }, ['يوم المرأة العالمي', 'اليوم العالمي للمرأة']],
  [{ calendar: 'gregorian', month: 3, day: 21 }, ['عيد الأم']],
  [{ calendar: 'gregorian', month: 2, day: 14 }, ['عيد الحب']],
  [{ calendar: 'gregorian', month: 9, day: 23 }, ['اليوم الوطني السعودي']],
  [{ calendar: 'easter' }, ['عيد الفصح', 'عيد الفصح المجيد']],
] as const)
  for (const f of forms) HOLIDAYS.set(normalizeKey(f), holiday as Holiday);

/** Words after which a bare 4-digit number is a year (في 2019، منذ 2011، حتى 2030). */
export const YEAR_CONTEXT = wordSet(['في', 'منذ', 'حتى', 'قبل', 'بعد', 'خلال', 'عام', 'العام', 'سنه', 'السنه', 'عامي', 'سنتي', 'مطلع', 'اوائل', 'اواخر', 'نهايه', 'بدايه', 'منتصف', 'صيف', 'شتاء', 'ربيع', 'خريف', 'لغايه', 'مواليد', 'اواسط', 'ابتداء', 'موسم',
  // event nouns that are followed by their year (انتخابات 2020، مونديال 2022، رؤية 2030)
  'انتخابات', 'مونديال', 'رؤية', 'أولمبياد', 'ميزانية', 'موازنة', 'ثورة', 'حرب', 'كأس', 'بطولة', 'نسخة', 'دورة', 'أحداث', 'دستور', 'تعداد', 'إحصاء']);
/** Words introducing a year number: عام 2024، سنة 1445. */
export const YEAR_NOUNS = wordSet(['عام', 'العام', 'سنه', 'السنه', 'عامي', 'سنتي']);
/** Hijri and Gregorian era markers after a year. */
export const HIJRI_ERA = wordSet(['ه', 'هـ', 'هجري', 'هجريه', 'للهجره', 'هجريا']);
export const GREGORIAN_ERA = wordSet(['م', 'ميلادي', 'ميلاديه', 'للميلاد', 'ميلاديا']);

/** Range connectors between two dates (من … إلى …، بين … و…). */
export const RANGE_TO = wordSet(['الى', 'حتى', 'لغايه', 'ولغايه', 'وحتى', 'والى', 'ل']);

/** Words that mark the sentence as speaking of the future. */
export const FUTURE_WORDS = wordSet(['سوف', 'المقبل', 'المقبله', 'القادم', 'القادمه', 'الاتي', 'الاتيه', 'غدا', 'المرتقب', 'المرتقبه', 'المزمع', 'المزمعه', 'المقرر', 'المنتظر', 'يعتزم', 'تعتزم', 'يعتزمون', 'ستنطلق', 'ستعقد', 'سيعقد']);
/** Nouns that start like a سـ-prefixed verb (سياسة، ستة، سنة): not future markers. */
export const NOT_FUTURE_PREFIXES = ['سياس', 'سيار', 'سيطر', 'سيد', 'سينا', 'سينم', 'سيول', 'سيف', 'سيره', 'سيل', 'سيا', 'سته', 'ستين', 'ستون', 'ستار', 'ستو', 'ستر', 'ستا', 'سنه', 'سنو', 'سنت', 'سنغ', 'سني', 'سنا', 'سند', 'سنن', 'سنع', 'ستي'];
