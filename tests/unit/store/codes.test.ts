import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import {
  addListValue,
  allCodeLists,
  listValues,
  renameListValue,
  reorderList,
  setListValueHidden,
} from '../../../electron/store/codes';
import type { Register } from '../../../electron/store/connection';
import { createDeltaker, getDeltaker, listDeltakere } from '../../../electron/store/deltakere';
import { DomainError } from '../../../electron/store/errors';
import type { EditableListKey } from '../../../shared/codes';
import { DEFAULT_LISTS } from '../../../shared/codes';
import { aDeltaker } from '../helpers/builders';
import { expectNorwegianMessage, expectOk } from '../helpers/messages';
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

const values = (reg: Register, list: EditableListKey) => listValues(reg, list).map((v) => v.verdi);

describe('adding a value to an editable list', () => {
  it('puts it at the end, shown, and keeps it after reopening', () => {
    const handle = tempRegister();
    addListValue(handle.reg, 'henvist_fra', 'NAV Fana');
    addListValue(handle.reg, 'brukersted', '  Ladegården  ');
    const reg = handle.reopen();
    expect(values(reg, 'henvist_fra')).toEqual([...DEFAULT_LISTS.henvist_fra, 'NAV Fana']);
    expect(allCodeLists(reg).brukersted).toEqual([{ verdi: 'Ladegården', skjult: false, i_bruk: 0 }]);
  });

  it('refuses a value the list already has, in any letter case, and adds nothing', () => {
    const { reg } = tempRegister();
    for (const same of ['rus', 'RUS', ' Rus ', 'plass PÅ amo-kurs', 'ØNSKER IKKE TILTAKET']) {
      const error = domainError(() => addListValue(reg, 'dropout_arsak', same));
      expect(error.code).toBe('duplicate');
      expect(error.message).toContain('Årsak til drop-out');
    }
    expect(values(reg, 'dropout_arsak')).toEqual([...DEFAULT_LISTS.dropout_arsak]);
  });

  it('lets the same value live in two different lists', () => {
    const { reg } = tempRegister();
    addListValue(reg, 'brukersted', 'Annet');
    expect(values(reg, 'brukersted')).toEqual(['Annet']);
  });
});

