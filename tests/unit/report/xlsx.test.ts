/**
 * The XLSX export: written with exceljs, read back with exceljs, and compared with the engine's
 * JSON number by number; laid out like the form; printable on A4; no names; no formulas.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NUMBER_FORMATS, writeMonthlyReportXlsx, writeReportXlsx } from '../../../electron/io/report-xlsx';
import type { Report, ReportHeader } from '../../../shared/report/schema';
import { FORM_ROWS, printedLabel, SECTIONS } from '../../../shared/report/template';
import { ROW_RULES } from '../../../shared/rules';
import { tempDir } from '../helpers/register';
import { aCompleted, aDeltaker, aKull, reportOf } from './builders';

const HEADER: ReportHeader = {
  tiltak: 'Sykkelvert & co',
  avdeling: 'Etat for sykehjem',
  kontaktperson: 'Kari Koordinator',
  madeOn: '2026-11-03',
  periodLabel: '01.01.2026–31.10.2026',
};

const kull = [
  aKull({ id: 41, navn: '=HYPERLINK("http://x";"klikk")', startdato: '2026-01-05', planlagt_sluttdato: '2026-04-05' }),
  aKull({ id: 42, navn: 'Kull 13', startdato: '2026-03-02', planlagt_sluttdato: null }),
];

/** Something in every row and section: completed to every kind of outcome, drop-outs, waiting, rule breakers. */
const register = [
  aCompleted('2026-04-01', { ytelse: 'KVP', navn: 'Ola Særnavn', kull_id: 41, ansatt_hos_brukersted: true }),
  aCompleted('2026-04-02', { ytelse: 'OKS', sluttarsak: 'UT', kull_id: 41, fodselsar: 1990, kjonn: 'M' }),
  aCompleted('2026-10-15', { ytelse: 'AAP', sluttarsak: 'AD', kull_id: 42, fodselsar: 2001, kjonn: 'K' }),
  aCompleted('2026-10-20', { ytelse: null, sluttarsak: null, kull_id: 42 }),
  aDeltaker({
    ytelse: 'KVP',
    henvist_dato: '2026-02-01',
    startdato: '2026-02-15',
    sluttdato: '2026-05-01',
    avslutning: 'DROP',
    dropout_arsak: 'Rus',
    kull_id: 42,
  }),
  aDeltaker({ ytelse: 'OKS', henvist_dato: '2026-03-01', sluttdato: '2026-03-20', avslutning: 'IKKE' }),
  aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: '+47 kontoret' }),
  aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: 'NorA', startdato: '2026-06-01', kull_id: 42 }),
  aDeltaker({ henvist_dato: '2025-01-04', henvist_fra: 'NorA', startdato: '2026-01-10' }),
  aDeltaker({ henvist_dato: '2026-06-04', avslutning: 'UAKT', sluttdato: '2026-06-10' }),
];

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet «${name}»; sheets: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return sheet;
}

/** The values of the row whose cell in `column` is `label` (the first such row). */
function rowByLabel(sheet: ExcelJS.Worksheet, label: string, column = 1): ExcelJS.CellValue[] {
  let found: ExcelJS.CellValue[] | undefined;
  sheet.eachRow((row) => {
    if (found === undefined && row.getCell(column).value === label) {
      found = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
    }
  });
  if (found === undefined) throw new Error(`no row «${label}» in ${sheet.name}`);
  return found;
}

function allText(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        parts.push(String(cell.value));
      });
    });
  }
  return parts.join('\n');
}

/** A percentage cell back as the JSON's whole percent; "–" as null, an empty cell as undefined. */
function pctOf(value: ExcelJS.CellValue): number | null | undefined {
  if (value === null || value === undefined) return undefined;
  if (value === '–') return null;
  return Math.round(Number(value) * 100);
}

