import { chromium, defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium';

// CHROMIUM_PATH, else Debian's Chromium, else Playwright's own (the forge's runners install it with
// `npx playwright install chromium`); none: stop at once with one message (scripts/chromium.ts).
// The renderer is served by the test fixture from dist/renderer (npm run build:renderer), with the
// real handlers behind page.exposeBinding.
const browser = findChromium({ playwrightBrowser: () => chromium.executablePath() });
if (browser.kind === 'none') {
  console.error(browser.message);
  process.exit(1);
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    launchOptions: {
      // Playwright's own browser: its default (the headless shell it installed beside it).
      executablePath: browser.kind === 'path' ? browser.executablePath : undefined,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
