/**
 * Over the real saved pages in ../shared/data/pages (read-only, never copied here): no Persian or
 * Urdu page may be taken for an Arabic article. Skips, saying so, where the shared data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPageFile } from '../../src/cli/readPage';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'pages');
const MANIFEST = join(PAGES, 'manifest.json');
const present = existsSync(MANIFEST);
if (!present) console.warn(`test/pages/sharedPages: ${MANIFEST} is absent; skipping the tests over real pages`);

interface Entry {
  file: string;
  language?: string;
}

describe.skipIf(!present)('real Persian and Urdu pages (../shared/data/pages)', () => {
  const entries = present ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Entry[]) : [];
  const persianUrdu = entries.filter((e) => /^(fa|ur)\b/.test(e.language ?? '') && existsSync(join(PAGES, e.file)));

  it('has Persian and Urdu pages to check', () => {
    expect(persianUrdu.length).toBeGreaterThan(0);
  });

  it.each(persianUrdu.map((e) => [e.file, e.language ?? ''] as const))('%s is not an Arabic article', (file, language) => {
    const reading = readPageFile(readFileSync(join(PAGES, file), 'utf8'));
    expect(reading.isArticle, reading.reason).toBe(false);
    expect(reading.lang).toBe(language.slice(0, 2));
  });
});
