/** Small I/O helpers shared by the CLI commands: stdout carries results only, stderr diagnostics. */
import { readFileSync } from 'node:fs';

/** Thrown for bad usage: exit code 2 with the usage text. */
export class UsageError extends Error {}
/** Thrown for bad input or failure: exit code 1 with a one-line reason. */
export class InputError extends Error {}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeUtf8(Buffer.concat(chunks), 'stdin');
}

export function readInputFile(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return decodeUtf8(buf, path);
}

/** Strict UTF-8: binary input is refused with a clear reason rather than analysed as mojibake. */
export function decodeUtf8(buf: Buffer, name: string): string {
  if (buf.includes(0)) throw new InputError(`${name} looks binary (it contains NUL bytes), not UTF-8 text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text`);
  }
}

export function writeOut(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(s, (err) => (err ? reject(err) : resolve()));
  });
}

/** Parses `--name value` / `--flag` options; everything else is positional. */
export function parseArgs(
  args: string[],
  spec: Record<string, 'string' | 'boolean'>,
): { options: Record<string, string | boolean>; positional: string[] } {
  const options: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--') && arg.length > 2) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option --${name}`);
      if (kind === 'boolean') {
        options[name] = true;
      } else {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = value;
      }
    } else {
      positional.push(arg);
    }
  }
  return { options, positional };
}
