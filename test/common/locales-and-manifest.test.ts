import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sourceManifest from '../../manifest.json';
import { manifestFor, FIREFOX_MIN_VERSION, GECKO_ID } from '../../vite.config';

interface Catalogue {
  [key: string]: { message: string; placeholders?: Record<string, unknown> };
}
const root = join(import.meta.dirname, '..', '..');
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(root, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Catalogue;

describe('locales', () => {
  const en = catalogue('en');
  const ar = catalogue('ar');

  it('Arabic and English have the same keys', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });

  it('every placeholder a message uses is declared, in both languages', () => {
    for (const messages of [en, ar]) {
      for (const [key, entry] of Object.entries(messages)) {
        const used = [...entry.message.matchAll(/\$([A-Z_]+)\$/g)].map((match) => match[1]!.toLowerCase());
        const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
        expect(declared.sort(), key).toEqual([...new Set(used)].sort());
      }
    }
  });

  it('the Arabic catalogue is in Arabic', () => {
    for (const [key, entry] of Object.entries(ar)) {
      expect(entry.message, key).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('every __MSG_…__ in the manifest exists', () => {
    const referenced = [...JSON.stringify(sourceManifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    expect(referenced.length).toBeGreaterThan(0);
    for (const key of referenced) expect(en[key], key).toBeDefined();
  });
});

describe('manifestFor', () => {
  it('gives Chrome a module service worker and no Firefox settings', () => {
    const chrome = manifestFor('chrome');
    expect(chrome.background).toEqual({ service_worker: 'src/background/main.ts', type: 'module' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts, its add-on id and minimum version', () => {
    const firefox = manifestFor('firefox');
    expect(firefox.background).toEqual({ scripts: ['src/background/main.ts'], type: 'module' });
    expect(firefox.browser_specific_settings?.gecko.id).toBe(GECKO_ID);
    expect(firefox.browser_specific_settings?.gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
  });

  it('asks for no permission beyond storage and no host permissions', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest: Record<string, unknown> = { ...manifestFor(browser) };
      expect(manifest.permissions).toEqual(['storage']);
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_permissions).toBeUndefined();
    }
  });
});
