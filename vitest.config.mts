import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/unit/renderer/** too: the renderer's pure logic (grid/clipboard.ts, selection.ts,
    // deltakere/drafts.ts, searchIndex.ts …) without a browser; AG Grid itself is tested in tests/e2e.
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
