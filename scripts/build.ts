/**
 * `npm run build`: both browser packages from the one manifest.json, and a zip of each for store upload.
 *   dist/chrome/   dist/arabic-news-lens-chrome.zip
 *   dist/firefox/  dist/arabic-news-lens-firefox.zip
 * `npm run build -- chrome` (or firefox) builds one.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { zipSync, type Zippable } from 'fflate';

type TargetBrowser = 'chrome' | 'firefox';
const ALL: TargetBrowser[] = ['chrome', 'firefox'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** ANL_E2E=1: the test variant with the e2e hook, in dist-e2e/ (see vite.config.ts). */
const distRoot = process.env.ANL_E2E === '1' ? 'dist-e2e' : 'dist';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Stores paths with forward slashes (what stores expect) and a fixed date, so the same build gives the same zip. */
function zipFolder(dir: string, zipPath: string): number {
  const fixedDate = new Date('2026-01-01T00:00:00Z');
  const entries: Zippable = {};
  for (const file of filesUnder(dir).sort()) {
    entries[relative(dir, file).split('\\').join('/')] = [readFileSync(file), { mtime: fixedDate }];
  }
  const zipped = zipSync(entries, { level: 9 });
  writeFileSync(zipPath, zipped);
  return zipped.length;
}

async function buildFor(browser: TargetBrowser): Promise<void> {
  const started = performance.now();
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: browser, logLevel: 'warn' });
  const outDir = join(root, distRoot, browser);
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { version: string };
  const zipPath = join(root, distRoot, `arabic-news-lens-${browser}.zip`);
  const bytes = zipFolder(outDir, zipPath);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`built ${relative(root, outDir)}/ (v${manifest.version}) and ${relative(root, zipPath)} (${(bytes / 1024).toFixed(0)} KiB) in ${seconds}s`);
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !ALL.includes(name as TargetBrowser));
  if (unknown.length > 0) {
    console.error(`usage: npm run build [-- chrome|firefox]\nunknown target: ${unknown.join(', ')}`);
    process.exit(2);
  }
  const targets = requested.length > 0 ? (requested as TargetBrowser[]) : ALL;
  // One after the other: both write through the same Vite/crxjs plugin state.
  for (const target of targets) await buildFor(target);
}

main().catch((error: unknown) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
