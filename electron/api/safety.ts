/**
 * The file's safety: lock and read-only state, single-user mode, backups (docs/safety.md).
 * Everything here goes through the register's session (register/session.ts).
 */
import { backupFileContents, changesSince, registerContents } from '../register/backup-contents';
import { backupForApi, requireSession } from '../register/session';
import { listErasures } from '../store/erasure';
import { DomainError } from '../store/errors';
import { countHendelser } from '../store/hendelser';
import { requireHost } from './host';
import { importRefusal } from './import';
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
  'backup:create': (reg) => {
    // A copy taken mid-import would hold half an import (on the same connection, inside its transaction).
    const running = importRefusal(reg, 'backup:create');
    if (running) throw new DomainError(running.code, running.message);
    return requireSession(reg).backupNow('manuell').then(backupForApi);
  },
  'backup:inspect': (reg, { name }) => {
    const backup = requireSession(reg)
      .listBackups()
      .find((b) => b.name === name);
    if (!backup) throw new DomainError('not_found', `Finner ikke sikkerhetskopien «${name}». Last listen på nytt.`);
    const held = backupFileContents(backup.file);
    return {
      backup: { ...backupForApi(backup), ...held },
      current: registerContents(reg.db),
      changesSince: changesSince(reg.db, held.lastChangeId),
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
    const host = requireHost();
    const { changed } = session.chooseBackupFolder((current) =>
      host.chooseFolder({ title: 'Velg mappe for sikkerhetskopier', defaultPath: current }),
    );
    return { changed, folder: session.backupFolderInfo() };
  },
  'backup:useDefaultFolder': (reg) => {
    const session = requireSession(reg);
    session.useDefaultBackupFolder();
    return session.backupFolderInfo();
  },
} satisfies Partial<HandlerMap>;
