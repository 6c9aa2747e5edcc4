/**
 * UI language: which one to use, and looking strings up in it.
 * Views get a `Translator` through `I18nProvider` so tests can render either language without a browser.
 */
import { createContext, type ComponentChild } from 'preact';
import { useContext } from 'preact/hooks';
import type { UiLanguage as UiLanguageSetting } from '../../common/settings';
import { STRINGS, type MessageKey, type ViewLanguage } from './strings';

export type { MessageKey, ViewLanguage } from './strings';

export type TextDirection = 'rtl' | 'ltr';

/**
 * The language the views are shown in: the reader's choice in the options, or for 'auto' Arabic when the
 * browser's UI language is Arabic, else English.
 */
export function resolveViewLanguage(choice: UiLanguageSetting | undefined, browserLanguage: string | undefined): ViewLanguage {
  if (choice === 'ar' || choice === 'en') return choice;
  return (browserLanguage ?? '').toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function directionOf(language: ViewLanguage): TextDirection {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export type MessageValues = Record<string, string | number>;

export interface Translator {
  language: ViewLanguage;
  direction: TextDirection;
  /** The string for `key` with `{name}` placeholders filled; numbers are formatted for the language. */
  t(key: MessageKey, values?: MessageValues): string;
  /** Like `t`, but placeholders may be elements (e.g. a <bdi> around a site name); returns the pieces in order. */
  rich(key: MessageKey, values: Record<string, ComponentChild>): ComponentChild[];
  /** `t(key, { count })`, using `<key>One` when the language's plural rule says "one" (English "1 event"). */
  plural(key: PluralKey, count: number, values?: MessageValues): string;
  /** A number formatted for the language. */
  n(value: number): string;
}

/** Keys that have a singular variant `<key>One`. */
export type PluralKey = {
  [K in MessageKey]: `${K}One` extends MessageKey ? K : never;
}[MessageKey];

export function createTranslator(language: ViewLanguage): Translator {
  const table = STRINGS[language];
  const numberFormat = new Intl.NumberFormat(language);
  const n = (value: number): string => numberFormat.format(value);
  const pluralRules = new Intl.PluralRules(language);
  const fill = (template: string, values: MessageValues | undefined): string => {
    if (values === undefined) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? n(value) : value;
    });
  };
  return {
    language,
    direction: directionOf(language),
    n,
    t(key, values) {
      return fill(table[key], values);
    },
    plural(key, count, values) {
      const singular = `${key}One` as MessageKey;
      const template = pluralRules.select(count) === 'one' ? table[singular] : table[key];
      return fill(template, { ...values, count });
    },
    rich(key, values) {
      return table[key].split(/(\{\w+\})/).map((piece) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        return name !== undefined && name in values ? values[name] : piece;
      });
    },
  };
}

const I18nContext = createContext<Translator>(createTranslator('en'));
export const I18nProvider = I18nContext.Provider;

export function useTranslator(): Translator {
  return useContext(I18nContext);
}
