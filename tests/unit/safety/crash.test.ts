/**
 * Crash safety (architecture.md: "a crash loses at most the edit in flight"). A child process writes
 * edits and pastes through the store and is killed with SIGKILL at a random moment, 200 times on the
 * same register. After every kill: integrity_check is ok, every write the child reported as
 * committed is there, and no paste is half applied — neither its rows nor their change-log entries.
 * (A process crash, not a power cut: the operating system's cache survives. docs/safety.md.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertDeltaker } from '../../../electron/store/deltakere';
import { openRegister } from '../../../electron/store/open';
import { aDeltaker } from '../helpers/builders';
import { TEST_USER, tempDir } from '../helpers/register';

const KILLS = Number(process.env.KULLREGISTER_CRASH_KILLS ?? 200);
const BLOCK_SIZE = 25;
let childScript = '';

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(path.resolve('node_modules'), '.kullregister-crash-'));
  childScript = path.join(dir, 'crash-child.cjs');
  await build({
    entryPoints: [path.resolve('tests/unit/safety/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3'],
    outfile: childScript,
    logLevel: 'silent',
  });
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

type Reported = { edits: Map<number, number>; pastes: Map<number, number>; block: number };

function parse(lines: readonly string[], into: Reported): void {
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'E') into.edits.set(Number(a), Math.max(into.edits.get(Number(a)) ?? 0, Number(b)));
    if (kind === 'P') into.pastes.set(Number(a), Number(b));
    if (kind === 'G') into.block = Math.max(into.block, Number(a));
  }
}

/**
 * Runs the child and SIGKILLs it: `afterReadyMs` after it said it is ready (so, while it writes), or,
 * when `duringStartMs` is given, that long after it was started (while it opens the register).
 * Resolves with the complete lines it printed.
 */
function runAndKill(
  file: string,
  seed: number,
  when: { afterReadyMs: number } | { duringStartMs: number },
): Promise<{ lines: string[]; killedBeforeReady: boolean }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [childScript, file, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = (ms: number) => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    };
    if ('duringStartMs' in when) kill(when.duringStartMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if ('afterReadyMs' in when && out.startsWith('ready\n')) kill(when.afterReadyMs);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer stopped by itself (${signal ?? code}): ${err}`));
        return;
      }
      const complete = out
        .slice(0, out.lastIndexOf('\n') + 1)
        .split('\n')
        .filter(Boolean);
      resolve({ lines: complete.filter((l) => l !== 'ready'), killedBeforeReady: !complete.includes('ready') });
    });
  });
}

function verify(file: string, reported: Reported, withLog: boolean): void {
  const db = new Database(file, { readonly: false });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Every reported edit is there (or a later one to the same row).
    const merknad = new Map(
      (db.prepare('SELECT id, merknad FROM deltaker').all() as { id: number; merknad: string | null }[]).map((r) => [
        r.id,
        r.merknad,
      ]),
    );
    for (const [id, seq] of reported.edits) {
      const value = merknad.get(id) ?? '';
      const stored = value.startsWith('e:') ? Number(value.slice(2)) : 0;
      expect(stored, `edit ${seq} of deltaker ${id}`).toBeGreaterThanOrEqual(seq);
    }

    // Every paste in the file is whole, and every reported paste is in the file.
    const pastes = db
      .prepare("SELECT merknad, count(*) AS n FROM deltaker WHERE merknad LIKE 'p:%' GROUP BY merknad")
      .all() as { merknad: string; n: number }[];
    for (const { merknad: tag, n } of pastes) expect(n, tag).toBe(Number(tag.split(':')[2]));
    const present = new Set(pastes.map((p) => Number(p.merknad.split(':')[1])));
    for (const batch of reported.pastes.keys()) expect(present.has(batch), `paste ${batch}`).toBe(true);

    // The block was always pasted over as a whole, and holds the last reported paste or a later one.
    const block = db.prepare("SELECT DISTINCT veileder FROM deltaker WHERE navn LIKE 'Blokk %'").all() as {
      veileder: string;
    }[];
    expect(block).toHaveLength(1);
    expect(Number(block[0]?.veileder.slice(2))).toBeGreaterThanOrEqual(reported.block);

    // Each committed row change wrote its change-log entries in the same transaction (a full scan of
    // the log: every tenth kill and after the last).
    if (!withLog) return;
    const logged = db
      .prepare(
        "SELECT count(*) AS n FROM endringslogg WHERE tabell = 'deltaker' AND felt = 'merknad' AND ny LIKE 'p:%'",
      )
      .get() as { n: number };
    const rows = db.prepare("SELECT count(*) AS n FROM deltaker WHERE merknad LIKE 'p:%'").get() as { n: number };
    expect(logged.n).toBe(rows.n);
    const edits = db.prepare("SELECT id, merknad FROM deltaker WHERE merknad LIKE 'e:%'").all() as {
      id: number;
      merknad: string;
    }[];
    const logHas = db.prepare(
      "SELECT 1 FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ? AND felt = 'merknad' AND ny = ?",
    );
    for (const e of edits) expect(logHas.get(e.id, e.merknad), `log of ${e.merknad}`).toBeDefined();
  } finally {
    db.close();
  }
}

describe('a writer killed at random moments', () => {
  it(`never leaves the register damaged, loses no reported commit and half-applies no paste (${KILLS} kills)`, async () => {
    const file = path.join(tempDir(), 'krasj.sqlite');
    const setup = openRegister(file, { create: true, user: TEST_USER });
    setup.db.transaction(() => {
      for (let i = 0; i < BLOCK_SIZE; i++) insertDeltaker(setup, aDeltaker({ navn: `Blokk ${i}`, veileder: 'g:0' }));
      for (let i = 0; i < 50; i++) insertDeltaker(setup, aDeltaker({ navn: `Rad ${i}` }));
    })();
    setup.close();

    const reported: Reported = { edits: new Map(), pastes: new Map(), block: 0 };
    let rng = 0x9e3779b9;
    const next = () => {
      rng = (Math.imul(rng ^ (rng >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      return rng / 0x100000000;
    };
    let killedWhileWriting = 0;
    let verifyMs = 0;
    const started = Date.now();
    for (let i = 0; i < KILLS; i++) {
      const when =
        next() < 0.1 ? { duringStartMs: Math.floor(next() * 60) } : { afterReadyMs: Math.floor(next() * 80) };
      const { lines, killedBeforeReady } = await runAndKill(file, i + 1, when);
      if (!killedBeforeReady) killedWhileWriting += 1;
      parse(lines, reported);
      const v0 = Date.now();
      verify(file, reported, i % 10 === 9 || i === KILLS - 1);
      verifyMs += Date.now() - v0;
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `crash loop: ${KILLS} kills in ${seconds.toFixed(1)} s, ${killedWhileWriting} while writing; ${reported.edits.size} rows edited, ${reported.pastes.size} pastes reported; checking took ${(verifyMs / 1000).toFixed(1)} s`,
    );
    expect(killedWhileWriting).toBeGreaterThan(KILLS * 0.75);
    expect(reported.pastes.size).toBeGreaterThan(KILLS / 4); // fewer on a loaded machine: the child starts slower
  }, 180_000);
});
