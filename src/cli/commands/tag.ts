/**
 * `tag` (CONTRACT.md): stdin one token per line (first whitespace-separated field), blank
 * lines between sentences; stdout exactly one line per input line, `TOKEN<TAB>TAG`, blank
 * where the input was blank.
 */
import type { Command } from '../main';
import { InputError, UsageError, readStdin, writeOut } from '../io';
import { loadNerModelFromDisk } from '../loadModel';
import { tagDocument } from '../../nlp/entities/index';

const USAGE = 'npm run -s cli -- tag < tokens.txt   (one token per line, blank line between sentences)';

/** Output is flushed in chunks so a huge input does not build one giant string. */
const CHUNK_LINES = 20000;

export const tag: Command = {
  summary: 'Named-entity tags (IOB2 over PERS/ORG/LOC/MISC) for pre-tokenised text on stdin.',
  usage: USAGE,
  async run(args) {
    if (args.length > 0) throw new UsageError(`tag takes no arguments (got ${args.join(' ')})`);
    const input = await readStdin();
    let model;
    try {
      model = loadNerModelFromDisk();
    } catch (err) {
      throw new InputError(err instanceof Error ? err.message : String(err));
    }
    const lines = splitLines(input);
    const sentences: { line: number; token: string }[][] = [];
    let sentence: { line: number; token: string }[] = [];
    const flushSentence = (): void => {
      if (sentence.length) sentences.push(sentence);
      sentence = [];
    };
    // A line with no token (blank or only spaces) ends a sentence. The sentences are tagged as
    // one stream, so the tagger's document features see the neighbouring sentences.
    const out = new Array<string>(lines.length).fill('');
    for (let i = 0; i < lines.length; i++) {
      const token = lines[i]!.trim().split(/\s+/, 1)[0] ?? '';
      if (token === '') {
        flushSentence();
        continue;
      }
      sentence.push({ line: i, token });
    }
    flushSentence();
    const tagged = tagDocument(model, sentences.map((s) => s.map((x) => x.token)));
    sentences.forEach((s, k) => s.forEach((x, i) => (out[x.line] = `${x.token}\t${tagged[k]![i] ?? 'O'}`)));
    for (let i = 0; i < out.length; i += CHUNK_LINES) {
      await writeOut(out.slice(i, i + CHUNK_LINES).join('\n') + '\n');
    }
  },
};

/** Lines of the input; a final newline does not start another line; CRLF is accepted. */
function splitLines(input: string): string[] {
  if (input === '') return [];
  const lines = input.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
