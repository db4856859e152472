import { defineConfig } from '@playwright/test';
import { electronBinary, SKIPPED_LINE } from './tests/electron/electron-binary';

// The Electron smoke test (tests/electron/): the built app (npm run build, in globalSetup) started by
// Playwright's _electron.launch with the npm package's Electron. Run by the forge workflow on all
// three systems (`xvfb-run` on Linux); not part of `npm test`. Where Electron's binary was never
// downloaded it prints one line and stops, before anything loads `electron`; with
// KULLREGISTER_ELECTRON_REQUIRED set (the workflow) a missing binary is an error instead.
if (!electronBinary()) {
  if (process.env.KULLREGISTER_ELECTRON_REQUIRED) {
    console.error(
      'No Electron binary in node_modules/electron/dist: run `node node_modules/electron/install.js` first.',
    );
    process.exit(1);
  }
  console.log(SKIPPED_LINE);
  process.exit(0);
}

export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' },
});
