/**
 * Command-line entry (CONTRACT.md): `npm run -s cli -- <command> [options]`.
 * Exit 0 success, 2 bad usage, 1 bad input or failure.
 */
import { InputError, UsageError } from './io';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<void>;
}

/** Commands load lazily so `tag` does not pay for the HTML parser and `detect` not for the model. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  tag: async () => (await import('./commands/tag')).tag,
  dates: async () => (await import('./commands/dates')).dates,
  detect: async () => (await import('./commands/detect')).detect,
  analyze: async () => (await import('./commands/analyze')).analyze,
};

const USAGE = `usage: npm run -s cli -- <command> [options]

commands:
  tag                        named-entity tags for pre-tokenised text (stdin: a token per line)
  dates --ref YYYY-MM-DD     date expressions in text (stdin: a text per line)
  detect FILE.html [--url U] is this page an Arabic news article?
  analyze FILE [--url U] [--published YYYY-MM-DD] [--title T]
                             the whole analysis of a page (.html), a text (.txt) or stdin (-)
  analyze --batch            JSON lines in ({"text","published","title"}), JSON lines out

Run a command with --help for its own usage.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stderr.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`unknown command: ${name}\n\n${USAGE}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stderr.write(`usage: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${name}: ${err.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    const reason = err instanceof InputError ? err.message : `failed: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${name}: ${reason}\n`);
    return 1;
  }
}

// Closing stdout early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
