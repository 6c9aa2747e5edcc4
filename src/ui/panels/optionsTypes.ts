/**
 * What the options page reads and changes. The extension implements it over SettingsStore
 * (src/common/settings.ts), `browser.commands.getAll()` and the timeline store's stats; tests use fakes.
 */
import type { StoreStats } from '../../background/store/api';
import type { Settings, SettingsPatch } from '../../common/settings';

/** A keyboard command as `commands.getAll()` describes it; `shortcut` is '' when none is set. */
export interface KeyboardShortcut {
  name: string;
  description: string;
  shortcut: string;
}

export interface OptionsDataSource {
  getSettings(): Promise<Settings>;
  /** Validates and stores a change (SettingsStore.update); resolves with the settings now in force. */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  getShortcuts(): Promise<KeyboardShortcut[]>;
  getStorageStats(): Promise<StoreStats>;
  /** Called when another page (e.g. the popup) changes the settings; returns an unsubscribe. */
  subscribe?(listener: (settings: Settings) => void): () => void;
}
