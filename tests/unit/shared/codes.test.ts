import { describe, expect, it } from 'vitest';
import {
  AVSLUTNING,
  codeLabel,
  DEFAULT_LISTS,
  EDITABLE_LIST_KEYS,
  EDITABLE_LIST_LABELS,
  KJONN,
  SLUTTARSAK,
  YTELSE,
} from '../../../shared/codes';

const codes = (list: readonly { code: string }[]) => list.map((c) => c.code);

describe('the fixed code lists are the ones in domain.md, in the form’s order', () => {
  it('kjønn is K, M, A', () => {
    expect(codes(KJONN)).toEqual(['K', 'M', 'A']);
  });

  it('ytelse has the eight benefits', () => {
    expect(YTELSE.map((c) => [c.code, c.label])).toEqual([
      ['KVP', 'Kvalifiseringsstønad'],
      ['OKS', 'Økonomisk sosialhjelp'],
      ['INT', 'Introduksjonsstønad'],
      ['AAP', 'Arbeidsavklaringspenger'],
      ['OS', 'Overgangsstønad'],
      ['DP', 'Dagpenger'],
      ['ING', 'Ingen ytelse'],
      ['ANN', 'Annen ytelse'],
    ]);
  });

  it('avslutning has the six ways a participation ends', () => {
    expect(AVSLUTNING.map((c) => [c.code, c.label])).toEqual([
      ['PLAN', 'Planmessig avsluttet'],
      ['IKKE', 'Ikke møtt'],
      ['DROP', 'Drop-out'],
      ['FLK', 'Flyttet ut av kommunen'],
      ['FLB', 'Flyttet til annen bydel'],
      ['UAKT', 'Uaktuell'],
    ]);
  });

  it('sluttårsak has the form’s fourteen codes, with UF and UK instead of the seeds’ double U', () => {
    expect(codes(SLUTTARSAK)).toEqual([
      'A',
      'AD',
      'UT',
      'GS',
      'AS',
      'KVP',
      'AP',
      'SU',
      'SH',
      'UF',
      'FF',
      'FP',
      'AN',
      'UK',
    ]);
    expect(codeLabel(SLUTTARSAK, 'UF')).toBe('Uføretrygdet');
    expect(codeLabel(SLUTTARSAK, 'UK')).toBe('Ukjent');
  });

  it('no two entries of one list share a code or a label in any letter case', () => {
    for (const list of [KJONN, YTELSE, AVSLUTNING, SLUTTARSAK]) {
      const names = list.flatMap((c) => [c.code, c.label].map((s) => s.toLocaleLowerCase('nb')));
      const codesAndLabels = new Set(names);
      expect(codesAndLabels.size).toBe(names.length);
    }
  });
});

describe('codeLabel', () => {
  it('gives the label of a code, nothing for no code, and the code itself when unknown', () => {
    expect(codeLabel(AVSLUTNING, 'DROP')).toBe('Drop-out');
    expect(codeLabel(AVSLUTNING, null)).toBe('');
    expect(codeLabel(AVSLUTNING, undefined)).toBe('');
    expect(codeLabel(AVSLUTNING, '')).toBe('');
    expect(codeLabel(AVSLUTNING, 'XYZ')).toBe('XYZ');
  });
});

describe('the editable lists start with the spec’s defaults', () => {
  it('henvist_fra starts with the NAV offices and referring units', () => {
    expect(DEFAULT_LISTS.henvist_fra).toEqual([
      'NAV Bergen Sør',
      'NAV Bergenhus',
      'NAV Bergen Vest',
      'NAV Årstad',
      'NAV Bergen Nord',
      'Ny sjanse',
      'NorA',
      'Introduksjonssenteret',
      'Bergen læringscenter',
      'Annet',
    ]);
  });

  it('dropout_arsak starts with the ten reasons from NorA and Brannsjansen', () => {
    expect(DEFAULT_LISTS.dropout_arsak).toHaveLength(10);
    expect(DEFAULT_LISTS.dropout_arsak).toContain('Plass på AMO-kurs');
  });

  it('every editable list has a Norwegian label and no duplicate defaults', () => {
    for (const key of EDITABLE_LIST_KEYS) {
      expect(EDITABLE_LIST_LABELS[key].length).toBeGreaterThan(0);
      const lower = DEFAULT_LISTS[key].map((v) => v.toLocaleLowerCase('nb'));
      expect(new Set(lower).size).toBe(lower.length);
    }
  });
});