describe('renaming a value', () => {
  it('renames it in place, and every deltaker using it follows', () => {
    const handle = tempRegister();
    const a = createDeltaker(handle.reg, aDeltaker({ navn: 'A', dropout_arsak: 'Rus' })).deltaker;
    const b = createDeltaker(handle.reg, aDeltaker({ navn: 'B', dropout_arsak: 'Psykisk helse' })).deltaker;
    const c = createDeltaker(handle.reg, aDeltaker({ navn: 'C', dropout_arsak: 'Rus' })).deltaker;

    renameListValue(handle.reg, 'dropout_arsak', 'Rus', 'Rusproblemer');

    const reg = handle.reopen();
    const list = values(reg, 'dropout_arsak');
    expect(list[DEFAULT_LISTS.dropout_arsak.indexOf('Rus')]).toBe('Rusproblemer');
    expect(list).not.toContain('Rus');
    expect(getDeltaker(reg, a.id).dropout_arsak).toBe('Rusproblemer');
    expect(getDeltaker(reg, b.id).dropout_arsak).toBe('Psykisk helse');
    expect(getDeltaker(reg, c.id).dropout_arsak).toBe('Rusproblemer');
  });

  it('renames it on deltakere holding it in another letter case too, Æ/Ø/Å included (SQLite NOCASE folds only A–Z)', () => {
    const { reg } = tempRegister();
    addListValue(reg, 'brukersted', 'Kafé Ø');
    // Spellings the app would not store, as a register written outside it may hold.
    const insert = reg.db.prepare('INSERT INTO deltaker (navn, brukersted) VALUES (?, ?)');
    for (const [navn, sted] of [
      ['A', 'Kafé Ø'],
      ['B', 'kafé ø'],
      ['C', 'KAFÉ Ø'],
      ['D', 'Kafé Ø2'],
    ])
      insert.run(navn, sted);
    renameListValue(reg, 'brukersted', 'Kafé Ø', 'Kafé Østre');
    expect(listDeltakere(reg, 'alle').map((d) => [d.navn, d.brukersted])).toEqual([
      ['A', 'Kafé Østre'],
      ['B', 'Kafé Østre'],
      ['C', 'Kafé Østre'],
      ['D', 'Kafé Ø2'],
    ]);
  });

  it('an undo keeps a value it added while a deltaker holds it in another letter case, Æ/Ø/Å included', () => {
    const { reg } = tempRegister();
    expectOk(invoke(reg, 'deltaker:create', aDeltaker({ navn: 'A', brukersted: 'Kafé Ø' })));
    expect(values(reg, 'brukersted')).toEqual(['Kafé Ø']);
    reg.db.prepare("INSERT INTO deltaker (navn, brukersted) VALUES ('B', 'kafé ø')").run();
    expectOk(invoke(reg, 'grid:undo', { table: 'deltaker' }));
    expect(listDeltakere(reg, 'alle').map((d) => d.navn)).toEqual(['B']);
    expect(values(reg, 'brukersted')).toEqual(['Kafé Ø']);
  });

  it('may change only the letter case of a value', () => {
    const { reg } = tempRegister();
    renameListValue(reg, 'henvist_fra', 'NorA', 'NORA');
    expect(values(reg, 'henvist_fra')).toContain('NORA');
    expect(values(reg, 'henvist_fra')).not.toContain('NorA');
  });

  it('is refused when the new name is another value of the list (any case), and changes nothing', () => {
    const { reg } = tempRegister();
    const d = createDeltaker(reg, aDeltaker({ dropout_arsak: 'Rus' })).deltaker;
    const logRows = countRows(reg, 'endringslogg');
    for (const clash of ['Psykisk helse', 'psykisk HELSE', 'PLASS PÅ AMO-KURS']) {
      const error = domainError(() => renameListValue(reg, 'dropout_arsak', 'Rus', clash));
      expect(error.code).toBe('duplicate');
      expect(error.field).toBe('til');
    }
    expect(values(reg, 'dropout_arsak')).toEqual([...DEFAULT_LISTS.dropout_arsak]);
    expect(getDeltaker(reg, d.id).dropout_arsak).toBe('Rus');
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });

  it('is refused for a value the list does not have', () => {
    const { reg } = tempRegister();
    const error = domainError(() => renameListValue(reg, 'brukersted', 'Finnes ikke', 'Noe'));
    expect(error.code).toBe('not_found');
    expect(values(reg, 'brukersted')).toEqual([]);
  });

  it('changes nothing at all when one of the deltakere cannot be written (all or nothing)', () => {
    const { reg } = tempRegister();
    createDeltaker(reg, aDeltaker({ navn: 'Først', brukersted: 'Engen' }));
    createDeltaker(reg, aDeltaker({ navn: 'Låst', brukersted: 'Engen' }));
    reg.db.exec(`CREATE TEMP TRIGGER laast BEFORE UPDATE OF brukersted ON deltaker WHEN OLD.navn = 'Låst'
      BEGIN SELECT RAISE(ABORT, 'simulert skrivefeil'); END`);
    const logRows = countRows(reg, 'endringslogg');

    expect(() => renameListValue(reg, 'brukersted', 'Engen', 'Kafé Engen')).toThrow(/simulert skrivefeil/);
    expect(values(reg, 'brukersted')).toEqual(['Engen']);
    expect(listDeltakere(reg, 'alle').map((d) => d.brukersted)).toEqual(['Engen', 'Engen']);
    expect(countRows(reg, 'endringslogg')).toBe(logRows);
  });
});

describe('hiding a value', () => {
  it('hides it from the list but leaves it on the deltakere that use it, and can show it again', () => {
    const handle = tempRegister();
    const d = createDeltaker(handle.reg, aDeltaker({ henvist_fra: 'Ny sjanse' })).deltaker;
    setListValueHidden(handle.reg, 'henvist_fra', 'Ny sjanse', true);

    const reg = handle.reopen();
    expect(allCodeLists(reg).henvist_fra.find((v) => v.verdi === 'Ny sjanse')).toEqual({
      verdi: 'Ny sjanse',
      skjult: true,
      i_bruk: 1,
    });
    expect(getDeltaker(reg, d.id).henvist_fra).toBe('Ny sjanse');
    setListValueHidden(reg, 'henvist_fra', 'ny sjanse', false);
    expect(allCodeLists(reg).henvist_fra.find((v) => v.verdi === 'Ny sjanse')?.skjult).toBe(false);
  });

  it('never deletes the value: hiding keeps the entry and its place', () => {
    const { reg } = tempRegister();
    setListValueHidden(reg, 'dropout_arsak', 'Rus', true);
    expect(values(reg, 'dropout_arsak')).toEqual([...DEFAULT_LISTS.dropout_arsak]);
  });

  it('is refused for a value the list does not have', () => {
    const { reg } = tempRegister();
    expect(domainError(() => setListValueHidden(reg, 'veileder', 'Ingen', true)).code).toBe('not_found');
  });
});

