// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsStore, type SettingsStorageArea } from '../../src/common/settings';
import { OptionsPanel } from '../../src/ui/panels/OptionsPanel';
import type { OptionsDataSource } from '../../src/ui/panels/optionsTypes';

afterEach(cleanup);

/** The real SettingsStore over an in-memory storage area: the panel's changes are validated as in the extension. */
function memoryArea(): SettingsStorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    onChanged: { addListener() {}, removeListener() {} },
  };
}

function optionsSource(store: SettingsStore): OptionsDataSource {
  return {
    getSettings: () => store.load(),
    updateSettings: (patch) => store.update(patch),
    getShortcuts: async () => [
      { name: '_execute_action', description: '', shortcut: 'Alt+Shift+L' },
      { name: 'open-timeline', description: 'Open the timeline', shortcut: '' },
    ],
    getStorageStats: async () => ({ articles: 12, actors: 40, mentions: 90, events: 70, corrections: 0, approxBytes: 3.5 * 1024 * 1024 }),
  };
}

async function renderOptions(browserLanguage = 'en-GB') {
  const store = new SettingsStore(memoryArea());
  const source = optionsSource(store);
  const view = render(<OptionsPanel source={source} browserLanguage={browserLanguage} />);
  await screen.findByRole('heading', { level: 1 });
  return { ...view, store, source };
}

const root = () => document.querySelector('.anl-root')!;

describe('OptionsPanel', () => {
  it('follows the browser language by default (Arabic → right to left)', async () => {
    await renderOptions('ar-EG');
    expect(root().getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('heading', { level: 2, name: 'الخصوصية' })).toBeTruthy();
  });

  it('switches a highlight type off and changes its colour through the settings', async () => {
    const { store } = await renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Organisation' }));
    await waitFor(async () => expect((await store.load()).highlightTypes).toEqual(['PERSON', 'LOC', 'GROUP']));
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect((screen.getByRole('checkbox', { name: 'Organisation' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.change(screen.getByLabelText('Colour for Place'), { target: { value: '#112233' } });
    await waitFor(async () => expect((await store.load()).colors.LOC).toBe('#112233'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Highlight actors in articles' }));
    await waitFor(async () => expect((await store.load()).highlights).toBe(false));
  });

  it('adds and removes a switched-off site, refusing what is not a host name', async () => {
    const { store } = await renderOptions();
    expect(screen.getByText('No site is switched off.')).toBeTruthy();
    const input = screen.getByRole('textbox', { name: 'Switch off a site (host name)' });
    fireEvent.input(input, { target: { value: 'not a host!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toContain('example.com');
    fireEvent.input(input, { target: { value: 'https://News.Example.com/world/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await store.load()).disabledSites).toEqual(['news.example.com']));
    const remove = await screen.findByRole('button', { name: 'Turn back on: news.example.com' });
    fireEvent.click(remove);
    await waitFor(async () => expect((await store.load()).disabledSites).toEqual([]));
    expect(await screen.findByText('No site is switched off.')).toBeTruthy();
  });

  it('changes the card delay, the theme and the UI language, and the page follows', async () => {
    const { store } = await renderOptions();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Hover card delay (milliseconds)' }), { target: { value: '800' } });
    await waitFor(async () => expect((await store.load()).cardDelayMs).toBe(800));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(root().getAttribute('data-theme')).toBe('dark'));
    expect((await store.load()).theme).toBe('dark');
    fireEvent.change(screen.getByRole('combobox', { name: 'Interface language' }), { target: { value: 'ar' } });
    await waitFor(() => expect(root().getAttribute('dir')).toBe('rtl'));
    expect(screen.getByRole('heading', { level: 2, name: 'المظهر' })).toBeTruthy();
    expect((await store.load()).uiLanguage).toBe('ar');
  });

  it('shows the shortcuts, the privacy statement and the storage used', async () => {
    await renderOptions();
    const shortcuts = screen.getByRole('heading', { name: 'Keyboard shortcuts' }).parentElement!;
    expect(await within(shortcuts).findByText('Alt+Shift+L')).toBeTruthy();
    expect(within(shortcuts).getByText('not set')).toBeTruthy();
    // Named in the UI language, the popup's own command too (the browser gives it no description).
    expect(within(shortcuts).getByText('Open the popup')).toBeTruthy();
    expect(within(shortcuts).queryByText('_execute_action')).toBeNull();
    expect(within(shortcuts).getByText('Open the timeline')).toBeTruthy();
    expect(screen.getByTestId('privacy').textContent).toContain('no network request');
    const storage = screen.getByRole('heading', { name: 'Storage used' }).parentElement!;
    await waitFor(() => expect(storage.textContent).toMatch(/3\.5 MB/));
    expect(storage.textContent).toContain('articles: 12');
  });

  it('says when a change could not be saved', async () => {
    const { source } = await renderOptions();
    source.updateSettings = vi.fn(async () => {
      throw new Error('storage is full');
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save: storage is full'));
  });

  it('offers a retry when the settings cannot be read', async () => {
    let calls = 0;
    const store = new SettingsStore(memoryArea());
    const source = { ...optionsSource(store), getSettings: () => (++calls === 1 ? Promise.reject(new Error('no answer')) : store.load()) };
    render(<OptionsPanel source={source} browserLanguage="en" />);
    fireEvent.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
  });
});
