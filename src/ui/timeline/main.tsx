/**
 * The timeline page's entry (an extension page opened in a tab).
 * It opens the timeline store itself: extension pages share the worker's origin and so its IndexedDB, and
 * reading 60,000 events there is much faster than paging them through runtime messages. TimelineStore has
 * exactly the methods TimelineDataSource asks for, so it is passed as the source unchanged.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { TimelineStore } from '../../background/store';
import { SettingsStore, defaultSettings, type Settings } from '../../common/settings';
import { resolveViewLanguage } from '../components/i18n';
import type { TimelineDataSource } from './dataSource';
import { TimelinePage } from './TimelinePage';

async function readSettings(store: SettingsStore): Promise<Settings> {
  try {
    return await store.load();
  } catch {
    return defaultSettings();
  }
}

async function start(root: HTMLElement): Promise<void> {
  const settingsStore = new SettingsStore(browser.storage.local);
  // Side by side: neither waits for the other.
  const [settings, source] = await Promise.all([readSettings(settingsStore), TimelineStore.open(indexedDB, { codeVersion: browser.runtime.getManifest().version }) as Promise<TimelineDataSource>]);
  // `?actor=<name>`: the worker's openTimeline (from the hover card) opens the page on that actor.
  const initialActor = new URLSearchParams(location.search).get('actor') ?? undefined;
  const mount = (current: Settings) =>
    render(
      <TimelinePage
        source={source}
        language={resolveViewLanguage(current.uiLanguage, browser.i18n.getUILanguage())}
        theme={current.theme}
        listHeight={Math.max(320, window.innerHeight - 420)}
        initialActor={initialActor}
      />,
      root,
    );
  mount(settings);
  // A change of language or theme in the options shows here at once.
  settingsStore.subscribe(mount);
}

const root = document.getElementById('app');
if (root !== null) {
  start(root).catch((error: unknown) => {
    root.textContent = `Arabic News Lens could not open its timeline: ${error instanceof Error ? error.message : String(error)}`;
  });
}
