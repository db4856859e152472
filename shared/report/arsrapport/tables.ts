/**
 * The årsrapport as plain tables, years as columns: each table has lead columns (the row labels) and
 * one block of columns per year, then «Siden oppstart». The HTML (html.ts) prints at most five
 * blocks a page with the lead columns repeated; the XLSX and the CSV take every block in one sheet.
 * Counts of 1–4 in landbakgrunn, brukersted and veileder are `small` cells («<5») when the report
 * hides small numbers.
 */
import { periodLabel } from '../format';
import type { CountItem } from '../schema';
import type { Cell, RowStyle } from '../tables';
import { FORM_HEADINGS, FORM_LINES, printedLabel, SECTIONS } from '../template';
import type { Arsrapport, ArsrapportBlock } from './schema';

/** A count a file prints as «<5» (the exact count stays in the JSON). */
export type SmallCell = { readonly kind: 'small'; readonly value: number };
export type ArsCell = Cell | SmallCell;
export type ArsRow = { readonly style: RowStyle; readonly cells: readonly ArsCell[]; readonly key?: string };

export type BlockHead = { readonly caption: string; readonly period: string };

export type ArsTable = {
  readonly key: string;
  /** A worksheet name: at most 31 characters, none of []:*?/\. */
  readonly sheet: string;
  readonly title: string;
  readonly note?: string;
  readonly lead: readonly string[];
  readonly blockColumns: readonly string[];
  /** Shorter headings for print, where a block of five must fit a fifth of the page (the note explains them). */
  readonly blockColumnsShort?: readonly string[];
  readonly blocks: readonly BlockHead[];
  /** Lead cells, then each block's cells in blockColumns order. */
  readonly rows: readonly ArsRow[];
  /** The table's counts may be hidden as «<5». */
  readonly smallNumbers?: boolean;
};

export const SMALL = '<5';
export const SINCE_START = 'Siden oppstart';
export const BLANK_LABEL = 'Ikke oppgitt';
export const ARSRAPPORT_TITLE = 'Årsrapport';

const text = (value: string | null): Cell => ({ kind: 'text', value });
const count = (value: number): Cell => ({ kind: 'count', value });
const pct = (value: number | null): Cell => ({ kind: 'pct', value });
const decimal = (value: number | null): Cell => ({ kind: 'decimal', value });
const date = (value: string | null): Cell => ({ kind: 'date', value });
const hideable = (value: number, suppressed: boolean): ArsCell =>
  suppressed ? { kind: 'small', value } : count(value);

type Labelled = { block: ArsrapportBlock; head: BlockHead };

/** The years, then «Siden oppstart». */
export function blocksOf(report: Arsrapport): Labelled[] {
  return [
    // A year needs no dates under it; «siden oppstart» does.
    ...report.years.map((y) => ({ block: y as ArsrapportBlock, head: { caption: String(y.year), period: '' } })),
    {
      block: report.since_start,
      head: { caption: SINCE_START, period: periodLabel(report.since_start.from, report.since_start.to) },
    },
  ];
}

/** A table with one column per block: one line per `lines` entry. */
function perBlock(
  base: Pick<ArsTable, 'key' | 'sheet' | 'title' | 'note' | 'smallNumbers'>,
  blocks: readonly Labelled[],
  lead: string,
  column: string,
  lines: readonly { label: string; style?: RowStyle; key?: string; cell?: (b: ArsrapportBlock) => ArsCell }[],
): ArsTable {
  return {
    ...base,
    lead: [lead],
    blockColumns: [column],
    blocks: blocks.map((b) => b.head),
    rows: lines.map((line) => ({
      style: line.style ?? 'row',
      ...(line.key === undefined ? {} : { key: line.key }),
      cells: [
        text(line.label),
        ...(line.cell ? blocks.map((b) => (line.cell as (x: ArsrapportBlock) => ArsCell)(b.block)) : []),
      ],
    })),
  };
}

function formTable(blocks: readonly Labelled[]): ArsTable {
  const { nr, label, total, kvp, oks, andre, pct: pctHeading } = FORM_HEADINGS;
  const rows: ArsRow[] = FORM_LINES.map((line) => {
    if (line.kind === 'heading') return { style: 'heading', cells: [text(line.nr), text(line.label)] };
    const cells: ArsCell[] = [text(line.nr), text(printedLabel(line))];
    for (const { block } of blocks) {
      const row = block.rows[line.key];
      cells.push(
        count(row?.total ?? 0),
        count(row?.kvp ?? 0),
        count(row?.oks ?? 0),
        count(row?.andre ?? 0),
        line.pct ? pct(row?.pct ?? null) : text(null),
      );
    }
    return { style: line.indent ? 'sub' : 'row', cells, key: line.key };
  });
  return {
    key: 'form',
    sheet: 'Skjema år for år',
    title: 'Skjemaets rader år for år',
    lead: [nr, label],
    blockColumns: [total, kvp, oks, andre, pctHeading],
    blocks: blocks.map((b) => b.head),
    rows,
  };
}

/** The items of a list section in every block, «siden oppstart»'s order first. */
function unionItems(blocks: readonly Labelled[], itemsOf: (b: ArsrapportBlock) => readonly CountItem[]): CountItem[] {
  const seen = new Map<string, CountItem>();
  for (const { block } of [...blocks].reverse())
    for (const item of itemsOf(block)) if (!seen.has(item.key)) seen.set(item.key, item);
  return [...seen.values()];
}

