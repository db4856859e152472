/**
 * The Electron smoke test (tests/electron/, `npm run test:electron`) where Electron cannot start:
 * one line saying it was skipped, exit 0, and no download attempted — nothing on that path loads
 * `electron` (whose require starts a download since Electron 42). Where the binary exists (the forge's
 * runners after `node node_modules/electron/install.js`) the smoke test runs for real instead.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, SKIPPED_LINE } from '../../electron/electron-binary';

const root = path.resolve(import.meta.dirname, '../../..');

describe.skipIf(electronBinary(root) !== undefined)('npm run test:electron without an Electron binary', () => {
  it('prints one line, skipped, and exits 0 without trying to download Electron', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'playwright.electron.config.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        // A mirror nobody answers on: an attempted download would fail loudly instead of succeeding quietly.
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', KULLREGISTER_ELECTRON_REQUIRED: '' },
        timeout: 60_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(SKIPPED_LINE);
    expect(result.status).toBe(0);
  });

  it('with KULLREGISTER_ELECTRON_REQUIRED (the workflow) a missing binary fails instead', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'playwright.electron.config.ts'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, KULLREGISTER_ELECTRON_REQUIRED: '1' }, timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('node node_modules/electron/install.js');
  });
});
