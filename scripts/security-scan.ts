/**
 * `npm run security`: Electronegativity over electron/ (offline), failing on any HIGH finding.
 *
 * Same scan as `electronegativity -i electron -r -e 45.4.1`, run through its scanner module rather
 * than its command line, because that command line (a) always exits 0, (b) needs an old `commander`
 * it does not declare (ours is 15), and (c) writes its CSV with unawaited, racing writes. The scanner
 * returns the findings, which are judged by scripts/security-findings.ts.
 *
 * Two module look-ups are redirected for the scanner (nothing else changes):
 * - `typescript` asked for by @typescript-eslint/typescript-estree (hoisted next to our TypeScript 7,
 *   which has no compiler API) gets the TypeScript 4.2 that Electronegativity ships;
 * - `got`, which it uses only to fetch translations and Electron's release list from GitHub, is a
 *   stub that fails at once: the scan makes no network request (it then uses its bundled English
 *   texts and skips the "newer Electron with security fixes" check, which `npm outdated` covers).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { judgeScan, type ScanResult } from './security-findings';

const ELECTRON_VERSION = '45.4.1';
const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

type Resolver = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
const Module = require('node:module') as { _resolveFilename: Resolver };

function redirectModules(): void {
  const scannerDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const typescript4 = require.resolve('typescript', { paths: [scannerDir] });
  const gotStub = path.join(os.tmpdir(), `kullregister-got-stub-${process.pid}.cjs`);
  fs.writeFileSync(
    gotStub,
    "const offline = () => Promise.reject(new Error('offline'));\nmodule.exports = Object.assign(offline, { head: offline });\n",
  );
  process.on('exit', () => fs.rmSync(gotStub, { force: true }));
  const original = Module._resolveFilename;
  const estree = `${path.sep}@typescript-eslint${path.sep}typescript-estree${path.sep}`;
  Module._resolveFilename = function (request, parent, ...rest) {
    const from = parent?.filename ?? '';
    if (request === 'typescript' && from.includes(estree)) return typescript4;
    if (request === 'got' && from.startsWith(scannerDir)) return gotStub;
    return original.call(this, request, parent, ...rest);
  };
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

/** `--input DIR` scans another folder (the tests use it to see the gate fail); default electron/. */
function inputFolder(): string {
  const at = process.argv.indexOf('--input');
  const given = at >= 0 ? process.argv[at + 1] : undefined;
  return given ? path.resolve(given) : path.join(root, 'electron');
}

async function main(): Promise<number> {
  redirectModules();
  const input = inputFolder();
  const run = require('@doyensec/electronegativity') as Runner;
  const quiet = console.log;
  console.log = () => {}; // its own chatter ("could not retrieve translations") is not ours to show
  let result: ScanResult;
  try {
    result = await run(
      {
        input,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: ELECTRON_VERSION,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = quiet;
  }
  const verdict = judgeScan(result);
  console.log(`Electronegativity (Electron ${ELECTRON_VERSION}) over ${path.relative(root, input) || '.'}:`);
  for (const line of verdict.lines) (verdict.ok ? console.log : console.error)(line);
  return verdict.ok ? 0 : 1;
}

process.exitCode = await main();
