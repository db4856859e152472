/**
 * Screens as a leder sees them, with a realistic (fictional) Sykkelvert register: 20 deltakere in
 * two kull, one refused cell showing what was typed and why, and rows flagged by the row rules.
 * Writes test-results/screens/deltakere.png and kull.png (1440×900) for review.
 */

import { call } from '../../electron/api/handlers';
import type { Register } from '../../electron/store/open';
import type { Input } from '../../shared/api';
import { expect, test } from './fixtures';

type NewDeltaker = Input<'deltaker:create'>;

function seed(register: Register): { flaggedId: number } {
  call(register, 'settings:update', { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' });
  const host = call(register, 'kull:create', {
    navn: 'Kull 12',
    startdato: '2025-09-01',
    kapasitet: 12,
    merknad: 'Høstkullet, tre sykehjem',
  });
  const var26 = call(register, 'kull:create', { navn: 'Kull 13', startdato: '2026-01-12', kapasitet: 12 });
  call(register, 'kull:create', {
    navn: 'Kull 14',
    startdato: '2026-04-13',
    kapasitet: 10,
    merknad: 'Oppstartsmøte 6. april',
  });

  const done = { sluttdato: '2025-12-01' } as const;
  const people: NewDeltaker[] = [
    {
      navn: 'Sara Karimi',
      fodselsar: 1994,
      kjonn: 'K',
      landbakgrunn: 'Afghanistan',
      henvist_fra: 'NAV Bergen Sør',
      ytelse: 'KVP',
      henvist_dato: '2025-08-04',
      startdato: '2025-09-01',
      brukersted: 'Ladegården sykehjem',
      veileder: 'Line Berg',
      ...done,
      avslutning: 'PLAN',
      sluttarsak: 'A',
      ansatt_hos_brukersted: true,
      i_arbeid_etter_6_mnd: 'ja',
    },
    {
      navn: 'Jonas Nilsen',
      fodselsar: 1984,
      kjonn: 'M',
      landbakgrunn: 'Norge',
      henvist_fra: 'NAV Årstad',
      ytelse: 'OKS',
      henvist_dato: '2025-08-11',
      startdato: '2025-09-01',
      brukersted: 'Kalfaret sykehjem',
      veileder: 'Tore Vik',
      ...done,
      avslutning: 'PLAN',
      sluttarsak: 'AD',
      ansatt_hos_brukersted: false,
    },
    {
      navn: 'Hassan Osman',
      fodselsar: 1991,
      kjonn: 'M',
      landbakgrunn: 'Somalia',
      henvist_fra: 'Introduksjonssenteret',
      ytelse: 'INT',
      henvist_dato: '2025-08-06',
      brukersted: 'Florida sykehjem',
      sluttdato: '2025-09-15',
      avslutning: 'IKKE',
    },
    {
      navn: 'Marta Kowalska',
      fodselsar: 1979,
      kjonn: 'K',
      landbakgrunn: 'Polen',
      henvist_fra: 'NAV Bergenhus',
      ytelse: 'AAP',
      henvist_dato: '2025-08-12',
      startdato: '2025-09-01',
      brukersted: 'Florida sykehjem',
      veileder: 'Hanne Moe',
      sluttdato: '2025-10-20',
      avslutning: 'DROP',
      dropout_arsak: 'Helseutfordringer',
    },
    {
      navn: 'Ahmed Ali',
      fodselsar: 1988,
      kjonn: 'M',
      landbakgrunn: 'Syria',
      henvist_fra: 'NAV Bergen Vest',
      ytelse: 'KVP',
      henvist_dato: '2025-08-14',
      startdato: '2025-09-01',
      brukersted: 'Laksevåg sykehjem',
      veileder: 'Tore Vik',
      sluttdato: '2025-12-01',
      merknad: 'Ønsker fagbrev som helsefagarbeider',
    },
    {
      navn: 'Ingrid Solheim',
      fodselsar: 1969,
      kjonn: 'K',
      landbakgrunn: 'Norge',
      henvist_fra: 'Ny sjanse',
      ytelse: 'KVP',
      henvist_dato: '2025-08-18',
      startdato: '2025-09-01',
      brukersted: 'Ladegården sykehjem',
      veileder: 'Line Berg',
      sluttdato: '2026-02-27',
      forlenget_til: '2026-02-27',
      avslutning: 'PLAN',
      sluttarsak: 'UT',
    },
    {
      navn: 'Tigist Haile',
      fodselsar: 1996,
      kjonn: 'K',
      landbakgrunn: 'Eritrea',
      henvist_fra: 'NAV Bergen Nord',
      ytelse: 'INT',
      henvist_dato: '2025-08-20',
      startdato: '2025-09-01',
      brukersted: 'Kalfaret sykehjem',
      veileder: 'Hanne Moe',
      ...done,
      avslutning: 'PLAN',
      sluttarsak: 'A',
      ansatt_hos_brukersted: true,
    },
    {
      navn: 'Olav Brekke',
      fodselsar: 1975,
      kjonn: 'M',
      landbakgrunn: 'Norge',
      henvist_fra: 'NAV Årstad',
      ytelse: 'OKS',
      henvist_dato: '2025-08-21',
      startdato: '2025-09-08',
      brukersted: 'Fyllingsdalen sykehjem',
      veileder: 'Tore Vik',
      sluttdato: '2025-11-03',
      avslutning: 'FLK',
    },
    {
      navn: 'Dilan Aziz',
      fodselsar: 1999,
      kjonn: 'A',
      landbakgrunn: 'Irak',
      henvist_fra: 'NorA',
      ytelse: 'KVP',
      henvist_dato: '2025-08-25',
      startdato: '2025-09-08',
      brukersted: 'Florida sykehjem',
      veileder: 'Hanne Moe',
      ...done,
      avslutning: 'PLAN',
      sluttarsak: 'KVP',
    },
    {
      navn: 'Kari Nordmann',
      fodselsar: 1983,
      kjonn: 'K',
      landbakgrunn: 'Norge',
      henvist_fra: 'NAV Bergen Sør',
      ytelse: 'AAP',
      henvist_dato: '2025-08-26',
      startdato: '2025-09-01',
      brukersted: 'Laksevåg sykehjem',
      veileder: 'Line Berg',
      ...done,
      avslutning: 'PLAN',
      sluttarsak: 'AP',
    },
  ].map((d) => ({ ...d, kull_id: host.id }) as NewDeltaker);

  const active = { startdato: '2026-01-12' } as const;
  people.push(
    ...[
      {
        navn: 'Fatima Hassan',
        fodselsar: 1990,
        kjonn: 'K',
        landbakgrunn: 'Somalia',
        henvist_fra: 'Introduksjonssenteret',
        ytelse: 'INT',
        henvist_dato: '2025-12-01',
        ...active,
        brukersted: 'Ladegården sykehjem',
        veileder: 'Line Berg',
      },
      {
        navn: 'Peter Lund',
        fodselsar: 1972,
        kjonn: 'M',
        landbakgrunn: 'Danmark',
        henvist_fra: 'NAV Bergenhus',
        ytelse: 'OKS',
        henvist_dato: '2025-12-03',
        ...active,
        brukersted: 'Kalfaret sykehjem',
        veileder: 'Tore Vik',
      },
      {
        navn: 'Aisha Mohammed',
        fodselsar: 1987,
        kjonn: 'K',
        landbakgrunn: 'Sudan',
        henvist_fra: 'NAV Bergen Vest',
        ytelse: 'KVP',
        henvist_dato: '2025-05-19',
        ...active,
        brukersted: 'Florida sykehjem',
        veileder: 'Hanne Moe',
        merknad: 'Ventet på plass siden mai',
      },
      {
        navn: 'Lars Haugen',
        fodselsar: 1993,
        kjonn: 'M',
        landbakgrunn: 'Norge',
        henvist_fra: 'Ny sjanse',
        ytelse: 'KVP',
        henvist_dato: '2025-12-08',
        ...active,
        brukersted: 'Fyllingsdalen sykehjem',
        veileder: 'Tore Vik',
      },
      {
        navn: 'Mariam Rahimi',
        fodselsar: 2001,
        kjonn: 'K',
        landbakgrunn: 'Afghanistan',
        henvist_fra: 'NAV Årstad',
        ytelse: 'OKS',
        henvist_dato: '2025-12-10',
        ...active,
        brukersted: 'Ladegården sykehjem',
        veileder: 'Line Berg',
      },
      {
        navn: 'Yonas Tesfaye',
        fodselsar: 1985,
        kjonn: 'M',
        landbakgrunn: 'Etiopia',
        henvist_fra: 'Bergen læringscenter',
        ytelse: 'INT',
        henvist_dato: '2025-12-11',
        ...active,
        brukersted: 'Laksevåg sykehjem',
        veileder: 'Hanne Moe',
      },
      {
        navn: 'Nina Johansen',
        fodselsar: 1978,
        kjonn: 'K',
        landbakgrunn: 'Norge',
        henvist_fra: 'NAV Bergen Nord',
        ytelse: 'AAP',
        henvist_dato: '2025-12-15',
        ...active,
        brukersted: 'Kalfaret sykehjem',
        veileder: 'Tore Vik',
        sluttdato: '2026-02-06',
        avslutning: 'DROP',
        dropout_arsak: 'Ønsker ikke tiltaket',
      },
      {
        navn: 'Samir Haddad',
        fodselsar: 1995,
        kjonn: 'M',
        landbakgrunn: 'Libanon',
        henvist_fra: 'NAV Bergen Sør',
        ytelse: 'KVP',
        henvist_dato: '2025-12-16',
        ...active,
        brukersted: 'Florida sykehjem',
        veileder: 'Hanne Moe',
      },
      {
        navn: 'Elin Myklebust',
        fodselsar: 1981,
        kjonn: 'K',
        landbakgrunn: 'Norge',
        henvist_fra: 'NAV Bergenhus',
        ytelse: 'OKS',
        henvist_dato: '2026-01-05',
      },
      {
        navn: 'Omar Farah',
        fodselsar: 1998,
        kjonn: 'M',
        landbakgrunn: 'Somalia',
        henvist_fra: 'NorA',
        ytelse: 'KVP',
        henvist_dato: '2026-01-06',
      },
    ].map((d) => ({ ...d, kull_id: var26.id }) as NewDeltaker),
  );
  let flaggedId = 0;
  for (const person of people) {
    const { deltaker } = call(register, 'deltaker:create', person);
    if (person.navn === 'Ahmed Ali') flaggedId = deltaker.id;
  }
  return { flaggedId };
}

test('screens for review: deltakere with a refused cell and a flagged row, and kull', async ({ app, register }) => {
  const { flaggedId } = seed(register);
  await app.setViewportSize({ width: 1440, height: 900 });
  await app.reload();
  await expect(app.getByText('Viser 20 av 20 deltakere')).toBeVisible();

  // Ahmed Ali has a sluttdato but no avslutning (⚠); the leder mistypes his birth year.
  await app.locator(`.ag-row[row-id="${flaggedId}"] .ag-cell[col-id="fodselsar"]`).click();
  await app.keyboard.type('19888');
  await app.keyboard.press('Enter');
  await expect(app.locator('.cell-bubble')).toContainText('Fødselsår må være mellom 1900 og');
  // Enter moved on, as after any edit; back on his row, the line under the grid names the red cell.
  await expect(app.locator(`.ag-row[row-id="${flaggedId}"] .ag-cell-focus`)).toHaveCount(0);
  await app.keyboard.press('ArrowUp');
  await expect(app.locator('.row-warnings')).toContainText('Ahmed Ali');
  await expect(app.locator('.row-warnings')).toContainText('1 rød celle er ikke lagret (Fødselsår)');
  await app.screenshot({ path: 'test-results/screens/deltakere.png' });

  await app.keyboard.press('Escape');
  await app.getByRole('tab', { name: 'Kull' }).click();
  await expect(app.getByText('3 kull')).toBeVisible();
  await app.getByRole('button', { name: 'Nytt kull' }).click();
  await app.keyboard.type('Kull 15');
  await app.keyboard.press('Tab');
  await app.keyboard.type('17.8.26');
  await app.screenshot({ path: 'test-results/screens/kull.png' });
});
