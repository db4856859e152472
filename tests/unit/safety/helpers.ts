/**
 * Sessions over real files in temp folders, as the app opens registers (register/session.ts), with
 * no heartbeat timer; `useAppDialogs` puts the app's host (api/host.ts) in front, its dialogs
 * answering `answers`. Everything is closed and removed when the test finishes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { setHost } from '../../../electron/api/host';
import { RegisterSession, type SessionOptions } from '../../../electron/register/session';
import { standInHost } from '../helpers/host';
import { TEST_USER, tempDir } from '../helpers/register';

export const TEST_HOST = 'PC-TEST';

export type DialogAnswers = { saveFile: string | null; folder: string | null };

export type TestSession = {
  dir: string;
  session: RegisterSession;
  /** A register path in its own folder (not created until opened with `create`). */
  registerPath: string;
  backupFolder: string;
  configFile: string;
  /** What the host's save and folder dialogs answer next (after `useAppDialogs`). */
  answers: DialogAnswers;
  /**
   * From here on the handlers run as in the app: a host over this session whose dialogs answer
   * `answers` (a path given in a request is then refused, as in the app). Removed when the test ends.
   */
  useAppDialogs: () => void;
  /** Another app instance on the same files (another user or machine). */
  another: (options?: Partial<SessionOptions>) => RegisterSession;
};

export function tempSession(options: Partial<SessionOptions> = {}): TestSession {
  const dir = tempDir();
  const registerPath = path.join(dir, 'data', 'register.sqlite');
  fs.mkdirSync(path.dirname(registerPath), { recursive: true });
  const backupFolder = path.join(dir, 'sikkerhetskopier');
  const configFile = path.join(dir, 'profil', 'innstillinger.json');
  const answers: DialogAnswers = { saveFile: null, folder: null };
  const make = (extra: Partial<SessionOptions>) => {
    const session = new RegisterSession({
      configFile,
      defaultBackupFolder: backupFolder,
      user: TEST_USER,
      host: TEST_HOST,
      heartbeatMs: null,
      ...options,
      ...extra,
    });
    onTestFinished(() => session.close());
    return session;
  };
  const session = make({});
  return {
    dir,
    session,
    registerPath,
    backupFolder,
    configFile,
    answers,
    useAppDialogs: () => {
      setHost(standInHost({ session, chooseSavePath: () => answers.saveFile, chooseFolder: () => answers.folder }));
      onTestFinished(() => setHost(null));
    },
    another: (extra = {}) =>
      make({
        configFile: path.join(dir, 'profil2', 'innstillinger.json'),
        user: 'kollega',
        host: 'PC-KOLLEGA',
        ...extra,
      }),
  };
}
