/**
 * Where a register file lives: on this machine's own disk, on a network path, or in a folder a
 * cloud service keeps in sync. The last two open in single-user mode (architecture.md, "Storage and
 * reliability"); docs/safety.md lists what can and cannot be detected.
 *
 * Everything the answer depends on comes in through a `LocationProbe`, so the Windows and macOS
 * rules are tested here on Linux with made-up paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type LocationKind = 'local' | 'network' | 'cloud';

export type FileLocation = {
  kind: LocationKind;
  /** The cloud service (OneDrive, Dropbox, Google Drive, iCloud) or how the network was seen. */
  service: string | null;
  /** One Norwegian phrase naming the place, for messages: «nettverksstien \\\\server\\deling». */
  place: string;
};

export type LocationProbe = {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The real path of an existing folder. On Windows, `fs.realpathSync.native` answers a folder on a
   * mapped network drive (Z:\…) with its UNC path (\\server\share\…): that is how mapped drives are seen.
   */
  realpath: (dir: string) => string;
  /** Linux: the file system type of a folder (statfs f_type), to see NFS and SMB mounts. */
  fsType: (dir: string) => number | undefined;
};

export function systemProbe(): LocationProbe {
  return {
    platform: process.platform,
    env: process.env,
    realpath: (dir) => fs.realpathSync.native(dir),
    fsType: (dir) => {
      try {
        return Number(fs.statfsSync(dir).type);
      } catch {
        return undefined;
      }
    },
  };
}

/** Linux statfs magic numbers of network file systems (linux/magic.h). */
const NETWORK_FS_TYPES = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'SMB (CIFS)'],
  [0xfe534d42, 'SMB2'],
  [0x5346414f, 'AFS'],
  [0x6b414653, 'AFS'],
  [0x73757245, 'Coda'],
  [0x564c, 'NetWare'],
  [0x00c36400, 'Ceph'],
  [0x0bd00bd0, 'Lustre'],
]);

/** Folder names cloud sync clients use, matched against each segment of the path (case-insensitive). */
const CLOUD_SEGMENTS: readonly { service: string; matches: (segment: string) => boolean }[] = [
  // OneDrive, "OneDrive - Bergen kommune" (work), macOS "OneDrive-Personal", "OneDrive-SharedLibraries-…".
  { service: 'OneDrive', matches: (s) => s === 'onedrive' || s.startsWith('onedrive - ') || s.startsWith('onedrive-') },
  // Dropbox, "Dropbox (Personal)", "Dropbox (Bergen kommune)".
  { service: 'Dropbox', matches: (s) => s === 'dropbox' || s.startsWith('dropbox (') || s.startsWith('dropbox-') },
  // Google Drive for desktop: G:\My Drive (Norwegian: Min disk), Shared drives (Delte disker);
  // macOS ~/Library/CloudStorage/GoogleDrive-<account>; older clients ~/Google Drive.
  {
    service: 'Google Drive',
    matches: (s) =>
      s === 'google drive' ||
      s === 'googledrive' ||
      s.startsWith('googledrive-') ||
      s === 'my drive' ||
      s === 'min disk' ||
      s === 'shared drives' ||
      s === 'delte disker',
  },
  // iCloud for Windows: iCloudDrive; macOS: ~/Library/Mobile Documents/com~apple~CloudDocs.
  {
    service: 'iCloud',
    matches: (s) =>
      s === 'iclouddrive' || s === 'icloud drive' || s === 'mobile documents' || s === 'com~apple~clouddocs',
  },
];

/** Environment variables OneDrive sets to its folders (Windows). */
const ONEDRIVE_ENV = ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer'];

export function classifyLocation(file: string, probe: LocationProbe = systemProbe()): FileLocation {
  const p = probe.platform === 'win32' ? path.win32 : path.posix;
  const absolute = p.resolve(file);
  const real = realFolder(p, p.dirname(absolute), probe);

  if (probe.platform === 'win32') {
    if (isUncPath(absolute)) return network('UNC', `nettverksstien ${uncRoot(absolute)}`);
    if (real && isUncPath(real)) {
      return network('nettverksstasjon', `nettverksstasjonen ${absolute.slice(0, 2).toUpperCase()} (${uncRoot(real)})`);
    }
  } else {
    const gvfs =
      /\/gvfs\/(smb|dav|davs|sftp|ftp|afp|nfs)-share:/i.exec(absolute) ??
      (real ? /\/gvfs\/(smb|dav|davs|sftp|ftp|afp|nfs)-share:/i.exec(real) : null);
    if (gvfs) return network(String(gvfs[1]).toUpperCase(), 'en nettverksdeling');
    if (probe.platform === 'linux') {
      const type = probe.fsType(nearestExisting(p, p.dirname(absolute), probe) ?? p.dirname(absolute));
      const name = type === undefined ? undefined : NETWORK_FS_TYPES.get(type);
      if (name) return network(name, `en nettverksdeling (${name})`);
    }
  }

  const cloud =
    cloudService(p, absolute, probe) ?? (real ? cloudService(p, p.join(real, p.basename(absolute)), probe) : null);
  if (cloud) return { kind: 'cloud', service: cloud, place: `en mappe som synkroniseres med ${cloud}` };
  return { kind: 'local', service: null, place: 'denne maskinens disk' };
}

