/** Shared helpers for the page tests: fixtures written for this project, parsed with linkedom as the CLI does. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtmlDocument } from '../../src/cli/readPage';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pages');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureDoc(name: string): Document {
  return parseHtmlDocument(fixtureHtml(name));
}

export function htmlDoc(html: string): Document {
  return parseHtmlDocument(html);
}
