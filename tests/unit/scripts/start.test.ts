import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('npm start on a closed network', () => {
  it('stops with a Norwegian message naming the cause and what still works, not a stack trace', () => {
    // A mirror nobody answers on: the download fails here and on any machine, as on a closed network.
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: path.join(root, '.tmp/no-cache'),
      },
      timeout: 60_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toContain('Electron (programvinduet) kunne ikke lastes ned');
    expect(output).toMatch(/Årsak: \S/);
    expect(output).toContain('npm run demo');
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
