import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  DEFAULT_COLORS,
  DEFAULT_SETTINGS,
  defaultSettings,
  isSiteDisabled,
  mergeSettings,
  normalizeHostname,
  parseSettings,
  SettingsError,
  SettingsStore,
  shouldHighlight,
  validateSettingsPatch,
  type SettingsStorageArea,
  type StorageChange,
} from '../../src/common/settings';

/** An in-memory storage area that, like the browser's, notifies listeners after each set. */
function fakeArea(initial: Record<string, unknown> = {}): SettingsStorageArea & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  const listeners = new Set<(c: Record<string, StorageChange>) => void>();
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      const changes: Record<string, StorageChange> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: structuredClone(v) };
        data[k] = structuredClone(v);
      }
      for (const l of listeners) l(changes);
    },
    onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('settings: pure functions', () => {
  it('default colours are distinct and keep 3:1 contrast on white and on black pages', () => {
    const colors = ACTOR_TYPES.map((t) => DEFAULT_COLORS[t]);
    expect(new Set(colors).size).toBe(4);
    for (const c of colors) {
      expect(contrast(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#000000')).toBeGreaterThanOrEqual(3);
    }
  });

  it('normalises hostnames from hosts or URLs and rejects non-hosts', () => {
    expect(normalizeHostname('https://WWW.Aljazeera.net:443/news/x')).toBe('www.aljazeera.net');
    expect(normalizeHostname('bbc.com.')).toBe('bbc.com');
    expect(normalizeHostname('موقع.مثال')).toMatch(/^xn--/);
    expect(normalizeHostname('   ')).toBeUndefined();
    expect(normalizeHostname('a b')).toBeUndefined();
  });

  it('a switched-off site covers its subdomains but not look-alikes', () => {
    const s = mergeSettings(defaultSettings(), validateSettingsPatch({ disabledSites: ['Example.com'] }));
    expect(isSiteDisabled(s, 'https://example.com/a')).toBe(true);
    expect(isSiteDisabled(s, 'news.example.com')).toBe(true);
    expect(isSiteDisabled(s, 'badexample.com')).toBe(false);
    expect(shouldHighlight(s, 'PERSON', 'news.example.com')).toBe(false);
    expect(shouldHighlight(s, 'PERSON', 'other.org')).toBe(true);
  });

  it('validates patches strictly with the field and the reason', () => {
    expect(() => validateSettingsPatch({ cardDelayMs: -5 })).toThrow(/cardDelayMs/);
    expect(() => validateSettingsPatch({ cardDelayMs: 1.5 })).toThrow(/whole number/);
    expect(() => validateSettingsPatch({ colors: { PERSON: 'red' } })).toThrow(/colors\.PERSON must be a colour/);
    expect(() => validateSettingsPatch({ theme: 'neon' })).toThrow(SettingsError);
    expect(() => validateSettingsPatch({ highlightTypes: ['PERSON', 'DATE'] })).toThrow(/highlightTypes/);
    expect(() => validateSettingsPatch({ fontSize: 3 })).toThrow(/fontSize/);
    expect(() => validateSettingsPatch({ disabledSites: ['not a host'] })).toThrow(/not a hostname/);
  });

  it('merges a patch without touching the rest or the inputs', () => {
    const base = defaultSettings();
    const next = mergeSettings(base, validateSettingsPatch({ colors: { LOC: '#abcdef' }, highlightTypes: ['LOC', 'PERSON', 'LOC'] }));
    expect(next.colors).toEqual({ ...DEFAULT_COLORS, LOC: '#ABCDEF' });
    expect(next.highlightTypes).toEqual(['PERSON', 'LOC']);
    expect(base).toEqual(DEFAULT_SETTINGS);
  });

  it('parses damaged stored settings field by field, keeping what is valid', () => {
    const { settings, problems } = parseSettings({
      highlights: false,
      theme: 'neon',
      colors: { PERSON: '#112233', ORG: 'blue' },
      disabledSites: ['a.com', 42, 'b.org'],
      cardDelayMs: 'slow',
    });
    expect(settings).toMatchObject({ highlights: false, theme: 'system', cardDelayMs: 400, disabledSites: ['a.com', 'b.org'] });
    expect(settings.colors).toEqual({ ...DEFAULT_COLORS, PERSON: '#112233' });
    expect(problems.join('\n')).toMatch(/theme/);
    expect(problems.join('\n')).toMatch(/colors\.ORG/);
    expect(problems.join('\n')).toMatch(/cardDelayMs/);
    expect(parseSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
});

describe('SettingsStore over an injected storage area', () => {
  it('loads defaults, writes validated updates, and notifies subscribers', async () => {
    const area = fakeArea();
    const store = new SettingsStore(area);
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);

    const seen: string[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s.theme));
    await store.update({ theme: 'dark' });
    await store.setSiteEnabled('https://www.example.com/x', false);
    expect(await store.load()).toMatchObject({ theme: 'dark', disabledSites: ['www.example.com'] });
    unsubscribe();
    await store.update({ theme: 'light' });
    expect(seen).toEqual(['dark', 'dark']);

    await expect(store.update({ theme: 'neon' })).rejects.toThrow(SettingsError);
    expect((await store.load()).theme).toBe('light');
    await store.setSiteEnabled('www.example.com', true);
    expect((await store.load()).disabledSites).toEqual([]);
    expect(await store.reset()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid part of settings damaged in storage', async () => {
    const store = new SettingsStore(fakeArea({ settings: { uiLanguage: 'ar', highlights: 'yes' } }));
    expect(await store.load()).toMatchObject({ uiLanguage: 'ar', highlights: true });
  });
});
