/**
 * Every refusal of samlerapport.md ("Refusals"): each names the file, says what to do in Norwegian,
 * and leaves the merge as if the file had not been given. A file that looks like personal data is
 * refused and nothing of its content is repeated.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFileBytes, readSources, sha256 } from '../../../electron/io/kullrapport';
import { checkKullrapport, checksumOf, type KullrapportFile, kullrapportText } from '../../../shared/report/samle/file';
import { mergeSamlerapport, type SamleInput } from '../../../shared/report/samle/merge';
import { expectNorwegianMessage } from '../helpers/messages';
import { tempDir } from '../helpers/register';
import { fileFor, generated, HITTIL, MONTH } from './generate';

const g = fc.sample(
  generated.filter((x) => x.tiltak.length >= 3 && x.deltakere.length >= 10),
  { seed: 13, numRuns: 1 },
)[0]!;
const NAME = 'Tiltak A 2026-10-01–2026-10-31.kullrapport.json';

function refusal(text: string, name = NAME): string {
  const checked = checkKullrapport(text, name, sha256);
  expect(checked.ok).toBe(false);
  if (checked.ok) throw new Error('unreachable');
  expect(checked.reason).toContain(`«${name}»`);
  expectNorwegianMessage(checked.reason);
  return checked.reason;
}

/** A file changed and then given a checksum that fits again: only the content decides. */
function resealed(change: (file: Record<string, unknown>) => void): string {
  const file = structuredClone(fileFor(g, 0)) as unknown as Record<string, unknown>;
  change(file);
  file.checksum = checksumOf(file, sha256);
  return JSON.stringify(file);
}

describe('a file that is not a report file', () => {
  it('broken JSON', () => {
    expect(refusal('{"format": "kullrapport", "version": 1, ')).toMatch(/ødelagt/);
  });
  it('any other JSON', () => {
    expect(refusal('{"template":"est-maanedsrapport","rows":{}}')).toMatch(/ikke en rapportfil/);
    expect(refusal('[1,2,3]')).toMatch(/ikke en rapportfil/);
  });
  it('an XLSX without the hidden sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Skjema').addRow(['Antall henviste', 12]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const checked = await checkFileBytes('oktober.xlsx', bytes);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(/«oktober\.xlsx».*arket «kullrapport» mangler/);
  });
  it('a file that cannot be read at all', async () => {
    const [input] = await readSources([path.join(tempDir(), 'borte.kullrapport.json')]);
    expect(input?.checked.ok).toBe(false);
  });
});

describe('template and version', () => {
  it('another template', () => {
    expect(refusal(resealed((f) => (f.template = 'annet-skjema')))).toMatch(/annet skjema/);
  });
  it('a newer version says to update Kullregister', () => {
    expect(refusal(resealed((f) => (f.version = 2)))).toMatch(/nyere versjon.*Oppdater Kullregister/);
  });
});

describe('checksum', () => {
  it('a number edited by hand is refused', () => {
    const text = kullrapportText(fileFor(g, 0)).replace(/"total": (\d+)/, (_, n) => `"total": ${Number(n) + 1}`);
    expect(refusal(text)).toMatch(/er endret etter at den ble laget/);
  });
  it('the layout (indentation) does not matter: the checksum is of the canonical JSON', () => {
    const file = fileFor(g, 0);
    expect(checkKullrapport(JSON.stringify(file), NAME, sha256).ok).toBe(true);
    expect(checkKullrapport(`\uFEFF${JSON.stringify(file, null, 4)}`, NAME, sha256).ok).toBe(true);
  });
});

