/**
 * The app's own channels (shared/contract/app.ts): the start screen's create / open / demo, the
 * recent list, and «Om Kullregister». They work with no register open, so they take the app's
 * host (host.ts: its session, dialogs and folders, set once by electron/app/main.ts; tests set their
 * own) instead of the register every other handler gets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Channel, contract, type Output, type Result } from '../../shared/api';
import { type AppChannel, type AppState, appChannels, type NewRegister } from '../../shared/contract/app';
import { type SamleChannel, samleChannels } from '../../shared/contract/samlerapport';
import { DEMO_SETTINGS, fillDemoRegister } from '../io/demo';
import type { RegisterSession } from '../register/session';
import { DomainError } from '../store/errors';
import { openRegister } from '../store/open';
import { updateSettings } from '../store/settings';
import { invalidInput, toApiError } from './errors';
import { type FileKind, type Host, type HostDialogs, requireHost } from './host';
import { samleHandlers } from './samlerapport';
import type { HandlerMap } from './types';

/** What the open and save dialogs offer for a register. */
const REGISTER_KIND: FileKind = { name: 'Kullregister', extensions: ['sqlite', 'kullregister'] };

/** The open dialog for a register (the start screen's «Åpne et register» and the Fil menu). */
export function chooseRegisterToOpen(dialogs: Pick<HostDialogs, 'chooseOpenPaths'>): string | null {
  return dialogs.chooseOpenPaths({ title: 'Åpne register', kinds: [REGISTER_KIND] })?.[0] ?? null;
}

export const DEMO_REGISTER_NAME = 'kullregister-demo.sqlite';

export function demoRegisterPath(h: Pick<Host, 'paths'>): string {
  return path.join(h.paths.dataFolder, 'Demo', DEMO_REGISTER_NAME);
}

function describeFile(file: string) {
  return { path: file, name: path.basename(file), folder: path.dirname(file) };
}

export function appState(h: Host): AppState {
  const open = h.session.register?.path ?? null;
  return {
    hasRegister: open !== null,
    register: open ? describeFile(open) : null,
    recent: h.session.recentFiles().map(describeFile),
    defaultFolder: path.dirname(h.paths.defaultRegisterPath),
  };
}

/**
 * Which register the app opens when it starts: the last one used; for a user of a version from before
 * the start screen (which created the default file without asking), that file. Null: the start screen.
 */
export function registerToOpenAtStart(session: RegisterSession, defaultRegisterPath: string): string | null {
  return session.recentFiles()[0] ?? (fs.existsSync(defaultRegisterPath) ? defaultRegisterPath : null);
}

/**
 * Opens `file` in place of the open register. If it cannot be opened, the one that was open is
 * opened again, so a failed attempt never leaves the user with nothing.
 */
async function switchTo(h: Host, file: string, options: { create?: boolean } = {}): Promise<boolean> {
  const previous = h.session.register?.path ?? null;
  const open =
    h.open ??
    (async (f: string, o: { create?: boolean }) => {
      const outcome = await h.session.open(f, o);
      if (outcome.status === 'damaged') {
        throw new DomainError(
          'damaged',
          `${outcome.message} Åpne det fra Fil-menyen for å gjenopprette det fra en sikkerhetskopi.`,
        );
      }
      return true;
    });
  const reopenPrevious = async () => {
    if (previous && previous !== path.resolve(file) && !h.session.register) await open(previous, {});
  };
  let opened: boolean;
  try {
    opened = await open(file, options);
  } catch (error) {
    await reopenPrevious();
    h.onRegisterChanged?.();
    throw error;
  }
  if (!opened) await reopenPrevious();
  h.onRegisterChanged?.();
  return opened && h.session.register !== null;
}

