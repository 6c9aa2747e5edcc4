/**
 * `npm run bench [suite…]`: runs every suite in scripts/bench/*.ts (or the named ones) and
 * prints medians and side-by-side ratios. No assertions: figures are for people to read.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite } from './bench/harness';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'harness.ts')
  .sort();

let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite?: BenchSuite };
  const suite = mod.suite;
  if (!suite) continue;
  if (wanted.length && !wanted.includes(suite.name)) continue;
  const skip = suite.skip?.();
  if (skip) {
    process.stdout.write(`\n## ${suite.name}: skipped (${skip})\n`);
    continue;
  }
  try {
    await suite.run();
  } catch (err) {
    failed++;
    process.stderr.write(`bench ${suite.name} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
