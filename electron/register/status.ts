/**
 * Everything the UI shows about an open register's safety: read-only and why, who has the lock,
 * where the file lives, the backups (the safety panel, `safety:status`).
 */
import type { SafetyStatus } from '../../shared/contract/safety';
import { readAppConfig, registerKey } from './app-config';
import { backupFolderInfo, backupForApi } from './backups';
import { singleUserExplanation } from './location';
import { refreshHolder } from './lock-handover';
import { publicHolder, readOnlyMessage } from './messages';
import { requireOpen, type SessionCore } from './state';

/** Everything the UI shows about the file's safety. */
export function status(core: SessionCore): SafetyStatus {
  const s = requireOpen(core);
  refreshHolder(core, s);
  const explained = readAppConfig(core.options.configFile).singleUserExplained.includes(registerKey(s.path));
  return {
    path: s.path,
    readOnly: s.reg.readOnly,
    readOnlyReason: s.readOnlyReason,
    readOnlyMessage: readOnlyMessage(s),
    lockHolder: s.holder ? publicHolder(s.holder) : null,
    lockReclaimedFrom: s.reclaimedFrom ? publicHolder(s.reclaimedFrom) : null,
    location: s.location,
    singleUser: s.singleUser,
    singleUserExplanation: s.singleUser && !explained ? singleUserExplanation(s.location) : null,
    migratedFrom: s.migratedFrom,
    backups: {
      ...backupFolderInfo(core),
      last: s.lastBackup ? backupForApi(s.lastBackup) : null,
      lastError: s.backupError,
    },
  };
}