describe('reordering a list', () => {
  it('puts the values in the given order and keeps it after reopening', () => {
    const handle = tempRegister();
    const reversed = [...DEFAULT_LISTS.henvist_fra].reverse();
    reorderList(handle.reg, 'henvist_fra', reversed);
    expect(values(handle.reopen(), 'henvist_fra')).toEqual(reversed);
  });

  it('accepts the values in any letter case, Æ/Ø/Å included', () => {
    const { reg } = tempRegister();
    const order = DEFAULT_LISTS.henvist_fra.map((v) => v.toLocaleLowerCase('nb')).reverse();
    reorderList(reg, 'henvist_fra', order);
    expect(values(reg, 'henvist_fra')).toEqual([...DEFAULT_LISTS.henvist_fra].reverse());
  });

  it.each([
    ['a value is missing', DEFAULT_LISTS.dropout_arsak.slice(1)],
    ['a value is there twice', [...DEFAULT_LISTS.dropout_arsak.slice(1), 'Annet']],
    ['a value is unknown', [...DEFAULT_LISTS.dropout_arsak.slice(1), 'Ukjent årsak']],
    ['a value is added', [...DEFAULT_LISTS.dropout_arsak, 'Ny']],
  ])('is refused when %s, and changes nothing', (_why, order) => {
    const { reg } = tempRegister();
    expect(domainError(() => reorderList(reg, 'dropout_arsak', order)).code).toBe('bad_order');
    expect(values(reg, 'dropout_arsak')).toEqual([...DEFAULT_LISTS.dropout_arsak]);
  });
});

describe('the code lists with use counts', () => {
  it('counts how many deltakere use each value, in all four lists', () => {
    const { reg } = tempRegister();
    createDeltaker(reg, aDeltaker({ henvist_fra: 'NAV Årstad', veileder: 'Siri' }));
    createDeltaker(reg, aDeltaker({ henvist_fra: 'nav årstad' }));
    createDeltaker(
      reg,
      aDeltaker({ henvist_fra: 'NorA', sluttdato: '2026-03-01', avslutning: 'DROP', dropout_arsak: 'Rus' }),
    );
    const lists = allCodeLists(reg);
    expect(Object.keys(lists).sort()).toEqual(['brukersted', 'dropout_arsak', 'henvist_fra', 'veileder']);
    const uses = (list: EditableListKey, verdi: string) => lists[list].find((v) => v.verdi === verdi)?.i_bruk;
    expect(uses('henvist_fra', 'NAV Årstad')).toBe(2);
    expect(uses('henvist_fra', 'NorA')).toBe(1);
    expect(uses('henvist_fra', 'Annet')).toBe(0);
    expect(uses('dropout_arsak', 'Rus')).toBe(1);
    expect(uses('veileder', 'Siri')).toBe(1);
  });

  it('counts a value stored in other letter cases, Æ/Ø/Å included, as the list entry (SQLite NOCASE folds only A–Z)', () => {
    const { reg } = tempRegister();
    // The app stores the list's spelling, but a register written outside it (or by an older version) may not.
    const insert = reg.db.prepare("INSERT INTO deltaker (navn, henvist_fra, brukersted) VALUES ('X', ?, ?)");
    insert.run('NAV Årstad', 'Kafé Ø');
    insert.run('NAV ÅRSTAD', 'kafé ø');
    insert.run('nav årstad', 'KAFÉ Ø');
    insert.run('Nav Årstad', null);
    addListValue(reg, 'brukersted', 'Kafé Ø');
    const lists = allCodeLists(reg);
    expect(lists.henvist_fra.find((v) => v.verdi === 'NAV Årstad')?.i_bruk).toBe(4);
    expect(lists.brukersted).toEqual([{ verdi: 'Kafé Ø', skjult: false, i_bruk: 3 }]);
  });
});