describe('the report as XLSX, read back', () => {
  const report: Report = reportOf(register, { kull });

  async function written(): Promise<ExcelJS.Workbook> {
    const file = path.join(tempDir(), 'rapport.xlsx');
    await writeReportXlsx(report, HEADER, file);
    return readBack(file);
  }

  it('has one sheet for the form and one per section, in the form’s order', async () => {
    const workbook = await written();
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Skjema',
      'Kjønn og alder',
      'Henvist fra',
      'Varighet',
      'Drop-out',
      'Ventetid',
      'Kulloversikt',
      'Datakvalitet',
    ]);
  });

  it('gives back every number of rows 1–15 as the engine counted it, as numbers', async () => {
    const sheet = sheetOf(await written(), 'Skjema');
    const headings = rowByLabel(sheet, 'Nr');
    expect(headings).toEqual(['Nr', 'Tekst', 'Totalt', 'KVP', 'ØKS', 'Andre', '%']);
    for (const row of FORM_ROWS) {
      const json = report.rows[row.key];
      const [nr, , total, kvp, oks, andre, pct] = rowByLabel(sheet, printedLabel(row), 2);
      expect({ nr: String(nr), total, kvp, oks, andre }, row.key).toEqual({
        nr: json?.nr,
        total: json?.total,
        kvp: json?.kvp,
        oks: json?.oks,
        andre: json?.andre,
      });
      expect(pctOf(pct), row.key).toBe(row.pct ? json?.pct : undefined);
    }
    expect(report.rows.gjennomfort?.total).toBe(4);
    expect(report.rows.til_arbeid?.pct).toBe(50);
  });

  it('writes percentages as Excel percentages ("0 %") holding the printed, rounded figure', async () => {
    const sheet = sheetOf(await written(), 'Skjema');
    let cell: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Arbeid deltid (AD)') cell = row.getCell(7);
    });
    expect(cell?.value).toBe(0.25);
    expect(cell?.numFmt).toBe(NUMBER_FORMATS.pct);
  });

  it('gives back every section line as the engine counted it', async () => {
    const workbook = await written();
    for (const key of ['henvist_fra', 'varighet', 'dropout_arsak'] as const) {
      const sheet = sheetOf(
        workbook,
        { henvist_fra: 'Henvist fra', varighet: 'Varighet', dropout_arsak: 'Drop-out' }[key],
      );
      for (const item of report.sections[key]) {
        expect(rowByLabel(sheet, item.label)[1], `${key} ${item.label}`).toBe(item.count);
      }
      expect(rowByLabel(sheet, 'Totalt')[1]).toBe(report.sections[key].reduce((sum, item) => sum + item.count, 0));
    }

    const kjonnAlder = sheetOf(workbook, 'Kjønn og alder');
    const { age_groups, rows, total } = report.sections.kjonn_alder;
    for (const row of rows) {
      expect(rowByLabel(kjonnAlder, row.label)).toEqual([
        row.label,
        ...age_groups.map((g) => row.counts[g.key]),
        row.total,
      ]);
    }
    expect(rowByLabel(kjonnAlder, 'Totalt')).toEqual([
      'Totalt',
      ...age_groups.map((g) => total.counts[g.key]),
      total.total,
    ]);

    const ventetid = sheetOf(workbook, 'Ventetid');
    const { labels } = SECTIONS.ventetid;
    const v = report.sections.ventetid;
    expect(rowByLabel(ventetid, labels.count)[1]).toBe(v.count);
    expect(rowByLabel(ventetid, labels.mean_days)[1]).toBe(v.mean_days);
    expect(rowByLabel(ventetid, labels.median_days)[1]).toBe(v.median_days);
    expect(rowByLabel(ventetid, labels.over_6_months)[1]).toBe(v.over_6_months);
    expect(rowByLabel(ventetid, labels.not_measured)[1]).toBe(v.not_measured);

    const datakvalitet = sheetOf(workbook, 'Datakvalitet');
    for (const item of report.datakvalitet) {
      const title = ROW_RULES.find((r) => r.key === item.rule)?.title ?? '';
      const [, rule, count, ids] = rowByLabel(datakvalitet, title);
      expect({ rule, count, ids }).toEqual({ rule: item.rule, count: item.count, ids: item.deltaker_ids.join(' ') });
    }
    expect(report.datakvalitet.some((item) => item.count > 0)).toBe(true);
  });

  it('gives back the kull lines with real dates and the to-work share as a percentage', async () => {
    const sheet = sheetOf(await written(), 'Kulloversikt');
    const line = report.sections.kull.lines.find((l) => l.kull_id === 42);
    const [navn, start, planned, deltakere, ...rest] = rowByLabel(sheet, 'Kull 13');
    expect(navn).toBe('Kull 13');
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString().slice(0, 10)).toBe('2026-03-02');
    expect(planned).toBeNull();
    expect(deltakere).toBe(line?.deltakere);
    expect(pctOf(rest.at(-2) ?? null)).toBe(line?.pct_til_arbeid);
    expect(rowByLabel(sheet, 'Totalt')[3]).toBe(report.sections.kull.total.deltakere);
  });

  it('opens every sheet with the header: tiltak, avdeling, kontaktperson, period and date made', async () => {
    const workbook = await written();
    for (const sheet of workbook.worksheets) {
      const top = [1, 2, 3, 4, 5, 6].map((n) => sheet.getRow(n).getCell(1).value);
      expect(top).toEqual([
        'Rapporteringsskjema til Etat for sosiale tjenester',
        'Tiltak: Sykkelvert & co',
        'Avdeling: Etat for sykehjem',
        'Kontaktperson: Kari Koordinator',
        'Periode: 01.01.2026–31.10.2026',
        'Laget: 03.11.2026',
      ]);
    }
  });

  it('prints on A4 portrait, fitted to the width, headings bold and repeated on every page, page numbers in the footer', async () => {
    const workbook = await written();
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      const titles = sheet.pageSetup.printTitlesRow ?? '';
      expect(titles).toMatch(/^\$?\d+:\$?\d+$/);
      const first = Number(titles.replaceAll('$', '').split(':')[0]);
      expect(sheet.getRow(first).getCell(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.headerFooter.oddFooter).toContain('Side &P av &N');
      expect(sheet.headerFooter.oddHeader).toContain('Sykkelvert && co');
      expect(
        sheet.columns.map((c) => c.width ?? 0).filter((w) => w < 6),
        sheet.name,
      ).toEqual([]);
    }
    const form = sheetOf(workbook, 'Skjema');
    expect(form.getColumn(2).width).toBeGreaterThanOrEqual(40);
  });

  it('holds no names, and user text that looks like a formula is a string cell as typed (no apostrophe), never a formula', async () => {
    const workbook = await written();
    const text = allText(workbook);
    expect(text).not.toContain('Særnavn');
    expect(text).not.toContain('Kari Nordmann');
    expect(rowByLabel(sheetOf(workbook, 'Henvist fra'), '+47 kontoret')[1]).toBe(1);
    expect(rowByLabel(sheetOf(workbook, 'Kulloversikt'), '=HYPERLINK("http://x";"klikk")')[3]).toBe(
      report.sections.kull.lines.find((l) => l.kull_id === 41)?.deltakere,
    );
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        });
      });
    }
  });
});

