import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../scripts/chromium';

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('which Chromium the end-to-end tests use', () => {
  it('CHROMIUM_PATH first, then Debian’s, then Playwright’s own', () => {
    const bundled = () => '/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome';
    const all = only('/opt/chrome', '/usr/bin/chromium', bundled());
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/chrome' }, exists: all, playwrightBrowser: bundled })).toEqual({
      kind: 'path',
      executablePath: '/opt/chrome',
    });
    expect(findChromium({ env: {}, exists: all, playwrightBrowser: bundled })).toEqual({
      kind: 'path',
      executablePath: '/usr/bin/chromium',
    });
    expect(findChromium({ env: {}, exists: only(bundled()), playwrightBrowser: bundled })).toEqual({
      kind: 'playwright',
      executablePath: bundled(),
    });
  });

  it('a CHROMIUM_PATH that names no file is an error, not a silent fallback', () => {
    const choice = findChromium({ env: { CHROMIUM_PATH: '/nope/chrome' }, exists: only('/usr/bin/chromium') });
    expect(choice.kind).toBe('none');
    expect(choice.kind === 'none' && choice.message).toContain('/nope/chrome');
  });

  it('none at all: one message naming where it looked and the three ways to get one', () => {
    const choice = findChromium({
      env: {},
      exists: () => false,
      playwrightBrowser: () => '/home/u/.cache/ms-playwright/chromium-1/chrome',
    });
    expect(choice.kind).toBe('none');
    const message = choice.kind === 'none' ? choice.message : '';
    for (const part of [
      'CHROMIUM_PATH',
      '/usr/bin/chromium',
      '/home/u/.cache/ms-playwright/chromium-1/chrome',
      'apt-get install chromium',
      'npx playwright install chromium',
    ])
      expect(message).toContain(part);
  });

  it('Playwright not knowing a browser for this system is "none", not a crash', () => {
    const choice = findChromium({
      env: {},
      exists: () => false,
      playwrightBrowser: () => {
        throw new Error('unsupported platform');
      },
    });
    expect(choice.kind).toBe('none');
  });
});
