import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { commitImport, planImport } from '../../../electron/io/import';
import { readTable } from '../../../electron/io/table';
import { listBackups } from '../../../electron/register/backup-files';
import type { Register } from '../../../electron/store/connection';
import { ANONYMISED_NAME, anonymiseCutoff, SCRUBBED } from '../../../electron/store/privacy';
import { buildReportFromRegister } from '../../../electron/store/report';
import { INNSYN_WARNING } from '../../../shared/contract/privacy';
import { todayIso } from '../../../shared/dates';
import { aDeltaker, aDeltakerInWork } from '../helpers/builders';
import { expectNorwegianMessage, expectOk, expectRefused } from '../helpers/messages';
import { countRows } from '../helpers/register';
import { tempSession } from './helpers';

const DEMO = path.resolve('resources/demo');

async function demoRegister(t: ReturnType<typeof tempSession>): Promise<Register> {
  const outcome = await t.session.open(t.registerPath, { create: true });
  if (outcome.status !== 'open') throw new Error('expected open');
  const reg = outcome.register;
  for (const [kind, file] of [
    ['kull', 'sykkelvert-kull.csv'],
    ['deltakere', 'sykkelvert-deltakere.csv'],
  ] as const) {
    commitImport(reg, planImport(reg, kind, await readTable(path.join(DEMO, file))));
  }
  return reg;
}

/** The report without the parts that use fødselsår (age groups, and the data-quality count of missing years). */
function withoutAge(report: ReturnType<typeof buildReportFromRegister>) {
  const { kjonn_alder, ...sections } = report.sections;
  return {
    rows: report.rows,
    sections,
    kjonnTotals: kjonn_alder.rows.map((r) => [r.key, r.total]),
    total: kjonn_alder.total.total,
  };
}

describe('anonymising deltakere who ended more than N years ago', () => {
  it('previews the count first, then removes names, fødselsår and merknad, keeping the statistics', async () => {
    const t = tempSession();
    const reg = await demoRegister(t);
    const years = 5;
    const cutoff = anonymiseCutoff(years);
    const periods = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map(
      (y) => [`${y}-01-01`, `${y}-12-31`] as const,
    );
    const before = periods.map(([from, to]) => buildReportFromRegister(reg, from, to));
    const recent = buildReportFromRegister(reg, cutoff, todayIso());
    const total = countRows(reg, 'deltaker');

    const preview = expectOk(invoke(reg, 'privacy:anonymisePreview', { years }));
    expect(preview.cutoff).toBe(cutoff);
    expect(preview.count).toBeGreaterThan(20);
    expect(preview.count).toBeLessThan(total);
    expect(countRows(reg, 'deltaker')).toBe(total);

    const done = expectOk(invoke(reg, 'privacy:anonymise', { years, expectedCount: preview.count }));
    expect(done.anonymised).toBe(preview.count);
    expect(done.logEntriesScrubbed).toBeGreaterThan(0);
    expect(countRows(reg, 'deltaker')).toBe(total);

    const old = reg.db.prepare('SELECT navn, fodselsar, merknad FROM deltaker WHERE sluttdato < ?').all(cutoff) as {
      navn: string;
      fodselsar: number | null;
      merknad: string | null;
    }[];
    expect(old).toHaveLength(preview.count);
    expect(old.every((d) => d.navn === ANONYMISED_NAME && d.fodselsar === null && d.merknad === null)).toBe(true);
    const newer = reg.db.prepare("SELECT count(*) AS n FROM deltaker WHERE navn = 'Anonymisert'").get() as {
      n: number;
    };
    expect(newer.n).toBe(preview.count);

    // Every count of the form, every section but the age groups, and the count per kjønn: unchanged.
    const after = periods.map(([from, to]) => buildReportFromRegister(reg, from, to));
    after.forEach((report, i) => {
      expect(withoutAge(report)).toEqual(withoutAge(before[i] as typeof report));
    });
    // A period from the cutoff on is unchanged in every number, age groups included.
    expect(buildReportFromRegister(reg, cutoff, todayIso())).toEqual(recent);

    expect(expectOk(invoke(reg, 'privacy:anonymisePreview', { years })).count).toBe(0);
    const [event] = expectOk(invoke(reg, 'hendelse:list', {}));
    expect(event).toMatchObject({ hva: 'anonymisering', antall: preview.count });
  });

  it('scrubs the anonymised fields from the change log, and leaves the rest of the log', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    const { deltaker } = expectOk(
      invoke(
        reg,
        'deltaker:create',
        aDeltakerInWork({
          navn: 'Åse Gamleslutt',
          sluttdato: '2015-05-29',
          startdato: '2015-02-02',
          henvist_dato: '2015-01-05',
          merknad: 'Ringte mor',
        }),
      ),
    );
    expectOk(
      invoke(reg, 'deltaker:update', { id: deltaker.id, changes: { navn: 'Åse Gamleslutt-Berg', sluttarsak: 'AD' } }),
    );
    expectOk(invoke(reg, 'privacy:anonymise', { years: 3, expectedCount: 1 }));
    const history = expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: deltaker.id }));
    const navn = history.filter((e) => e.felt === 'navn');
    expect(navn.map((e) => [e.gammel, e.ny])).toEqual([
      [null, SCRUBBED],
      [SCRUBBED, SCRUBBED],
    ]);
    expect(history.find((e) => e.felt === 'sluttarsak' && e.ny === 'AD')).toBeDefined();
    expect(JSON.stringify(history)).not.toContain('Gamleslutt');
    expect(JSON.stringify(history)).not.toContain('Ringte mor');
  });

  it('refuses when the register changed since the preview, and changes nothing', async () => {
    const t = tempSession();
    const reg = await demoRegister(t);
    const { count } = expectOk(invoke(reg, 'privacy:anonymisePreview', { years: 5 }));
    const refused = expectRefused(invoke(reg, 'privacy:anonymise', { years: 5, expectedCount: count + 1 }), 'changed');
    expect(refused.message).toContain(String(count));
    expect(expectOk(invoke(reg, 'privacy:anonymisePreview', { years: 5 })).count).toBe(count);
  });

  it.each([0, -1, 1.5, 101, '5', null])('refuses %s years with a Norwegian message', async (years) => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    expectRefused(invoke(outcome.register, 'privacy:anonymisePreview', { years }), 'invalid_input');
  });

  it('cleans every backup, old or new, counted in the preview; none is deleted', async () => {
    let now = new Date('2020-06-01T09:00:00Z');
    const t = tempSession({ now: () => now });
    const first = await t.session.open(t.registerPath, { create: true });
    if (first.status !== 'open') throw new Error('expected open');
    expectOk(
      invoke(first.register, 'deltaker:create', aDeltaker({ navn: 'Gammel Sluttdeltaker', sluttdato: '2015-03-01' })),
    );
    await t.session.idle();
    t.session.close();
    now = new Date();
    const outcome = await t.session.open(t.registerPath);
    if (outcome.status !== 'open') throw new Error('expected open');
    await t.session.idle();
    expect(listBackups(t.backupFolder, t.registerPath)).toHaveLength(2);
    const preview = expectOk(invoke(outcome.register, 'privacy:anonymisePreview', { years: 5 }));
    expect(preview.backupsToClean).toBe(2);
    const done = expectOk(invoke(outcome.register, 'privacy:anonymise', { years: 5, expectedCount: preview.count }));
    expect(done).toMatchObject({ anonymised: 1, backupsCleaned: 2, stillHolding: [] });
    const backups = listBackups(t.backupFolder, t.registerPath);
    expect(backups).toHaveLength(2);
    for (const b of backups) expect(fs.readFileSync(b.file).includes('Sluttdeltaker')).toBe(false);
  });
});

