/**
 * The report's API channels over a real register file: the numbers, the printable HTML with the
 * header from the settings, and files; saving and printing with and without the app's glue.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { setHost } from '../../../electron/api/host';
import type { Register } from '../../../electron/store/connection';
import { buildReportFromRegister } from '../../../electron/store/report';
import { monthPeriods } from '../../../shared/report/engine';
import { report as reportSchema } from '../../../shared/report/schema';
import { aDeltaker } from '../helpers/builders';
import { standInHost } from '../helpers/host';
import { expectNorwegianMessage, expectOk, expectRefused } from '../helpers/messages';
import { tempDir, tempRegister } from '../helpers/register';

afterEach(() => setHost(null));

/** A small register through the API: two completed in October 2026, one waiting, one who broke a rule. */
function seeded(): { reg: Register; path: string; reopen: ReturnType<typeof tempRegister>['reopen']; ids: number[] } {
  const handle = tempRegister();
  const { reg } = handle;
  expectOk(
    invoke(reg, 'settings:update', { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem', kontaktperson: 'Kari K' }),
  );
  const ids = [
    aDeltaker({
      navn: 'Ola Ferdig',
      ytelse: 'KVP',
      henvist_dato: '2026-01-05',
      startdato: '2026-02-02',
      sluttdato: '2026-10-15',
      avslutning: 'PLAN',
      sluttarsak: 'A',
    }),
    aDeltaker({
      navn: 'Per Ferdig',
      ytelse: 'OKS',
      henvist_dato: '2026-01-05',
      startdato: '2026-02-02',
      sluttdato: '2026-03-15',
      avslutning: 'PLAN',
      sluttarsak: 'UT',
    }),
    aDeltaker({ navn: 'Vera Venter', ytelse: 'AAP', henvist_dato: '2026-10-05', startdato: null }),
    aDeltaker({
      navn: 'Siri Utenslutt',
      ytelse: 'KVP',
      henvist_dato: '2026-01-05',
      startdato: '2026-02-02',
      avslutning: 'DROP',
    }),
  ].map((fields) => expectOk(invoke(reg, 'deltaker:create', fields)).deltaker.id);
  return { ...handle, reg, ids };
}

describe('report:build and report:monthly', () => {
  it('report:build gives the engine’s report for the period, as the contract says', () => {
    const { reg } = seeded();
    const value = expectOk(invoke(reg, 'report:build', { from: '2026-01-01', to: '2026-10-31' }));
    expect(reportSchema.safeParse(value).success).toBe(true);
    expect(value).toEqual(buildReportFromRegister(reg, '2026-01-01', '2026-10-31'));
    expect(value.rows.gjennomfort).toMatchObject({ total: 2, kvp: 1, oks: 1, andre: 0, pct: 100 });
  });

  it('report:monthly gives the month and hittil i år up to the month’s last day', () => {
    const { reg } = seeded();
    const { month, hittilIAr } = expectOk(invoke(reg, 'report:monthly', { year: 2026, month: 10 }));
    expect([month.from, month.to, hittilIAr.from, hittilIAr.to]).toEqual([
      '2026-10-01',
      '2026-10-31',
      '2026-01-01',
      '2026-10-31',
    ]);
    expect(month.rows.gjennomfort?.total).toBe(1);
    expect(hittilIAr.rows.gjennomfort?.total).toBe(2);
  });

  it('refuses a period that ends before it starts, an impossible date and a month 13, in Norwegian', () => {
    const { reg } = seeded();
    expect(
      expectRefused(invoke(reg, 'report:build', { from: '2026-10-31', to: '2026-01-01' }), 'invalid_input').message,
    ).toMatch(/Fra-datoen/);
    expectRefused(invoke(reg, 'report:build', { from: '2026-02-30', to: '2026-03-01' }), 'invalid_input');
    expectRefused(invoke(reg, 'report:monthly', { year: 2026, month: 13 }), 'invalid_input');
  });

  it('answers on a register opened read-only (a report writes nothing to it)', async () => {
    const handle = seeded();
    const reg = handle.reopen({ readOnly: true });
    expectOk(invoke(reg, 'report:build', { from: '2026-01-01', to: '2026-10-31' }));
    expectOk(invoke(reg, 'report:html', { from: '2026-10-01', to: '2026-10-31', monthly: true }));
    const file = path.join(tempDir(), 'r.csv');
    expectOk(await invoke(reg, 'report:export', { from: '2026-10-01', to: '2026-10-31', format: 'csv', path: file }));
    expect(fs.existsSync(file)).toBe(true);
  });

  it('lists only the visible values of a list with zeros; a hidden value only when someone has it', () => {
    const { reg } = seeded();
    expectOk(invoke(reg, 'codes:setHidden', { list: 'henvist_fra', verdi: 'NAV Bergen Nord', skjult: true }));
    expectOk(invoke(reg, 'codes:setHidden', { list: 'henvist_fra', verdi: 'NAV Årstad', skjult: true }));
    const items = expectOk(invoke(reg, 'report:build', { from: '2026-01-01', to: '2026-10-31' })).sections.henvist_fra;
    expect(items.map((i) => i.key)).not.toContain('NAV Bergen Nord');
    // Every seeded deltaker was referred from NAV Årstad (the builder's default): hidden, but counted.
    expect(items.find((i) => i.key === 'NAV Årstad')?.count).toBe(4);
    expect(items.at(-1)?.key).toBe('NAV Årstad');
  });
});

describe('report:html', () => {
  it('is the form for the period with the header from the settings and today’s date', () => {
    const { reg } = seeded();
    const { html, title, fileName } = expectOk(invoke(reg, 'report:html', { from: '2026-01-01', to: '2026-10-31' }));
    expect(html).toContain('<dd>Sykkelvert</dd>');
    expect(html).toContain('<dd>Etat for sykehjem</dd>');
    expect(html).toContain('<dd>Kari K</dd>');
    expect(html).toContain('<dd>01.01.2026–31.10.2026</dd>');
    expect(html).toMatch(/<dt>Laget<\/dt><dd>\d\d\.\d\d\.\d{4}<\/dd>/);
    expect(title).toBe('Rapporteringsskjema til Etat for sosiale tjenester – 01.01.2026–31.10.2026');
    expect(fileName).toBe('rapport-2026-01-01_2026-10-31');
  });

  it('monthly shows «Måneden» beside «Hittil i år», and only for a whole month', () => {
    const { reg } = seeded();
    const { html, fileName } = expectOk(
      invoke(reg, 'report:html', { from: '2026-10-01', to: '2026-10-31', monthly: true }),
    );
    expect(html).toContain('kr-report--monthly');
    expect(html).toContain('<dd>oktober 2026</dd>');
    expect(html).toContain('Hittil i år<span class="kr-block-period">01.01.2026–31.10.2026</span>');
    expect(fileName).toBe('rapport-2026-10');
    const refused = expectRefused(
      invoke(reg, 'report:html', { from: '2026-10-01', to: '2026-10-30', monthly: true }),
      'invalid_input',
    );
    expect(refused.message).toMatch(/hel måned/);
  });

  it('holds no names, only ids and counts', () => {
    const { reg } = seeded();
    const { html } = expectOk(invoke(reg, 'report:html', { from: '2026-01-01', to: '2026-10-31' }));
    for (const name of ['Ola Ferdig', 'Per Ferdig', 'Vera Venter', 'Siri Utenslutt']) expect(html).not.toContain(name);
  });
});

describe('report:export from Node (no app): the caller says where', () => {
  it('writes CSV, JSON and XLSX files with the same numbers as report:build', async () => {
    const { reg } = seeded();
    const dir = tempDir();
    const period = { from: '2026-01-01', to: '2026-10-31' };
    const built = expectOk(invoke(reg, 'report:build', period));
    for (const format of ['csv', 'json', 'xlsx'] as const) {
      const file = path.join(dir, `rapport.${format}`);
      const result = expectOk(await invoke(reg, 'report:export', { ...period, format, path: file }));
      expect(result).toEqual({ saved: true, path: file, bytes: fs.statSync(file).size });
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'rapport.json'), 'utf8'))).toEqual(built);
    expect(fs.readFileSync(path.join(dir, 'rapport.csv'), 'utf8')).toContain('Tiltak;Sykkelvert');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'rapport.xlsx'));
    expect(workbook.getWorksheet('Skjema')?.getCell('A2').value).toBe('Tiltak: Sykkelvert');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a month exports both blocks: JSON as { month, hittilIAr }', async () => {
    const { reg } = seeded();
    const file = path.join(tempDir(), 'maaned.json');
    expectOk(
      await invoke(reg, 'report:export', {
        from: '2026-10-01',
        to: '2026-10-31',
        monthly: true,
        format: 'json',
        path: file,
      }),
    );
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(written).toEqual(expectOk(invoke(reg, 'report:monthly', { year: 2026, month: 10 })));
    expect(monthPeriods(2026, 10).hittilIAr.from).toBe(written.hittilIAr.from);
  });

  it('says that PDF and printing need the app, and that a file needs a path', async () => {
    const { reg } = seeded();
    const period = { from: '2026-01-01', to: '2026-10-31' };
    expect(
      expectRefused(await invoke(reg, 'report:export', { ...period, format: 'pdf', path: '/tmp/x.pdf' }), 'needs_app')
        .message,
    ).toMatch(/--format html/);
    expectRefused(await invoke(reg, 'report:print', {}), 'needs_app');
    expectRefused(await invoke(reg, 'report:export', { ...period, format: 'csv' }), 'no_path');
  });

  it('a file that cannot be written is a Norwegian refusal, and nothing half-written is left', async () => {
    const { reg } = seeded();
    const dir = tempDir();
    const period = { from: '2026-01-01', to: '2026-10-31' };
    for (const format of ['csv', 'xlsx'] as const) {
      const refused = expectRefused(
        await invoke(reg, 'report:export', { ...period, format, path: path.join(dir, 'mangler', `r.${format}`) }),
        'write_failed',
      );
      expect(refused.message).toMatch(/kunne ikke lagres/);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('report:export and report:print in the app (the glue stands in for Electron)', () => {
  function fakeGlue(choice: string | null) {
    const asked: { title: string; defaultName: string }[] = [];
    const printed: string[] = [];
    const glue = standInHost({
      chooseSavePath: (options) => {
        asked.push({ title: options.title, defaultName: options.defaultName });
        return choice;
      },
      printToPdf: async (file) => {
        fs.writeFileSync(file, '%PDF-1.7 test');
        printed.push(file);
        return 13;
      },
      print: async () => true,
    });
    setHost(glue);
    return { asked, printed };
  }

  it('asks where to save with a Norwegian title and a file name from the period, then writes there', async () => {
    const { reg } = seeded();
    const file = path.join(tempDir(), 'valgt.xlsx');
    const { asked } = fakeGlue(file);
    const result = expectOk(
      await invoke(reg, 'report:export', { from: '2026-10-01', to: '2026-10-31', monthly: true, format: 'xlsx' }),
    );
    expect(asked).toEqual([{ title: 'Lagre rapporten som Excel', defaultName: 'rapport-2026-10.xlsx' }]);
    expect(result.saved).toBe(true);
    expect(fs.statSync(file).size).toBe(result.bytes);
  });

  it('prints the window to PDF where the user chose', async () => {
    const { reg } = seeded();
    const file = path.join(tempDir(), 'rapport.pdf');
    const { printed, asked } = fakeGlue(file);
    expect(
      expectOk(await invoke(reg, 'report:export', { from: '2026-01-01', to: '2026-12-31', format: 'pdf' })),
    ).toEqual({ saved: true, path: file, bytes: 13 });
    expect(printed).toEqual([file]);
    expect(asked[0]?.defaultName).toBe('rapport-2026.pdf');
    expect(expectOk(await invoke(reg, 'report:print', {}))).toEqual({ printed: true });
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const { reg } = seeded();
    fakeGlue(null);
    expect(
      expectOk(await invoke(reg, 'report:export', { from: '2026-01-01', to: '2026-10-31', format: 'csv' })),
    ).toEqual({ saved: false, path: null, bytes: 0 });
  });

  it('refuses a path named by the page: in the app only the save dialog decides where files go', async () => {
    const { reg } = seeded();
    fakeGlue('/tmp/never.csv');
    const refused = expectRefused(
      await invoke(reg, 'report:export', { from: '2026-01-01', to: '2026-10-31', format: 'csv', path: '/etc/passwd' }),
      'forbidden',
    );
    expectNorwegianMessage(refused.message);
  });
});
