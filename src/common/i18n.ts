/** UI strings through the browser's i18n (public/_locales); keys are checked against the English catalogue. */
import browser from 'webextension-polyfill';
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** The localised string, or the key itself if the catalogue lacks it (visible, never blank). */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** True when the browser's UI language is written right to left (Arabic, Persian, Urdu, Hebrew). */
export function uiIsRightToLeft(): boolean {
  return /^(ar|fa|ur|he|ps|ckb|sd|ug|yi)\b/i.test(browser.i18n.getUILanguage());
}
