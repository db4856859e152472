import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArsrapport, defaultYears } from '../../../shared/report/arsrapport/build';
import { arsrapport as arsrapportSchema } from '../../../shared/report/arsrapport/schema';
import { buildReport } from '../../../shared/report/engine';
import type { Deltaker } from '../../../shared/schema/deltaker';
import { anyRegister, type GeneratedRegister } from '../helpers/generate';
import { countBy, fold, kjonnOf, naive, pctOf } from './naive';

const REGISTER = {
  tiltak: 'Sykkelvert',
  avdeling: 'Etat for sykehjem',
  kontaktperson: 'Leder',
  opptak: 'kull',
} as const;

function build(g: GeneratedRegister, first: number, last: number, hide = true) {
  return buildArsrapport({
    deltakere: g.deltakere,
    kull: g.kull,
    lists: { brukersted: ['Ladegården sykehjem', 'Florida sykehjem'], veileder: [] },
    years: { first, last },
    register: REGISTER,
    madeOn: '2026-12-02',
    hideSmallNumbers: hide,
  });
}

const span = fc
  .integer({ min: 2018, max: 2026 })
  .chain((first) => fc.integer({ min: first, max: Math.min(2026, first + 9) }).map((last) => ({ first, last })));

describe('each year’s block is the monthly engine for 1 January–31 December', () => {
  it('equals buildReport for that year, rows and sections, over generated registers', () => {
    fc.assert(
      fc.property(anyRegister(), span, (g, { first, last }) => {
        const report = build(g, first, last);
        expect(arsrapportSchema.safeParse(report).success).toBe(true);
        expect(report.years.map((y) => y.year)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
        for (const y of report.years) {
          const alone = buildReport({
            from: `${y.year}-01-01`,
            to: `${y.year}-12-31`,
            deltakere: g.deltakere,
            kull: g.kull,
          });
          expect(y.from).toBe(`${y.year}-01-01`);
          expect(y.to).toBe(`${y.year}-12-31`);
          expect(y.rows).toEqual(alone.rows);
          expect(y.sections).toEqual(alone.sections);
        }
        const since = report.since_start;
        const alone = buildReport({ from: since.from, to: since.to, deltakere: g.deltakere, kull: g.kull });
        expect(since.rows).toEqual(alone.rows);
        expect(since.to).toBe(`${last}-12-31`);
      }),
      { numRuns: 60 },
    );
  });

  it('starts «siden oppstart» at the register’s first date', () => {
    const g: GeneratedRegister = {
      kull: [],
      deltakere: [{ ...blank(1), henvist_dato: '2018-03-05', startdato: '2018-04-01' }],
    };
    expect(build(g, 2020, 2021).since_start).toMatchObject({ from: '2018-03-05', to: '2021-12-31' });
  });
});

describe('the default span', () => {
  it('runs from the first year to the last complete year, ten at most', () => {
    expect(defaultYears('2018-03-05', '2026-12-02')).toEqual({ first: 2018, last: 2025 });
    expect(defaultYears('2009-01-01', '2026-06-01')).toEqual({ first: 2016, last: 2025 });
    expect(defaultYears('2026-02-01', '2026-06-01')).toEqual({ first: 2026, last: 2026 });
    expect(defaultYears(null, '2026-06-01')).toEqual({ first: 2025, last: 2025 });
  });

  it('refuses more than ten years, in Norwegian', () => {
    expect(() => build({ kull: [], deltakere: [] }, 2010, 2020)).toThrow(/høyst 10 år/);
  });
});

function blank(id: number): Deltaker {
  return {
    id,
    kull_id: null,
    navn: '',
    fodselsar: null,
    kjonn: null,
    landbakgrunn: null,
    henvist_fra: null,
    ytelse: null,
    henvist_dato: null,
    startdato: null,
    brukersted: null,
    veileder: null,
    forlenget_til: null,
    sluttdato: null,
    avslutning: null,
    sluttarsak: null,
    dropout_arsak: null,
    ansatt_hos_brukersted: null,
    i_arbeid_etter_6_mnd: null,
    i_arbeid_etter_12_mnd: null,
    midtevaluering_dato: null,
    merknad: null,
  };
}

describe('every breakdown equals a naive count from the spec’s wording', () => {
  it('henviste_kjonn, resultat_kjonn, arbeid_eller_utdanning, arbeid_av_avsluttede', () => {
    fc.assert(
      fc.property(anyRegister(), span, (g, { first, last }) => {
        const report = build(g, first, last);
        for (const block of [...report.years, report.since_start]) {
          const p = { from: block.from, to: block.to };
          const b = block.breakdowns;
          const henviste = countBy(
            g.deltakere.filter((d) => naive.henviste(d, p)),
            kjonnOf,
          );
          expect(b.henviste_kjonn).toEqual({
            K: henviste.get('K') ?? 0,
            M: henviste.get('M') ?? 0,
            A: henviste.get('A') ?? 0,
          });
          for (const k of ['K', 'M', 'A'] as const) {
            const done = g.deltakere.filter((d) => naive.gjennomfort(d, p) && kjonnOf(d) === k).length;
            const work = g.deltakere.filter((d) => naive.tilArbeid(d, p) && kjonnOf(d) === k).length;
            expect(b.resultat_kjonn[k]).toEqual({ gjennomfort: done, til_arbeid: work, pct: pctOf(work, done) });
          }
          const done = g.deltakere.filter((d) => naive.gjennomfort(d, p));
          const aou = done.filter((d) => ['A', 'AD', 'UT', 'GS'].includes(d.sluttarsak ?? '')).length;
          expect(b.arbeid_eller_utdanning).toEqual({ count: aou, pct: pctOf(aou, done.length) });
          const work = g.deltakere.filter((d) => naive.tilArbeid(d, p)).length;
          const ended = g.deltakere.filter((d) => naive.avsluttet(d, p)).length;
          expect(b.arbeid_av_avsluttede).toEqual({ count: work, pct: pctOf(work, ended) });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('landbakgrunn: the ten largest of «siden oppstart», «Andre land», «Ikke oppgitt», with «<5» flags', () => {
    fc.assert(
      fc.property(
        anyRegister({ minDeltakere: 150, maxDeltakere: 300 }),
        span,
        fc.boolean(),
        (g, { first, last }, hide) => {
          const report = build(g, first, last, hide);
          const sinceP = { from: report.since_start.from, to: report.since_start.to };
          const sinceCounts = countBy(
            g.deltakere.filter((d) => naive.innom(d, sinceP)),
            (d) => fold(d.landbakgrunn),
          );
          const named = [...sinceCounts].filter(([k]) => k !== '');
          named.sort((a, b) => b[1] - a[1]);
          const cutoff = named[9]?.[1] ?? 0;
          for (const block of [...report.years, report.since_start]) {
            const p = { from: block.from, to: block.to };
            const counts = countBy(
              g.deltakere.filter((d) => naive.innom(d, p)),
              (d) => fold(d.landbakgrunn),
            );
            const lines = block.breakdowns.landbakgrunn;
            const top = lines.filter((l) => l.key !== '' && l.key !== '*andre');
            expect(top.length).toBe(Math.min(10, named.length));
            // The ten are the largest over the whole span: none left out is larger than one taken.
            for (const l of top) expect(sinceCounts.get(l.key) ?? 0).toBeGreaterThanOrEqual(cutoff);
            for (const l of top) expect(l.count).toBe(counts.get(l.key) ?? 0);
            const topKeys = new Set(top.map((l) => l.key));
            const others = [...counts].filter(([k]) => k !== '' && !topKeys.has(k)).reduce((s, [, n]) => s + n, 0);
            expect(lines.find((l) => l.key === '*andre')?.count ?? 0).toBe(others);
            expect(lines.find((l) => l.key === '')?.count ?? 0).toBe(counts.get('') ?? 0);
            expect(lines.find((l) => l.key === '')?.label ?? '').toBe('');
            const total = lines.reduce((s, l) => s + l.count, 0);
            expect(total).toBe(block.rows.innom?.total);
            for (const l of lines) expect(l.suppressed).toBe(hide && l.count >= 1 && l.count <= 4);
          }
          if (named.length > 10)
            expect(report.since_start.breakdowns.landbakgrunn.some((l) => l.key === '*andre')).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('brukersted and veileder: each column is its form row for that value', () => {
    fc.assert(
      fc.property(anyRegister(), span, fc.boolean(), (g, { first, last }, hide) => {
        const report = build(g, first, last, hide);
        for (const block of [...report.years, report.since_start]) {
          const p = { from: block.from, to: block.to };
          for (const line of block.breakdowns.brukersted) {
            const mine = g.deltakere.filter((d) => fold(d.brukersted) === line.key);
            const n = (test: (d: Deltaker, p: { from: string; to: string }) => boolean) =>
              mine.filter((d) => test(d, p)).length;
            expect(line).toMatchObject({
              innom: n(naive.innom),
              startet: n(naive.startet),
              gjennomfort: n(naive.gjennomfort),
              til_arbeid: n(naive.tilArbeid),
              ansatt_hos_brukersted: n(naive.ansatt),
            });
            for (const [key, hidden] of Object.entries(line.suppressed)) {
              const value = line[key as keyof typeof line.suppressed];
              expect(hidden).toBe(hide && value >= 1 && value <= 4);
            }
          }
          expect(block.breakdowns.brukersted.slice(0, 2).map((l) => l.label)).toEqual([
            'Ladegården sykehjem',
            'Florida sykehjem',
          ]);
          for (const line of block.breakdowns.veileder) {
            const mine = g.deltakere.filter((d) => fold(d.veileder) === line.key);
            expect(line.innom).toBe(mine.filter((d) => naive.innom(d, p)).length);
            expect(line.aktive_ved_slutt).toBe(mine.filter((d) => naive.aktive(d, p)).length);
          }
          const inBrukersted = block.breakdowns.brukersted.reduce((s, l) => s + l.innom, 0);
          expect(inBrukersted).toBe(block.rows.innom?.total);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ventetid_kvp: row 4’s KVP starts, the mean also in months (days ÷ 30.44)', () => {
    fc.assert(
      fc.property(anyRegister(), span, (g, { first, last }) => {
        const report = build(g, first, last);
        for (const block of [...report.years, report.since_start]) {
          const p = { from: block.from, to: block.to };
          const started = g.deltakere.filter((d) => d.ytelse === 'KVP' && naive.startet(d, p));
          const measured = started.filter((d) => d.henvist_dato !== null && d.henvist_dato <= (d.startdato as string));
          const days = measured.map(
            (d) => (Date.parse(d.startdato as string) - Date.parse(d.henvist_dato as string)) / 86_400_000,
          );
          const v = block.breakdowns.ventetid_kvp;
          expect(v.count).toBe(measured.length);
          expect(v.not_measured).toBe(started.length - measured.length);
          if (days.length === 0) expect(v.mean_months).toBeNull();
          else {
            const mean = days.reduce((a, b) => a + b, 0) / days.length;
            // One decimal, rounded: at most half a tenth from the exact mean.
            expect(Math.abs((v.mean_days as number) - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
            expect(Math.abs((v.mean_months as number) - mean / 30.44)).toBeLessThanOrEqual(0.05 + 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
