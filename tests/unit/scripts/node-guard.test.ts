/**
 * The Node version guard (scripts/node-guard.cjs): on a Node older than 22.12 `npm install` stops
 * before it installs anything, and `npm run demo`/`cli`/`start`/`bench`/`test` stop before anything
 * opens a register. Tried for real with the machine's own old Node where there is one (Debian's
 * /usr/bin/node is 20 here); the version rule itself is checked everywhere.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { nodeProblem } = require('../../../scripts/node-guard.cjs') as {
  nodeProblem: (version: string, executable?: string) => string | null;
};

function versionOf(node: string): string | undefined {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** A Node on this machine that is too old, if there is one (Debian's Node 20 here, none on most CI runners). */
const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => {
  if (!fs.existsSync(candidate)) return false;
  const version = versionOf(candidate);
  return version !== undefined && nodeProblem(version) !== null;
});

/** npm's own script, to run it with the old Node (npm 11 itself runs on Node 20). */
function npmCli(): string | undefined {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm?.endsWith('npm-cli.js') && fs.existsSync(fromNpm)) return fromNpm;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'npm');
    if (!fs.existsSync(candidate)) continue;
    const real = fs.realpathSync(candidate);
    if (real.endsWith('npm-cli.js')) return real;
  }
  return undefined;
}

/** Runs npm with `node` (and npm itself) being the old Node. */
function npmWithOldNode(node: string, args: string[], cwd: string) {
  const cli = npmCli();
  if (!cli) throw new Error('npm-cli.js not found');
  const result = spawnSync(node, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` },
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the Node version rule', () => {
  it('refuses every Node older than 22.12 and names 22.12 and how to get it', () => {
    for (const version of ['v20.20.2', '20.19.0', '22.11.9', '18.0.0', 'v8.0.0']) {
      const message = nodeProblem(version, '/usr/bin/node');
      expect(message, version).not.toBeNull();
      expect(message).toContain('Node.js 22.12 eller nyere');
      expect(message).toContain(version.replace(/^v/, ''));
      expect(message).toContain('nodejs.org');
      expect(message).toContain('/usr/bin/node');
    }
  });

  it('lets 22.12 and newer through', () => {
    for (const version of ['22.12.0', 'v22.23.3', '23.0.0', '24.11.1', '30.1.0'])
      expect(nodeProblem(version)).toBeNull();
    expect(nodeProblem(process.versions.node)).toBeNull();
  });
});

describe.skipIf(!oldNode)(`on this machine's old Node (${oldNode ?? 'none'})`, () => {
  const node = oldNode as string;

  it('the guard itself exits 1 with the Norwegian message', () => {
    const result = spawnSync(node, [path.join(root, 'scripts/node-guard.cjs')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Kullregister trenger Node.js 22.12 eller nyere');
    expect(result.stderr).toContain(versionOf(node)?.replace(/^v/, ''));
  });

  it('npm run demo stops before it creates the register: no file, no .lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-guard-'));
    const db = path.join(dir, 'demo.sqlite');
    const { status, output } = npmWithOldNode(node, ['run', 'demo', '--', '--db', db], root);
    expect(status).toBe(1);
    expect(output).toContain('Kullregister trenger Node.js 22.12 eller nyere');
    expect(output).not.toMatch(/Segmentation|SIGSEGV/);
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('npm run cli -- report stops with the message and leaves nothing behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-guard-'));
    const db = path.join(dir, 'register.sqlite');
    const args = ['run', 'cli', '--', 'report', '--db', db, '--from', '2021-01-01', '--to', '2021-12-31'];
    const { status, output } = npmWithOldNode(node, [...args, '--format', 'json', '--out', '-'], root);
    expect(status).toBe(1);
    expect(output).toContain('Node.js 22.12');
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('npm ci refuses at once, before it installs anything (.npmrc engine-strict)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-install-'));
    for (const file of ['package.json', 'package-lock.json', '.npmrc', 'scripts/node-guard.cjs']) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
    }
    const started = Date.now();
    const { status, output } = npmWithOldNode(node, ['ci', '--offline', '--no-audit', '--no-fund'], dir);
    expect(status).not.toBe(0);
    expect(output).toContain('EBADENGINE');
    expect(output).toContain('>=22.12');
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
    expect(Date.now() - started).toBeLessThan(30_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