function listSection(
  blocks: readonly Labelled[],
  key: 'henvist_fra' | 'varighet' | 'dropout_arsak',
  sheet: string,
): ArsTable {
  const config = SECTIONS[key];
  const itemsOf = (b: ArsrapportBlock) => b.sections[key];
  const items = unionItems(blocks, itemsOf);
  return perBlock({ key, sheet, title: config.title }, blocks, config.headings.value, config.headings.count, [
    ...items.map((item) => ({
      label: item.label,
      key: item.key,
      cell: (b: ArsrapportBlock) => count(itemsOf(b).find((x) => x.key === item.key)?.count ?? 0),
    })),
    {
      label: 'Totalt',
      style: 'total' as const,
      cell: (b: ArsrapportBlock) => count(itemsOf(b).reduce((s, x) => s + x.count, 0)),
    },
  ]);
}

function kjonnAlderTable(blocks: readonly Labelled[]): ArsTable {
  const config = SECTIONS.kjonn_alder;
  const first = (blocks[0] as Labelled).block.sections.kjonn_alder;
  return perBlock(
    { key: 'kjonn_alder', sheet: 'Kjønn og alder', title: config.title },
    blocks,
    'Kjønn og alder',
    'Antall',
    [
      { label: 'Kjønn', style: 'caption' },
      ...first.rows.map((row, i) => ({
        label: row.label,
        style: 'sub' as const,
        cell: (b: ArsrapportBlock) => count(b.sections.kjonn_alder.rows[i]?.total ?? 0),
      })),
      { label: 'Alder', style: 'caption' },
      ...first.age_groups.map((g) => ({
        label: g.key === 'ukjent' ? 'Ukjent alder' : `${g.label} år`,
        style: 'sub' as const,
        cell: (b: ArsrapportBlock) => count(b.sections.kjonn_alder.total.counts[g.key] ?? 0),
      })),
      { label: 'Totalt', style: 'total', cell: (b) => count(b.sections.kjonn_alder.total.total) },
    ],
  );
}

function ventetidTable(
  blocks: readonly Labelled[],
  key: 'ventetid' | 'ventetid_kvp',
  title: string,
  sheet: string,
): ArsTable {
  const { labels } = SECTIONS.ventetid;
  const of = (b: ArsrapportBlock) =>
    key === 'ventetid' ? { ...b.sections.ventetid, mean_months: null } : b.breakdowns.ventetid_kvp;
  const lines = [
    { label: labels.count, cell: (b: ArsrapportBlock) => count(of(b).count) },
    { label: labels.mean_days, cell: (b: ArsrapportBlock) => decimal(of(b).mean_days) },
    ...(key === 'ventetid_kvp'
      ? [{ label: 'Gjennomsnitt, måneder', cell: (b: ArsrapportBlock) => decimal(of(b).mean_months) }]
      : []),
    { label: labels.median_days, cell: (b: ArsrapportBlock) => decimal(of(b).median_days) },
    { label: labels.over_6_months, cell: (b: ArsrapportBlock) => count(of(b).over_6_months) },
    { label: labels.not_measured, cell: (b: ArsrapportBlock) => count(of(b).not_measured) },
  ];
  return perBlock({ key, sheet, title }, blocks, 'Mål', 'Verdi', lines);
}

function kullTable(report: Arsrapport): ArsTable {
  const config = SECTIONS.kull;
  const since = report.since_start;
  const figures = (f: (typeof since.sections.kull)['total']): ArsCell[] => [
    ...config.counts.map((c) => count(f[c.key])),
    ...config.pcts.map((p) => pct(f[p.key])),
  ];
  return {
    key: 'kull',
    sheet: 'Kulloversikt',
    title: 'Kulloversikt siden oppstart',
    lead: [config.headings.navn, config.headings.startdato, config.headings.planlagt_sluttdato],
    blockColumns: [...config.counts.map((c) => c.label), ...config.pcts.map((p) => p.label)],
    blocks: [{ caption: SINCE_START, period: periodLabel(since.from, since.to) }],
    rows: [
      ...since.sections.kull.lines.map((line) => ({
        style: 'row' as const,
        key: String(line.kull_id),
        cells: [text(line.navn), date(line.startdato), date(line.planlagt_sluttdato), ...figures(line)],
      })),
      {
        style: 'total',
        cells: [text(config.headings.total), date(null), date(null), ...figures(since.sections.kull.total)],
      },
    ],
  };
}

const KJONN_LABELS = { K: 'Kvinne', M: 'Mann', A: 'Annet/ukjent' } as const;

function breakdownTables(report: Arsrapport, blocks: readonly Labelled[]): ArsTable[] {
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

function oppfolgingTable(blocks: readonly Labelled[]): ArsTable {
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
export function arsrapportTables(report: Arsrapport): ArsTable[] {
  const blocks = blocksOf(report);
  return [
    formTable(blocks),
    kjonnAlderTable(blocks),
    listSection(blocks, 'henvist_fra', 'Henvist fra'),
    listSection(blocks, 'varighet', 'Varighet'),
    listSection(blocks, 'dropout_arsak', 'Drop-out'),
    ventetidTable(blocks, 'ventetid', SECTIONS.ventetid.title, 'Ventetid'),
    ...(report.since_start.sections.kull.lines.length > 0 ? [kullTable(report)] : []),
    ...breakdownTables(report, blocks),
    oppfolgingTable(blocks),
  ];
}

/** The span as people read it: "2019–2024", or one year "2024". */
export function spanLabel(report: Pick<Arsrapport, 'years'>): string {
  const first = report.years[0]?.year;
  const last = report.years.at(-1)?.year;
  return first === last ? String(first ?? '') : `${first}–${last}`;
}
