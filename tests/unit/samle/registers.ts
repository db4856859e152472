/**
 * Real tiltak registers for the samlerapport's tests: SQLite files made through the store (as the
 * app's «Lag nytt register» does), with names in them that must never reach any output.
 */
import path from 'node:path';
import type { Register } from '../../../electron/store/connection';
import { createDeltaker } from '../../../electron/store/deltakere';
import { createKull } from '../../../electron/store/kull';
import { updateSettings } from '../../../electron/store/settings';
import type { DeltakerFields } from '../../../shared/schema/deltaker';
import { openForTest } from '../helpers/register';

/** Names put in the registers: the outputs are grepped for every one of them. */
export const SECRET_NAMES = ['Kari Hemmeligsen', 'Ola Skjultvik', 'Siri Anonymsdatter', 'Per Privatsen'];

export function tiltakRegister(dir: string, tiltak: string, seed: number): Register {
  const reg = openForTest(path.join(dir, `${tiltak.replace(/\W+/g, '-')}.kullregister`), { create: true });
  updateSettings(reg, { tiltak, avdeling: 'Ny sjanse', kontaktperson: `Kontakt ${seed}`, opptak: 'kull' });
  const kull = createKull(reg, {
    navn: `Vår 2026 ${tiltak}`,
    startdato: '2026-03-02',
    planlagt_sluttdato: '2026-11-30',
  });
  const people: Partial<DeltakerFields>[] = [
    {
      henvist_dato: '2026-01-05',
      startdato: '2026-03-02',
      sluttdato: '2026-10-15',
      avslutning: 'PLAN',
      sluttarsak: 'A',
      ytelse: 'KVP',
      kjonn: 'K',
      fodselsar: 1990,
      henvist_fra: 'NAV Årstad',
    },
    {
      henvist_dato: '2026-02-01',
      startdato: '2026-03-02',
      sluttdato: '2026-10-20',
      avslutning: 'DROP',
      dropout_arsak: 'Rus',
      ytelse: 'OKS',
      kjonn: 'M',
      fodselsar: 1985,
      henvist_fra: 'nav årstad',
    },
    {
      henvist_dato: '2026-10-03',
      startdato: '2026-10-10',
      ytelse: 'AAP',
      kjonn: 'K',
      fodselsar: 2001,
      henvist_fra: 'Kommunelegen',
    },
    { henvist_dato: '2026-10-12', kjonn: 'M', fodselsar: 1970 },
  ];
  people.slice(0, 2 + (seed % 3)).forEach((p, i) => {
    createDeltaker(reg, {
      ...p,
      navn: SECRET_NAMES[(i + seed) % SECRET_NAMES.length],
      kull_id: i < 2 ? kull.id : null,
    });
  });
  return reg;
}
