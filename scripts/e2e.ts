/**
 * `npm run test:e2e`: the built extension in real browsers (test/e2e/*.test.ts, node's test runner).
 * Builds first when dist/ is missing; `npm run test:e2e -- chromium` (or firefox) runs one browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const e2eDir = join(root, 'test', 'e2e');

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`e2e: could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

const only = process.argv.slice(2);
const files = readdirSync(e2eDir)
  .filter((name) => name.endsWith('.test.ts'))
  // `chromium` selects every *.chromium.test.ts too (e.g. store.chromium.test.ts); `store` selects that one file.
  .filter((name) => only.length === 0 || only.some((part) => name.split('.').includes(part)))
  .map((name) => join('test', 'e2e', name));
if (files.length === 0) {
  console.error(`e2e: no test files match ${only.join(', ')} (have: chromium, firefox, highlight, store)`);
  process.exit(2);
}

if (!existsSync(join(root, 'dist', 'chrome', 'manifest.json')) || !existsSync(join(root, 'dist', 'firefox', 'manifest.json'))) {
  console.error('e2e: dist/ is missing, building first');
  const status = run(process.execPath, ['--import', 'tsx', join('scripts', 'build.ts')]);
  if (status !== 0) process.exit(status);
}

// The highlight tests run the test variant (dist-e2e/, with the hook that reads the card's closed shadow root):
// rebuilt every time so it never lags behind the sources.
if (files.some((file) => file.includes('highlight.'))) {
  console.error('e2e: building the test variant (dist-e2e/)');
  const status = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'build.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ANL_E2E: '1' },
  }).status;
  if (status !== 0) process.exit(status ?? 1);
}

// One browser at a time: the machines that run this are small, and two browsers at once make timing flaky.
process.exit(run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files]));
