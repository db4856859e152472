/**
 * The årsrapport as plain tables, years as columns: the form and its sections here, the breakdowns
 * and the follow-up in breakdown-tables.ts, the model in table-model.ts. The HTML (html.ts) prints
 * at most five blocks a page with the lead columns repeated; the XLSX and the CSV take every block
 * in one sheet.
 */
import { periodLabel } from '../format';
import type { CountItem } from '../schema';
import { FORM_HEADINGS, FORM_LINES, printedLabel, SECTIONS } from '../template';
import { breakdownTables, oppfolgingTable } from './breakdown-tables';
import type { Arsrapport, ArsrapportBlock } from './schema';
import {
  type ArsCell,
  type ArsRow,
  type ArsTable,
  blocksOf,
  count,
  date,
  type Labelled,
  pct,
  perBlock,
  SINCE_START,
  text,
  ventetidTable,
} from './table-model';

export * from './table-model';

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
