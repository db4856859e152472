import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { runArsrapport } from '../../../electron/cli/arsrapport-command';
import { cspSafeSvg } from '../../../electron/io/arsrapport-charts';
import type { Register } from '../../../electron/store/connection';
import { blockParts } from '../../../shared/report/arsrapport/html';
import { arsrapport as schema } from '../../../shared/report/arsrapport/schema';
import { aDeltaker } from '../helpers/builders';
import { expectOk, expectRefused } from '../helpers/messages';
import { tempDir, tempRegister } from '../helpers/register';

/** Three from Somalia (a small group), six from Norway, at two nursing homes, in 2023 and 2024. */
function seeded(): { reg: Register; dir: string } {
  const { reg } = tempRegister();
  expectOk(invoke(reg, 'settings:update', { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' }));
  const person = (i: number, land: string, brukersted: string) =>
    expectOk(
      invoke(
        reg,
        'deltaker:create',
        aDeltaker({
          navn: `Hemmelig Navnesen ${i}`,
          landbakgrunn: land,
          brukersted,
          veileder: 'Fagleder',
          henvist_dato: '2023-02-01',
          startdato: '2023-03-01',
          sluttdato: '2024-02-01',
          avslutning: 'PLAN',
          sluttarsak: 'A',
        }),
      ),
    );
  for (let i = 0; i < 3; i++) person(i, 'Somalia', 'Florida sykehjem');
  for (let i = 3; i < 9; i++) person(i, 'Norge', 'Ladegården sykehjem');
  return { reg, dir: tempDir() };
}

const span = { first: 2023, last: 2024 };

describe('small numbers in every output', () => {
  it('JSON: exact counts, with suppressed on the cells a print would hide', () => {
    const { reg } = seeded();
    const report = expectOk(invoke(reg, 'arsrapport:build', span));
    expect(schema.safeParse(report).success).toBe(true);
    expect(report.small_numbers_hidden).toBe(true);
    const land = report.years[0]?.breakdowns.landbakgrunn;
    expect(land).toEqual([
      { key: 'norge', label: 'Norge', count: 6, suppressed: false },
      { key: 'somalia', label: 'Somalia', count: 3, suppressed: true },
    ]);
    const florida = report.years[0]?.breakdowns.brukersted.find((b) => b.label === 'Florida sykehjem');
    expect(florida).toMatchObject({
      innom: 3,
      startet: 3,
      suppressed: { innom: true, startet: true, gjennomfort: false },
    });
    expect(report.years[0]?.breakdowns.veileder[0]).toMatchObject({ innom: 9, suppressed: { innom: false } });
    expect(JSON.stringify(report)).not.toContain('Navnesen');
  });

  it('CSV, XLSX and HTML print 1–4 as «<5», and the exact numbers once the setting is off', async () => {
    const { reg, dir } = seeded();
    const csvFile = path.join(dir, 'a.csv');
    const xlsxFile = path.join(dir, 'a.xlsx');
    for (const hidden of [true, false]) {
      expectOk(invoke(reg, 'settings:update', { skjul_sma_tall: hidden }));
      expectOk(await invoke(reg, 'arsrapport:export', { ...span, format: 'csv', path: csvFile }));
      const csv = fs.readFileSync(csvFile, 'utf8');
      expect(csv.startsWith('\uFEFFÅrsrapport 2023–2024')).toBe(true);
      expect(csv).toContain(hidden ? 'Somalia;<5;<5;<5' : 'Somalia;3;3;3');
      expect(csv).toContain('Norge;6;6;6');
      expect(csv.includes('Små tall er skjult')).toBe(hidden);
      expect(csv).not.toContain('Navnesen');

      expectOk(await invoke(reg, 'arsrapport:export', { ...span, format: 'xlsx', path: xlsxFile }));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsxFile);
      const sheet = book.getWorksheet('Landbakgrunn');
      const somalia = sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === 'Somalia');
      expect(somalia?.getCell(2).value).toBe(hidden ? '<5' : 3);
      const norge = sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).value === 'Norge');
      expect(norge?.getCell(2).value).toBe(6);
      expect(book.worksheets.map((w) => w.name)).toEqual(
        expect.arrayContaining(['Skjema år for år', 'Brukersted', 'Veileder', 'Oppfølging', 'Diagram til arbeid']),
      );

      const html = expectOk(invoke(reg, 'arsrapport:html', span));
      expect(html.smallNumbersHidden).toBe(hidden);
      expect(html.html.includes('<td class="kr-num ars-small')).toBe(hidden);
      expect(html.html).not.toContain('Navnesen');
    }
  });
});

