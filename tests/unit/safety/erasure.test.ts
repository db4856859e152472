/**
 * «An erasure holds» (architecture.md; issue 11, items 1–7), on real files: after «Slett for godt»
 * or «Anonymiser» the person's name is in no byte of the register, its journal, any backup or any
 * partial file; undo cannot bring them back; a restore of an older backup does not either, and keeps
 * the hendelse log; a row deleted from the grid can still be erased; exports with names are logged;
 * files with personal data are 0600; stale partial files go.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { listBackups } from '../../../electron/register/backup-files';
import type { Register } from '../../../electron/store/connection';
import { aDeltaker } from '../helpers/builders';
import { expectOk, expectRefused } from '../helpers/messages';
import { tempSession } from './helpers';

const NAME = 'Vurpelia Skrømtesen';
const OLD = { sluttdato: '2014-06-30', startdato: '2014-01-06', henvist_dato: '2013-12-02' };

/** Every file under a folder (register, -journal, lock, backups, partials). */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => {
    const file = path.join(e.parentPath, e.name);
    return e.isFile() ? [file] : [];
  });
}

function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return allFiles(dir).filter((f) => fs.readFileSync(f).includes(needle));
}

async function openedWithBackup(t: ReturnType<typeof tempSession>): Promise<{ reg: Register; id: number }> {
  const first = await t.session.open(t.registerPath, { create: true });
  if (first.status !== 'open') throw new Error('expected open');
  const { deltaker } = expectOk(
    invoke(
      first.register,
      'deltaker:create',
      aDeltaker({ navn: NAME, fodselsar: 1961, merknad: `${NAME} ringer`, ...OLD }),
    ),
  );
  expectOk(invoke(first.register, 'deltaker:create', aDeltaker({ navn: 'Blir Stående' })));
  await t.session.backupNow('manuell');
  expect(filesHolding(t.backupFolder, NAME)).toHaveLength(1);
  return { reg: first.register, id: deltaker.id };
}

