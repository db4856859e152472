/**
 * The årsrapport's breakdown tables and the follow-up, years as columns (arsrapport.md «Breakdowns»,
 * «Oppfølging»): the cells a file hides are `small`.
 */

import type { Arsrapport, ArsrapportBlock } from './schema';
import {
  type ArsCell,
  type ArsTable,
  BLANK_LABEL,
  count,
  hideable,
  type Labelled,
  pct,
  perBlock,
  text,
  ventetidTable,
} from './table-model';

const KJONN_LABELS = { K: 'Kvinne', M: 'Mann', A: 'Annet/ukjent' } as const;

export function breakdownTables(report: Arsrapport, blocks: readonly Labelled[]): ArsTable[] {
  const since = report.since_start.breakdowns;
  const kjonn = ['K', 'M', 'A'] as const;
  const smallNote = report.small_numbers_hidden
    ? 'Tall fra 1 til 4 vises som «<5», så ingen kan kjennes igjen i en liten gruppe.'
    : undefined;
  const hidden = { smallNumbers: true, ...(smallNote ? { note: smallNote } : {}) };
  const blockTable = <L extends { key: string; label: string }>(
    base: Pick<ArsTable, 'key' | 'sheet' | 'title' | 'blockColumnsShort' | 'note'>,
    lead: string,
    columns: readonly { label: string; cell: (line: L) => ArsCell }[],
    lines: readonly { key: string; label: string }[],
    linesOf: (b: ArsrapportBlock) => readonly L[],
  ): ArsTable => ({
    ...hidden,
    ...base,
    lead: [lead],
    blockColumns: columns.map((c) => c.label),
    blocks: blocks.map((b) => b.head),
    rows: lines.map((line) => ({
      style: 'row',
      key: line.key,
      cells: [
        text(line.label === '' ? BLANK_LABEL : line.label),
        ...blocks.flatMap(({ block }) => {
          const found = linesOf(block).find((l) => l.key === line.key);
          return columns.map((c) => (found ? c.cell(found) : count(0)));
        }),
      ],
    })),
  });
  type B = (typeof since.brukersted)[number];
  type V = (typeof since.veileder)[number];
  return [
    perBlock(
      { key: 'henviste_kjonn', sheet: 'Henviste etter kjønn', title: 'Henviste etter kjønn (rad 1)' },
      blocks,
      'Kjønn',
      'Antall',
      [
        ...kjonn.map((k) => ({
          label: KJONN_LABELS[k],
          key: k,
          cell: (b: ArsrapportBlock) => count(b.breakdowns.henviste_kjonn[k]),
        })),
        { label: 'Totalt', style: 'total', cell: (b) => count(b.rows.henviste?.total ?? 0) },
      ],
    ),
    perBlock(
      {
        key: 'resultat_kjonn',
        sheet: 'Resultat etter kjønn',
        title: 'Gjennomført og til arbeid etter kjønn (rad 12 og 14)',
      },
      blocks,
      'Kjønn',
      'Verdi',
      kjonn.flatMap((k) => [
        { label: KJONN_LABELS[k], style: 'caption' as const },
        {
          label: 'Gjennomført (rad 12)',
          style: 'sub' as const,
          cell: (b: ArsrapportBlock) => count(b.breakdowns.resultat_kjonn[k].gjennomfort),
        },
        {
          label: 'Til arbeid (rad 14)',
          style: 'sub' as const,
          cell: (b: ArsrapportBlock) => count(b.breakdowns.resultat_kjonn[k].til_arbeid),
        },
        {
          label: '% til arbeid',
          style: 'sub' as const,
          cell: (b: ArsrapportBlock) => pct(b.breakdowns.resultat_kjonn[k].pct),
        },
      ]),
    ),
    {
      ...perBlock(
        { key: 'landbakgrunn', sheet: 'Landbakgrunn', title: 'Deltakere innom etter landbakgrunn (rad 3)', ...hidden },
        blocks,
        'Landbakgrunn',
        'Antall',
        since.landbakgrunn.map((line) => ({
          label: line.label === '' ? BLANK_LABEL : line.label,
          key: line.key,
          cell: (b: ArsrapportBlock) => {
            const found = b.breakdowns.landbakgrunn.find((l) => l.key === line.key);
            return found ? hideable(found.count, found.suppressed) : count(0);
          },
        })),
      ),
    },
    perBlock(
      { key: 'arbeid', sheet: 'Arbeid eller utdanning', title: 'Arbeid eller utdanning' },
      blocks,
      'Mål',
      'Verdi',
      [
        {
          label: 'Arbeid eller utdanning (A, AD, UT, GS)',
          cell: (b) => count(b.breakdowns.arbeid_eller_utdanning.count),
        },
        {
          label: '– % av gjennomført (rad 12)',
          style: 'sub',
          cell: (b) => pct(b.breakdowns.arbeid_eller_utdanning.pct),
        },
        { label: 'Til arbeid (rad 14)', cell: (b) => count(b.breakdowns.arbeid_av_avsluttede.count) },
        {
          label: '– % av alle avsluttede (rad 11)',
          style: 'sub',
          cell: (b) => pct(b.breakdowns.arbeid_av_avsluttede.pct),
        },
      ],
    ),
    blockTable<B>(
      {
        key: 'brukersted',
        sheet: 'Brukersted',
        title: 'Etter brukersted',
        blockColumnsShort: ['Inn', 'Start', 'Gj.', 'Arb.', 'Ans.'],
        note: `Inn: innom (rad 3). Start: startet (rad 4). Gj.: gjennomført (rad 12). Arb.: til arbeid (rad 14). Ans.: ansatt hos brukerstedet (rad 15).${smallNote ? ` ${smallNote}` : ''}`,
      },
      'Brukersted',
      [
        { label: 'Innom', cell: (l) => hideable(l.innom, l.suppressed.innom) },
        { label: 'Startet', cell: (l) => hideable(l.startet, l.suppressed.startet) },
        { label: 'Gjennomført', cell: (l) => hideable(l.gjennomfort, l.suppressed.gjennomfort) },
        { label: 'Til arbeid', cell: (l) => hideable(l.til_arbeid, l.suppressed.til_arbeid) },
        { label: 'Ansatt', cell: (l) => hideable(l.ansatt_hos_brukersted, l.suppressed.ansatt_hos_brukersted) },
      ],
      since.brukersted,
      (b) => b.breakdowns.brukersted,
    ),
    blockTable<V>(
      { key: 'veileder', sheet: 'Veileder', title: 'Etter veileder' },
      'Veileder',
      [
        { label: 'Innom', cell: (l) => hideable(l.innom, l.suppressed.innom) },
        { label: 'Aktive ved slutt', cell: (l) => hideable(l.aktive_ved_slutt, l.suppressed.aktive_ved_slutt) },
      ],
      since.veileder,
      (b) => b.breakdowns.veileder,
    ),
    ventetidTable(blocks, 'ventetid_kvp', 'Tid fra henvisning til oppstart, bare KVP', 'Ventetid KVP'),
  ];
}

