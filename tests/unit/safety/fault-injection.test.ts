/**
 * Fault injection (issue 11, «Done when»): a child process (fault-child.ts) runs a backup, a restore
 * and an anonymisation with backups through a session and is SIGKILLed at a random moment. After
 * every kill the register passes integrity_check; the next open removes what the child left
 * half-written; and no file under the test's folder (register, journal, backups, partials) holds a
 * person whose erasure was confirmed — not the one erased before a restore of an older backup, not
 * the ones an anonymisation answered for. (A process crash, not a power cut: docs/safety.md.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { listBackups } from '../../../electron/register/backup-files';
import { RegisterSession } from '../../../electron/register/session';
import { aDeltaker } from '../helpers/builders';
import { expectOk } from '../helpers/messages';
import { tempDir } from '../helpers/register';

const KILLS = Number(process.env.KULLREGISTER_FAULT_KILLS ?? 8);
let childScript = '';

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(path.resolve('node_modules'), '.kullregister-fault-'));
  childScript = path.join(dir, 'fault-child.cjs');
  await build({
    entryPoints: [path.resolve('tests/unit/safety/fault-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3', 'exceljs', 'papaparse'],
    outfile: childScript,
    logLevel: 'silent',
  });
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

type Files = { dir: string; registerPath: string; backupFolder: string; configFile: string };

function files(): Files {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'data'));
  return {
    dir,
    registerPath: path.join(dir, 'data', 'register.sqlite'),
    backupFolder: path.join(dir, 'kopier'),
    configFile: path.join(dir, 'profil', 'innstillinger.json'),
  };
}

/** The same user and machine as the child, so its lock (a dead pid) is taken back at once. */
function session(f: Files): RegisterSession {
  return new RegisterSession({
    configFile: f.configFile,
    defaultBackupFolder: f.backupFolder,
    user: 'feiltest',
    host: 'PC-FEIL',
    heartbeatMs: null,
    dailyBackup: false,
    rememberRecent: false,
  });
}

/** Runs the child and kills it `ms` after it said `ready`. Resolves with the lines it printed. */
async function runAndKill(args: readonly string[], ms: number): Promise<string[]> {
  return (await timedRun(args, ms)).lines;
}

/** As `runAndKill`, also saying how long the child worked after `ready` (when it was not killed first). */
function timedRun(args: readonly string[], ms: number): Promise<{ lines: string[]; workedMs: number }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [childScript, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    let readyAt = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.startsWith('ready\n') && readyAt === 0) {
        readyAt = Date.now();
        timer = setTimeout(() => child.kill('SIGKILL'), ms);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ lines: out.split('\n').filter((l) => l !== '' && l !== 'ready'), workedMs: Date.now() - readyAt });
    });
  });
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => fs.readFileSync(f).includes(needle));
}

const partials = (f: Files) =>
  [...fs.readdirSync(f.backupFolder), ...fs.readdirSync(path.dirname(f.registerPath))].filter((n) =>
    /\.partial|gjenoppretting-/.test(n),
  );

/** A register of `n` deltakere who ended in 2014 (named `<prefix> <i>`) and some who did not. */
async function filled(f: Files, prefix: string, n: number): Promise<void> {
  const s = session(f);
  const outcome = await s.open(f.registerPath, { create: true });
  if (outcome.status !== 'open') throw new Error('expected open');
  const reg = outcome.register;
  reg.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      expectOk(
        invoke(
          reg,
          'deltaker:create',
          aDeltaker({
            navn: `${prefix} ${i}`,
            sluttdato: '2014-06-30',
            startdato: '2014-01-06',
            henvist_dato: '2013-12-01',
          }),
        ),
      );
    }
    for (let i = 0; i < 50; i++) expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: `Aktiv ${i}` })));
  })();
  await s.backupNow('daglig');
  await s.backupNow('manuell');
  s.close();
}

/**
 * The next open after a kill: the register is whole, and nothing half-written is left. A kill inside
 * a write transaction leaves a hot journal, which only a writing connection may roll back — the app's
 * own open does that — so the integrity check comes after it.
 */
async function reopenAndCheck(f: Files): Promise<void> {
  const s = session(f);
  const outcome = await s.open(f.registerPath);
  expect(outcome.status).toBe('open');
  s.close();
  expect(integrity(f.registerPath)).toBe('ok');
  expect(partials(f)).toEqual([]);
  for (const b of listBackups(f.backupFolder, f.registerPath)) expect(integrity(b.file)).toBe('ok');
}

describe.runIf(process.platform !== 'win32')('killed half-way', { timeout: 300_000 }, () => {
  it('during backups: the register and every backup are whole, and the next open removes the partial', async () => {
    const f = files();
    await filled(f, 'Backupperson', 2000);
    for (let kill = 0; kill < KILLS; kill++) {
      await runAndKill(['backup', f.registerPath, f.backupFolder, f.configFile], Math.floor(Math.random() * 400));
      await reopenAndCheck(f);
    }
  });

  it('during restores: a person erased after the backup never appears in the register, whatever the moment', async () => {
    const f = files();
    await filled(f, 'Gjenopprettperson', 1000);
    const s = session(f);
    const outcome = await s.open(f.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    const [older] = listBackups(f.backupFolder, f.registerPath);
    expectOk(invoke(outcome.register, 'privacy:deletePerson', { id: 1 }));
    s.close();
    // The older backup holds the person again, as one in a folder that could not be written would.
    const stale = new Database(older?.file as string);
    stale.prepare("INSERT INTO deltaker (id, navn) VALUES (1, 'Slettet Vurpelius')").run();
    stale.close();
    for (let kill = 0; kill < KILLS; kill++) {
      await runAndKill(
        ['restore', f.registerPath, f.backupFolder, f.configFile, older?.name as string],
        Math.floor(Math.random() * 600),
      );
      expect(
        filesHolding(path.dirname(f.registerPath), 'Slettet Vurpelius').filter((n) => !/gjenoppretting-p/.test(n)),
      ).toEqual([]);
      await reopenAndCheck(f);
      expect(filesHolding(path.dirname(f.registerPath), 'Slettet Vurpelius')).toEqual([]);
    }
  });

  it('during an anonymisation with backups: where it answered, no file holds the names; otherwise the next open finishes it', async () => {
    const COUNT = 600;
    // How long one takes here, unkilled: the kills are spread over that time (and a little after).
    const calibration = files();
    await filled(calibration, 'Kalibrering', COUNT);
    const { workedMs } = await timedRun(
      ['anonymise', calibration.registerPath, calibration.backupFolder, calibration.configFile],
      600_000,
    );
    for (let kill = 0; kill < KILLS; kill++) {
      const f = files();
      const prefix = `Anonymperson${kill}x`;
      await filled(f, prefix, COUNT);
      const lines = await runAndKill(
        ['anonymise', f.registerPath, f.backupFolder, f.configFile],
        Math.floor(Math.random() * workedMs * 1.2),
      );
      const confirmed = lines.some((l) => l === `A ${COUNT} 0`);
      if (confirmed) expect(filesHolding(f.dir, prefix)).toEqual([]);
      await reopenAndCheck(f);
      const inRegister = filesHolding(path.dirname(f.registerPath), prefix).length > 0;
      // Either the anonymisation never committed (the register still has the names), or it holds everywhere now.
      if (!inRegister) expect(filesHolding(f.dir, prefix)).toEqual([]);
    }
  });
});
