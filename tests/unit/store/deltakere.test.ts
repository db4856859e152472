import { describe, expect, it } from 'vitest';
import { listValues } from '../../../electron/store/codes';
import type { Register } from '../../../electron/store/connection';
import {
  createDeltaker,
  deleteDeltakere,
  getDeltaker,
  insertDeltaker,
  listDeltakere,
  updateDeltaker,
} from '../../../electron/store/deltakere';
import { DomainError } from '../../../electron/store/errors';
import { createKull } from '../../../electron/store/kull';
import { aDeltaker, aDeltakerInWork, aKull } from '../helpers/builders';
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

/** A real SQLite trigger that makes the next write of this navn fail, as a full disk would. */
function failWritesOf(reg: Register, navn: string): void {
  reg.db.exec(
    `CREATE TEMP TRIGGER feil_ved_${Date.now()} BEFORE INSERT ON deltaker WHEN NEW.navn = '${navn}'
     BEGIN SELECT RAISE(ABORT, 'simulert skrivefeil'); END`,
  );
}

const values = (reg: Register, list: Parameters<typeof listValues>[1]) => listValues(reg, list).map((v) => v.verdi);

describe('creating a deltaker', () => {
  it('stores every field and gives the row an id', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull());
    const fields = aDeltakerInWork({
      kull_id: kull.id,
      kjonn: 'M',
      brukersted: 'Ladegården',
      veileder: 'Siri',
      forlenget_til: '2026-06-30',
      ansatt_hos_brukersted: true,
      i_arbeid_etter_6_mnd: 'ukjent',
      merknad: 'Fikk fast stilling',
    });
    const { deltaker } = createDeltaker(reg, fields);
    expect(deltaker).toEqual({ ...fields, id: deltaker.id });
    expect(getDeltaker(reg, deltaker.id)).toEqual(deltaker);
  });

  it('keeps every field, including yes, no and unknown, after closing and reopening', () => {
    const handle = tempRegister();
    const ja = createDeltaker(handle.reg, aDeltaker({ navn: 'Ja', ansatt_hos_brukersted: true })).deltaker;
    const nei = createDeltaker(handle.reg, aDeltaker({ navn: 'Nei', ansatt_hos_brukersted: false })).deltaker;
    const ukjent = createDeltaker(handle.reg, aDeltaker({ navn: 'Ukjent', ansatt_hos_brukersted: null })).deltaker;
    expect(listDeltakere(handle.reopen(), 'alle')).toEqual([ja, nei, ukjent]);
  });

  it('needs only a navn: everything else may follow later', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, { navn: '  Bare Navn ' });
    expect(deltaker.navn).toBe('Bare Navn');
    expect(deltaker.startdato).toBeNull();
    expect(deltaker.kull_id).toBeNull();
  });

  it('refuses a kull that does not exist, and stores nothing', () => {
    const { reg } = tempRegister();
    const logRows = countRows(reg, 'endringslogg');
    const error = domainError(() => createDeltaker(reg, aDeltaker({ kull_id: 77, brukersted: 'Nytt sted' })));
    expect(error.code).toBe('not_found');
    expect(error.field).toBe('kull_id');
    expect(countRows(reg, 'deltaker')).toBe(0);
    expect(values(reg, 'brukersted')).toEqual([]);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });

  it('leaves nothing behind when the write itself fails: no row, no new list value, no log line', () => {
    const { reg } = tempRegister();
    failWritesOf(reg, 'Feiler');
    const logRows = countRows(reg, 'endringslogg');
    expect(() =>
      createDeltaker(reg, aDeltaker({ navn: 'Feiler', brukersted: 'Nytt sted', henvist_fra: 'NAV Fana' })),
    ).toThrow(/simulert skrivefeil/);
    expect(countRows(reg, 'deltaker')).toBe(0);
    expect(values(reg, 'brukersted')).toEqual([]);
    expect(values(reg, 'henvist_fra')).not.toContain('NAV Fana');
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });

  it('is blocked by the file’s foreign key if a missing kull gets past the store’s own check', () => {
    const { reg } = tempRegister();
    expect(() => reg.db.prepare('INSERT INTO deltaker (navn, kull_id) VALUES (?, ?)').run('X', 99)).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('the editable lists grow with what the team types (domain.md: the lists are open)', () => {
  it('adds a new value to its list, at the end, and reports it', () => {
    const { reg } = tempRegister();
    const { addedListValues, deltaker } = createDeltaker(
      reg,
      aDeltaker({ henvist_fra: 'NAV Fana', brukersted: 'Ladegården', veileder: 'Siri' }),
    );
    expect(addedListValues).toEqual([
      { list: 'henvist_fra', verdi: 'NAV Fana' },
      { list: 'brukersted', verdi: 'Ladegården' },
      { list: 'veileder', verdi: 'Siri' },
    ]);
    expect(values(reg, 'henvist_fra').at(-1)).toBe('NAV Fana');
    expect(values(reg, 'brukersted')).toEqual(['Ladegården']);
    expect(deltaker.henvist_fra).toBe('NAV Fana');
  });

  it('reports nothing for values the list already has', () => {
    const { reg } = tempRegister();
    const { addedListValues } = createDeltaker(reg, aDeltaker({ henvist_fra: 'NAV Årstad', dropout_arsak: 'Rus' }));
    expect(addedListValues).toEqual([]);
  });

  it('matches an existing value in another letter case instead of adding a second spelling', () => {
    const { reg } = tempRegister();
    const before = values(reg, 'henvist_fra');
    const { addedListValues, deltaker } = createDeltaker(reg, aDeltaker({ henvist_fra: 'nav bergen sør' }));
    expect(addedListValues).toEqual([]);
    expect(values(reg, 'henvist_fra')).toEqual(before);
    expect(deltaker.henvist_fra).toBe('NAV Bergen Sør');
  });

  it('matches Æ/Ø/Å without regard to case too: "nav årstad" is NAV Årstad', () => {
    const { reg } = tempRegister();
    const before = values(reg, 'henvist_fra');
    const { addedListValues, deltaker } = createDeltaker(reg, aDeltaker({ henvist_fra: 'nav årstad' }));
    expect(addedListValues).toEqual([]);
    expect(values(reg, 'henvist_fra')).toEqual(before);
    expect(deltaker.henvist_fra).toBe('NAV Årstad');
  });

  it('adds a value typed for the first time once, however the next deltaker spells it', () => {
    const { reg } = tempRegister();
    expect(createDeltaker(reg, aDeltaker({ brukersted: 'Kantinen BIC' })).addedListValues).toHaveLength(1);
    const second = createDeltaker(reg, aDeltaker({ brukersted: 'KANTINEN bic' }));
    expect(second.addedListValues).toEqual([]);
    expect(second.deltaker.brukersted).toBe('Kantinen BIC');
    expect(values(reg, 'brukersted')).toEqual(['Kantinen BIC']);
  });

  it('adds a new value reached by an update, and reports it', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker());
    const result = updateDeltaker(reg, deltaker.id, { brukersted: 'Fyllingsdalen sykehjem' });
    expect(result.addedListValues).toEqual([{ list: 'brukersted', verdi: 'Fyllingsdalen sykehjem' }]);
    expect(result.deltaker.brukersted).toBe('Fyllingsdalen sykehjem');
  });

  it('gives an import of many rows one new list value, however often it appears', () => {
    const { reg } = tempRegister();
    reg.db.transaction(() => {
      for (let i = 0; i < 5; i++)
        insertDeltaker(reg, aDeltaker({ navn: `Rad ${i}`, brukersted: i % 2 ? 'engen' : 'Engen' }));
    })();
    expect(values(reg, 'brukersted')).toEqual(['Engen']);
    expect(new Set(listDeltakere(reg, 'alle').map((d) => d.brukersted))).toEqual(new Set(['Engen']));
  });
});

