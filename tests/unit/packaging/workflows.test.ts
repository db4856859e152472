/**
 * The forge's workflows (they cannot run here): they parse, and they say what the README says they
 * do — ci.yml on every push and pull request on three systems with the whole test run and the
 * Electron smoke test; release.yml only on version tags.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');

type Step = { name?: string; run?: string; uses?: string; if?: string; env?: Record<string, string> };
type Workflow = {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; strategy?: { matrix: { os: string[] } }; steps: Step[] }>;
};

function workflow(name: string): Workflow {
  return parse(fs.readFileSync(path.join(root, '.github/workflows', name), 'utf8'), { strict: true }) as Workflow;
}

describe('.github/workflows/ci.yml', () => {
  const ci = workflow('ci.yml');
  const job = Object.values(ci.jobs)[0]!;
  const runs = job.steps.map((step) => step.run ?? '');
  const indexOf = (command: string) => runs.findIndex((run) => run.includes(command));

  it('runs on every push and every pull request', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(ci.on.push).toBeNull(); // no branch filter
  });

  it('on Linux, Windows and macOS, each run to the end', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect([...(job.strategy?.matrix.os ?? [])].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
  });

  it('npm ci, typecheck, lint, the whole npm test, then the Electron smoke test, in that order', () => {
    const order = ['npm ci', 'npm run typecheck', 'npm run lint', 'npm test', 'npm run test:electron'].map(indexOf);
    for (const index of order) expect(index).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs).not.toContain('npm run test:unit'); // the whole npm test, not a part of it
  });

  it('uses Playwright’s own Chromium and Electron’s binary, and requires the smoke test to really run', () => {
    expect(indexOf('npx playwright install --with-deps chromium')).toBeLessThan(indexOf('npm test'));
    expect(indexOf('node node_modules/electron/install.js')).toBeLessThan(indexOf('npm run test:electron'));
    const smoke = job.steps.filter((step) => step.run?.includes('npm run test:electron'));
    expect(smoke.length).toBeGreaterThan(0);
    for (const step of smoke) expect(step.env?.KULLREGISTER_ELECTRON_REQUIRED).toBe('1');
    // Linux runners have no display: the smoke test runs under xvfb-run there.
    expect(smoke.find((step) => step.if === "runner.os == 'Linux'")?.run).toMatch(/^xvfb-run /);
  });

  it('uses Node 22, the version the app needs', () => {
    const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@')) as Step & {
      with: { 'node-version': number | string };
    };
    expect(String(setup.with['node-version'])).toMatch(/^22/);
  });
});

describe('.github/workflows/release.yml', () => {
  it('builds installers on version tags only', () => {
    const release = workflow('release.yml');
    expect(release.on.push).toEqual({ tags: ['v*'] });
    expect(release.on.pull_request).toBeUndefined();
  });
});