describe('deleting one deltaker for good', () => {
  it('removes the row and its whole change log, logs the deletion without the name, and keeps the others', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    const keep = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Blir værende' }))).deltaker;
    const gone = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Vil bli glemt' }))).deltaker;
    expectOk(invoke(reg, 'deltaker:update', { id: gone.id, changes: { merknad: 'Sensitivt' } }));

    const result = expectOk(invoke(reg, 'privacy:deletePerson', { id: gone.id }));
    expect(result.logEntriesRemoved).toBeGreaterThan(3);
    expect(expectOk(invoke(reg, 'deltaker:list', { kull: 'alle' })).map((d) => d.id)).toEqual([keep.id]);
    expect(expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: gone.id }))).toEqual([]);
    expect(expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: keep.id })).length).toBeGreaterThan(0);
    const [event] = expectOk(invoke(reg, 'hendelse:list', {}));
    expect(event).toMatchObject({ hva: 'sletting', antall: 1 });
    expect(event?.beskrivelse).toContain(`nr. ${gone.id}`);
    expect(JSON.stringify(event)).not.toContain('glemt');
    expectRefused(invoke(reg, 'privacy:deletePerson', { id: gone.id }), 'not_found');
  });
});

describe('innsyn', () => {
  it('saves everything stored about one deltaker to a JSON file that says it holds names, and logs it', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    const kull = expectOk(invoke(reg, 'kull:create', { navn: 'Kull 7', startdato: '2026-03-02' }));
    const { deltaker } = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Kari Innsyn', kull_id: kull.id })));
    expectOk(invoke(reg, 'deltaker:update', { id: deltaker.id, changes: { merknad: 'Trenger arbeidssko' } }));

    t.useAppDialogs();
    t.answers.saveFile = path.join(t.dir, 'innsyn.json');
    const saved = expectOk(invoke(reg, 'privacy:exportPerson', { id: deltaker.id }));
    expect(saved).toMatchObject({ saved: true, file: t.answers.saveFile, warning: INNSYN_WARNING });
    expectNorwegianMessage(saved.warning);
    const doc = JSON.parse(fs.readFileSync(t.answers.saveFile, 'utf8'));
    expect(doc.advarsel).toBe(INNSYN_WARNING);
    expect(doc.deltaker.opplysninger).toContainEqual({ felt: 'navn', etikett: 'Navn', verdi: 'Kari Innsyn' });
    expect(doc.deltaker.opplysninger).toContainEqual({
      felt: 'merknad',
      etikett: 'Merknad',
      verdi: 'Trenger arbeidssko',
    });
    expect(doc.kull).toMatchObject({ navn: 'Kull 7' });
    expect(
      doc.endringslogg.some((e: { felt: string; ny: string }) => e.felt === 'merknad' && e.ny === 'Trenger arbeidssko'),
    ).toBe(true);
    expect(saved.bytes).toBe(fs.statSync(t.answers.saveFile).size);
    if (process.platform !== 'win32') expect(fs.statSync(t.answers.saveFile).mode & 0o777).toBe(0o600);
    const [event] = expectOk(invoke(reg, 'hendelse:list', {}));
    expect(event).toMatchObject({ hva: 'innsyn', antall: 1 });
    // Both files hold the person: the log names both.
    expect(saved.htmlFile).toBe(path.join(t.dir, 'innsyn.html'));
    expect(fs.readFileSync(saved.htmlFile ?? '', 'utf8')).toContain('Kari Innsyn');
    expect(event?.beskrivelse).toBe(
      `Innsyn for deltaker nr. ${deltaker.id} lagret til filene «innsyn.json» og «innsyn.html».`,
    );
    expect(JSON.stringify(event)).not.toContain('Kari');
  });

  it('when only the JSON could be written, logs that file and says which is saved and which is not', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    const { deltaker } = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Kari Innsyn' })));
    // A folder where the page would go: the JSON can be written, the page cannot (EISDIR).
    fs.mkdirSync(path.join(t.dir, 'innsyn.html'));
    t.useAppDialogs();
    t.answers.saveFile = path.join(t.dir, 'innsyn.json');
    const refused = expectRefused(invoke(reg, 'privacy:exportPerson', { id: deltaker.id }), 'write_failed');
    expect(refused.message).toContain(`Innsynet er lagret i «${t.answers.saveFile}»`);
    expect(refused.message).toContain('men den lesbare siden «innsyn.html» kunne ikke lagres');
    expect(refused.message).toContain('lagre innsynet på nytt i en annen mappe');
    expectNorwegianMessage(refused.message);
    expect(JSON.parse(fs.readFileSync(t.answers.saveFile, 'utf8')).deltaker.id).toBe(deltaker.id);
    const events = expectOk(invoke(reg, 'hendelse:list', {}));
    expect(events).toEqual([
      expect.objectContaining({
        hva: 'innsyn',
        beskrivelse: `Innsyn for deltaker nr. ${deltaker.id} lagret til filen «innsyn.json».`,
      }),
    ]);
  });

  it('writes nothing and logs nothing when the user cancels the save dialog', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const { deltaker } = expectOk(invoke(outcome.register, 'deltaker:create', aDeltaker()));
    t.useAppDialogs();
    t.answers.saveFile = null;
    expect(expectOk(invoke(outcome.register, 'privacy:exportPerson', { id: deltaker.id }))).toMatchObject({
      saved: false,
      file: null,
    });
    expect(expectOk(invoke(outcome.register, 'hendelse:list', {}))).toEqual([]);
  });

  it('holds only this person’s history when an earlier deltaker had the same row number', async () => {
    const t = tempSession();
    const outcome = await t.session.open(t.registerPath, { create: true });
    if (outcome.status !== 'open') throw new Error('expected open');
    const reg = outcome.register;
    expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Første' })));
    const earlier = expectOk(
      invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Tidligere Person', merknad: 'Gammel merknad' })),
    ).deltaker;
    expectOk(invoke(reg, 'deltaker:delete', { ids: [earlier.id] }));
    const now = expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'Ny Person' }))).deltaker;
    expect(now.id).toBe(earlier.id); // SQLite reuses the highest row number
    const history = expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: now.id }));
    expect(JSON.stringify(history)).not.toContain('Tidligere');
    expect(history.find((e) => e.felt === 'navn')?.ny).toBe('Ny Person');
    t.useAppDialogs();
    t.answers.saveFile = path.join(t.dir, 'innsyn.json');
    expectOk(invoke(reg, 'privacy:exportPerson', { id: now.id }));
    expect(fs.readFileSync(t.answers.saveFile, 'utf8')).not.toContain('Tidligere');
  });
});