export function oppfolgingTable(blocks: readonly Labelled[]): ArsTable {
  const parts = [
    ['seks', '6 måneder etter avslutning til arbeid'],
    ['tolv', '12 måneder etter avslutning til arbeid'],
  ] as const;
  return perBlock(
    { key: 'oppfolging', sheet: 'Oppfølging', title: 'Oppfølging etter avslutning til arbeid (A og AD)' },
    blocks,
    'Oppfølging',
    'Antall',
    parts.flatMap(([key, label]) => [
      { label, style: 'caption' as const },
      {
        label: 'Skulle følges opp i perioden',
        style: 'sub' as const,
        cell: (b: ArsrapportBlock) => count(b.oppfolging[key].count),
      },
      { label: 'I arbeid: ja', style: 'sub' as const, cell: (b: ArsrapportBlock) => count(b.oppfolging[key].ja) },
      { label: 'I arbeid: nei', style: 'sub' as const, cell: (b: ArsrapportBlock) => count(b.oppfolging[key].nei) },
      { label: 'Ukjent', style: 'sub' as const, cell: (b: ArsrapportBlock) => count(b.oppfolging[key].ukjent) },
      { label: 'Ikke besvart', style: 'sub' as const, cell: (b: ArsrapportBlock) => count(b.oppfolging[key].ubesvart) },
    ]),
  );
}

/** Every table, in print order: the form, its sections, the breakdowns, the follow-up. */
