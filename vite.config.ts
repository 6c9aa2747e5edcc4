/**
 * One source manifest (manifest.json), two browser packages.
 * `vite build --mode chrome` → dist/chrome, `vite build --mode firefox` → dist/firefox (scripts/build.ts runs both).
 */
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import { TIMELINE_PAGE } from './src/common/pages.ts';

export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'arabic-news-lens@arabic-news-lens.example';
/**
 * Firefox 140 (the current ESR line) is the first with the CSS Custom Highlight API that the highlights use;
 * it also has storage.session, MV3 module background scripts and `data_collection_permissions`.
 */
export const FIREFOX_MIN_VERSION = '140.0';

type SourceManifest = typeof sourceManifest;

export interface GeckoSettings {
  gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: string[] } };
  gecko_android: { strict_min_version: string };
}

/** A browser's manifest: the source one with the background (and, for Firefox, the add-on settings) adapted. */
export type BrowserManifest = Omit<SourceManifest, 'background'> & {
  background: { service_worker: string; type: 'module' } | { scripts: string[]; type: 'module' };
  browser_specific_settings?: GeckoSettings;
};

/** Derives a browser's manifest from the one source: Firefox runs the worker as an event page (background.scripts). */
export function manifestFor(browser: TargetBrowser): BrowserManifest {
  const { background, ...common } = structuredClone(sourceManifest);
  const type = 'module' as const;
  if (browser === 'chrome') return { ...common, background: { service_worker: background.service_worker, type } };
  return {
    ...common,
    background: { scripts: [background.service_worker], type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing leaves the device; Mozilla asks every new add-on to declare this.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learnt data_collection_permissions in 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/**
 * Preact's `dangerouslySetInnerHTML` support is the bundle's only innerHTML assignment (web-ext lint flags it).
 * We never use that prop, so its sink becomes textContent: the prop can then never inject markup, even by accident.
 */
function withoutPreactHtmlSink(): Plugin {
  const assignment = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\b/g;
  return {
    name: 'arabic-news-lens:no-preact-html-sink',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const rewritten = code.replace(assignment, '$1.textContent=$2.__html');
      if (rewritten === code) this.error('preact.mjs changed: its innerHTML assignment was not found; revisit this plugin');
      return { code: rewritten, map: null };
    },
  };
}

/**
 * ANL_E2E=1 builds a test variant into dist-e2e/: the same extension plus a hook the end-to-end tests use to read the
 * card inside its closed shadow root (src/page/e2eHooks.ts). Production builds compile that hook out entirely.
 */
export const E2E_BUILD = process.env.ANL_E2E === '1';
export const DIST_ROOT = E2E_BUILD ? 'dist-e2e' : 'dist';

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [withoutPreactHtmlSink(), preact(), crx({ manifest: manifestFor(browser) as ManifestV3Export, browser })],
    define: { __ANL_E2E__: JSON.stringify(E2E_BUILD) },
    build: {
      outDir: `${DIST_ROOT}/${browser}`,
      emptyOutDir: true,
      // Both browsers' minimums (Chrome 120-ish, Firefox 140) run ES2022 natively.
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      // Vite's preload helper adds <link rel="modulepreload"> elements to the document before a dynamic import:
      // in a content script that is the page's own <head>, which we must never touch (the e2e tests compare the
      // page's serialisation). Extension files are local, so preloading gains nothing anywhere.
      modulePreload: false,
      // A page the manifest does not name (crxjs builds the popup and options from the manifest). An HTML input
      // keeps its source path in dist, so the page lands at TIMELINE_PAGE, where the worker and the popup open it.
      rollupOptions: { input: { timeline: TIMELINE_PAGE } },
    },
    // Keep the dev server off the network.
    server: { host: '127.0.0.1', strictPort: false, cors: { origin: /^(chrome|moz)-extension:\/\// } },
  };
});
