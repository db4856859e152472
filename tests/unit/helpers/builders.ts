/**
 * Small builders for test fixtures. Each returns a valid value that breaks no row rule; a test
 * overrides only the fields its behaviour is about.
 */
import type { EditableListKey } from '../../../shared/codes';
import { DEFAULT_LISTS } from '../../../shared/codes';
import type { ParseContext } from '../../../shared/fields';
import type { DeltakerFields } from '../../../shared/schema/deltaker';
import type { KullFields } from '../../../shared/schema/kull';

/** An active deltaker without kull: referred in January 2026, started in February, nothing ended. */
export function aDeltaker(overrides: Partial<DeltakerFields> = {}): DeltakerFields {
  return {
    kull_id: null,
    navn: 'Kari Nordmann',
    fodselsar: 1990,
    kjonn: 'K',
    landbakgrunn: 'Norge',
    henvist_fra: 'NAV Årstad',
    ytelse: 'KVP',
    henvist_dato: '2026-01-05',
    startdato: '2026-02-02',
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
    ...overrides,
  };
}

/** A deltaker who completed as planned and went to full-time work. */
export function aDeltakerInWork(overrides: Partial<DeltakerFields> = {}): DeltakerFields {
  return aDeltaker({ sluttdato: '2026-05-29', avslutning: 'PLAN', sluttarsak: 'A', ...overrides });
}

/** The input of `kull:create`: the required fields plus whatever the test gives. */
export function aKull(
  overrides: Partial<KullFields> = {},
): Partial<KullFields> & Pick<KullFields, 'navn' | 'startdato'> {
  return { navn: 'Kull 13', startdato: '2026-03-02', ...overrides };
}

/** What `parseFieldInput` needs: kull by name (case-insensitive) and the editable lists. */
export function aParseContext(
  options: {
    kull?: Record<string, number>;
    lists?: Partial<Record<EditableListKey, readonly string[]>>;
    thisYear?: number;
  } = {},
): ParseContext {
  const kull = options.kull ?? { 'Kull 13': 13 };
  return {
    kullByName: (navn) => {
      const hit = Object.entries(kull).find(([name]) => name.toLocaleLowerCase('nb') === navn.toLocaleLowerCase('nb'));
      return hit?.[1];
    },
    listValues: (list) => options.lists?.[list] ?? DEFAULT_LISTS[list],
    thisYear: options.thisYear ?? 2026,
  };
}
