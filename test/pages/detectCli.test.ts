import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli detect', () => {
  it('prints the verdict as one JSON object', () => {
    const r = cli('detect', join(FIXTURES, 'arabic-article-furniture.html'), '--url', 'https://alofoq.example/news/2024/03/14/water-station-opens-1234567');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['isArticle', 'lang', 'confidence', 'reason']);
    expect(out).toMatchObject({ isArticle: true, lang: 'ar' });
    expect(typeof out.confidence).toBe('number');
  });

  it('says no for a Persian page', () => {
    const r = cli('detect', join(FIXTURES, 'persian-article.html'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ isArticle: false, lang: 'fa' });
  });

  it('exits 1 with a reason for a missing file, 2 with usage without one', () => {
    const missing = cli('detect', join(FIXTURES, 'no-such-page.html'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/cannot read .*no-such-page\.html: ENOENT/);
    const usage = cli('detect');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage:/);
  });
});
