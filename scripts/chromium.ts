/**
 * Which Chromium the end-to-end tests and the benchmark use: CHROMIUM_PATH when set, else Debian's
 * (/usr/bin/chromium), else Playwright's own browser where `npx playwright install chromium` has
 * fetched it (the forge's CI runners). None found: one message saying where it looked and how to
 * get one, so the run stops at once instead of failing every test.
 */
import fs from 'node:fs';

export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export type ChromiumChoice =
  | { kind: 'path'; executablePath: string }
  | { kind: 'playwright'; executablePath: string }
  | { kind: 'none'; message: string };

export type ChromiumLookup = {
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  /** Where Playwright's own Chromium is (or would be); undefined where Playwright knows none. */
  playwrightBrowser?: () => string | undefined;
};

export function findChromium(lookup: ChromiumLookup = {}): ChromiumChoice {
  const env = lookup.env ?? process.env;
  const exists = lookup.exists ?? ((file: string) => fs.existsSync(file));
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return { kind: 'path', executablePath: fromEnv };
    return {
      kind: 'none',
      message: `CHROMIUM_PATH is ${fromEnv}, but there is no such file. Point it at a Chromium or Chrome executable, or unset it.`,
    };
  }
  const system = SYSTEM_CHROMIUMS.find(exists);
  if (system) return { kind: 'path', executablePath: system };
  let bundled: string | undefined;
  try {
    bundled = lookup.playwrightBrowser?.();
  } catch {
    bundled = undefined;
  }
  if (bundled && exists(bundled)) return { kind: 'playwright', executablePath: bundled };
  return {
    kind: 'none',
    message: [
      'No Chromium for the end-to-end tests. Looked for:',
      '  CHROMIUM_PATH (not set)',
      ...SYSTEM_CHROMIUMS.map((file) => `  ${file} (not there)`),
      `  Playwright's own Chromium (${bundled ?? 'unknown on this system'}: not installed)`,
      'Get one of them:',
      '  Debian/Ubuntu: apt-get install chromium',
      '  any system: CHROMIUM_PATH=/path/to/chromium-or-chrome npm test',
      '  where downloads are allowed: npx playwright install chromium',
    ].join('\n'),
  };
}
