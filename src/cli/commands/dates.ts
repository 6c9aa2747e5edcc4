/**
 * `dates --ref YYYY-MM-DD` (CONTRACT.md): one text per stdin line, one JSON object per line out,
 * `{"dates":[…]}` with every date expression resolved against the publication date.
 */
import type { Command } from '../main';
import { UsageError, parseArgs, readStdin, writeOut } from '../io';
import { findDates, parseReference } from '../../nlp/dates/index';

export const dates: Command = {
  summary: 'Finds the date expressions in each stdin line and resolves them against --ref (the publication date).',
  usage: 'npm run -s cli -- dates --ref YYYY-MM-DD  < texts.txt   (one text per line)',
  async run(args) {
    const { options, positional } = parseArgs(args, { ref: 'string' });
    if (positional.length) throw new UsageError(`unexpected argument: ${positional[0]}`);
    const ref = options.ref;
    if (typeof ref !== 'string') throw new UsageError('--ref YYYY-MM-DD is required (the publication date relative dates resolve against)');
    if (parseReference(ref) === undefined) throw new UsageError(`--ref must be a real calendar day as YYYY-MM-DD, got "${ref}"`);
    const input = await readStdin();
    const lines = input.split('\n');
    // A final newline ends the last line rather than starting an empty one.
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    if (input === '') lines.length = 0;
    const out: string[] = [];
    for (const line of lines) out.push(JSON.stringify({ dates: findDates(line.replace(/\r$/, ''), ref) }));
    await writeOut(out.length ? out.join('\n') + '\n' : '');
  },
};
