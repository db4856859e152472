import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

function validate(candidate: unknown) {
  // The schema uses a non-standard keyword, hence strict: false (architecture.md, "Found out on this machine").
  const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false });
  const check = ajv.compile(schema);
  const valid = check(structuredClone(candidate));
  return { valid, errors: check.errors ?? [] };
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const { valid, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check would catch a misspelt option', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } }).valid).toBe(false);
  });

  it('never rebuilds native modules: better-sqlite3 ships Node-API binaries for every platform', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('flips the fuses: no run-as-Node, NODE_OPTIONS or --inspect; only its own checked app.asar; encrypted cookies', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The asar is what the integrity check covers: it must be built, with its hash kept.
    expect(config.asar).not.toBe(false);
    expect(config.asar?.disableIntegrity).not.toBe(true);
    // The schema knows every fuse name: a misspelt one would be refused, not silently ignored.
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }).valid).toBe(false);
  });

  it('builds an NSIS installer IT can deploy per machine or per user, with a choosable folder', () => {
    expect(config.nsis.oneClick).toBe(false);
    // perMachine false on an assisted installer: the user (or /allusers, /currentuser) chooses.
    expect(config.nsis.perMachine).toBe(false);
    // The register lives in the user-data folder: an uninstall must never delete it.
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.artifactName).toContain('${version}');
    expect(config.artifactName).toContain('${os}');
  });

  it('names icons that exist, in the formats each platform wants', () => {
    const icons = [config.win.icon, config.mac.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon];
    for (const icon of icons) expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
    expect(config.win.icon).toMatch(/\.ico$/);
    expect(config.mac.icon).toMatch(/\.icns$/);
    // Linux takes a folder of PNGs named by size; 16 to 512 are what desktop environments ask for.
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(fs.existsSync(path.join(root, config.linux.icon, `${size}x${size}.png`)), `${size}x${size}.png`).toBe(
        true,
      );
    }
    const ico = fs.readFileSync(path.join(root, config.win.icon));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5); // images from 16 to 256 px
    expect(fs.readFileSync(path.join(root, config.mac.icon)).subarray(0, 4).toString('latin1')).toBe('icns');
  });
});
