import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST_CHROME = join(REPO_ROOT, 'dist', 'chrome');
export const DIST_FIREFOX = join(REPO_ROOT, 'dist', 'firefox');
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/** A missing browser or build is a setup problem: say how to fix it instead of failing obscurely. */
export function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`${path} not found: ${hint}`);
}

/**
 * Chromium's flags for an offline, headless run with one unpacked extension. The background-networking flags keep
 * Chromium from reaching for Google's hosts, which this machine's closed network refuses.
 */
export function chromiumExtensionArgs(dist: string, extra: readonly string[] = []): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extra,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
  ];
}

/**
 * Where a test saves a screenshot. Every run takes them (rendering is part of the check), but only
 * `npm run screenshots` (ANL_SCREENSHOTS=1) writes the committed ones in docs/screenshots; other runs write to
 * tmp/screenshots, so running the tests never dirties the working tree.
 */
export function screenshotPath(fileName: string): string {
  const dir = process.env.ANL_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs', 'screenshots') : join(REPO_ROOT, 'tmp', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}
