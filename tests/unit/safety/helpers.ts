/**
 * Sessions over real files in temp folders, as the app opens registers (register/session.ts), with
 * stub dialogs and no heartbeat timer. Everything is closed and removed when the test finishes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { RegisterSession, type SessionOptions } from '../../../electron/register/session';
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
  /** What the stub dialogs answer next. */
  answers: DialogAnswers;
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
      dialogs: { chooseSavePath: () => answers.saveFile, chooseFolder: () => answers.folder },
      ...options,
      ...extra,
    });
    onTestFinished(() => session.close());
    return session;
  };
  return {
    dir,
    session: make({}),
    registerPath,
    backupFolder,
    configFile,
    answers,
    another: (extra = {}) =>
      make({
        configFile: path.join(dir, 'profil2', 'innstillinger.json'),
        user: 'kollega',
        host: 'PC-KOLLEGA',
        ...extra,
      }),
  };
}