describe('print layout and charts', () => {
  it('splits eleven year blocks in parts of at most five, as even as possible', () => {
    expect(blockParts(11)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    expect(blockParts(5)).toEqual([[0, 1, 2, 3, 4]]);
    expect(blockParts(6).map((p) => p.length)).toEqual([3, 3]);
  });

  it('prints a ten-year form in three tables, each with the row labels', () => {
    const { reg } = seeded();
    const { html } = expectOk(invoke(reg, 'arsrapport:html', { first: 2015, last: 2024 }));
    const form = html.slice(
      html.indexOf('data-table="form"'),
      html.indexOf('</section>', html.indexOf('data-table="form"')),
    );
    expect(form.match(/<table /g)).toHaveLength(3);
    expect(form.match(/Antall henviste i perioden/g)).toHaveLength(3);
  });

  it('draws the charts as SVG without inline styles or style blocks, labelled in Norwegian', () => {
    const { reg } = seeded();
    const { html } = expectOk(invoke(reg, 'arsrapport:html', span));
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2); // no kull in this register: no chart by kull
    for (const svg of svgs) {
      expect(svg).not.toMatch(/style=|<style/);
      expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
    }
    expect(svgs[0]).toContain('Til arbeid (rad 14)');
    expect(svgs[0]).toContain('100 %');
    expect(svgs[1]).toContain('Arbeid (A, AD)');
  });

  it('turns style declarations into attributes and refuses one it cannot keep', () => {
    expect(
      cspSafeSvg(
        '<svg width="10" height="5"><text style="font-size:12px;font-family:sans-serif;">x</text><style>.a{}</style></svg>',
        'Diagram',
      ),
    ).toBe(
      '<svg class="ars-chart-svg" role="img" aria-label="Diagram"><text font-size="12px" font-family="sans-serif">x</text></svg>',
    );
    expect(() => cspSafeSvg('<svg width="1" height="1"><g style="transform:rotate(3deg)"></g></svg>', 'x')).toThrow(
      /transform/,
    );
  });
});

describe('npm run cli -- arsrapport', () => {
  it('writes the same JSON as the API, and a whole HTML page with the charts', async () => {
    const { reg, dir } = seeded();
    const db = reg.path;
    const expected = expectOk(invoke(reg, 'arsrapport:build', span));
    reg.close();
    const json = path.join(dir, 'a.json');
    expect(await runArsrapport({ db, years: '2023-2024', format: 'json', out: json })).toBe(0);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toEqual(expected);
    const html = path.join(dir, 'a.html');
    expect(await runArsrapport({ db, years: '2023–2024', format: 'html', out: html })).toBe(0);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('.ars-report');
    expect(page).toContain('<svg class="ars-chart-svg"');
    expect(page).toContain('&lt;5');
  });

  it('refuses bad years and more than ten, in Norwegian, with exit 1', async () => {
    const { reg, dir } = seeded();
    const db = reg.path;
    reg.close();
    const out = path.join(dir, 'x.json');
    expect(await runArsrapport({ db, years: 'i fjor', format: 'json', out })).toBe(1);
    expect(await runArsrapport({ db, years: '2010-2024', format: 'json', out })).toBe(1);
    expect(await runArsrapport({ db, years: '2024', format: 'xlsx', out: '-' })).toBe(1);
    expect(await runArsrapport({ db: path.join(dir, 'finnes-ikke.sqlite'), format: 'json', out })).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('the API refuses more than ten years too, and PDF without the app', async () => {
    const { reg, dir } = seeded();
    expectRefused(invoke(reg, 'arsrapport:build', { first: 2010, last: 2024 }), 'invalid_input');
    expectRefused(
      await invoke(reg, 'arsrapport:export', { format: 'pdf', path: path.join(dir, 'a.pdf') }),
      'needs_app',
    );
  });
});
