/** `analyze` through the real CLI entry (a child process per case, as users run it). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatchLine } from '../../src/cli/commands/analyze';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'story', 'port-agreement.txt');

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'analyze', ...args], {
    cwd: ROOT,
    input: typeof input === 'string' ? Buffer.from(input, 'utf8') : input,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('analyze CLI', () => {
  it('analyses a .txt file into one JSON object with the contract fields', () => {
    const r = cli([FIXTURE, '--published', '2024-05-02', '--title', 'اتفاق الميناء']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const key of ['isArticle', 'lang', 'title', 'published', 'site', 'text', 'actors', 'dates', 'events', 'summary']) expect(a).toHaveProperty(key);
    expect(a.published).toBe('2024-05-02');
    expect(a.title).toBe('اتفاق الميناء');
  });

  it('reads a saved .html page: body, title, date and site from the page, options overriding them', () => {
    const page = join(ROOT, 'test', 'fixtures', 'story', 'port-agreement.html');
    const r = cli([page]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { isArticle: boolean; title: string; published: string; site: string; text: string; summary: { text: string }[] };
    expect(a).toMatchObject({ isArticle: true, title: 'اتفاق لبناء ميناء جديد في العقبة', published: '2024-05-02', site: 'أخبار تجريبية' });
    expect(a.text).toContain('وقّعت الحكومة الأردنية');
    expect(a.text).not.toContain('جميع الحقوق محفوظة');
    expect(a.summary[0]!.text.startsWith('وقّعت الحكومة الأردنية')).toBe(true);
    const overridden = JSON.parse(cli([page, '--published', '2024-06-01', '--title', 'عنوان آخر']).stdout) as { title: string; published: string };
    expect(overridden).toMatchObject({ title: 'عنوان آخر', published: '2024-06-01' });
  });

  it('reads stdin with -', () => {
    const text = 'أعلنت وزارة النقل اليوم خطة جديدة للحافلات في العاصمة.';
    const r = cli(['-', '--published', '2024-05-02'], text);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { text: string }).text).toBe(text);
  });

  it('refuses a bad --published with exit 2 and a usage message', () => {
    const r = cli([FIXTURE, '--published', '2024-13-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--published/);
    expect(r.stderr).toMatch(/usage/);
    expect(r.stdout).toBe('');
  });

  it('refuses binary input with exit 1 and one clear line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'image.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]));
    const r = cli([file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/binary|UTF-8/);
    expect(r.stdout).toBe('');
  });

  it('reports a missing file with exit 1', () => {
    const r = cli([join(ROOT, 'no-such-file.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read/);
  });

  it('--batch answers every line in order, with an error object for bad lines, and goes on', () => {
    const input = Buffer.concat([
      Buffer.from(JSON.stringify({ text: 'أعلنت الحكومة خطة للنقل.', published: '2024-05-02' }) + '\n'),
      Buffer.from('not json\n'),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from(JSON.stringify({ text: 'وقال الوزير إن الخطة جاهزة.', published: 'yesterday' }) + '\n'),
      Buffer.from(JSON.stringify({ text: 'وقّع الطرفان الاتفاق.', title: 'اتفاق' }) + '\n'),
    ]);
    const r = cli(['--batch'], input);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    expect(out[0]!.text).toBe('أعلنت الحكومة خطة للنقل.');
    expect(out[1]).toHaveProperty('error');
    expect(out[2]!.error).toMatch(/UTF-8/);
    expect(out[3]!.error).toMatch(/published/);
    expect(out[4]!.title).toBe('اتفاق');
  });
});

describe('parseBatchLine', () => {
  it('takes text, published and title, and defaults from the options', () => {
    expect(parseBatchLine('{"text":"نص"}', { published: '2024-01-01' })).toEqual({ text: 'نص', published: '2024-01-01' });
    expect(parseBatchLine('{"text":"نص","published":"2024-02-02","title":"ع"}', {})).toEqual({ text: 'نص', published: '2024-02-02', title: 'ع' });
  });
  it('explains what is wrong with a line', () => {
    expect(parseBatchLine('', {})).toHaveProperty('error');
    expect(parseBatchLine('[1]', {})).toEqual({ error: 'expected a JSON object with "text"' });
    expect(parseBatchLine('{"text":3}', {})).toEqual({ error: '"text" must be a string' });
    expect(parseBatchLine('{"text":"x","title":5}', {})).toEqual({ error: '"title" must be a string' });
  });
});