function network(service: string, place: string): FileLocation {
  return { kind: 'network', service, place };
}

/** \\server\share\…, //server/share/… and \\?\UNC\server\share\…; not \\?\C:\… or \\.\ device paths. */
export function isUncPath(value: string): boolean {
  if (/^[\\/]{2}\?[\\/]UNC[\\/]/i.test(value)) return true;
  return /^[\\/]{2}[^\\/?.][^\\/]*[\\/]+[^\\/]+/.test(value);
}

function uncRoot(value: string): string {
  const parts = value
    .replace(/^[\\/]{2}\?[\\/]UNC[\\/]/i, '\\\\')
    .split(/[\\/]+/)
    .filter((s) => s !== '');
  return `\\\\${parts.slice(0, 2).join('\\')}`;
}

function cloudService(p: path.PlatformPath, absolute: string, probe: LocationProbe): string | null {
  if (probe.platform === 'win32') {
    const lower = absolute.toLowerCase();
    for (const key of ONEDRIVE_ENV) {
      const root = probe.env[key];
      if (root && root.trim() !== '') {
        const r = p.resolve(root).toLowerCase();
        if (lower === r || lower.startsWith(r.endsWith(p.sep) ? r : r + p.sep)) return 'OneDrive';
      }
    }
  }
  const segments = absolute.split(/[\\/]+/).map((s) => s.toLowerCase());
  for (const { service, matches } of CLOUD_SEGMENTS) {
    if (segments.some((s) => matches(s))) return service;
  }
  return null;
}

/** The real path of the nearest existing folder at or above `dir`, or null when none can be read. */
function realFolder(p: path.PlatformPath, dir: string, probe: LocationProbe): string | null {
  const existing = nearestExisting(p, dir, probe);
  if (existing === null) return null;
  try {
    return probe.realpath(existing);
  } catch {
    return null;
  }
}

function nearestExisting(p: path.PlatformPath, dir: string, probe: LocationProbe): string | null {
  let current = dir;
  for (let i = 0; i < 64; i++) {
    try {
      probe.realpath(current);
      return current;
    } catch {
      const parent = p.dirname(current);
      if (parent === current) return null;
      current = parent;
    }
  }
  return null;
}

/**
 * The app's user-data folder as Electron names it (`app.getPath('userData')`: the OS's per-user
 * application-data folder and the product name), for the command line, which has no Electron: so
 * an import from the command line uses the backup folder and settings the app uses on this machine.
 */
export function userDataFolder(
  probe: Pick<LocationProbe, 'platform' | 'env'> = systemProbe(),
  home: string = os.homedir(),
): string {
  const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);
  if (probe.platform === 'win32') {
    return path.win32.join(nonEmpty(probe.env.APPDATA) ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (probe.platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(nonEmpty(probe.env.XDG_CONFIG_HOME) ?? path.posix.join(home, '.config'), APP_NAME);
}

/** Electron's app name: package.json's productName. */
const APP_NAME = 'Kullregister';

/**
 * Where backups go unless the user picks a folder: on this machine's own disk, never beside a
 * register on a share or in a synced folder. On Windows that is %LOCALAPPDATA% (it never roams with
 * the profile, unlike %APPDATA% where Electron's user-data folder is); elsewhere the user-data folder.
 */
export function defaultBackupFolder(
  userDataFolder: string,
  probe: Pick<LocationProbe, 'platform' | 'env'> = systemProbe(),
): string {
  if (probe.platform === 'win32') {
    const local = probe.env.LOCALAPPDATA;
    if (local && local.trim() !== '') return path.win32.join(local, 'Kullregister', 'Sikkerhetskopier');
    return path.win32.join(userDataFolder, 'Sikkerhetskopier');
  }
  return path.posix.join(userDataFolder, 'Sikkerhetskopier');
}

/** The one-time explanation shown before a register opens in single-user mode. */
export function singleUserExplanation(location: FileLocation): string {
  const why =
    location.kind === 'cloud'
      ? `Registeret ligger i ${location.place}. Hvis to maskiner bruker filen samtidig, kan synkroniseringen lage konfliktkopier eller sende en halvskrevet fil.`
      : `Registeret ligger på ${location.place}. Der er fillåsingen ikke til å stole på når flere bruker filen samtidig.`;
  return `${why} Derfor åpner Kullregister det for én bruker om gangen: mens du har det åpent, kan ingen andre åpne det, heller ikke for å lese. Lukk programmet når du er ferdig, så slipper andre til. Sikkerhetskopiene lagres på denne maskinen.`;
}
