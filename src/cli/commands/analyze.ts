/**
 * `analyze FILE|- [--url U] [--published YYYY-MM-DD] [--title T]` and `analyze --batch`
 * (CONTRACT.md): the whole analysis as one JSON object, or JSON lines in → JSON lines out.
 */
import { extname } from 'node:path';
import type { Command } from '../main';
import { UsageError, decodeUtf8, parseArgs, readInputFile, readStdin, writeOut } from '../io';
import { analyzeText, isIsoDay, type ArticleInput } from '../../nlp/analyze';
import { fallbackModel, type NerModel } from '../../nlp/entities/index';
import { loadNerModelFromDisk } from '../loadModel';
import type { Analysis } from '../../nlp/types';

const USAGE = 'npm run -s cli -- analyze FILE.html|FILE.txt|- [--url URL] [--published YYYY-MM-DD] [--title T]\n       npm run -s cli -- analyze --batch [--published YYYY-MM-DD]   (stdin: JSON lines {"text","published","title"})';

/** Progress goes to stderr once per this many batch lines. */
const PROGRESS_EVERY = 100;

/**
 * The recogniser, loaded once per process. The one place the CLI, the eval and the bench scripts
 * get it from. Without the shipped model file the built-in fallback still finds some actors.
 */
export async function loadAnalysisModel(): Promise<NerModel> {
  try {
    return loadNerModelFromDisk();
  } catch (err) {
    process.stderr.write(`analyze: ${err instanceof Error ? err.message : String(err)}; using the built-in fallback recogniser\n`);
    return fallbackModel();
  }
}

export const analyze: Command = {
  summary: 'The whole analysis (actors, dates, events, summary) of a page, a text file or stdin, as JSON.',
  usage: USAGE,
  async run(args) {
    const { options, positional } = parseArgs(args, { url: 'string', published: 'string', title: 'string', batch: 'boolean' });
    const published = typeof options.published === 'string' ? options.published : undefined;
    if (published !== undefined && !isIsoDay(published)) throw new UsageError(`--published must be a calendar day YYYY-MM-DD, got "${published}"`);
    const title = typeof options.title === 'string' ? options.title : undefined;
    const url = typeof options.url === 'string' ? options.url : undefined;

    if (options.batch) {
      if (positional.length) throw new UsageError('--batch reads JSON lines from stdin and takes no FILE');
      await runBatch({ published, title });
      return;
    }
    if (positional.length !== 1) throw new UsageError(positional.length ? 'give one FILE (or - for stdin)' : 'missing FILE (or - for stdin)');
    const file = positional[0]!;
    const ext = extname(file).toLowerCase();

    let analysis: Analysis;
    if (file !== '-' && (ext === '.html' || ext === '.htm')) {
      analysis = await analyzeHtmlFile(file, { published, title, url });
    } else {
      const text = file === '-' ? await readStdin() : readInputFile(file);
      const model = await loadAnalysisModel();
      analysis = analyzeText({ text, published, title, url }, { model });
    }
    await writeOut(JSON.stringify(analysis) + '\n');
  },
};

/**
 * A saved page: the page reader finds the body, title, date and site, and decides whether it
 * is an article; options override what it found. A non-article still gets what could be read.
 */
async function analyzeHtmlFile(file: string, overrides: Pick<ArticleInput, 'published' | 'title' | 'url'>): Promise<Analysis> {
  const html = readInputFile(file);
  const { readPageFile } = await import('../readPage'); // linkedom loads only for HTML input
  const page = readPageFile(html, overrides.url ?? '');
  const model = await loadAnalysisModel();
  const analysis = analyzeText(
    {
      text: page.text,
      published: overrides.published ?? (page.published || undefined),
      title: overrides.title ?? page.title,
      site: page.site,
      url: overrides.url ?? (page.canonicalUrl || page.url || undefined),
    },
    { model },
  );
  return { ...analysis, isArticle: page.isArticle, lang: page.lang || analysis.lang, reason: page.reason };
}

/** One batch line → the input for `analyzeText`, or an error message for that line. */
export function parseBatchLine(line: string, defaults: { published?: string; title?: string }): ArticleInput | { error: string } {
  if (!line.trim()) return { error: 'empty line (expected a JSON object with "text")' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object with "text"' };
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return { error: '"text" must be a string' };
  const published = record.published ?? defaults.published;
  if (published !== undefined && published !== null && published !== '' && (typeof published !== 'string' || !isIsoDay(published))) {
    return { error: `"published" must be a calendar day YYYY-MM-DD, got ${JSON.stringify(published)}` };
  }
  const title = record.title ?? defaults.title;
  if (title !== undefined && title !== null && typeof title !== 'string') return { error: '"title" must be a string' };
  const input: ArticleInput = { text: record.text };
  if (typeof published === 'string' && published) input.published = published;
  if (typeof title === 'string') input.title = title;
  if (typeof record.url === 'string') input.url = record.url;
  if (typeof record.site === 'string') input.site = record.site;
  return input;
}

async function runBatch(defaults: { published?: string; title?: string }): Promise<void> {
  const model = await loadAnalysisModel();
  let count = 0;
  let failed = 0;
  for await (const bytes of stdinLines()) {
    count++;
    let out: unknown;
    try {
      const parsed = parseBatchLine(decodeUtf8(bytes, `line ${count}`), defaults);
      out = 'error' in parsed ? parsed : analyzeText(parsed, { model });
    } catch (err) {
      // A bad line (binary, not UTF-8) or a failure on one text must not end the batch.
      out = { error: err instanceof Error ? err.message : String(err) };
    }
    if (out && typeof out === 'object' && 'error' in out) failed++;
    await writeOut(JSON.stringify(out) + '\n');
    if (count % PROGRESS_EVERY === 0) process.stderr.write(`analyze --batch: ${count} lines (${failed} with errors)\n`);
  }
  if (count >= PROGRESS_EVERY) process.stderr.write(`analyze --batch: done, ${count} lines (${failed} with errors)\n`);
}

/** Stdin split into raw lines (bytes, without the newline), so each line is decoded and judged on its own. */
async function* stdinLines(): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of process.stdin) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let from = 0;
    for (let nl = pending.indexOf(10, from); nl >= 0; nl = pending.indexOf(10, from)) {
      yield stripCr(pending.subarray(from, nl));
      from = nl + 1;
    }
    pending = pending.subarray(from);
  }
  if (pending.length) yield stripCr(pending);
}

function stripCr(line: Buffer): Buffer {
  return line.length && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
