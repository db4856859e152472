/**
 * The seed's published figures: NorA's annual report 2021 (seeds/001_…, section 2.1) prints rows 12
 * and 13 of the form for 01.01.21–31.12.21. We rebuild a register with the same outcomes and check
 * that the engine prints every percentage NorA printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SluttarsakCode } from '../../../shared/codes';
import { formatPct } from '../../../shared/report/format';
import { renderReportHtml } from '../../../shared/report/html';
import type { Deltaker } from '../../../shared/schema/deltaker';
import { aDeltaker, reportOf, rowOf, times } from './builders';

const YEAR_2021 = { from: '2021-01-01', to: '2021-12-31' };

/**
 * Row 13 as the seed prints it: total, KVP, ØKS, percent. Fødselspermisjon prints a single split
 * figure ("5 | 5 5 %"), so which column holds it is unknown; we put it under KVP and check only the
 * total there. Codes the seed leaves blank had nobody.
 */
const ROW_13: readonly { code: SluttarsakCode; total: number; kvp: number; oks: number; pct: number }[] = [
  { code: 'A', total: 31, kvp: 21, oks: 10, pct: 30 },
  { code: 'AD', total: 13, kvp: 4, oks: 9, pct: 13 },
  { code: 'UT', total: 7, kvp: 4, oks: 3, pct: 7 },
  { code: 'AP', total: 24, kvp: 10, oks: 14, pct: 24 },
  { code: 'SU', total: 6, kvp: 1, oks: 5, pct: 6 },
  { code: 'FP', total: 5, kvp: 5, oks: 0, pct: 5 },
  { code: 'AN', total: 16, kvp: 7, oks: 9, pct: 16 },
];

/** The drop-out reasons of section 2.1, in the app's list spelling ("Plass på AMO kurs", "Ønsker ikke NorA"). */
const DROPOUT_REASONS: readonly [string, number][] = [
  ['Flyttet utland', 8],
  ['Flyttet innland', 1],
  ['Institusjonsopphold', 1],
  ['Helseutfordringer', 3],
  ['Plass på AMO-kurs', 1],
  ['Ikke tilgjengelig', 2],
  ['Ønsker ikke tiltaket', 1],
];

function nora2021(): Deltaker[] {
  let day = 0;
  const nextDay = () => {
    day = (day % 360) + 1;
    const date = new Date(Date.UTC(2021, 0, day));
    return date.toISOString().slice(0, 10);
  };
  const completed = ROW_13.flatMap((line) =>
    (['KVP', 'OKS'] as const).flatMap((ytelse) =>
      times(ytelse === 'KVP' ? line.kvp : line.oks, () =>
        aDeltaker({
          ytelse,
          henvist_dato: '2020-03-02',
          startdato: '2020-04-01',
          sluttdato: nextDay(),
          avslutning: 'PLAN',
          sluttarsak: line.code,
        }),
      ),
    ),
  );
  const ikkeMott = times(3, () =>
    aDeltaker({ ytelse: 'KVP', henvist_dato: '2021-02-01', sluttdato: nextDay(), avslutning: 'IKKE' }),
  );
  const dropOut = DROPOUT_REASONS.flatMap(([dropout_arsak, n]) =>
    times(n, () =>
      aDeltaker({
        ytelse: 'OKS',
        henvist_dato: '2020-09-01',
        startdato: '2020-10-01',
        sluttdato: nextDay(),
        avslutning: 'DROP',
        dropout_arsak,
      }),
    ),
  );
  return [...completed, ...ikkeMott, ...dropOut];
}

describe('NorA 2021, as printed in the seed', () => {
  const report = reportOf(nora2021(), { period: YEAR_2021 });

  it('has 102 planmessig avsluttet, 3 «ikke møtt» and 17 drop-outs', () => {
    expect(rowOf(report, 'gjennomfort').total).toBe(102);
    expect(rowOf(report, 'ikke_mott').total).toBe(3);
    expect(rowOf(report, 'drop_out').total).toBe(17);
    expect(rowOf(report, 'avsluttet').total).toBe(122);
  });

  it('prints row 12 as 84 % (102 of 122: moves are not in the denominator)', () => {
    expect(rowOf(report, 'gjennomfort').pct).toBe(84);
    expect(formatPct(rowOf(report, 'gjennomfort').pct)).toBe('84 %');
  });

  it.each(ROW_13)('prints row 13 «$code» as $total (KVP $kvp, ØKS $oks), $pct %', (line) => {
    const row = rowOf(report, `sluttarsak.${line.code}`);
    expect(row.total).toBe(line.total);
    expect(row.pct).toBe(line.pct);
    if (line.code === 'FP') expect(row.kvp + row.oks).toBe(5);
    else expect([row.kvp, row.oks]).toEqual([line.kvp, line.oks]);
  });

  it('prints 0 % for the codes the seed leaves blank', () => {
    const printed = new Set(ROW_13.map((line) => line.code));
    const blank = Object.keys(report.rows).filter(
      (key) => key.startsWith('sluttarsak.') && !printed.has(key.slice(11) as SluttarsakCode),
    );
    expect(blank).toHaveLength(7);
    for (const key of blank) expect(rowOf(report, key)).toMatchObject({ total: 0, pct: 0 });
  });

  it('prints work (A + AD) as 44, 43 %, as section 2.2 does', () => {
    expect(rowOf(report, 'til_arbeid')).toMatchObject({ total: 44, pct: 43 });
  });

  it('lists the drop-out reasons of section 2.1', () => {
    const counts = report.sections.dropout_arsak.filter((item) => item.count > 0).map((item) => [item.key, item.count]);
    expect(counts).toEqual(DROPOUT_REASONS);
  });

  it('shows the seed’s percentages in the printed form', () => {
    const html = renderReportHtml(report, {
      tiltak: 'NorA',
      avdeling: 'NAV Årstad',
      kontaktperson: 'Koordinator',
      madeOn: '2022-01-15',
      periodLabel: '01.01.2021–31.12.2021',
    });
    const rowHtml = (key: string) =>
      html.match(new RegExp(`<tr[^>]*data-row="${key.replace('.', '\\.')}"[^>]*>.*?</tr>`))?.[0] ?? '';
    expect(rowHtml('gjennomfort')).toContain('84 %');
    for (const line of ROW_13) expect(rowHtml(`sluttarsak.${line.code}`)).toContain(`>${line.pct} %<`);
  });
});

describe('the transcription of the seed’s table', () => {
  const seed = fileURLToPath(new URL('../../../../shared/seeds/001_e6bd37a64f9cf878.txt', import.meta.url));

  it.skipIf(!existsSync(seed))('matches every filled line of row 13 in the seed file', () => {
    const lines = readFileSync(seed, 'utf8')
      .split('\n')
      .map((line) => line.match(/^\|[^|]*\| - (.+?) \((\w+)\) \| (\d+) \| ([\d ]+) % \|$/))
      .filter((m): m is RegExpMatchArray => m !== null);
    const printed = lines.map(([, , code, total, rest]) => {
      const figures = (rest ?? '').trim().split(/\s+/).map(Number);
      return { code, total: Number(total), splits: figures.slice(0, -1), pct: figures.at(-1) };
    });
    expect(printed).toEqual(
      ROW_13.map((line) => ({
        code: line.code,
        total: line.total,
        splits: line.code === 'FP' ? [5] : [line.kvp, line.oks],
        pct: line.pct,
      })),
    );
  });
});
