/**
 * The årsrapport's table model: lead columns (the row labels) and one block of columns per year,
 * then «Siden oppstart»; the cells, and the helpers the tables are built with (tables.ts,
 * breakdown-tables.ts). Counts of 1–4 in landbakgrunn, brukersted and veileder are `small` cells
 * («<5») when the report hides small numbers.
 */
import { periodLabel } from '../format';
import type { Cell, RowStyle } from '../tables';
import { SECTIONS } from '../template';
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

export const text = (value: string | null): Cell => ({ kind: 'text', value });
export const count = (value: number): Cell => ({ kind: 'count', value });
export const pct = (value: number | null): Cell => ({ kind: 'pct', value });
export const decimal = (value: number | null): Cell => ({ kind: 'decimal', value });
export const date = (value: string | null): Cell => ({ kind: 'date', value });
export const hideable = (value: number, suppressed: boolean): ArsCell =>
  suppressed ? { kind: 'small', value } : count(value);

export type Labelled = { block: ArsrapportBlock; head: BlockHead };

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
export function perBlock(
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

export function ventetidTable(
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