describe('updating a deltaker', () => {
  it('changes only the given fields and keeps the change after reopening', () => {
    const handle = tempRegister();
    const { deltaker } = createDeltaker(handle.reg, aDeltaker());
    const { deltaker: updated } = updateDeltaker(handle.reg, deltaker.id, {
      sluttdato: '2026-05-29',
      avslutning: 'PLAN',
      sluttarsak: 'AD',
    });
    expect(updated).toEqual({ ...deltaker, sluttdato: '2026-05-29', avslutning: 'PLAN', sluttarsak: 'AD' });
    expect(getDeltaker(handle.reopen(), deltaker.id)).toEqual(updated);
  });

  it('can empty a field again', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker({ merknad: 'midlertidig' }));
    expect(updateDeltaker(reg, deltaker.id, { merknad: null }).deltaker.merknad).toBeNull();
  });

  it('trims a changed navn', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker());
    expect(updateDeltaker(reg, deltaker.id, { navn: '  Kari Nordmann-Hansen ' }).deltaker.navn).toBe(
      'Kari Nordmann-Hansen',
    );
  });

  it('moves a deltaker to a kull and out of it again', () => {
    const { reg } = tempRegister();
    const kull = createKull(reg, aKull());
    const { deltaker } = createDeltaker(reg, aDeltaker());
    expect(updateDeltaker(reg, deltaker.id, { kull_id: kull.id }).deltaker.kull_id).toBe(kull.id);
    expect(updateDeltaker(reg, deltaker.id, { kull_id: null }).deltaker.kull_id).toBeNull();
  });

  it('refuses a move to a kull that does not exist, and leaves the row as it was', () => {
    const { reg } = tempRegister();
    const { deltaker } = createDeltaker(reg, aDeltaker());
    expect(domainError(() => updateDeltaker(reg, deltaker.id, { kull_id: 123, navn: 'Endret' })).field).toBe('kull_id');
    expect(getDeltaker(reg, deltaker.id)).toEqual(deltaker);
  });

  it('refuses to update a deltaker that is gone, and says to reload', () => {
    const { reg } = tempRegister();
    const error = domainError(() => updateDeltaker(reg, 404, { navn: 'Ingen' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/Last listen på nytt/);
  });
});

