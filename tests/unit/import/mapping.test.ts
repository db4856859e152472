/**
 * Matching a spreadsheet's columns to fields: the wizard's suggestion (never throws), the checks on
 * a mapping the user changed, and the CLI's strict mapping, which must keep refusing what it refused.
 */
import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../electron/io/import';
import { DomainError } from '../../../electron/store/errors';
import { mappingProblems, suggestMapping } from '../../../shared/mapping';
import { expectNorwegianMessage } from '../helpers/messages';

describe('suggestMapping', () => {
  it('matches the Norwegian headers a leder’s workbook has, by label and by synonym', () => {
    const headers = [
      'Fullt navn',
      'Fødselsår',
      'Kjønn',
      'NAV-kontor',
      'Henvist dato',
      'Startdato',
      'Sluttdato',
      'Sluttårsak',
      'Årsak til drop-out',
      'Ansatt hos brukersted',
      'I arbeid etter 6 mnd',
      'Kommentar',
      'Kull',
    ];
    const { mapping, notes } = suggestMapping('deltakere', headers);
    expect(mapping).toEqual([
      'navn',
      'fodselsar',
      'kjonn',
      'henvist_fra',
      'henvist_dato',
      'startdato',
      'sluttdato',
      'sluttarsak',
      'dropout_arsak',
      'ansatt_hos_brukersted',
      'i_arbeid_etter_6_mnd',
      'merknad',
      'kull_id',
    ]);
    expect(notes).toEqual([]);
  });

  it('ignores case, spaces, dashes and underscores: «NAV kontor», «fodselsar», «START_DATO»', () => {
    expect(suggestMapping('deltakere', ['NAV kontor', 'fodselsar', 'START_DATO', ' navn ']).mapping).toEqual([
      'henvist_fra',
      'fodselsar',
      'startdato',
      'navn',
    ]);
  });

  it('leaves an unknown column out with a note instead of refusing the file', () => {
    const { mapping, notes } = suggestMapping('deltakere', ['Navn', 'Telefon', 'Startdato']);
    expect(mapping).toEqual(['navn', null, 'startdato']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ column: 1, header: 'Telefon', reason: 'unknown' });
    expectNorwegianMessage(notes[0]?.message ?? '');
  });

  it('gives a field to the first of two columns that both match it, and notes the second', () => {
    const { mapping, notes } = suggestMapping('deltakere', ['Navn', 'Fullt navn']);
    expect(mapping).toEqual(['navn', null]);
    expect(notes[0]).toMatchObject({ column: 1, reason: 'duplicate', field: 'navn' });
  });

  it('leaves a blank header out without a note', () => {
    expect(suggestMapping('deltakere', ['Navn', '', ' '])).toEqual({ mapping: ['navn', null, null], notes: [] });
  });

  it('matches kull headers against the kull fields', () => {
    expect(suggestMapping('kull', ['Kullnavn', 'Oppstart', 'Planlagt sluttdato', 'Antall plasser']).mapping).toEqual([
      'navn',
      'startdato',
      'planlagt_sluttdato',
      'kapasitet',
    ]);
  });
});

describe('mappingProblems', () => {
  it('is empty for a usable mapping, with columns left out', () => {
    expect(mappingProblems('deltakere', ['navn', null, 'fodselsar', null])).toEqual([]);
  });

  it('says so when no column fills a required field', () => {
    const [problem, ...rest] = mappingProblems('deltakere', [null, 'fodselsar']);
    expect(rest).toEqual([]);
    expect(problem).toContain('Navn');
    expectNorwegianMessage(problem ?? '');
    expect(mappingProblems('kull', ['navn'])).toEqual([expect.stringContaining('Startdato')]);
  });

  it('refuses one field for two columns, and a name that is no field', () => {
    expect(mappingProblems('deltakere', ['navn', 'navn'])).toEqual([expect.stringContaining('kolonner (1 og 2)')]);
    expect(mappingProblems('deltakere', ['navn', 'telefon'])).toEqual([expect.stringContaining('«telefon»')]);
    expect(mappingProblems('kull', ['navn', 'startdato', 'fodselsar'])).toHaveLength(1);
  });
});

describe('mapColumns (the CLI) still refuses what would silently lose data', () => {
  const refusal = (headers: string[]) => {
    try {
      mapColumns('deltakere', headers);
    } catch (error) {
      if (error instanceof DomainError) return error;
    }
    throw new Error('expected a refusal');
  };

  it('an unknown column, a doubled column and a missing navn are refused with the CLI’s messages', () => {
    expect(refusal(['Navn', 'Telefon'])).toMatchObject({ code: 'unknown_column', field: 'Telefon' });
    expect(refusal(['Navn', 'Telefon']).message).toContain('Ukjent kolonne «Telefon» (kolonne 2)');
    expect(refusal(['Navn', 'Fullt navn'])).toMatchObject({ code: 'duplicate_column' });
    expect(refusal(['Fødselsår'])).toMatchObject({ code: 'missing_column', field: 'navn' });
  });

  it('maps a file it accepts exactly as the wizard suggests', () => {
    const headers = ['Fullt navn', 'Fødselsår', 'NAV-kontor', 'Startdato', 'Sluttårsak'];
    expect(mapColumns('deltakere', headers)).toEqual(suggestMapping('deltakere', headers).mapping);
  });
});
