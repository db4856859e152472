import { describe, expect, it } from 'vitest';
import { createDeltaker, updateDeltaker } from '../../../electron/store/deltakere';
import { DomainError } from '../../../electron/store/errors';
import { createKull, deleteKull, findKullIdByName, getKull, listKull, updateKull } from '../../../electron/store/kull';
import { updateSettings } from '../../../electron/store/settings';
import { aDeltaker, aKull } from '../helpers/builders';
import { expectNorwegianMessage } from '../helpers/messages';
import { countRows, tempRegister } from '../helpers/register';

function domainError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expectNorwegianMessage((error as DomainError).message);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but the action succeeded');
}

describe('creating a kull', () => {
  it('stores its fields and gives it an id and zero counts', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ navn: 'Kull 13', kapasitet: 12, merknad: 'Sykkelvert' }));
    expect(kull).toEqual({
      id: kull.id,
      navn: 'Kull 13',
      startdato: '2026-03-02',
      planlagt_sluttdato: '2026-06-02',
      kapasitet: 12,
      merknad: 'Sykkelvert',
      antall_deltakere: 0,
      antall_aktive: 0,
    });
    expect(kull.id).toBeGreaterThan(0);
  });

  it('sets planned end to start + 3 months by default (Sykkelvert’s kull length)', () => {
    const { reg } = tempRegister();
    expect(createKull(reg, aKull({ startdato: '2026-01-15' })).planlagt_sluttdato).toBe('2026-04-15');
  });

  it('ends a kull starting on 30 November on the last day of February', () => {
    const { reg } = tempRegister();
    expect(createKull(reg, aKull({ startdato: '2025-11-30' })).planlagt_sluttdato).toBe('2026-02-28');
  });

  it('uses the register’s own kull length when the team has changed it', () => {
    const { reg } = tempRegister();
    updateSettings(reg, { kull_lengde_mnd: 12 });
    expect(createKull(reg, aKull({ startdato: '2026-08-17' })).planlagt_sluttdato).toBe('2027-08-17');
  });

  it('keeps a planned end the user gave, and keeps it empty when the user cleared it', () => {
    const { reg } = tempRegister();
    expect(createKull(reg, aKull({ navn: 'A', planlagt_sluttdato: '2026-09-30' })).planlagt_sluttdato).toBe(
      '2026-09-30',
    );
    expect(createKull(reg, aKull({ navn: 'B', planlagt_sluttdato: null })).planlagt_sluttdato).toBeNull();
  });

  it('trims the navn', () => {
    const { reg } = tempRegister();
    expect(createKull(reg, aKull({ navn: '  Kull 14  ' })).navn).toBe('Kull 14');
  });

  it('survives closing and reopening the register', () => {
    const handle = tempRegister();
    const kull = createKull(handle.reg, aKull({ kapasitet: 0 }));
    expect(getKull(handle.reopen(), kull.id)).toEqual(kull);
  });
});

describe('kull names are unique without regard to letter case', () => {
  it('refuses a second kull with the same navn in another case, and stores nothing', () => {
    const { reg } = tempRegister();
    createKull(reg, aKull({ navn: 'Kull 13' }));
    const logRows = countRows(reg, 'endringslogg');
    const error = domainError(() => createKull(reg, aKull({ navn: ' kull 13 ' })));
    expect(error.code).toBe('duplicate');
    expect(error.field).toBe('navn');
    expect(error.message).toContain('kull 13');
    expect(countRows(reg, 'kull')).toBe(1);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });

  it('treats Æ/Ø/Å like other letters: "VÅR 2026" clashes with "Vår 2026"', () => {
    const { reg } = tempRegister();
    createKull(reg, aKull({ navn: 'Vår 2026' }));
    expect(domainError(() => createKull(reg, aKull({ navn: 'VÅR 2026' }))).code).toBe('duplicate');
    expect(countRows(reg, 'kull')).toBe(1);
  });

  it('refuses renaming a kull to another kull’s name, and leaves both as they were', () => {
    const { reg } = tempRegister();
    const vaar = createKull(reg, aKull({ navn: 'Vår 2026' }));
    const host = createKull(reg, aKull({ navn: 'Høst 2026', startdato: '2026-08-17' }));
    expect(domainError(() => updateKull(reg, host.id, { navn: 'vår 2026', kapasitet: 10 })).code).toBe('duplicate');
    expect(getKull(reg, host.id)).toEqual(host);
    expect(getKull(reg, vaar.id)).toEqual(vaar);
  });

  it('lets a kull change the letter case of its own name', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ navn: 'kull 13' }));
    expect(updateKull(reg, kull.id, { navn: 'Kull 13' }).navn).toBe('Kull 13');
  });

  it('findKullIdByName finds a kull in any letter case, with spaces around', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ navn: 'Høst 2026' }));
    expect(findKullIdByName(reg, '  HØST 2026 ')).toBe(kull.id);
    expect(findKullIdByName(reg, 'høst 2026')).toBe(kull.id);
    expect(findKullIdByName(reg, 'Høst 2027')).toBeUndefined();
  });
});

