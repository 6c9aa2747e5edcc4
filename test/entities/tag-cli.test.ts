import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODEL = join(ROOT, 'public', 'models', 'ner-model.bin');
if (!existsSync(MODEL)) console.warn(`tag CLI tests skipped: no model at ${MODEL} (run npm run train:ner)`);

function runTag(input: string, args: string[] = []): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'tag', ...args], {
    input,
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe.skipIf(!existsSync(MODEL))('npm run cli -- tag', () => {
  it('prints one line per input line, blank where the input is blank', () => {
    const input = 'وقال\nالرئيس\nالأمريكي\nجو\nبايدن\n.\n\nزار\nوزير\nالخارجية\nطهران\n';
    const r = runTag(input);
    expect(r.status).toBe(0);
    const inLines = input.split('\n');
    const outLines = r.stdout.split('\n');
    expect(outLines).toHaveLength(inLines.length);
    inLines.forEach((line, i) => {
      if (line === '') expect(outLines[i]).toBe('');
      else expect(outLines[i]!.split('\t')[0]).toBe(line);
    });
    const tags = outLines.filter(Boolean).map((l) => l.split('\t')[1]);
    for (const t of tags) expect(t).toMatch(/^(O|[BI]-(PERS|ORG|LOC|MISC))$/);
    expect(outLines[3]).toBe('جو\tB-PERS');
    expect(outLines[4]).toBe('بايدن\tI-PERS');
    expect(outLines[10]).toBe('طهران\tB-LOC');
  });

  it('takes the first field of each line and ignores the rest (CoNLL input)', () => {
    const r = runTag('طهران B-LOC extra\nتقول O\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('طهران\tB-LOC\nتقول\tO\n');
  });

  it('empty input gives empty output and exit 0', () => {
    const r = runTag('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('whitespace-only and CRLF lines count as sentence breaks, line count kept', () => {
    const r = runTag('بغداد\r\n   \r\nدمشق\r\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('بغداد\tB-LOC\n\nدمشق\tB-LOC\n');
  });

  it('Latin, emoji, digits and mixed-script tokens are tagged without trouble', () => {
    const input = ['Reuters', '😀', '2024', 'iPhoneـ15', 'مرحبا👋', '“', 'http://x.y/z'].join('\n') + '\n';
    const r = runTag(input);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.split('\t')[0])).toEqual(input.trimEnd().split('\n'));
  });

  it('a single 200,000-token sentence does not crash', () => {
    const words = ['قال', 'الرئيس', 'جو', 'بايدن', 'في', 'واشنطن', 'إن', 'المحادثات', 'مستمرة', '،'];
    const tokens = Array.from({ length: 200_000 }, (_, i) => words[i % words.length]!);
    const r = runTag(tokens.join('\n') + '\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(200_001);
    expect(lines[200_000]).toBe('');
    expect(lines[5]).toBe('واشنطن\tB-LOC');
  }, 120_000);

  it('refuses arguments and binary input with a clear reason', () => {
    const usage = runTag('', ['--bogus']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/tag takes no arguments/);
    const binary = runTag('abc\u0000def\n');
    expect(binary.status).toBe(1);
    expect(binary.stderr).toMatch(/binary/);
  });
});
