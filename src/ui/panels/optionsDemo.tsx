/** The options page with invented settings kept in memory, for screenshots: `options-demo.html?lang=ar|en&theme=light|dark`. */
import { render } from 'preact';
import { defaultSettings, mergeSettings, validateSettingsPatch, type Settings } from '../../common/settings';
import { readDemoParams } from '../components/demoParams';
import { OptionsPanel } from './OptionsPanel';
import type { OptionsDataSource } from './optionsTypes';

const { language, theme } = readDemoParams(location.search);
let settings: Settings = { ...defaultSettings(), theme, uiLanguage: language, disabledSites: ['bank.example', 'mail.example.com'] };

const source: OptionsDataSource = {
  getSettings: async () => settings,
  updateSettings: async (patch) => (settings = mergeSettings(settings, validateSettingsPatch(patch))),
  getShortcuts: async () => [
    { name: '_execute_action', description: 'Open the popup', shortcut: 'Alt+Shift+L' },
    { name: 'open-timeline', description: 'Open the timeline', shortcut: '' },
  ],
  getStorageStats: async () => ({ articles: 1240, actors: 5310, mentions: 20400, events: 7400, corrections: 3, approxBytes: 18.4 * 1024 * 1024 }),
};

const root = document.getElementById('app');
if (root !== null) render(<OptionsPanel source={source} browserLanguage={language} />, root);