describe.runIf(process.platform !== 'win32')('an erasure holds', () => {
  it('1: «Slett for godt» forgets the undo steps — Ctrl+Z cannot bring the person back', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg, id } = await openedWithBackup(t);
    expectOk(invoke(reg, 'deltaker:update', { id, changes: { veileder: 'Per' } }));
    expectOk(invoke(reg, 'deltaker:delete', { ids: [id] }));
    expect(expectOk(invoke(reg, 'grid:history:get', { table: 'deltaker' })).undo).not.toBeNull();

    const done = expectOk(invoke(reg, 'privacy:deletePerson', { id }));
    expect(done.stillHolding).toEqual([]);
    expect(expectOk(invoke(reg, 'grid:history:get', { table: 'deltaker' }))).toEqual({ undo: null, redo: null });
    expect(expectOk(invoke(reg, 'grid:undo', { table: 'deltaker' })).done).toBe(false);
    expect(expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' })).map((d) => d.navn)).toEqual(['Blir Stående']);
    expect(filesHolding(t.dir, NAME)).toEqual([]);
  });

  it('1: «Anonymiser» forgets the undo steps too', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg, id } = await openedWithBackup(t);
    expectOk(invoke(reg, 'deltaker:delete', { ids: [id] }));
    expectOk(invoke(reg, 'grid:undo', { table: 'deltaker' })); // back, and its deletion is on the redo stack
    expectOk(invoke(reg, 'privacy:anonymise', { years: 5, expectedCount: 1 }));
    expect(expectOk(invoke(reg, 'grid:redo', { table: 'deltaker' })).done).toBe(false);
    expect(expectOk(invoke(reg, 'grid:undo', { table: 'deltaker' })).done).toBe(false);
    expect(filesHolding(t.dir, NAME)).toEqual([]);
    expect(filesHolding(t.dir, '1961')).toEqual([]);
  });

  it('1: an undo that conflicts names a row that is gone by its number, never by the name it had', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg, id } = await openedWithBackup(t);
    expectOk(invoke(reg, 'deltaker:update', { id, changes: { veileder: 'Per' } }));
    reg.db.prepare('DELETE FROM deltaker WHERE id = ?').run(id); // gone by a path the stack does not know
    const { message } = expectRefused(invoke(reg, 'grid:undo', { table: 'deltaker' }), 'conflict');
    expect(message).toContain(`rad nr. ${id}`);
    expect(message).not.toContain('Vurpelia');
  });

  it('2: «Anonymiser» cleans every backup made before it, recent ones included', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg } = await openedWithBackup(t);
    await t.session.backupNow('daglig');
    const preview = expectOk(invoke(reg, 'privacy:anonymisePreview', { years: 5 }));
    expect(preview).toMatchObject({ count: 1, backupsToClean: 2 });
    const done = expectOk(invoke(reg, 'privacy:anonymise', { years: 5, expectedCount: 1 }));
    expect(done).toMatchObject({ anonymised: 1, backupsCleaned: 2, stillHolding: [] });
    expect(listBackups(t.backupFolder, t.registerPath)).toHaveLength(2);
    expect(filesHolding(t.dir, NAME)).toEqual([]);
    // The statistics are kept in the backups as in the register.
    for (const b of listBackups(t.backupFolder, t.registerPath)) {
      const db = new Database(b.file, { readonly: true });
      expect(db.prepare('SELECT navn, sluttdato FROM deltaker ORDER BY id').all()).toEqual([
        { navn: 'Anonymisert', sluttdato: OLD.sluttdato },
        { navn: 'Blir Stående', sluttdato: null },
      ]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      expect(fs.statSync(b.file).mode & 0o777).toBe(0o600);
    }
  });

  it('2: a backup folder that cannot be written: the user is told exactly which files still hold the person', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg } = await openedWithBackup(t);
    const [backup] = listBackups(t.backupFolder, t.registerPath);
    fs.chmodSync(t.backupFolder, 0o500);
    try {
      if (process.getuid?.() === 0) {
        // root writes anyway: make the copy fail by a file where the cleaning's partial would go.
        fs.chmodSync(t.backupFolder, 0o700);
        fs.mkdirSync(`${backup?.file}.partial-${process.pid}`);
      }
      const done = expectOk(invoke(reg, 'privacy:anonymise', { years: 5, expectedCount: 1 }));
      expect(done.stillHolding).toEqual([backup?.file]);
      expect(filesHolding(t.backupFolder, NAME)).toEqual([backup?.file]);
      expect(filesHolding(path.dirname(t.registerPath), NAME)).toEqual([]);
    } finally {
      fs.chmodSync(t.backupFolder, 0o700);
    }
    // Once the folder can be written, the next open finishes the erasure.
    fs.rmSync(`${backup?.file}.partial-${process.pid}`, { recursive: true, force: true });
    t.session.close();
    await t.session.open(t.registerPath);
    expect(filesHolding(t.dir, NAME)).toEqual([]);
  });

  it('3: a restore of a backup from before «Slett for godt» does not bring the person back, and keeps the hendelse log', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg, id } = await openedWithBackup(t);
    const [before] = listBackups(t.backupFolder, t.registerPath);
    // The backup folder's copy is cleaned; make an uncleaned one as a user might have left it elsewhere…
    t.useAppDialogs();
    t.answers.saveFile = path.join(t.dir, 'innsyn.json');
    expectOk(invoke(reg, 'privacy:exportPerson', { id }));
    // The innsyn is saved as JSON and as a readable page beside it; the user hands both over.
    fs.rmSync(t.answers.saveFile);
    fs.rmSync(t.answers.saveFile.replace(/\.json$/, '.html'));
    expectOk(invoke(reg, 'privacy:deletePerson', { id }));
    // …by putting the old bytes back in the backup (as a read-only folder would have kept them).
    expect(filesHolding(t.dir, NAME)).toEqual([]);
    const stale = new Database(before?.file as string);
    stale.prepare('INSERT INTO deltaker (id, navn, fodselsar) VALUES (?, ?, 1961)').run(id, NAME);
    stale.close();

    const list = expectOk(invoke(t.session.register as Register, 'backup:list', {}));
    expect(list.erasures).toEqual([expect.objectContaining({ hva: 'sletting', antall: 1 })]);
    const restored = expectOk(
      invoke(t.session.register as Register, 'backup:restore', { name: before?.name as string }),
    );
    expect(restored).toMatchObject({ erasuresReapplied: 1, rowsErasedAgain: 1 });
    const now = t.session.register as Register;
    expect(expectOk(invoke(now, 'deltaker:list', { kull: 'alle' })).map((d) => d.navn)).toEqual(['Blir Stående']);
    expect(filesHolding(path.dirname(t.registerPath), NAME)).toEqual([]);
    const events = expectOk(invoke(now, 'hendelse:list', {})).map((e) => e.hva);
    expect(events).toEqual(['gjenoppretting', 'sletting', 'innsyn']);
  });

  it('4: a row deleted from the grid can be erased for good, found through the endringslogg', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg, id } = await openedWithBackup(t);
    expectOk(invoke(reg, 'deltaker:delete', { ids: [id] }));
    expect(expectOk(invoke(reg, 'privacy:deleted:list', {}))).toEqual([expect.objectContaining({ id, navn: NAME })]);
    const done = expectOk(invoke(reg, 'privacy:deletePerson', { id }));
    expect(done.logEntriesRemoved).toBeGreaterThan(10);
    expect(done.backupsCleaned).toBe(1);
    expect(expectOk(invoke(reg, 'privacy:deleted:list', {}))).toEqual([]);
    expect(filesHolding(t.dir, NAME)).toEqual([]);
    expectRefused(invoke(reg, 'privacy:deletePerson', { id }), 'not_found');
  });

  it('5: exports with names are recorded: who, what, how many rows, which file', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg, id } = await openedWithBackup(t);
    const file = path.join(t.dir, 'deltakere.csv');
    expectOk(
      await invoke(reg, 'grid:export', {
        table: 'deltaker',
        format: 'csv',
        columns: ['navn', 'fodselsar'],
        ids: [id],
        path: file,
      }),
    );
    t.useAppDialogs();
    t.answers.saveFile = path.join(t.dir, 'innsyn.json');
    expectOk(invoke(reg, 'privacy:exportPerson', { id }));
    const [innsyn, exported] = expectOk(invoke(reg, 'hendelse:list', {}));
    expect(exported).toMatchObject({ hva: 'eksport', antall: 1, bruker: reg.user });
    expect(exported?.beskrivelse).toContain('«deltakere.csv»');
    expect(innsyn).toMatchObject({ hva: 'innsyn', antall: 1 });
    expect(innsyn?.beskrivelse).toContain('«innsyn.json» og «innsyn.html»');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('5: a file name that names the person leaves the hendelse log with the person', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg, id } = await openedWithBackup(t);
    t.useAppDialogs();
    t.answers.saveFile = path.join(t.dir, `${NAME}.json`);
    expectOk(invoke(reg, 'privacy:exportPerson', { id }));
    // The innsyn is saved as JSON and as a readable page beside it; the user hands both over.
    fs.rmSync(t.answers.saveFile);
    fs.rmSync(t.answers.saveFile.replace(/\.json$/, '.html'));
    expectOk(invoke(reg, 'privacy:deletePerson', { id }));
    expect(filesHolding(t.dir, NAME)).toEqual([]);
  });

  it('6: the register, its journal, backups and exports are readable by the owner only', async () => {
    const t = tempSession({
      dailyBackup: false,
      probe: { platform: 'linux', env: {}, realpath: (d) => d, fsType: () => 0x517b }, // a share: TRUNCATE journal stays
    });
    const { reg } = await openedWithBackup(t);
    expectOk(invoke(reg, 'deltaker:create', aDeltaker()));
    for (const file of [t.registerPath, `${t.registerPath}-journal`]) {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    for (const b of listBackups(t.backupFolder, t.registerPath)) expect(fs.statSync(b.file).mode & 0o777).toBe(0o600);
  });

  it('7: a backup interrupted by a crash leaves a partial that the next open removes; erasures remove them too', async () => {
    const t = tempSession({ dailyBackup: false });
    const { reg } = await openedWithBackup(t);
    const [backup] = listBackups(t.backupFolder, t.registerPath);
    const dead = `${backup?.file.replace('--manuell.sqlite', '--daglig.sqlite')}.partial-999999`;
    const legacy = `${backup?.file.replace('--manuell.sqlite', '--daglig.sqlite')}.partial`;
    fs.copyFileSync(backup?.file as string, dead);
    fs.copyFileSync(backup?.file as string, legacy);
    const restoreLeftover = `${t.registerPath}.gjenoppretting-p999999`;
    fs.copyFileSync(backup?.file as string, restoreLeftover);
    expect(reg.readOnly).toBe(false);
    t.session.close();
    await t.session.open(t.registerPath);
    for (const f of [dead, legacy, restoreLeftover]) expect(fs.existsSync(f)).toBe(false);
    expect(listBackups(t.backupFolder, t.registerPath)).toHaveLength(1);

    fs.copyFileSync(backup?.file as string, dead);
    const done = expectOk(invoke(t.session.register as Register, 'privacy:anonymise', { years: 5, expectedCount: 1 }));
    expect(done.partialsRemoved).toBe(1);
    expect(filesHolding(t.dir, NAME)).toEqual([]);
  });
});
