import { describe, expect, it } from 'vitest';
import { historyOf, type LogEntry } from '../../../electron/store/changelog';
import { addListValue, listValues, renameListValue, setListValueHidden } from '../../../electron/store/codes';
import type { Register } from '../../../electron/store/connection';
import { createDeltaker, deleteDeltakere, getDeltaker, updateDeltaker } from '../../../electron/store/deltakere';
import { createKull, deleteKull, updateKull } from '../../../electron/store/kull';
import { updateSettings } from '../../../electron/store/settings';
import { aDeltaker, aKull } from '../helpers/builders';
import { countRows, TEST_USER, tempRegister } from '../helpers/register';

const changes = (entries: LogEntry[]) => entries.map((e) => [e.felt, e.gammel, e.ny]);

function allLog(reg: Register): LogEntry[] {
  return reg.db
    .prepare('SELECT tid, bruker, tabell, rad_id, felt, gammel, ny FROM endringslogg ORDER BY id')
    .all() as LogEntry[];
}

describe('the endringslogg records every change per field, with old and new value', () => {
  it('logs a new deltaker as one line per filled field, from nothing to its value', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(
      reg,
      aDeltaker({ navn: 'Kari', landbakgrunn: null, henvist_fra: null, ansatt_hos_brukersted: false, fodselsar: 1985 }),
    );
    expect(changes(historyOf(reg, 'deltaker', deltaker.id))).toEqual([
      ['navn', null, 'Kari'],
      ['fodselsar', null, '1985'],
      ['kjonn', null, 'K'],
      ['ytelse', null, 'KVP'],
      ['henvist_dato', null, '2026-01-05'],
      ['startdato', null, '2026-02-02'],
      ['ansatt_hos_brukersted', null, 'nei'],
    ]);
  });

  it('records who made the change, when, and on which table and row', () => {
    const { reg } = tempRegister();
    const before = new Date().toISOString();
    const { deltaker } = createDeltaker(reg, { navn: 'Ola' });
    const [entry] = historyOf(reg, 'deltaker', deltaker.id);
    expect(entry).toMatchObject({ bruker: TEST_USER, tabell: 'deltaker', rad_id: deltaker.id, felt: 'navn' });
    expect((entry?.tid ?? '') >= before).toBe(true);
    expect(entry?.tid).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it('logs an update as the changed fields only, with the old and the new value', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker({ ansatt_hos_brukersted: null }));
    const logged = historyOf(reg, 'deltaker', deltaker.id).length;
    updateDeltaker(reg, deltaker.id, {
      startdato: '2026-02-09',
      sluttdato: '2026-05-29',
      avslutning: 'PLAN',
      sluttarsak: 'A',
      ansatt_hos_brukersted: true,
      kjonn: 'K',
    });
    expect(changes(historyOf(reg, 'deltaker', deltaker.id).slice(logged))).toEqual([
      ['startdato', '2026-02-02', '2026-02-09'],
      ['sluttdato', null, '2026-05-29'],
      ['avslutning', null, 'PLAN'],
      ['sluttarsak', null, 'A'],
      ['ansatt_hos_brukersted', null, 'ja'],
    ]);
  });

  it('logs nothing for an update that changes nothing', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker());
    const logged = countRows(reg, 'endringslogg');
    updateDeltaker(reg, deltaker.id, { navn: deltaker.navn, kjonn: deltaker.kjonn });
    expect(countRows(reg, 'endringslogg')).toBe(logged);
  });

  it('logs a deleted deltaker as every filled field going to nothing', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, { navn: 'Slettes', fodselsar: 1970 });
    const logged = historyOf(reg, 'deltaker', deltaker.id).length;
    deleteDeltakere(reg, [deltaker.id]);
    expect(changes(historyOf(reg, 'deltaker', deltaker.id).slice(logged))).toEqual([
      ['navn', 'Slettes', null],
      ['fodselsar', '1970', null],
    ]);
  });

  it('logs kull created, changed and deleted', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ navn: 'Kull 13', kapasitet: 12 }));
    updateKull(reg, kull.id, { kapasitet: 0, merknad: 'Fullt' });
    deleteKull(reg, kull.id);
    expect(changes(historyOf(reg, 'kull', kull.id))).toEqual([
      ['navn', null, 'Kull 13'],
      ['startdato', null, '2026-03-02'],
      ['planlagt_sluttdato', null, '2026-06-02'],
      ['kapasitet', null, '12'],
      ['kapasitet', '12', '0'],
      ['merknad', null, 'Fullt'],
      ['navn', 'Kull 13', null],
      ['startdato', '2026-03-02', null],
      ['planlagt_sluttdato', '2026-06-02', null],
      ['kapasitet', '0', null],
      ['merknad', 'Fullt', null],
    ]);
  });

  it('logs code list values added, renamed and hidden, and each deltaker that followed a rename', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker({ brukersted: 'Engen' }));
    addListValue(reg, 'brukersted', 'Kantinen');
    renameListValue(reg, 'brukersted', 'Engen', 'Kafé Engen');
    setListValueHidden(reg, 'brukersted', 'Kantinen', true);

    const [engen, kantinen] = listValues(reg, 'brukersted');
    expect(changes(historyOf(reg, 'kodeverdi', engen?.id ?? 0))).toEqual([
      ['liste', null, 'brukersted'],
      ['verdi', null, 'Engen'],
      ['verdi', 'Engen', 'Kafé Engen'],
    ]);
    expect(changes(historyOf(reg, 'kodeverdi', kantinen?.id ?? 0))).toEqual([
      ['liste', null, 'brukersted'],
      ['verdi', null, 'Kantinen'],
      ['skjult', 'nei', 'ja'],
    ]);
    expect(changes(historyOf(reg, 'deltaker', deltaker.id)).at(-1)).toEqual(['brukersted', 'Engen', 'Kafé Engen']);
  });

  it('logs settings changes', () => {
    const { reg } = tempRegister();
    updateSettings(reg, { tiltak: 'Sykkelvert', kull_lengde_mnd: 3 });
    expect(changes(historyOf(reg, 'innstilling', 0))).toEqual([['tiltak', '', 'Sykkelvert']]);
  });

  it('writes the log in the same transaction as the change: a refused change leaves no log line', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull());
    createDeltaker(reg, aDeltaker({ kull_id: kull.id }));
    const before = allLog(reg);
    expect(() => deleteKull(reg, kull.id)).toThrow();
    expect(() => createKull(reg, aKull({ navn: kull.navn.toUpperCase() }))).toThrow();
    expect(() => renameListValue(reg, 'dropout_arsak', 'Rus', 'Annet')).toThrow();
    expect(allLog(reg)).toEqual(before);
  });

  it('rolls the change back when its log line cannot be written (change and log are one transaction)', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker({ merknad: 'før' }));
    const kullCount = countRows(reg, 'kull');
    reg.db.exec(`CREATE TEMP TRIGGER logg_feiler BEFORE INSERT ON endringslogg WHEN NEW.felt = 'merknad'
      BEGIN SELECT RAISE(ABORT, 'simulert skrivefeil i loggen'); END`);

    expect(() => updateDeltaker(reg, deltaker.id, { kjonn: 'M', merknad: 'etter' })).toThrow(/simulert/);
    expect(() => createKull(reg, aKull({ merknad: 'logges ikke' }))).toThrow(/simulert/);
    expect(() => createDeltaker(reg, aDeltaker({ navn: 'Ny', brukersted: 'Nytt sted', merknad: 'x' }))).toThrow(
      /simulert/,
    );

    expect(getDeltaker(reg, deltaker.id)).toEqual(deltaker);
    expect(countRows(reg, 'kull')).toBe(kullCount);
    expect(countRows(reg, 'deltaker')).toBe(1);
    expect(listValues(reg, 'brukersted')).toEqual([]);
  });

  it('keeps the log after the register is closed and opened again', () => {
    const handle = tempRegister();
    const { deltaker } = createDeltaker(handle.reg, { navn: 'Varig' });
    expect(changes(historyOf(handle.reopen(), 'deltaker', deltaker.id))).toEqual([['navn', null, 'Varig']]);
  });
});
