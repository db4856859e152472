/**
 * Generated registers for property tests (fast-check): kull and deltakere with dates spread over
 * 2018–2026, every code, a few countries, nursing homes and veiledere, and follow-up answers. Dates
 * land often on month ends and year ends, where counting rules are most easily wrong.
 */
import fc from 'fast-check';
import { AVSLUTNING, SLUTTARSAK, YTELSE } from '../../../shared/codes';
import type { Deltaker, DeltakerFields } from '../../../shared/schema/deltaker';
import type { Kull } from '../../../shared/schema/kull';

export const COUNTRIES = [
  'Norge',
  'Somalia',
  'Syria',
  'Eritrea',
  'Polen',
  'Afghanistan',
  'Irak',
  'Sri Lanka',
  'Etiopia',
  'Iran',
  'Litauen',
  'Thailand',
  'Chile',
  'somalia',
] as const;
export const BRUKERSTEDER = ['Florida sykehjem', 'Ladegården sykehjem', 'Kafé Mat & prat Engen', 'Kantinen'] as const;
export const VEILEDERE = ['Fagleder', 'Aktivitetskoordinator', 'Kari Veileder'] as const;

/** A date 2018-01-01 … 2026-12-31, with month and year ends more likely. */
export const anyDate = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .date({ min: new Date('2018-01-01T12:00:00Z'), max: new Date('2026-12-31T12:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        year: fc.integer({ min: 2018, max: 2026 }),
        end: fc.constantFrom('-01-01', '-12-31', '-08-31', '-02-28', '-06-30'),
      })
      .map(({ year, end }) => `${year}${end}`),
  },
);

const orNull = <T>(arb: fc.Arbitrary<T>, nullWeight = 1) =>
  fc.oneof({ weight: nullWeight, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: arb });

const codeOf = (list: readonly { code: string }[]) => fc.constantFrom(...list.map((c) => c.code));
const jaNei = orNull(fc.constantFrom('ja', 'nei', 'ukjent'), 2);

export const anyKullFields = fc.record({
  startdato: anyDate,
  lengthDays: orNull(fc.integer({ min: -5, max: 200 }), 1),
});

/** Fields of one deltaker; the dates are sorted mostly, but not always (data errors are real too). */
export const anyDeltakerFields = (kullCount: number): fc.Arbitrary<DeltakerFields> =>
  fc
    .record({
      kull: kullCount === 0 ? fc.constant(null) : orNull(fc.integer({ min: 1, max: kullCount })),
      fodselsar: orNull(fc.integer({ min: 1950, max: 2008 })),
      kjonn: orNull(fc.constantFrom('K', 'M', 'A')),
      landbakgrunn: orNull(fc.constantFrom(...COUNTRIES, ' Norge ')),
      henvist_fra: orNull(fc.constantFrom('NAV Årstad', 'Ny sjanse', 'NorA', 'Annet sted')),
      ytelse: orNull(codeOf(YTELSE)),
      dates: fc.array(anyDate, { minLength: 3, maxLength: 3 }),
      sortDates: fc.boolean(),
      hasStart: fc.boolean(),
      hasEnd: fc.boolean(),
      brukersted: orNull(fc.constantFrom(...BRUKERSTEDER)),
      veileder: orNull(fc.constantFrom(...VEILEDERE)),
      avslutning: orNull(codeOf(AVSLUTNING)),
      sluttarsak: orNull(fc.oneof(codeOf(SLUTTARSAK), fc.constantFrom('A', 'AD'))),
      ansatt: orNull(fc.boolean()),
      seks: jaNei,
      tolv: jaNei,
      midtevaluering: orNull(anyDate, 3),
    })
    .map((g): DeltakerFields => {
      const dates = g.sortDates ? [...g.dates].sort() : g.dates;
      const [henvist, start, slutt] = dates as [string, string, string];
      const ended = g.hasEnd || g.avslutning !== null;
      return {
        kull_id: g.kull,
        navn: 'Generert Deltaker',
        fodselsar: g.fodselsar,
        kjonn: g.kjonn,
        landbakgrunn: g.landbakgrunn,
        henvist_fra: g.henvist_fra,
        ytelse: g.ytelse,
        henvist_dato: henvist,
        startdato: g.hasStart ? start : null,
        brukersted: g.brukersted,
        veileder: g.veileder,
        forlenget_til: null,
        sluttdato: ended && g.hasEnd ? slutt : null,
        avslutning: g.avslutning,
        sluttarsak: g.avslutning === 'PLAN' ? g.sluttarsak : null,
        dropout_arsak: g.avslutning === 'DROP' ? 'Rus' : null,
        ansatt_hos_brukersted: g.ansatt,
        i_arbeid_etter_6_mnd: g.seks,
        i_arbeid_etter_12_mnd: g.tolv,
        midtevaluering_dato: g.midtevaluering,
        merknad: null,
      };
    });

export type GeneratedRegister = { kull: Kull[]; deltakere: Deltaker[] };

export const anyRegister = (
  options: { minDeltakere?: number; maxDeltakere?: number } = {},
): fc.Arbitrary<GeneratedRegister> =>
  fc.array(anyKullFields, { maxLength: 4 }).chain((kullFields) =>
    fc
      .array(anyDeltakerFields(kullFields.length), {
        minLength: options.minDeltakere ?? 0,
        maxLength: options.maxDeltakere ?? 60,
      })
      .map((fields) => ({
        kull: kullFields.map((k, i) => ({
          id: i + 1,
          navn: `Kull ${i + 1}`,
          startdato: k.startdato,
          planlagt_sluttdato:
            k.lengthDays === null
              ? null
              : new Date(Date.parse(k.startdato) + k.lengthDays * 86_400_000).toISOString().slice(0, 10),
          kapasitet: 12,
          merknad: null,
        })),
        deltakere: fields.map((f, i) => ({ ...f, id: i + 1 })),
      })),
  );
