import type { Command } from '../main';
import { parseArgs, readInputFile, UsageError, writeOut } from '../io';
import { readPageFile } from '../readPage';

/** `detect FILE.html [--url URL]`: is this saved page one Arabic news article? (CONTRACT.md) */
export const detect: Command = {
  summary: 'Says whether a saved HTML page is a single Arabic news article: {"isArticle","lang","confidence","reason"}.',
  usage: 'npm run -s cli -- detect FILE.html [--url URL] [--full]',
  async run(args) {
    const { options, positional } = parseArgs(args, { url: 'string', full: 'boolean' });
    if (positional.length !== 1) throw new UsageError(positional.length ? 'give exactly one FILE.html' : 'missing FILE.html');
    const url = typeof options.url === 'string' ? options.url : '';
    if (url) {
      try {
        new URL(url);
      } catch {
        throw new UsageError(`--url is not a URL: ${url}`);
      }
    }
    const html = readInputFile(positional[0]!);
    const reading = readPageFile(html, url);
    const out = options.full
      ? reading
      : { isArticle: reading.isArticle, lang: reading.lang, confidence: reading.confidence, reason: reading.reason };
    await writeOut(JSON.stringify(out) + '\n');
  },
};
