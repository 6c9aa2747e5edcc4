/**
 * The reader's settings as the content script sees them: read once from storage.local at start (the per-site switch
 * must be known before anything else happens) and followed live. Storage failures fall back to the defaults.
 */
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, SettingsStore, defaultSettings, isSiteDisabled, type Settings, type SettingsStorageArea, type StorageChange } from '../common/settings';

type ChangeListener = (changes: Record<string, StorageChange>) => void;

/** storage.local with its changes taken from `storage.onChanged` (present in every browser, unlike `local.onChanged`). */
function localArea(): SettingsStorageArea {
  const wrapped = new Map<ChangeListener, (changes: Record<string, StorageChange>, area: string) => void>();
  return {
    get: (key) => browser.storage.local.get(key),
    set: (items) => browser.storage.local.set(items),
    onChanged: {
      addListener(listener) {
        const onAny = (changes: Record<string, StorageChange>, area: string): void => {
          if (area === 'local') listener(changes);
        };
        wrapped.set(listener, onAny);
        browser.storage.onChanged.addListener(onAny);
      },
      removeListener(listener) {
        const onAny = wrapped.get(listener);
        if (onAny) browser.storage.onChanged.removeListener(onAny);
        wrapped.delete(listener);
      },
    },
  };
}

const store = new SettingsStore(localArea(), SETTINGS_KEY);

export async function loadSettings(): Promise<Settings> {
  try {
    return await store.load();
  } catch (error) {
    console.warn('[arabic-news-lens] settings unavailable, using the defaults', error);
    return defaultSettings();
  }
}

/** Calls `listener` whenever another part of the extension (popup, options) changes the settings. */
export function followSettings(listener: (settings: Settings) => void): void {
  try {
    store.subscribe(listener);
  } catch (error) {
    console.warn('[arabic-news-lens] cannot follow settings changes', error);
  }
}

/** Whether the reader switched the extension off for this page's site. */
export function siteIsOff(settings: Settings, url: string): boolean {
  return isSiteDisabled(settings, url);
}
