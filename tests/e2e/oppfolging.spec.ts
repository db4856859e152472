/**
 * «Å følge opp» in Chromium: the count on its tab, the lines due now, an answer written like a typed
 * cell (refused with a reason, stored, in the endringslogg, undone), and the jump to the row.
 */
import fs from 'node:fs';
import { addDays, addMonths, format } from 'date-fns';
import { call } from '../../electron/api/handlers';
import type { Register } from '../../electron/store/open';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = new Date();

function seed(register: Register): { ola: number; kari: number; lise: number } {
  call(register, 'settings:update', { tiltak: 'Sykkelvert', avdeling: 'Etat for sykehjem' });
  const kull = call(register, 'kull:create', {
    navn: 'Kull 20',
    startdato: iso(addDays(today, -40)),
    planlagt_sluttdato: iso(addDays(today, 50)),
  });
  const ended = (navn: string, exit: Date, sluttarsak: 'A' | 'AD') =>
    call(register, 'deltaker:create', {
      navn,
      henvist_dato: iso(addMonths(exit, -4)),
      startdato: iso(addMonths(exit, -3)),
      sluttdato: iso(exit),
      avslutning: 'PLAN',
      sluttarsak,
      brukersted: 'Florida sykehjem',
    }).deltaker.id;
  const ola = ended('Ola Oppfølging', addMonths(addDays(today, -3), -6), 'A');
  const kari = ended('Kari Tolv', addMonths(addDays(today, 5), -12), 'AD');
  const lise = call(register, 'deltaker:create', {
    navn: 'Lise Midtveis',
    kull_id: kull.id,
    startdato: iso(addDays(today, -43)),
    brukersted: 'Ladegården sykehjem',
  }).deltaker.id;
  // Not due: answered already, and an exit to education.
  call(register, 'deltaker:update', {
    id: ended('Per Besvart', addMonths(today, -6), 'A'),
    changes: { i_arbeid_etter_6_mnd: 'nei' },
  });
  call(register, 'deltaker:create', {
    navn: 'Ida Utdanning',
    startdato: '2025-01-06',
    sluttdato: iso(addMonths(today, -6)),
    avslutning: 'PLAN',
    sluttarsak: 'UT',
  });
  return { ola, kari, lise };
}

test('who is due now: counted on the tab, answered in place, undone, and a jump to the row', async ({
  app,
  register,
}) => {
  const { ola, lise } = seed(register);
  await app.reload();
  const tab = app.getByRole('tab', { name: /Å følge opp/ });
  await expect(tab.locator('.tab-count')).toHaveText('3');
  await tab.click();
  await expect(app.getByRole('heading', { name: 'Å følge opp', level: 1 })).toBeVisible();
  const six = app.locator('section[data-kind="seks"]');
  await expect(six.locator('tbody tr')).toHaveCount(1);
  await expect(six).toContainText('Ola Oppfølging');
  await expect(six).toContainText('for 3 dager siden');
  await expect(app.locator('section[data-kind="tolv"]')).toContainText('om 5 dager');
  await expect(app.locator('section[data-kind="midtevaluering"]')).toContainText('Lise Midtveis');
  await expect(app.locator('.oppfolging-body')).not.toContainText('Per Besvart');
  fs.mkdirSync(SCREENS, { recursive: true });
  await app.screenshot({ path: `${SCREENS}/oppfolging.png` });

  // Saving without an answer is refused with a reason, and nothing is stored.
  await six.getByRole('button', { name: 'Lagre' }).click();
  await expect(six.getByRole('alert')).toContainText('Velg et svar');
  expect(
    call(register, 'history:list', { table: 'deltaker', id: ola }).some((e) => e.felt === 'i_arbeid_etter_6_mnd'),
  ).toBe(false);

  await six.getByRole('combobox', { name: 'Svar for Ola Oppfølging' }).selectOption('ja');
  await six.getByRole('button', { name: 'Lagre' }).click();
  await expect(app.getByRole('status')).toContainText('Lagret for Ola Oppfølging');
  await expect(six).toHaveCount(0);
  await expect(tab.locator('.tab-count')).toHaveText('2');
  const log = call(register, 'history:list', { table: 'deltaker', id: ola }).at(-1);
  expect(log).toMatchObject({ felt: 'i_arbeid_etter_6_mnd', gammel: null, ny: 'ja', bruker: 'e2e' });

  // The same undo as Ctrl+Z in the Deltakere grid.
  await app.getByRole('button', { name: 'Angre «Endre i arbeid etter 6 mnd»' }).click();
  await expect(app.getByRole('status')).toContainText('Angret');
  await expect(app.locator('section[data-kind="seks"] tbody tr')).toHaveCount(1);
  await expect(tab.locator('.tab-count')).toHaveText('3');

  // A date the calendar does not have is refused by the same parser as the grid.
  const mid = app.locator('section[data-kind="midtevaluering"]');
  const date = mid.getByRole('textbox', { name: 'Dato for midtevaluering for Lise Midtveis' });
  await date.fill('31.02.2026');
  await date.press('Enter');
  await expect(mid.getByRole('alert')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot({ path: `${SCREENS}/oppfolging-avvist.png` });
  expect(call(register, 'deltaker:list', { kull: 'alle' }).find((d) => d.id === lise)?.midtevaluering_dato).toBeNull();
  await date.fill(format(today, 'dd.MM.yyyy'));
  await date.press('Enter');
  await expect(mid).toHaveCount(0);
  expect(call(register, 'deltaker:list', { kull: 'alle' }).find((d) => d.id === lise)?.midtevaluering_dato).toBe(
    iso(today),
  );

  // A name jumps to the row in the Deltakere grid.
  await app.getByRole('button', { name: 'Ola Oppfølging' }).click();
  await expect(app.getByRole('tab', { name: 'Deltakere', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(app.locator('.ag-row-focus, .ag-cell-focus').first()).toBeVisible();
  await expect(app.locator('.ag-cell-focus')).toContainText('Ola Oppfølging');
});