describe('personal data', () => {
  const SECRET = 'Kari Hemmeligsen';
  const cases: [string, (f: Record<string, unknown>) => void][] = [
    ['a navn at the top', (f) => (f.navn = SECRET)],
    [
      'deltaker_ids in datakvalitet',
      (f) =>
        (((f.periods as KullrapportFile['periods'])[0]!.datakvalitet[0] as Record<string, unknown>).deltaker_ids = [
          17, 40,
        ]),
    ],
    ['a fødselsår deep in the tree', (f) => ((f.register as Record<string, unknown>).Fødselsår = 1990)],
    ['a birth_year key', (f) => (((f.periods as unknown[])[1] as Record<string, unknown>).birth_year = 1990)],
    [
      'a fødselsnummer as a kull name',
      (f) => {
        const kull = (f.periods as KullrapportFile['periods'])[0]!.sections.kull;
        kull.lines.push({
          ...kull.total,
          kull_id: 99,
          navn: '01019012345',
          startdato: '2026-01-01',
          planlagt_sluttdato: null,
        });
      },
    ],
  ];
  for (const [what, change] of cases) {
    it(`${what}: refused, checksum or not, and nothing of it shown`, () => {
      const text = resealed(change);
      const reason = refusal(text);
      expect(reason).toMatch(/personopplysninger/);
      expect(reason).not.toContain(SECRET);
      expect(reason).not.toContain('01019012345');
      expect(reason).not.toContain('1990');
      // Also when the file was edited without a new checksum: personal data is looked for first.
      const unsealed = JSON.parse(text);
      unsealed.checksum = '0'.repeat(64);
      expect(refusal(JSON.stringify(unsealed))).toMatch(/personopplysninger/);
    });
  }
  it('a kull line keeps its navn: kull names are not personal data', () => {
    expect(fileFor(g, 0).periods[0]!.sections.kull.lines.length).toBeGreaterThanOrEqual(0);
    expect(
      checkKullrapport(
        resealed(() => {}),
        NAME,
        sha256,
      ).ok,
    ).toBe(true);
  });
});

describe('the merge with refused files', () => {
  const good = (i: number, madeAt?: string): SamleInput => {
    const name = `${g.tiltak[i]} ${madeAt ?? ''}.kullrapport.json`;
    return { name, checked: checkKullrapport(kullrapportText(fileFor(g, i, madeAt)), name, sha256) };
  };

  it('a file without the period: «har ikke perioden …» with the periods it has', () => {
    const merged = mergeSamlerapport([good(0)], { from: '2026-09-01', to: '2026-09-30' });
    expect(merged.tiltak).toEqual([]);
    const reason = merged.refused[0]!.reason;
    expect(reason).toMatch(/har ikke perioden september 2026\. Den har: oktober 2026, 01\.01\.2026–31\.10\.2026\./);
    expectNorwegianMessage(reason);
  });

  it('nothing half-merged: a refused file changes nothing in the total', () => {
    const broken: SamleInput = { name: 'x.kullrapport.json', checked: checkKullrapport('{', 'x', sha256) };
    const edited = kullrapportText(fileFor(g, 2)).replace(/"total": (\d+)/, (_, n) => `"total": ${Number(n) + 5}`);
    const hand: SamleInput = { name: 'c.kullrapport.json', checked: checkKullrapport(edited, 'c', sha256) };
    const withRefused = mergeSamlerapport([good(0), broken, good(1), hand], MONTH);
    const without = mergeSamlerapport([good(0), good(1)], MONTH);
    expect(withRefused.total).toEqual(without.total);
    expect(withRefused.tiltak).toEqual(without.tiltak);
    expect(withRefused.refused.map((r) => r.file)).toEqual(['x.kullrapport.json', 'c.kullrapport.json']);
  });

  it('the same tiltak twice: the later made_at is used, the other listed as replaced', () => {
    const older = good(0, '2026-11-01T09:00:00+01:00');
    const newer = good(0, '2026-11-03T08:00:00+01:00');
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const merged = mergeSamlerapport(order, HITTIL);
      expect(merged.tiltak.map((t) => t.file)).toEqual([newer.name]);
      expect(merged.replaced).toEqual([older.name]);
      expect(merged.refused).toEqual([]);
    }
  });

  it('Hvem mangler: the expected tiltak with no merged file, case and spaces ignored', () => {
    const merged = mergeSamlerapport([good(0), { name: 'b', checked: checkKullrapport('{', 'b', sha256) }], {
      ...MONTH,
      expected: [` ${g.tiltak[0]!.toUpperCase()} `, g.tiltak[1]!, 'Mat & prat', '', 'mat & prat'],
    });
    expect(merged.missing).toEqual([g.tiltak[1], 'Mat & prat']);
  });
});

it('the XLSX hidden sheet carries the same file, read back whole', async () => {
  const { addKullrapportSheet } = await import('../../../electron/io/kullrapport');
  const file = fileFor(g, 1);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Skjema');
  addKullrapportSheet(workbook, file);
  expect(workbook.getWorksheet('kullrapport')?.state).toBe('hidden');
  const out = path.join(tempDir(), 'skjema.xlsx');
  fs.writeFileSync(out, Buffer.from(await workbook.xlsx.writeBuffer()));
  const [input] = await readSources([out]);
  expect(input?.checked).toEqual({ ok: true, file });
});
