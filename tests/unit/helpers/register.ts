/**
 * Real register files in temporary folders. Every folder made here is removed when the test that
 * made it finishes (pass or fail), and every register opened here is closed first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Register } from '../../../electron/store/connection';
import { type OpenOptions, openRegister } from '../../../electron/store/open';

export const TEST_USER = 'testbruker';

/** A fresh, empty folder under the OS temp folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-unit-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type TempRegister = {
  /** The register file. */
  path: string;
  /** The register currently open on that file. */
  reg: Register;
  /** Closes the register and opens the same file again (what a restart of the app does). */
  reopen: (options?: OpenOptions) => Register;
};

/** Opens a register on the given file and closes it when the test finishes (unless already closed). */
export function openForTest(file: string, options: OpenOptions = {}): Register {
  const reg = openRegister(file, { user: TEST_USER, ...options });
  onTestFinished(() => {
    if (reg.db.open) reg.close();
  });
  return reg;
}

/** A new register in its own temp folder, with the test user recorded in the change log. */
export function tempRegister(options: OpenOptions = {}): TempRegister {
  const file = path.join(tempDir(), 'register.kullregister');
  const handle: TempRegister = {
    path: file,
    reg: openForTest(file, { create: true, ...options }),
    reopen: (reopenOptions = {}) => {
      if (handle.reg.db.open) handle.reg.close();
      handle.reg = openForTest(file, reopenOptions);
      return handle.reg;
    },
  };
  return handle;
}

/** The bytes of a file, for "the file is left byte-for-byte unchanged" checks. */
export function fileBytes(file: string): Buffer {
  return fs.readFileSync(file);
}

/** Row count of a table, read straight from SQLite (not through the store). */
export function countRows(reg: Register, table: string): number {
  return (reg.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
