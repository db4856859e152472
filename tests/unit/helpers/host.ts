/**
 * A stand-in for the app's host (electron/api/host.ts), for the unit and end-to-end tests: the same
 * `Host` type the Electron glue gives. What a test does not give answers as a user who cancels
 * (dialogs) or an app that printed nothing; without the test's session, the host has one of its own
 * with no register open (for tests of one feature's saving or printing, where the app channels are
 * not used).
 */
import os from 'node:os';
import path from 'node:path';
import type { Host } from '../../../electron/api/host';
import { RegisterSession } from '../../../electron/register/session';

export function standInHost(parts: Partial<Host> = {}): Host {
  const dataFolder = path.join(os.tmpdir(), 'kullregister-test-vert');
  const settingsFile = path.join(dataFolder, 'innstillinger.json');
  return {
    session: new RegisterSession({ configFile: settingsFile, defaultBackupFolder: path.join(dataFolder, 'kopier') }),
    chooseSavePath: () => null,
    chooseOpenPaths: () => null,
    chooseFolder: () => null,
    printToPdf: async () => 0,
    print: async () => false,
    version: '0.0.0-test',
    runtime: `Node ${process.versions.node} (test)`,
    paths: {
      dataFolder,
      settingsFile,
      defaultRegisterPath: path.join(dataFolder, 'kullregister.sqlite'),
      demoFolder: path.resolve('resources/demo'),
    },
    ...parts,
  };
}