describe('deleting deltakere', () => {
  it('deletes the given rows for good and says how many', () => {
    const handle = tempRegister();
    const a = createDeltaker(handle.reg, aDeltaker({ navn: 'A' })).deltaker;
    const b = createDeltaker(handle.reg, aDeltaker({ navn: 'B' })).deltaker;
    const c = createDeltaker(handle.reg, aDeltaker({ navn: 'C' })).deltaker;
    expect(deleteDeltakere(handle.reg, [a.id, c.id])).toBe(2);
    expect(listDeltakere(handle.reopen(), 'alle')).toEqual([b]);
  });

  it('deletes none when one of the rows is already gone (all or nothing)', () => {
    const { reg } = tempRegister();
    const a = createDeltaker(reg, aDeltaker({ navn: 'A' })).deltaker;
    const logRows = countRows(reg, 'endringslogg');
    expect(domainError(() => deleteDeltakere(reg, [a.id, 9999])).code).toBe('not_found');
    expect(listDeltakere(reg, 'alle')).toEqual([a]);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });
});

describe('listing deltakere', () => {
  it('lists all, those of one kull, or those without kull, in the order they were entered', () => {
    const { reg } = tempRegister();
    const k1 = createKull(reg, aKull({ navn: 'K1' }));
    const k2 = createKull(reg, aKull({ navn: 'K2' }));
    const a = createDeltaker(reg, aDeltaker({ navn: 'A', kull_id: k1.id })).deltaker;
    const b = createDeltaker(reg, aDeltaker({ navn: 'B' })).deltaker;
    const c = createDeltaker(reg, aDeltaker({ navn: 'C', kull_id: k2.id })).deltaker;
    const d = createDeltaker(reg, aDeltaker({ navn: 'D', kull_id: k1.id })).deltaker;
    expect(listDeltakere(reg, 'alle')).toEqual([a, b, c, d]);
    expect(listDeltakere(reg, k1.id)).toEqual([a, d]);
    expect(listDeltakere(reg, 'uten')).toEqual([b]);
    expect(listDeltakere(reg, 12345)).toEqual([]);
  });
});
