import { z } from 'zod';
import type { ChannelTable } from './channel';

/** Who has the register open for editing (the lock file beside it). */
export const lockHolder = z.object({
  /** Pass back to `safety:takeOverLock`, so only the lock the user was warned about is taken over. */
  id: z.string(),
  user: z.string(),
  host: z.string(),
  /** When they opened it (ISO). */
  since: z.string(),
  /** Their last heartbeat (ISO); the app refreshes it every minute. */
  lastSeen: z.string(),
  /** No heartbeat for 5 minutes (crashed, asleep, off the network), or their process is gone. */
  stale: z.boolean(),
});

export const fileLocation = z.object({
  kind: z.enum(['local', 'network', 'cloud']),
  /** OneDrive, Dropbox, Google Drive, iCloud; or UNC, nettverksstasjon, SMB, NFS … */
  service: z.string().nullable(),
  /** A Norwegian phrase for messages: «en mappe som synkroniseres med OneDrive». */
  place: z.string(),
});

export type FileLocationInfo = z.infer<typeof fileLocation>;

export const backupKind = z.enum([
  'daglig',
  'manuell',
  'for-import',
  'for-oppgradering',
  'for-gjenoppretting',
  'skadet',
]);

export const backupInfo = z.object({
  /** The file name; pass it to `backup:restore`. */
  name: z.string(),
  /** When it was made (ISO, UTC): show it in local time. */
  time: z.string(),
  kind: backupKind,
  /** «Daglig», «Tatt for hånd», «Før import», «Før oppgradering», «Før gjenoppretting», «Skadet fil (tatt vare på)». */
  kindLabel: z.string(),
  /** Bytes. */
  size: z.number().int(),
});

export type BackupEntry = z.infer<typeof backupInfo>;

export const backupFolder = z.object({
  folder: z.string(),
  /** The default (this machine's own disk) rather than a folder the user chose. */
  isDefault: z.boolean(),
  /** Where the folder is: warn if it is in a synced cloud folder or on a share. */
  location: fileLocation,
});

export const safetyStatus = z.object({
  path: z.string(),
  readOnly: z.boolean(),
  /** locked: someone else has it; lock_lost: someone took it over; no_write_access: the folder is read-only. */
  readOnlyReason: z.enum(['locked', 'lock_lost', 'no_write_access', 'file_read_only']).nullable(),
  /** The Norwegian sentence to show in the read-only banner. */
  readOnlyMessage: z.string().nullable(),
  lockHolder: lockHolder.nullable(),
  /** Our own earlier Kullregister on this machine had crashed with the register open; its lock was taken back. */
  lockReclaimedFrom: lockHolder.nullable(),
  location: fileLocation,
  /** Opened for one user at a time (network path or cloud-synced folder). */
  singleUser: z.boolean(),
  /** The one-time explanation of single-user mode; null once acknowledged (or not single-user). */
  singleUserExplanation: z.string().nullable(),
  /** The schema version the file had before this open upgraded it (a backup was taken first). */
  migratedFrom: z.number().int().nullable(),
  backups: backupFolder.extend({
    last: backupInfo.nullable(),
    /** Why the last automatic backup failed, in Norwegian; null when it worked. */
    lastError: z.string().nullable(),
  }),
});
export type SafetyStatus = z.infer<typeof safetyStatus>;

const registerContentsShape = {
  deltakere: z.number().int(),
  kull: z.number().int(),
  /** The newest change in its endringslogg (ISO), or null. */
  lastChange: z.string().nullable(),
  /** The newest endringslogg id (0 when none): changes after a backup are counted from it. */
  lastChangeId: z.number().int(),
};

export const safetyChannels = {
  /** Lock, location, single-user mode, read-only reason and backups of the open register. */
  'safety:status': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: safetyStatus,
  },
  /** Take over another user's lock (after warning them it may lose that user's unsaved work); reopens for editing. */
  'safety:takeOverLock': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ lockId: z.string().max(100) }),
    result: safetyStatus,
  },
  /** The user has read the single-user explanation for this file; it is not shown again. */
  'safety:acknowledgeSingleUser': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: safetyStatus,
  },
  /** The register's backups, newest first, and the folder they are in. */
  'backup:list': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: backupFolder.extend({
      backups: z.array(backupInfo),
      /**
       * The erasures the register has recorded (no names): a restore applies every one of them again,
       * so the restore dialog can say how many were made after the backup it offers.
       */
      erasures: z.array(
        z.object({ tid: z.string(), hva: z.enum(['sletting', 'anonymisering']), antall: z.number().int() }),
      ),
      /** Entries in the hendelse log, which a restore keeps. */
      hendelser: z.number().int(),
    }),
  },
  /**
   * Put a backup in the register's place; the current file is itself backed up first. The hendelse
   * log is kept and every recorded erasure is applied again before the backup takes the register's place.
   */
  'backup:restore': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ name: z.string().min(1).max(300) }),
    result: z.object({
      restoredFrom: backupInfo,
      savedCurrentAs: backupInfo,
      erasuresReapplied: z.number().int(),
      rowsErasedAgain: z.number().int(),
    }),
  },
  /** «Ta sikkerhetskopi nå»: a backup of the register as it is, in its backup folder (then the retention rule). */
  'backup:create': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: z.object({}),
    result: backupInfo,
  },
  /**
   * What a backup holds beside what the register holds now (deltakere, kull, last change), and how
   * many changes since the backup a restore would undo: shown before a restore is confirmed.
   */
  'backup:inspect': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({ name: z.string().min(1).max(300) }),
    result: z.object({
      backup: backupInfo.extend(registerContentsShape),
      current: z.object(registerContentsShape),
      /** Endringslogg entries after the backup's newest one, and rows (deltakere, kull) created since. */
      changesSince: z.object({ entries: z.number().int(), rowsAdded: z.number().int() }),
    }),
  },
  /** Choose another folder for backups (the app shows a folder dialog); a backup is made there at once. */
  'backup:chooseFolder': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: z.object({ changed: z.boolean(), folder: backupFolder }),
  },
  /** Back to the default backup folder on this machine's own disk. */
  'backup:useDefaultFolder': {
    writes: true,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: backupFolder,
  },
} as const satisfies ChannelTable;
