import { describe, expect, it } from 'vitest';
import { SLUTTARSAK } from '../../../shared/codes';
import {
  COUNT_ROWS,
  countRowIndex,
  FORM_LINES,
  FORM_ROWS,
  SECTION_ORDER,
  SECTIONS,
  TEMPLATE_ID,
} from '../../../shared/report/template';

describe('the form as data', () => {
  it('is the template "est-maanedsrapport" with rows 1 to 15 as rapporteringsskjema.md names them', () => {
    expect(TEMPLATE_ID).toBe('est-maanedsrapport');
    expect(FORM_ROWS.map((row) => [row.nr, row.key, row.label])).toEqual([
      ['1', 'henviste', 'Antall henviste i perioden'],
      ['2', 'uaktuelle', '– herav henvisninger med status uaktuell'],
      ['3', 'innom', 'Antall deltakere innom i perioden'],
      ['4', 'startet', '– herav startet i perioden'],
      ['5', 'aktive_ved_slutt', 'Antall aktive ved periodens slutt'],
      ['6', 'ventende', 'Antall henvist, ikke startet ved periodens slutt'],
      ['7', 'ikke_mott', 'Antall «ikke møtt»'],
      ['8', 'drop_out', 'Antall «drop out»'],
      ['9', 'flyttet_kommune', 'Antall avsluttet pga. flytting ut av kommunen'],
      ['10', 'flyttet_bydel', 'Antall avsluttet pga. flytting til annen bydel'],
      ['11', 'avsluttet', 'Antall avsluttet i perioden, totalt'],
      [
        '12',
        'gjennomfort',
        'Totalt antall deltakere med gjennomførte eller planmessig avviklet deltagelse i perioden – eksklusiv flytting',
      ],
      ...SLUTTARSAK.map((code) => ['13', `sluttarsak.${code.code}`, code.label]),
      ['14', 'til_arbeid', '– herav til arbeid (A + AD)'],
      ['15', 'ansatt_hos_brukersted', '– herav ansatt hos brukerstedet'],
    ]);
  });

  it('prints row 13’s lead-in line before the sluttårsak lines', () => {
    const heading = FORM_LINES.findIndex((line) => line.kind === 'heading');
    expect(FORM_LINES[heading]).toMatchObject({ nr: '13' });
    expect(FORM_LINES[heading + 1]).toMatchObject({ key: 'sluttarsak.A' });
  });

  it('takes percentages only where the form prints them: row 12 over 12 + 7 + 8, rows 13–15 over row 12', () => {
    const pcts = Object.fromEntries(FORM_ROWS.filter((row) => row.pct).map((row) => [row.key, row.pct?.per]));
    expect(pcts).toEqual({
      gjennomfort: ['gjennomfort', 'ikke_mott', 'drop_out'],
      ...Object.fromEntries(SLUTTARSAK.map((code) => [`sluttarsak.${code.code}`, ['gjennomfort']])),
      til_arbeid: ['gjennomfort'],
      ansatt_hos_brukersted: ['gjennomfort'],
    });
  });

  it('names only rows that exist, and puts every "herav" row after its parent', () => {
    const keys = new Set(FORM_ROWS.map((row) => row.key));
    for (const row of FORM_ROWS) {
      for (const key of row.pct?.per ?? []) expect(keys.has(key), `${row.key} pct ${key}`).toBe(true);
      if (row.kind === 'sum') for (const key of row.sumOf) expect(() => countRowIndex(key)).not.toThrow();
    }
    COUNT_ROWS.forEach((row, i) => {
      if (row.within !== undefined) expect(countRowIndex(row.within)).toBeLessThan(i);
    });
    for (const key of [
      SECTIONS.kjonn_alder.row,
      SECTIONS.henvist_fra.row,
      SECTIONS.dropout_arsak.row,
      SECTIONS.ventetid.row,
    ]) {
      expect(() => countRowIndex(key)).not.toThrow();
    }
    for (const key of [...SECTIONS.varighet.rows, ...SECTIONS.kull.counts.flatMap((c) => c.rows)]) {
      expect(() => countRowIndex(key)).not.toThrow();
    }
  });

  it('lists the sections in the spec’s order', () => {
    expect(SECTION_ORDER).toEqual([
      'kjonn_alder',
      'henvist_fra',
      'varighet',
      'dropout_arsak',
      'ventetid',
      'kull',
      'datakvalitet',
    ]);
    expect(Object.keys(SECTIONS)).toEqual(SECTION_ORDER);
  });
});
