/**
 * Mounts the options page in the extension: settings from `storage.local` (live, so a change made in the
 * popup shows here), shortcuts from `commands.getAll()`, storage used from the timeline store (same origin,
 * same IndexedDB as the worker).
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { TimelineStore } from '../../background/store';
import { SettingsStore } from '../../common/settings';
import { OptionsPanel } from './OptionsPanel';
import type { KeyboardShortcut, OptionsDataSource } from './optionsTypes';

export function createExtensionOptionsSource(settings: SettingsStore = new SettingsStore(browser.storage.local)): OptionsDataSource {
  return {
    getSettings: () => settings.load(),
    updateSettings: (patch) => settings.update(patch),
    async getShortcuts(): Promise<KeyboardShortcut[]> {
      const commands = await browser.commands.getAll();
      return commands.map((command) => ({ name: command.name ?? '', description: command.description ?? '', shortcut: command.shortcut ?? '' }));
    },
    async getStorageStats() {
      const store = await TimelineStore.open(indexedDB);
      try {
        return await store.stats();
      } finally {
        store.close();
      }
    },
    subscribe: (listener) => settings.subscribe(listener),
  };
}

export function mountOptions(root: HTMLElement): void {
  render(<OptionsPanel source={createExtensionOptionsSource()} browserLanguage={browser.i18n.getUILanguage()} />, root);
}
