/**
 * The file's safety: lock and read-only state, single-user mode, backups (docs/safety.md).
 * Everything here goes through the register's session (register/session.ts).
 */

import { backupForApi, requireSession } from '../register/session';
import { listErasures } from '../store/erasure';
import { countHendelser } from '../store/hendelser';
import type { HandlerMap } from './types';

export const safetyHandlers = {
  'safety:status': (reg) => requireSession(reg).status(),
  'safety:takeOverLock': (reg, { lockId }) => {
    const session = requireSession(reg);
    session.takeOverLock(lockId);
    return session.status();
  },
  'safety:acknowledgeSingleUser': (reg) => {
    const session = requireSession(reg);
    session.acknowledgeSingleUser();
    return session.status();
  },
  'backup:list': (reg) => {
    const session = requireSession(reg);
    return {
      ...session.backupFolderInfo(),
      backups: session.listBackups().map(backupForApi),
      erasures: listErasures(reg.db).map((e) => ({ tid: e.tid, hva: e.hva, antall: e.rader.length })),
      hendelser: countHendelser(reg),
    };
  },
  'backup:restore': (reg, { name }) => {
    const { restoredFrom, savedCurrentAs, erasuresReapplied, rowsErasedAgain } =
      requireSession(reg).restoreBackup(name);
    return {
      restoredFrom: backupForApi(restoredFrom),
      savedCurrentAs: backupForApi(savedCurrentAs),
      erasuresReapplied,
      rowsErasedAgain,
    };
  },
  'backup:chooseFolder': (reg) => {
    const session = requireSession(reg);
    const { changed } = session.chooseBackupFolder();
    return { changed, folder: session.backupFolderInfo() };
  },
  'backup:useDefaultFolder': (reg) => {
    const session = requireSession(reg);
    session.useDefaultBackupFolder();
    return session.backupFolderInfo();
  },
} satisfies Partial<HandlerMap>;
