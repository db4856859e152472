/**
 * The packaged app holds better-sqlite3's prebuilt binary for its platform, outside the asar archive
 * (a native module cannot load from inside it), and no rebuild happens. Electron itself cannot be
 * downloaded here, so electron-builder lays out the unpacked Linux app around a placeholder Electron
 * (`electronDist`), which is all the file list needs. Windows and macOS installers are built on the
 * forge's runners; for them we check the per-platform file filters against the real prebuilds.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const prebuilds = fs.readdirSync(path.join(root, 'node_modules/better-sqlite3/prebuilds'));
/** @electron/fuses' marker before the fuse wire in every Electron binary, and its fuse states (constants.js). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
let work: string;
let resources: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-pack-'));
  const fakeElectron = path.join(work, 'electron-dist');
  fs.mkdirSync(path.join(fakeElectron, 'resources'), { recursive: true });
  // A placeholder with the fuse wire of a real Electron binary (the sentinel, wire version 1, 8 fuses
  // in Electron's default states), so electron-builder flips the fuses in it as in the real one.
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\n${FUSE_SENTINEL}`),
    Buffer.from([1, defaults.length, ...defaults]),
  ]);
  fs.writeFileSync(path.join(fakeElectron, 'electron'), wire, { mode: 0o755 });
  execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root });
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    // electron-builder.yml is read from projectDir; these two settings are merged over it.
    config: { electronDist: fakeElectron, directories: { ...config.directories, output: path.join(work, 'out') } },
  });
  resources = path.join(work, 'out', 'linux-unpacked', 'resources');
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packaged Linux app', () => {
  it('holds the Linux binaries of better-sqlite3 outside the asar archive, and no other platform’s', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/prebuilds');
    const files = fs.readdirSync(unpacked).sort();
    expect(files).toContain('linux-x64.node');
    expect(files).toContain('linux-arm64.node');
    expect(files.filter((f) => f.startsWith('win32') || f.startsWith('darwin'))).toEqual([]);
    const stat = statFile(path.join(resources, 'app.asar'), 'node_modules/better-sqlite3/prebuilds/linux-x64.node') as {
      unpacked?: boolean;
    };
    expect(stat.unpacked).toBe(true);
  });

  it('holds the bundled main process, the preload and the renderer, and no source maps', () => {
    const list = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((p) => p.replaceAll('\\', '/'));
    expect(list).toContain('/dist-electron/main.js');
    expect(list).toContain('/dist-electron/preload.cjs');
    expect(list.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(list.filter((p) => p.startsWith('/tests/') || p.startsWith('/electron/'))).toEqual([]);
  });

  it('has its Electron fuses flipped as electron-builder.yml says (electronFuses)', async () => {
    const executable = path.join(work, 'out', 'linux-unpacked', 'kullregister');
    const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
    const state = (fuse: FuseV1Options) => (wire[fuse] === FuseState.ENABLE ? 'on' : 'off');
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspect: state(FuseV1Options.EnableNodeCliInspectArguments),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      fileProtocolPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: 'off',
      nodeOptions: 'off',
      inspect: 'off',
      asarIntegrity: 'on',
      onlyFromAsar: 'on',
      cookieEncryption: 'on',
      fileProtocolPrivileges: 'off',
    });
  });

  it('ships the demo register’s data as a resource', () => {
    expect(fs.readdirSync(path.join(resources, 'demo')).sort()).toEqual([
      'sykkelvert-deltakere.csv',
      'sykkelvert-kull.csv',
    ]);
  });
});

describe('the Windows and macOS file filters', () => {
  // electron-builder expands ${platform} to the target's Node platform name before matching.
  const kept = (platform: 'win32' | 'darwin') => {
    const excludes = (config.files as string[])
      .filter((p) => p.startsWith('!node_modules/better-sqlite3/prebuilds/'))
      .map((p) => p.slice(1).replaceAll('${platform}', platform));
    expect(excludes.length).toBeGreaterThan(0);
    return prebuilds.filter(
      (file) => !excludes.some((glob) => minimatch(`node_modules/better-sqlite3/prebuilds/${file}`, glob)),
    );
  };

  it('keep exactly the Windows binaries for Windows', () => {
    expect(kept('win32').sort()).toEqual(['win32-arm64.node', 'win32-x64.node']);
  });

  it('keep exactly the macOS binaries for macOS', () => {
    expect(kept('darwin').sort()).toEqual(['darwin-arm64.node', 'darwin-x64.node']);
  });
});