/** `kullregister.sqlite`, or `kullregister-2.sqlite` … when that name is taken. */
export function freeRegisterPath(preferred: string): string {
  const { dir, name, ext } = path.parse(preferred);
  for (let n = 1; ; n += 1) {
    const candidate = path.join(dir, n === 1 ? `${name}${ext}` : `${name}-${n}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** A file name from the tiltak's name: «Mat & prat» → `Mat & prat.sqlite` (no characters Windows refuses). */
export function suggestedFileName(tiltak: string): string {
  const cleaned = tiltak
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return `${cleaned || 'kullregister'}.sqlite`;
}

async function createRegister(h: Host, input: NewRegister) {
  let file: string | null;
  if (input.plassering === 'standard') {
    fs.mkdirSync(path.dirname(h.paths.defaultRegisterPath), { recursive: true });
    file = freeRegisterPath(h.paths.defaultRegisterPath);
  } else {
    file = h.chooseSavePath({
      title: 'Lagre det nye registeret',
      defaultName: suggestedFileName(input.tiltak),
      kind: REGISTER_KIND,
    });
  }
  if (file === null) return { opened: false, state: appState(h) };
  file = path.resolve(file);
  if (fs.existsSync(file)) {
    // The save dialog asked «replace?», but a register is never overwritten by a new, empty one.
    throw new DomainError(
      'exists',
      `Det finnes allerede en fil som heter «${path.basename(file)}» der. Velg et annet navn, eller åpne filen med «Åpne et register».`,
    );
  }
  const opened = await switchTo(h, file, { create: true });
  const reg = h.session.register;
  if (opened && reg) {
    const { tiltak, avdeling, kontaktperson, opptak } = input;
    updateSettings(reg, { tiltak, avdeling, kontaktperson, opptak });
  }
  return { opened, state: appState(h) };
}

/** Built whole into a side file first, so a demo register is never half full. */
async function openDemo(h: Host) {
  const file = demoRegisterPath(h);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    for (const leftover of [partial, `${partial}-journal`]) fs.rmSync(leftover, { force: true });
    const reg = openRegister(partial, { create: true });
    try {
      await fillDemoRegister(reg, h.paths.demoFolder);
      updateSettings(reg, DEMO_SETTINGS);
    } catch (error) {
      reg.close();
      fs.rmSync(partial, { force: true });
      throw error;
    }
    reg.close();
    fs.renameSync(partial, file);
  }
  const opened = await switchTo(h, file);
  return { opened, state: appState(h) };
}

async function openPicked(h: Host) {
  const file = chooseRegisterToOpen(h);
  if (file === null) return { opened: false, state: appState(h) };
  return { opened: await switchTo(h, file), state: appState(h) };
}

async function openRecent(h: Host, wanted: string) {
  // Only a path the app itself listed: the page cannot make the app open an arbitrary file.
  const known = h.session.recentFiles().find((file) => file === wanted);
  if (!known) {
    throw new DomainError(
      'not_recent',
      'Registeret finnes ikke lenger der det lå. Åpne det med «Åpne et register» hvis det er flyttet.',
    );
  }
  return { opened: await switchTo(h, known), state: appState(h) };
}

export const appHandlers = {
  'app:state': () => appState(requireHost()),
  'app:about': () => {
    const h = requireHost();
    const reg = h.session.register;
    const backups = reg ? h.session.backupFolderInfo() : null;
    return {
      version: h.version,
      runtime: h.runtime,
      registerPath: reg?.path ?? null,
      backupFolder: backups?.folder ?? null,
      lastBackup: reg ? (h.session.status().backups.last?.time ?? null) : null,
      settingsFile: h.paths.settingsFile,
      dataFolder: h.paths.dataFolder,
    };
  },
  // The host is looked up before anything asynchronous starts: outside the app (the command line,
  // the tests' bridge without a host) the refusal is then an ordinary, synchronous answer.
  'register:create': (_reg, input) => createRegister(requireHost(), input),
  'register:open': () => openPicked(requireHost()),
  'register:openRecent': (_reg, { path: wanted }) => openRecent(requireHost(), wanted),
  'register:openDemo': () => openDemo(requireHost()),
} satisfies Partial<HandlerMap>;

/**
 * The app channels answer with or without a register; none of them writes to the open register.
 * So do the samlerapport's (the koordinator may keep no register).
 */
export const APP_CHANNELS: ReadonlySet<string> = new Set([...Object.keys(appChannels), ...Object.keys(samleChannels)]);

const WITHOUT_REGISTER = { ...appHandlers, ...samleHandlers };

export function isAppChannel(channel: unknown): channel is AppChannel | SamleChannel {
  return typeof channel === 'string' && APP_CHANNELS.has(channel);
}

const NOT_OPEN = { code: 'not_open', message: 'Ingen register er åpent. Åpne eller lag et register først.' };

/**
 * For a transport with no register open (the first run): the app channels run, every other channel
 * is refused. With a register open, transports call `invoke` in handlers.ts, which runs these too.
 */
export async function invokeWithoutRegister(channel: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isAppChannel(channel)) return { ok: false, error: NOT_OPEN };
  const parsed = contract[channel].input.safeParse(input ?? {});
  // The start screen shows the message beside its field: the field is not named in it.
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, { nameField: false }) };
  try {
    const handler = WITHOUT_REGISTER[channel] as (
      reg: null,
      input: unknown,
    ) => Output<Channel> | Promise<Output<Channel>>;
    return { ok: true, value: await handler(null, parsed.data) };
  } catch (thrown) {
    return { ok: false, error: toApiError(thrown) };
  }
}
