/** Bundles support/inPage.ts into one classic script (IIFE) that `page.evaluate` can run in an extension page. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'inPage.ts');

let cached: Promise<string> | undefined;

export function inPageBundle(): Promise<string> {
  cached ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        lib: { entry: ENTRY, formats: ['iife'], name: 'anlInPage', fileName: () => 'in-page.js' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
    if (!chunk) throw new Error('bundling test/e2e/support/inPage.ts produced no script');
    return chunk.code;
  })();
  return cached;
}
