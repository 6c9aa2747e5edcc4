/** The `dates` command as CONTRACT.md specifies it: JSON lines out, usage errors exit 2. */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = (args: string[], input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'dates', ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('cli dates', () => {
  it('prints one JSON object per input line, empty lines included', () => {
    const r = cli(['--ref', '2024-03-14'], 'وصل أمس\n\nفي ١٠ رمضان ١٤٤٥ هـ\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { dates: Array<Record<string, unknown>> });
    expect(lines).toHaveLength(3);
    expect(lines[0]!.dates).toEqual([{ text: 'أمس', start: 4, end: 7, value: '2024-03-13', grain: 'day' }]);
    expect(lines[1]!.dates).toEqual([]);
    expect(lines[2]!.dates[0]).toMatchObject({ value: '2024-03-20', hijri: '1445-09-10' });
  });

  it.each([
    ['missing --ref', []],
    ['impossible --ref', ['--ref', '2024-02-30']],
    ['wrong --ref format', ['--ref', '14/03/2024']],
  ])('%s is a usage error (exit 2)', (_name, args) => {
    const r = cli(args, 'أمس\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--ref/);
    expect(r.stdout).toBe('');
  });

  it('handles a 1 MB line', () => {
    const line = 'جرت المحادثات في 14 آذار 2024 بمسقط. '.repeat(30000);
    expect(line.length).toBeGreaterThan(1_000_000);
    const r = cli(['--ref', '2024-03-14'], line + '\n');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { dates: Array<{ value: string }> };
    expect(out.dates).toHaveLength(30000);
    expect(out.dates.every((d) => d.value === '2024-03-14')).toBe(true);
  });
});
