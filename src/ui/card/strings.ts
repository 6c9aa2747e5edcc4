/**
 * The card's words. Extension pages get them from `i18n.getMessage` (the _locales files, in the browser's language);
 * where that is absent (unit tests, a missing key) built-in Arabic and English tables answer, so the card is never
 * blank. An explicit language (a setting) uses the tables directly, since getMessage only knows the browser's.
 */
import type { ActorType } from '../../nlp/types';

export type CardLang = 'ar' | 'en';

const AR = {
  card_typePerson: 'شخص',
  card_typeOrg: 'منظمة',
  card_typeLoc: 'مكان',
  card_typeGroup: 'جماعة',
  card_label: 'بطاقة $1',
  card_role: 'الصفة',
  card_aliases: 'يُكتب أيضًا',
  card_inArticle: 'يرد في هذا المقال $1',
  card_countZero: 'ولا مرة',
  card_countOne: 'مرة واحدة',
  card_countTwo: 'مرتين',
  card_countFew: '$1 مرات',
  card_countMany: '$1 مرة',
  card_mentionPosition: 'الذكر $1 من $2',
  card_nextMention: 'الذكر التالي',
  card_previousMention: 'الذكر السابق',
  card_otherArticles: 'مقالات أخرى تذكره',
  card_noOtherArticles: 'لا مقالات أخرى في سجلك بعد.',
  card_latestEvents: 'آخر الأحداث المؤرخة',
  card_noEvents: 'لا أحداث مؤرخة بعد.',
  card_loading: 'جارٍ التحميل…',
  card_loadError: 'تعذّر تحميل ما يعرفه الخط الزمني.',
  card_retry: 'إعادة المحاولة',
  card_openTimeline: 'الخط الزمني الكامل',
  card_pin: 'تثبيت',
  card_unpin: 'إلغاء التثبيت',
  card_close: 'إغلاق',
} as const;

export type StringKey = keyof typeof AR;

const EN: Record<StringKey, string> = {
  card_typePerson: 'Person',
  card_typeOrg: 'Organisation',
  card_typeLoc: 'Place',
  card_typeGroup: 'Group',
  card_label: 'Card: $1',
  card_role: 'Role',
  card_aliases: 'Also written',
  card_inArticle: 'Appears in this article $1',
  card_countZero: 'no times',
  card_countOne: 'once',
  card_countTwo: 'twice',
  card_countFew: '$1 times',
  card_countMany: '$1 times',
  card_mentionPosition: 'Mention $1 of $2',
  card_nextMention: 'Next mention',
  card_previousMention: 'Previous mention',
  card_otherArticles: 'Other articles that mention it',
  card_noOtherArticles: 'No other articles in your timeline yet.',
  card_latestEvents: 'Latest dated events',
  card_noEvents: 'No dated events yet.',
  card_loading: 'Loading…',
  card_loadError: 'Could not load what the timeline knows.',
  card_retry: 'Try again',
  card_openTimeline: 'Full timeline',
  card_pin: 'Pin',
  card_unpin: 'Unpin',
  card_close: 'Close',
};

const TABLES: Record<CardLang, Record<StringKey, string>> = { ar: AR, en: EN };

const TYPE_KEYS: Record<ActorType, StringKey> = {
  PERSON: 'card_typePerson',
  ORG: 'card_typeOrg',
  LOC: 'card_typeLoc',
  GROUP: 'card_typeGroup',
};

export type GetMessage = (name: string, substitutions?: string | string[]) => string;

export interface CardStrings {
  lang: CardLang;
  dir: 'rtl' | 'ltr';
  text(key: StringKey, ...substitutions: string[]): string;
  typeName(type: ActorType): string;
  /** "3 مرات" / "3 times", with the language's plural forms. */
  times(count: number): string;
}

export interface CardStringsOptions {
  /** A language the reader chose; wins over the browser's. */
  lang?: CardLang;
  /** `browser.i18n.getMessage`, when running as an extension. */
  getMessage?: GetMessage;
}

export function createCardStrings(options: CardStringsOptions = {}): CardStrings {
  const browserLang = options.lang ? null : browserLanguage(options.getMessage);
  const lang: CardLang = options.lang ?? browserLang ?? 'ar';
  const fromBrowser = options.lang ? undefined : options.getMessage;
  const plural = new Intl.PluralRules(lang);

  const text = (key: StringKey, ...substitutions: string[]): string => {
    const translated = fromBrowser ? safeGetMessage(fromBrowser, key, substitutions) : '';
    return translated || substitute(TABLES[lang][key], substitutions);
  };

  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    text,
    typeName: (type) => text(TYPE_KEYS[type]),
    times(count) {
      const category = plural.select(count);
      const key: StringKey =
        category === 'zero' ? 'card_countZero'
        : category === 'one' ? 'card_countOne'
        : category === 'two' ? 'card_countTwo'
        : category === 'few' ? 'card_countFew'
        : 'card_countMany';
      // English has only one/other: "1 times" never happens because 'one' is caught above.
      return text(key, String(count));
    },
  };
}

function browserLanguage(getMessage: GetMessage | undefined): CardLang | null {
  if (!getMessage) return null;
  const locale = safeGetMessage(getMessage, '@@ui_locale', []);
  if (!locale) return null;
  return locale.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

function safeGetMessage(getMessage: GetMessage, key: string, substitutions: string[]): string {
  try {
    return getMessage(key, substitutions.length > 0 ? substitutions : undefined) || '';
  } catch {
    return '';
  }
}

function substitute(template: string, substitutions: readonly string[]): string {
  return template.replace(/\$(\d)/g, (whole, digit: string) => substitutions[Number(digit) - 1] ?? whole);
}
