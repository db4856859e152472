import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { lockPathOf } from '../../../electron/register/lock';
import { LockedError } from '../../../electron/register/session';
import { aDeltaker } from '../helpers/builders';
import { expectNorwegianMessage, expectOk, expectRefused } from '../helpers/messages';
import { TEST_USER } from '../helpers/register';
import { TEST_HOST, tempSession } from './helpers';

async function openNew(t: ReturnType<typeof tempSession>) {
  const outcome = await t.session.open(t.registerPath, { create: true });
  if (outcome.status !== 'open') throw new Error('expected open');
  return outcome.register;
}

describe('the lock: one editor at a time', () => {
  it('a register open in one instance is opened read-only in another, which is told who, where and since when', async () => {
    const t = tempSession();
    await openNew(t);
    const other = t.another();
    const outcome = await other.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    expect(outcome.register.readOnly).toBe(true);
    const status = other.status();
    expect(status.readOnlyReason).toBe('locked');
    expect(status.lockHolder).toMatchObject({ user: TEST_USER, host: TEST_HOST, stale: false });
    expect(status.readOnlyMessage).toContain(TEST_USER);
    expect(status.readOnlyMessage).toContain(TEST_HOST);
    expect(status.readOnlyMessage).toMatch(/siden \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d/);
    expectNorwegianMessage(status.readOnlyMessage ?? '');

    const refused = invoke(outcome.register, 'deltaker:create', aDeltaker());
    expectRefused(refused, 'read_only');
    expectOk(invoke(outcome.register, 'deltaker:list', { kull: 'alle' }));
  });

  it('the lock file names the holder and is removed when the register is closed', async () => {
    const t = tempSession();
    await openNew(t);
    const lock = JSON.parse(fs.readFileSync(lockPathOf(t.registerPath), 'utf8'));
    expect(lock).toMatchObject({ user: TEST_USER, host: TEST_HOST, pid: process.pid });
    t.session.close();
    expect(fs.existsSync(lockPathOf(t.registerPath))).toBe(false);
  });

  it('taking over is deliberate: it needs the id of the lock the user was shown, and the old holder turns read-only on its next write', async () => {
    const t = tempSession();
    const first = await openNew(t);
    const other = t.another();
    const outcome = await other.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    const holderId = other.status().lockHolder?.id ?? '';

    expectRefused(invoke(outcome.register, 'safety:takeOverLock', { lockId: 'en-annen-lås' }), 'lock_changed');
    const status = expectOk(invoke(outcome.register, 'safety:takeOverLock', { lockId: holderId }));
    expect(status.readOnly).toBe(false);
    const mine = other.register;
    if (!mine) throw new Error('expected a register');
    expectOk(invoke(mine, 'deltaker:create', aDeltaker({ navn: 'Lagret etter overtakelse' })));

    const lost = expectRefused(invoke(first, 'deltaker:create', aDeltaker()), 'lock_lost');
    expect(lost.message).toContain('kollega');
    expect(first.readOnly).toBe(true);
    expect(t.session.status().readOnlyReason).toBe('lock_lost');
    const events = expectOk(invoke(mine, 'hendelse:list', {}));
    expect(events[0]).toMatchObject({ hva: 'las_overtatt', bruker: 'kollega', maskin: 'PC-KOLLEGA' });
    expect(events[0]?.beskrivelse).toContain(TEST_USER);
  });

  it('the heartbeat notices a lost lock too', async () => {
    const t = tempSession();
    await openNew(t);
    expect(t.session.heartbeat()).toBe(true);
    const other = t.another();
    await other.open(t.registerPath);
    other.takeOverLock(other.status().lockHolder?.id ?? '');
    expect(t.session.heartbeat()).toBe(false);
    expect(t.session.status()).toMatchObject({ readOnly: true, readOnlyReason: 'lock_lost' });
  });

  it('a lock is stale after five minutes without a heartbeat', async () => {
    const t = tempSession();
    await openNew(t);
    const old = new Date(Date.now() - 6 * 60_000);
    fs.utimesSync(lockPathOf(t.registerPath), old, old);
    const other = t.another();
    await other.open(t.registerPath);
    expect(other.status().lockHolder?.stale).toBe(true);
    expect(other.status().readOnlyMessage).toContain('ta den over');
  });

  it('while read-only, the status follows the holder: a heartbeat that stops turns stale, a closed register can be opened for editing', async () => {
    const t = tempSession();
    await openNew(t);
    const other = t.another();
    await other.open(t.registerPath);
    expect(other.status().lockHolder?.stale).toBe(false);

    const old = new Date(Date.now() - 6 * 60_000);
    fs.utimesSync(lockPathOf(t.registerPath), old, old);
    expect(other.status().lockHolder?.stale).toBe(true);

    t.session.close();
    const freed = other.status();
    expect(freed).toMatchObject({ readOnly: true, readOnlyReason: 'locked', lockHolder: null });
    expectNorwegianMessage(freed.readOnlyMessage ?? '');
    const reg = other.takeOverLock('');
    expect(reg.readOnly).toBe(false);
    expect(JSON.parse(fs.readFileSync(lockPathOf(t.registerPath), 'utf8'))).toMatchObject({ user: 'kollega' });
    expect(expectOk(invoke(reg, 'hendelse:list', {}))).toEqual([]);
  });

  it('opening a freed register for editing is refused when someone else got there first', async () => {
    const t = tempSession();
    await openNew(t);
    const other = t.another();
    await other.open(t.registerPath);
    t.session.close();
    expect(other.status().lockHolder).toBeNull();
    await t.session.open(t.registerPath); // the first user opens it again meanwhile

    expectRefused(invoke(other.register!, 'safety:takeOverLock', { lockId: '' }), 'lock_changed');
    expect(other.status()).toMatchObject({ readOnly: true, lockHolder: { user: TEST_USER } });
    expectRefused(invoke(other.register!, 'deltaker:create', aDeltaker()), 'read_only');
  });

  it('a lock left by a crashed Kullregister of the same user on this machine is taken back without asking', async () => {
    const t = tempSession();
    await openNew(t);
    t.session.register?.close(); // the crash: the file is left as it was, lock and all
    const again = tempSessionLike(t, { isProcessAlive: () => false });
    const outcome = await again.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    expect(outcome.register.readOnly).toBe(false);
    expect(again.status().lockReclaimedFrom).toMatchObject({ user: TEST_USER, host: TEST_HOST });
  });

  it('a register on a network path is not opened at all while someone has it (single-user), with who has it', async () => {
    const unc = { platform: 'linux' as const, env: {}, realpath: (d: string) => d, fsType: () => 0xff534d42 };
    const t = tempSession({ probe: unc });
    await openNew(t);
    expect(t.session.status()).toMatchObject({ singleUser: true, location: { kind: 'network' } });
    const other = t.another();
    const error = await other.open(t.registerPath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockedError);
    expect((error as LockedError).holder.user).toBe(TEST_USER);
    expectNorwegianMessage((error as LockedError).message);
  });
});

