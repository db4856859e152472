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

  it('builds an NSIS installer IT can deploy per machine or per user, with a choosable folder', () => {
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(config.artifactName).toContain('${version}');
    expect(config.artifactName).toContain('${os}');
  });
});
