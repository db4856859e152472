/**
 * Generated registers for the samlerapport's tests: deltakere and kull split over tiltak, and the
 * tiltak's report files made from their parts exactly as a register makes them.
 */
import fc from 'fast-check';
import { sha256 } from '../../../electron/io/kullrapport';
import { AVSLUTNING, KJONN, SLUTTARSAK } from '../../../shared/codes';
import { buildReportDetail } from '../../../shared/report/engine';
import {
  buildKullrapport,
  checkKullrapport,
  type FileRegister,
  filePeriodOf,
  type KullrapportFile,
  kullrapportText,
} from '../../../shared/report/samle/file';
import type { SamleInput } from '../../../shared/report/samle/merge';
import type { Period } from '../../../shared/report/template';
import { type Deltaker, emptyDeltakerFields } from '../../../shared/schema/deltaker';
import type { Kull } from '../../../shared/schema/kull';

export const MONTH: Period = { from: '2026-10-01', to: '2026-10-31' };
export const HITTIL: Period = { from: '2026-01-01', to: '2026-10-31' };

/** Days from 2025-06-01 to 2026-12-31 as ISO dates. */
const BASE = Date.UTC(2025, 5, 1);
const isoDay = (n: number) => new Date(BASE + n * 86_400_000).toISOString().slice(0, 10);
const aDate = fc.option(fc.integer({ min: 0, max: 578 }).map(isoDay), { nil: null, freq: 4 });

/** Spelled several ways on purpose: the merge must meet them case- and space-insensitively. */
const HENVIST_FRA = ['NAV Årstad', 'nav årstad', ' NAV ÅRSTAD ', 'Ny sjanse', 'Kommunelegen', 'kommunelegen', 'Annet'];
const DROPOUT = ['Rus', 'rus ', 'Psykisk helse', 'Fikk jobb selv', 'FIKK JOBB SELV'];

export type Generated = {
  tiltak: string[];
  kull: Kull[];
  deltakere: Deltaker[];
  tiltakOf: (d: Deltaker) => number;
  /** Which tiltak each kull belongs to (its deltakere are there too). */
  kullTiltak: ReadonlyMap<number, number>;
};

export const generated: fc.Arbitrary<Generated> = fc
  .record({
    tiltakCount: fc.integer({ min: 1, max: 5 }),
    kull: fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 520 }),
        length: fc.option(fc.integer({ min: 20, max: 200 }), { nil: null }),
        tiltak: fc.nat(),
      }),
      { maxLength: 5 },
    ),
    deltakere: fc.array(
      fc.record({
        henvist_dato: aDate,
        startdato: aDate,
        sluttdato: aDate,
        avslutning: fc.option(fc.constantFrom(...AVSLUTNING.map((c) => c.code)), { nil: null }),
        sluttarsak: fc.option(fc.constantFrom(...SLUTTARSAK.map((c) => c.code)), { nil: null }),
        ytelse: fc.option(fc.constantFrom('KVP', 'OKS', 'AAP', 'ING'), { nil: null }),
        kjonn: fc.option(fc.constantFrom(...KJONN.map((c) => c.code)), { nil: null }),
        fodselsar: fc.option(fc.integer({ min: 1950, max: 2010 }), { nil: null }),
        henvist_fra: fc.option(fc.constantFrom(...HENVIST_FRA), { nil: null }),
        dropout_arsak: fc.option(fc.constantFrom(...DROPOUT), { nil: null }),
        ansatt_hos_brukersted: fc.option(fc.boolean(), { nil: null }),
        kull: fc.option(fc.nat(), { nil: null, freq: 2 }),
        tiltak: fc.nat(),
      }),
      { maxLength: 60 },
    ),
  })
  .map(({ tiltakCount, kull: kullSpecs, deltakere: specs }) => {
    const tiltak = Array.from({ length: tiltakCount }, (_, i) => `Tiltak ${String.fromCharCode(65 + i)}`);
    const kullTiltak = new Map<number, number>();
    const kull: Kull[] = kullSpecs.map((k, i) => {
      kullTiltak.set(i + 1, k.tiltak % tiltakCount);
      return {
        id: i + 1,
        navn: `Kull ${i + 1}`,
        startdato: isoDay(k.start),
        planlagt_sluttdato: k.length === null ? null : isoDay(k.start + k.length),
        kapasitet: null,
        merknad: null,
      };
    });
    const ownTiltak = new Map<number, number>();
    const deltakere: Deltaker[] = specs.map((s, i) => {
      const kullId = s.kull === null || kull.length === 0 ? null : (s.kull % kull.length) + 1;
      const id = i + 1;
      ownTiltak.set(id, kullId === null ? s.tiltak % tiltakCount : (kullTiltak.get(kullId) as number));
      return {
        ...emptyDeltakerFields(),
        id,
        navn: `Person ${id} Hemmelig`,
        kull_id: kullId,
        henvist_dato: s.henvist_dato,
        startdato: s.startdato,
        sluttdato: s.sluttdato,
        avslutning: s.avslutning,
        sluttarsak: s.sluttarsak,
        ytelse: s.ytelse,
        kjonn: s.kjonn,
        fodselsar: s.fodselsar,
        henvist_fra: s.henvist_fra,
        dropout_arsak: s.dropout_arsak,
        ansatt_hos_brukersted: s.ansatt_hos_brukersted,
      } as Deltaker;
    });
    return {
      tiltak,
      kull,
      deltakere,
      tiltakOf: (d: Deltaker) => ownTiltak.get(d.id) as number,
      kullTiltak,
    };
  });

export function registerOf(name: string): FileRegister {
  return { tiltak: name, avdeling: 'Ny sjanse', kontaktperson: 'Koordinator', opptak: 'kull' };
}

/** Tiltak i's report file for the month and hittil i år, made as a register makes it. */
export function fileFor(g: Generated, i: number, madeAt = '2026-11-02T10:00:00+01:00'): KullrapportFile {
  const deltakere = g.deltakere.filter((d) => g.tiltakOf(d) === i);
  const kull = g.kull.filter((k) => g.kullTiltak.get(k.id) === i);
  const periods = [MONTH, HITTIL].map((p) => {
    const { report, ventetid } = buildReportDetail({ ...p, deltakere, kull });
    return filePeriodOf(report, ventetid);
  });
  return buildKullrapport({ register: registerOf(g.tiltak[i] as string), madeAt, periods }, sha256);
}

/** The files as the koordinator gets them: written as text and read back. */
export function inputsFor(g: Generated): SamleInput[] {
  return g.tiltak.map((name, i) => {
    const fileName = `${name} 2026-10-01–2026-10-31.kullrapport.json`;
    return { name: fileName, checked: checkKullrapport(kullrapportText(fileFor(g, i)), fileName, sha256) };
  });
}
