/**
 * The app's own channels: the start screen (which register to open or create), and «Om Kullregister».
 * Unlike every other channel they work with no register open (the first run), and they never write
 * to the open register itself: opening another one closes it first (electron/api/app.ts).
 */
import { z } from 'zod';
import { text } from '../schema/common';
import { settings } from '../schema/settings';
import type { ChannelTable } from './channel';

const registerFile = z.object({
  path: z.string(),
  /** The file name, e.g. `kullregister.sqlite`. */
  name: z.string(),
  folder: z.string(),
});

export const appState = z.object({
  /** False on the first run, or when the last register could not be opened: the start screen shows. */
  hasRegister: z.boolean(),
  register: registerFile.nullable(),
  /** Recently used registers that still exist, newest first (the open one included). */
  recent: z.array(registerFile),
  /** Where «Lag nytt register» puts the file unless the user chooses a place. */
  defaultFolder: z.string(),
});
export type AppState = z.infer<typeof appState>;

/** What opening or creating gave: `opened` is false when the user cancelled a dialog or the file was refused. */
const opened = z.object({ opened: z.boolean(), state: appState });

export const newRegister = z.object({
  tiltak: text(200).refine((s) => s !== '', { message: 'Skriv navnet på tiltaket.' }),
  avdeling: text(200),
  kontaktperson: text(200),
  opptak: settings.shape.opptak,
  /** `standard`: the app's own folder on this machine; `velg`: the user picks (e.g. a department share). */
  plassering: z.enum(['standard', 'velg']),
});
export type NewRegister = z.infer<typeof newRegister>;

export const about = z.object({
  version: z.string(),
  /** Electron, Chromium and Node versions, for IT. */
  runtime: z.string(),
  registerPath: z.string().nullable(),
  backupFolder: z.string().nullable(),
  /** When the newest backup of the open register was made (ISO time), if any. */
  lastBackup: z.string().nullable(),
  /** The app's own settings on this machine (recent registers, backup folders). */
  settingsFile: z.string(),
  dataFolder: z.string(),
});
export type About = z.infer<typeof about>;

export const appChannels = {
  /** Is a register open, and which were used lately: what the start screen shows. */
  'app:state': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: appState,
  },
  /** «Om Kullregister»: the version, and where the register, its backups and the app's settings are. */
  'app:about': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: z.object({}),
    result: about,
  },
  /** Create a new register with the tiltak's details and open it. */
  'register:create': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: newRegister,
    result: opened,
  },
  /** Open a register file the user picks in the system's open dialog. */
  'register:open': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: z.object({}),
    result: opened,
  },
  /** Open one of the recently used registers (only a path from that list). */
  'register:openRecent': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: z.object({ path: z.string().max(4096) }),
    result: opened,
  },
  /** Open the demo register (fictional Sykkelvert data), built from resources/demo the first time. */
  'register:openDemo': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: z.object({}),
    result: opened,
  },
} as const satisfies ChannelTable;

export type AppChannel = keyof typeof appChannels;
