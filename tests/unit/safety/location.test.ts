import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyLocation,
  defaultBackupFolder,
  isUncPath,
  type LocationProbe,
  singleUserExplanation,
  systemProbe,
} from '../../../electron/register/location';
import { expectNorwegianMessage } from '../helpers/messages';

const windows = (overrides: Partial<LocationProbe> = {}): LocationProbe => ({
  platform: 'win32',
  env: { OneDrive: 'C:\\Users\\kari\\OneDrive - Bergen kommune', LOCALAPPDATA: 'C:\\Users\\kari\\AppData\\Local' },
  realpath: (dir) => dir,
  fsType: () => undefined,
  ...overrides,
});
const mac = (): LocationProbe => ({ platform: 'darwin', env: {}, realpath: (d) => d, fsType: () => undefined });
const linux = (fsType: number | undefined = 0xef53): LocationProbe => ({
  platform: 'linux',
  env: {},
  realpath: (d) => d,
  fsType: () => fsType,
});

describe('where a register lives', () => {
  it.each([
    ['\\\\filserver\\nav\\Sykkelvert\\register.sqlite', '\\\\filserver\\nav'],
    ['//filserver/nav/register.sqlite', '\\\\filserver\\nav'],
    ['\\\\?\\UNC\\filserver\\nav\\register.sqlite', '\\\\filserver\\nav'],
  ])('a UNC path (%s) is a network path', (file, root) => {
    const location = classifyLocation(file, windows());
    expect(location).toMatchObject({ kind: 'network', service: 'UNC' });
    expect(location.place).toContain(root);
  });

  it('a mapped network drive is seen through its real path (Windows answers Z:\\ with the UNC path)', () => {
    const probe = windows({ realpath: (dir) => dir.replace(/^Z:/i, '\\\\filserver\\avdeling') });
    const location = classifyLocation('Z:\\Kull\\register.sqlite', probe);
    expect(location).toMatchObject({ kind: 'network', service: 'nettverksstasjon' });
    expect(location.place).toContain('Z:');
    expect(classifyLocation('C:\\Data\\register.sqlite', probe).kind).toBe('local');
  });

  it('a long local path (\\\\?\\C:\\…) is not a network path', () => {
    expect(isUncPath('\\\\?\\C:\\Data\\register.sqlite')).toBe(false);
    expect(isUncPath('\\\\.\\PhysicalDrive0')).toBe(false);
    expect(classifyLocation('\\\\?\\C:\\Data\\register.sqlite', windows()).kind).toBe('local');
  });

  it.each([
    ['C:\\Users\\kari\\OneDrive - Bergen kommune\\Tiltak\\register.sqlite', 'OneDrive'],
    ['C:\\Users\\kari\\OneDrive\\register.sqlite', 'OneDrive'],
    ['D:\\Synk\\Dropbox (Bergen kommune)\\register.sqlite', 'Dropbox'],
    ['C:\\Users\\kari\\Dropbox\\register.sqlite', 'Dropbox'],
    ['G:\\My Drive\\Kull\\register.sqlite', 'Google Drive'],
    ['G:\\Min disk\\Kull\\register.sqlite', 'Google Drive'],
    ['G:\\Delte disker\\Tiltak\\register.sqlite', 'Google Drive'],
    ['C:\\Users\\kari\\iCloudDrive\\register.sqlite', 'iCloud'],
  ])('%s is in a cloud-synced folder (%s)', (file, service) => {
    expect(classifyLocation(file, windows())).toMatchObject({ kind: 'cloud', service });
  });

  it('the OneDrive folder is known from its environment variable, whatever it is called', () => {
    const probe = windows({ env: { OneDriveCommercial: 'D:\\Jobbsynk' } });
    expect(classifyLocation('D:\\Jobbsynk\\Kull\\register.sqlite', probe)).toMatchObject({
      kind: 'cloud',
      service: 'OneDrive',
    });
    expect(classifyLocation('D:\\Jobbsynk2\\register.sqlite', probe).kind).toBe('local');
  });

  it.each([
    ['/Users/kari/Library/CloudStorage/OneDrive-Personal/register.sqlite', 'OneDrive'],
    ['/Users/kari/Library/CloudStorage/GoogleDrive-kari@example.no/My Drive/register.sqlite', 'Google Drive'],
    ['/Users/kari/Library/CloudStorage/Dropbox/register.sqlite', 'Dropbox'],
    ['/Users/kari/Library/Mobile Documents/com~apple~CloudDocs/register.sqlite', 'iCloud'],
  ])('macOS: %s is in a cloud-synced folder', (file, service) => {
    expect(classifyLocation(file, mac())).toMatchObject({ kind: 'cloud', service });
  });

  it('Linux: an SMB or NFS mount is a network path, ext4 is local', () => {
    expect(classifyLocation('/mnt/felles/register.sqlite', linux(0xff534d42))).toMatchObject({ kind: 'network' });
    expect(classifyLocation('/mnt/felles/register.sqlite', linux(0x6969))).toMatchObject({
      kind: 'network',
      service: 'NFS',
    });
    expect(classifyLocation('/home/kari/register.sqlite', linux(0xef53)).kind).toBe('local');
    expect(classifyLocation('/run/user/1000/gvfs/smb-share:server=fil,share=nav/register.sqlite', linux()).kind).toBe(
      'network',
    );
  });

  it('a local folder on this machine is local', () => {
    expect(classifyLocation(path.join(os.tmpdir(), 'register.sqlite'), systemProbe()).kind).toBe('local');
  });

  it('the one-time explanation says why and what it means, in Norwegian', () => {
    const text = singleUserExplanation(classifyLocation('C:\\Users\\kari\\OneDrive\\r.sqlite', windows()));
    expect(text).toContain('OneDrive');
    expect(text).toContain('én bruker om gangen');
    expectNorwegianMessage(text);
  });

  it('backups go to local disk by default: %LOCALAPPDATA% on Windows (it never roams), the user-data folder elsewhere', () => {
    expect(defaultBackupFolder('C:\\Users\\kari\\AppData\\Roaming\\Kullregister', windows())).toBe(
      'C:\\Users\\kari\\AppData\\Local\\Kullregister\\Sikkerhetskopier',
    );
    expect(defaultBackupFolder('/home/kari/.config/Kullregister', linux())).toBe(
      '/home/kari/.config/Kullregister/Sikkerhetskopier',
    );
  });
});