function tempSessionLike(t: ReturnType<typeof tempSession>, extra: Parameters<typeof t.another>[0]) {
  return t.another({ user: TEST_USER, host: TEST_HOST, configFile: t.configFile, ...extra });
}

describe('single-user mode (a file on a network path or in a cloud-synced folder)', () => {
  const oneDrive = { platform: 'linux' as const, env: {}, realpath: (d: string) => d, fsType: () => undefined };

  it('holds SQLite’s exclusive lock from open to close, keeps a rollback journal (never WAL) and empties it at every commit', async () => {
    const t = tempSession({ probe: oneDrive });
    const cloudPath = path.join(t.dir, 'OneDrive - Bergen kommune', 'register.sqlite');
    fs.mkdirSync(path.dirname(cloudPath), { recursive: true });
    const outcome = await t.session.open(cloudPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    expect(t.session.status()).toMatchObject({ singleUser: true, location: { kind: 'cloud', service: 'OneDrive' } });
    expect(reg.db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    expect(reg.db.pragma('journal_mode', { simple: true })).toBe('truncate');

    expectOk(invoke(reg, 'deltaker:create', aDeltaker()));
    expect(fs.statSync(`${cloudPath}-journal`).size).toBe(0);

    const outsider = new Database(cloudPath, { readonly: true, timeout: 50 });
    expect(() => outsider.prepare('SELECT count(*) FROM deltaker').get()).toThrow(/locked|busy/i);
    outsider.close();
    t.session.close();
    const after = new Database(cloudPath, { readonly: true });
    expect(after.prepare('SELECT count(*) AS n FROM deltaker').get()).toEqual({ n: 1 });
    after.close();
  });

  it('comes with a one-time explanation, not shown again once acknowledged', async () => {
    const t = tempSession({ probe: { ...oneDrive, fsType: () => 0x6969 } });
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const first = expectOk(invoke(outcome.register, 'safety:status', {}));
    expect(first.singleUserExplanation).toContain('én bruker om gangen');
    expectNorwegianMessage(first.singleUserExplanation ?? '');
    expect(expectOk(invoke(outcome.register, 'safety:acknowledgeSingleUser', {})).singleUserExplanation).toBeNull();
    t.session.close();
    await t.session.open(t.registerPath);
    expect(t.session.status().singleUserExplanation).toBeNull();
  });

  it('a local register is not single-user and has no explanation', async () => {
    const t = tempSession();
    await openNew(t);
    expect(t.session.status()).toMatchObject({
      singleUser: false,
      singleUserExplanation: null,
      location: { kind: 'local' },
    });
    expect(t.session.register?.db.pragma('locking_mode', { simple: true })).toBe('normal');
  });
});

describe('the recent registers', () => {
  it('lists the registers opened on this machine, newest first, and forgets files that are gone', async () => {
    const t = tempSession();
    await openNew(t);
    const second = path.join(t.dir, 'data', 'annet.sqlite');
    await t.session.open(second, { create: true });
    expect(t.session.recentFiles()).toEqual([second, t.registerPath]);
    t.session.close();
    fs.rmSync(second);
    expect(t.session.recentFiles()).toEqual([t.registerPath]);
  });
});