describe('updating a kull', () => {
  it('changes only the given fields and keeps them after reopening', () => {
    const handle = tempRegister();
    const kull = createKull(handle.reg, aKull({ kapasitet: 12, merknad: 'Første' }));
    const updated = updateKull(handle.reg, kull.id, { kapasitet: 15, planlagt_sluttdato: '2026-07-01' });
    expect(updated).toEqual({ ...kull, kapasitet: 15, planlagt_sluttdato: '2026-07-01' });
    expect(getKull(handle.reopen(), kull.id)).toEqual(updated);
  });

  it('does not move planned end when startdato changes (it was the user’s to set)', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ startdato: '2026-03-02' }));
    expect(updateKull(reg, kull.id, { startdato: '2026-04-01' }).planlagt_sluttdato).toBe('2026-06-02');
  });

  it('refuses to update a kull that is gone, in Norwegian', () => {
    const { reg } = tempRegister();
    expect(domainError(() => updateKull(reg, 999, { kapasitet: 1 })).code).toBe('not_found');
  });

  it('is stopped by the file itself if a negative kapasitet gets past the API, and stores nothing', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ kapasitet: 5 }));
    const logRows = countRows(reg, 'endringslogg');
    expect(() => updateKull(reg, kull.id, { kapasitet: -1 })).toThrow(/CHECK/);
    expect(getKull(reg, kull.id).kapasitet).toBe(5);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });
});

describe('deleting a kull', () => {
  it('deletes an empty kull', () => {
    const handle = tempRegister();
    const kull = createKull(handle.reg, aKull());
    deleteKull(handle.reg, kull.id);
    expect(listKull(handle.reopen())).toEqual([]);
  });

  it('is refused while the kull has deltakere, naming how many, and deletes nothing', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ navn: 'Kull 13' }));
    createDeltaker(reg, aDeltaker({ kull_id: kull.id, navn: 'En' }));
    createDeltaker(reg, aDeltaker({ kull_id: kull.id, navn: 'To' }));
    const logRows = countRows(reg, 'endringslogg');

    const error = domainError(() => deleteKull(reg, kull.id));
    expect(error.code).toBe('in_use');
    expect(error.message).toContain('«Kull 13» har 2 deltakere');
    expect(getKull(reg, kull.id).antall_deltakere).toBe(2);
    expect(countRows(reg, 'deltaker')).toBe(2);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });

  it('says «1 deltaker», not «1 deltakere», when one is left', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull({ navn: 'Kull 13' }));
    createDeltaker(reg, aDeltaker({ kull_id: kull.id }));
    expect(domainError(() => deleteKull(reg, kull.id)).message).toContain('«Kull 13» har 1 deltaker og');
  });

  it('is allowed once the deltakere have moved to no kull', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull());
    const { deltaker } = createDeltaker(reg, aDeltaker({ kull_id: kull.id }));
    updateDeltaker(reg, deltaker.id, { kull_id: null });
    deleteKull(reg, kull.id);
    expect(countRows(reg, 'kull')).toBe(0);
  });

  it('refuses to delete a kull that is already gone', () => {
    const { reg } = tempRegister();
    expect(domainError(() => deleteKull(reg, 42)).code).toBe('not_found');
  });
});

describe('the kull list', () => {
  it('is sorted by startdato, then navn', () => {
    const { reg } = tempRegister();
    createKull(reg, aKull({ navn: 'Høst', startdato: '2026-08-17' }));
    createKull(reg, aKull({ navn: 'Vår B', startdato: '2026-01-12' }));
    createKull(reg, aKull({ navn: 'Vår A', startdato: '2026-01-12' }));
    expect(listKull(reg).map((k) => k.navn)).toEqual(['Vår A', 'Vår B', 'Høst']);
  });

  it('counts all deltakere of a kull and those active on the given day', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull());
    const other = createKull(reg, aKull({ navn: 'Annet kull' }));
    const inKull = (fields: Parameters<typeof aDeltaker>[0]) =>
      createDeltaker(reg, aDeltaker({ kull_id: kull.id, ...fields }));
    inKull({ navn: 'Henvist', startdato: null });
    inKull({ navn: 'Aktiv', startdato: '2026-03-02' });
    inKull({ navn: 'Starter i morgen', startdato: '2026-03-11' });
    inKull({ navn: 'Avsluttet', startdato: '2026-03-02', sluttdato: '2026-03-05', avslutning: 'DROP' });
    createDeltaker(reg, aDeltaker({ kull_id: other.id, navn: 'I annet kull' }));
    createDeltaker(reg, aDeltaker({ navn: 'Uten kull' }));

    const row = listKull(reg, '2026-03-10').find((k) => k.id === kull.id);
    expect(row).toMatchObject({ antall_deltakere: 4, antall_aktive: 1 });
    expect(listKull(reg, '2026-03-11').find((k) => k.id === kull.id)?.antall_aktive).toBe(2);
  });
});
