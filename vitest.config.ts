import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit and component tests; the real-browser tests live in test/e2e and run through scripts/e2e.ts.
export default defineConfig({
  plugins: [preact()],
  // The e2e hook exists only in dist-e2e builds (vite.config.ts).
  define: { __ANL_E2E__: 'false' },
  test: {
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30000,
  },
});
