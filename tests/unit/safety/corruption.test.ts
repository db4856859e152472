/**
 * Damaged copies of a register are detected when opened, and never written to: the file's bytes,
 * its folder (no journal, no lock left behind) and the backups stay as they were.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { listBackups } from '../../../electron/register/backup-files';
import { createDeltaker } from '../../../electron/store/deltakere';
import { DomainError } from '../../../electron/store/errors';
import { openRegister } from '../../../electron/store/open';
import { aDeltaker } from '../helpers/builders';
import { expectNorwegianMessage, expectOk } from '../helpers/messages';
import { fileBytes, TEST_USER } from '../helpers/register';
import { tempSession } from './helpers';

type Damage = { name: string; apply: (file: string) => void };

function pageInfo(file: string): { pageSize: number; deltakerRoot: number; pages: number } {
  const db = new Database(file, { readonly: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'deltaker'").get() as {
      rootpage: number;
    };
    return { pageSize, deltakerRoot: rootpage, pages };
  } finally {
    db.close();
  }
}

function patch(file: string, offset: number, bytes: number[]): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.from(bytes), 0, bytes.length, offset);
  } finally {
    fs.closeSync(fd);
  }
}

function flip(file: string, offset: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, offset);
    b[0] = (b[0] as number) ^ 0xff;
    fs.writeSync(fd, b, 0, 1, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/** A b-tree page's header starts at its first byte (page 1: after the 100-byte file header). */
function pageStart(pageSize: number, page: number): number {
  return (page - 1) * pageSize + (page === 1 ? 100 : 0);
}

const DAMAGES: Damage[] = [
  {
    name: 'truncated to half its pages',
    apply: (f) => fs.truncateSync(f, Math.floor(pageInfo(f).pages / 2) * pageInfo(f).pageSize),
  },
  { name: 'truncated in the middle of a page', apply: (f) => fs.truncateSync(f, fs.statSync(f).size - 1000) },
  { name: 'header: the magic string', apply: (f) => flip(f, 3) },
  { name: 'header: the page size', apply: (f) => patch(f, 16, [0x03, 0x00]) },
  { name: 'header: the schema format number', apply: (f) => patch(f, 44, [0, 0, 0, 9]) },
  {
    name: 'page: the deltaker table’s root page type',
    apply: (f) => {
      const { pageSize, deltakerRoot } = pageInfo(f);
      patch(f, pageStart(pageSize, deltakerRoot), [0x07]);
    },
  },
  {
    name: 'page: the cell pointers of the deltaker table’s root',
    apply: (f) => {
      const { pageSize, deltakerRoot } = pageInfo(f);
      const start = pageStart(pageSize, deltakerRoot);
      patch(f, start + 12, [0xff, 0xf0, 0xff, 0xf0, 0x00, 0x01]);
    },
  },
  {
    name: 'page: the schema page’s cell count',
    apply: (f) => patch(f, 100 + 3, [0x7f, 0xff]),
  },
  {
    name: 'page: bytes flipped across every b-tree page header',
    apply: (f) => {
      const { pageSize, pages } = pageInfo(f);
      for (let page = 2; page <= pages; page++) for (const at of [1, 3, 5]) flip(f, pageStart(pageSize, page) + at);
    },
  },
];

let template = '';

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kullregister-mal-'));
  template = path.join(dir, 'mal.sqlite');
  const reg = openRegister(template, { create: true, user: TEST_USER });
  for (let i = 0; i < 400; i++) createDeltaker(reg, aDeltaker({ navn: `Deltaker ${i}`, merknad: 'x'.repeat(200) }));
  reg.close();
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

/** A healthy register with 400 deltakere (a copy of one made once for this file). */
function makeRegister(file: string): void {
  fs.copyFileSync(template, file);
}

function folderListing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('a damaged register', () => {
  it.each(DAMAGES)('is refused at open and left byte-for-byte unchanged: $name', ({ apply }) => {
    const t = tempSession();
    makeRegister(t.registerPath);
    apply(t.registerPath);
    const before = fileBytes(t.registerPath);
    const folderBefore = folderListing(path.dirname(t.registerPath));

    let caught: unknown;
    try {
      openRegister(t.registerPath, { user: TEST_USER }).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(['damaged', 'not_a_register']).toContain((caught as DomainError).code);
    expectNorwegianMessage((caught as DomainError).message);
    expect(fileBytes(t.registerPath).equals(before)).toBe(true);
    expect(folderListing(path.dirname(t.registerPath))).toEqual(folderBefore);
  });

  it.each(DAMAGES)('through the app: never written to, never backed up as good: $name', async ({ apply }) => {
    const t = tempSession();
    makeRegister(t.registerPath);
    apply(t.registerPath);
    const before = fileBytes(t.registerPath);
    const outcome = await t.session.open(t.registerPath).catch((error: unknown) => error);
    await t.session.idle();
    if (outcome instanceof DomainError) expect(outcome.code).toBe('not_a_register');
    else expect(outcome).toMatchObject({ status: 'damaged', newestGoodBackup: null });
    expect(fileBytes(t.registerPath).equals(before)).toBe(true);
    expect(folderListing(path.dirname(t.registerPath))).toEqual(['register.sqlite']);
    expect(listBackups(t.backupFolder, t.registerPath)).toEqual([]);
  });

  it('is offered its newest good backup, and restoring keeps the damaged file aside', async () => {
    let now = new Date('2026-11-02T09:00:00Z');
    const t = tempSession({ now: () => now });
    const opened = await t.session.open(t.registerPath, { create: true });
    if (opened.status !== 'open') throw new Error('expected open');
    expectOk(invoke(opened.register, 'deltaker:create', aDeltaker({ navn: 'Før skaden' })));
    await t.session.idle();
    t.session.close();
    // A backup from the next day's open holds «Før skaden»; then the file is damaged.
    now = new Date('2026-11-03T09:00:00Z');
    const second = await t.session.open(t.registerPath);
    if (second.status !== 'open') throw new Error('expected open');
    await t.session.idle();
    t.session.close();
    const { pageSize, deltakerRoot } = pageInfo(t.registerPath);
    patch(t.registerPath, pageStart(pageSize, deltakerRoot), [0x07]);
    const damagedBytes = fileBytes(t.registerPath);

    const outcome = await t.session.open(t.registerPath);
    if (outcome.status !== 'damaged') throw new Error('expected damaged');
    expectNorwegianMessage(outcome.message);
    expect(outcome.newestGoodBackup).not.toBeNull();

    const restored = await t.session.restoreDamaged(outcome.path, outcome.newestGoodBackup?.name ?? '');
    if (restored.status !== 'open') throw new Error('expected open');
    const names = expectOk(invoke(restored.register, 'deltaker:list', { kull: 'alle' })).map((d) => d.navn);
    expect(names).toEqual(['Før skaden']);
    const kept = listBackups(t.backupFolder, t.registerPath).find((b) => b.kind === 'skadet');
    expect(kept && fileBytes(kept.file).equals(damagedBytes)).toBe(true);
    expect(expectOk(invoke(restored.register, 'hendelse:list', {}))[0]?.hva).toBe('gjenoppretting');
  });
});
