/**
 * The Electronegativity gate (`npm run security`, scripts/security-scan.ts): it passes on electron/
 * and fails on a window that turns node integration on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeScan } from '../../../scripts/security-findings';
import { tempDir } from '../helpers/register';

function scan(input?: string) {
  const args = [
    path.resolve('node_modules/tsx/dist/cli.mjs'),
    'scripts/security-scan.ts',
    ...(input ? ['--input', input] : []),
  ];
  return spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
}

const finding = (severity: string) => ({
  id: 'X',
  severity: { name: severity },
  confidence: { name: 'CERTAIN' },
  file: 'app/window.ts',
  location: { line: 1, column: 1 },
});

describe('the security scan gate', () => {
  it('fails on a HIGH finding and on a file the scanner could not read, passes otherwise', () => {
    expect(judgeScan({ issues: [finding('MEDIUM'), finding('LOW')], errors: [] }).ok).toBe(true);
    expect(judgeScan({ issues: [finding('HIGH')], errors: [] }).ok).toBe(false);
    expect(judgeScan({ issues: [], errors: [{ file: 'a.ts', message: 'syntax' }] }).ok).toBe(false);
  });

  it('passes on electron/ with no HIGH finding', () => {
    const result = scan();
    expect(result.stdout + result.stderr).toContain('Ingen funn med alvorlighet HIGH');
    expect(result.status).toBe(0);
  });

  it('fails on a window with node integration on and no context isolation', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'window.ts'),
      `import { BrowserWindow } from 'electron';
export function open(): BrowserWindow {
  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  void window.loadURL('https://example.com/');
  return window;
}
`,
    );
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ devDependencies: { electron: '45.4.1' } }));
    const result = scan(dir);
    expect(result.stderr).toContain('HIGH');
    expect(result.status).toBe(1);
  });
});