describe('the monthly report as XLSX', () => {
  it('puts «Måneden» and «Hittil i år» side by side in the form, each with its own numbers', async () => {
    const month = reportOf(register, { period: { from: '2026-10-01', to: '2026-10-31' }, kull });
    const year = reportOf(register, { kull });
    const file = path.join(tempDir(), 'maaned.xlsx');
    await writeMonthlyReportXlsx(month, year, { ...HEADER, periodLabel: 'oktober 2026' }, file);
    const sheet = sheetOf(await readBack(file), 'Skjema');
    const captions = rowByLabel(sheet, 'Nr').length;
    expect(captions).toBe(12);
    const row12 = rowByLabel(sheet, FORM_ROWS.find((r) => r.key === 'gjennomfort')?.label ?? '', 2);
    expect(row12.slice(2)).toEqual([
      month.rows.gjennomfort?.total,
      month.rows.gjennomfort?.kvp,
      month.rows.gjennomfort?.oks,
      month.rows.gjennomfort?.andre,
      (month.rows.gjennomfort?.pct ?? 0) / 100,
      year.rows.gjennomfort?.total,
      year.rows.gjennomfort?.kvp,
      year.rows.gjennomfort?.oks,
      year.rows.gjennomfort?.andre,
      (year.rows.gjennomfort?.pct ?? 0) / 100,
    ]);
    const text: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        text.push(String(cell.value));
      });
    });
    expect(text).toContain('Måneden (oktober 2026)');
    expect(text).toContain('Hittil i år (01.01.2026–31.10.2026)');
  });
});
