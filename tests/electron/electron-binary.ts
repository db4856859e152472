/**
 * Where the npm package's Electron binary is, read without `require('electron')` (which, since
 * Electron 42, starts a download when the binary is missing). Undefined when it was never downloaded,
 * as on the development machines, which cannot reach Electron's download host.
 */
import fs from 'node:fs';
import path from 'node:path';

export function electronBinary(root = process.cwd()): string | undefined {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}

export const SKIPPED_LINE =
  'Electron smoke test skipped: Electron cannot start on this machine (no binary in node_modules/electron/dist; the forge workflow runs it on Windows, macOS and Linux).';
