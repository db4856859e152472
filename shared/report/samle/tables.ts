/**
 * The samlerapport as plain tables, in the style of ../tables.ts (the same cells and row styles): the
 * form and every section with the total first and then one column block per tiltak, the kull lines
 * per tiltak, Datakvalitet per tiltak, and who delivered. The HTML (html.ts), the CSV (csv.ts) and
 * the XLSX (electron/io/samle-files.ts) are all written from these.
 */
import { formatDate } from '../../dates';
import { ROW_RULES } from '../../rules';
import { periodLabel } from '../format';
import type { CountItem, ReportRow } from '../schema';
import { type Cell, type HeadCell, neutraliseFormula, type RowStyle, type TableRow } from '../tables';
import { FORM_HEADINGS, FORM_LINES, printedLabel, SECTIONS, TEMPLATE_TITLE } from '../template';
import { madeAtLabel } from './file';
import { foldLabel, mergeByLabel, type Samlerapport, type SamleSections } from './merge';

export { neutraliseFormula };

export const SAMLE_TITLE = 'Samlerapport';

export type SamleTable = {
  readonly key: string;
  /** A worksheet name (at most 31 characters, none of []:*?/\). */
  readonly sheet: string;
  readonly title: string;
  /** Columns before the blocks (the row labels), repeated on every printed page. */
  readonly lead: number;
  /** Columns per block (total, then each tiltak); 0 for a table without blocks. */
  readonly blockWidth: number;
  readonly blocks: number;
  /** With blocks: a caption row (the block names) over the column headings. */
  readonly head: readonly (readonly HeadCell[])[];
  readonly rows: readonly TableRow[];
};

/** One block: the total or a tiltak, with what the tables need of it. */
type Block = {
  caption: string;
  rows: Record<string, ReportRow>;
  sections: Omit<SamleSections, 'kull'>;
  quality: ReadonlyMap<string, number>;
};

const text = (value: string | null): Cell => ({ kind: 'text', value });
const count = (value: number): Cell => ({ kind: 'count', value });
const pct = (value: number | null): Cell => ({ kind: 'pct', value });
const decimal = (value: number | null): Cell => ({ kind: 'decimal', value });
const date = (value: string | null): Cell => ({ kind: 'date', value });
const heads = (...labels: string[]): HeadCell[] => labels.map((label) => ({ text: label, span: 1 }));

function blocksOf(report: Samlerapport): Block[] {
  const quality = (items: readonly { rule: string; count: number }[]) => new Map(items.map((i) => [i.rule, i.count]));
  return [
    {
      caption: report.total_name,
      rows: report.total.rows,
      sections: report.total.sections,
      quality: quality(report.total.datakvalitet),
    },
    ...report.tiltak.map((t) => ({
      caption: t.tiltak,
      rows: t.rows,
      sections: t.sections,
      quality: quality(t.datakvalitet),
    })),
  ];
}

function blockTable(
  base: { key: string; sheet: string; title: string },
  lead: readonly string[],
  blocks: readonly Block[],
  columns: readonly string[],
  rows: TableRow[],
): SamleTable {
  return {
    ...base,
    lead: lead.length,
    blockWidth: columns.length,
    blocks: blocks.length,
    head: [
      [...heads(...lead.map(() => '')), ...blocks.map((b) => ({ text: b.caption, span: columns.length }))],
      [...heads(...lead), ...blocks.flatMap(() => heads(...columns))],
    ],
    rows,
  };
}

function formTable(blocks: readonly Block[]): SamleTable {
  const rows: TableRow[] = [];
  for (const line of FORM_LINES) {
    if (line.kind === 'heading') {
      rows.push({ style: 'heading', cells: [text(line.nr), text(line.label)] });
      continue;
    }
    const cells: Cell[] = [text(line.nr), text(printedLabel(line))];
    for (const block of blocks) {
      const row = block.rows[line.key];
      cells.push(
        count(row?.total ?? 0),
        count(row?.kvp ?? 0),
        count(row?.oks ?? 0),
        count(row?.andre ?? 0),
        line.pct ? pct(row?.pct ?? null) : text(null),
      );
    }
    rows.push({ style: line.indent ? 'sub' : 'row', cells, key: line.key });
  }
  const { nr, label, total, kvp, oks, andre, pct: pctHeading } = FORM_HEADINGS;
  return blockTable(
    { key: 'form', sheet: 'Skjema', title: TEMPLATE_TITLE },
    [nr, label],
    blocks,
    [total, kvp, oks, andre, pctHeading],
    rows,
  );
}

function kjonnAlderTable(blocks: readonly Block[]): SamleTable {
  const config = SECTIONS.kjonn_alder;
  const groups = [...config.ageGroups, config.unknownAge];
  const rows: TableRow[] = [];
  const line = (style: RowStyle, kjonn: string, age: string, value: (b: Block) => number): TableRow => ({
    style,
    cells: [text(kjonn), text(age), ...blocks.map((b) => count(value(b)))],
  });
  for (const k of config.kjonn) {
    const of = (b: Block) => b.sections.kjonn_alder.rows.find((r) => r.key === k.code);
    for (const g of groups) rows.push(line('row', k.label, g.label, (b) => of(b)?.counts[g.key] ?? 0));
    rows.push(line('sub', k.label, config.headings.total, (b) => of(b)?.total ?? 0));
  }
  for (const g of groups) {
    rows.push(line('row', config.headings.total, g.label, (b) => b.sections.kjonn_alder.total.counts[g.key] ?? 0));
  }
  rows.push(line('total', config.headings.total, config.headings.total, (b) => b.sections.kjonn_alder.total.total));
  return blockTable(
    { key: 'kjonn_alder', sheet: 'Kjønn og alder', title: config.title },
    [config.headings.kjonn, 'Alder'],
    blocks,
    ['Antall'],
    rows,
  );
}

function listTable(
  key: 'henvist_fra' | 'varighet' | 'dropout_arsak',
  sheet: string,
  blocks: readonly Block[],
): SamleTable {
  const config = SECTIONS[key];
  const lists = blocks.map((b) => b.sections[key]);
  // Every label any block has, in the total's order (the total holds them all).
  const labels = mergeByLabel(lists.slice(0, 1));
  const counts = lists.map((items) => {
    const byLabel = new Map<string, number>();
    for (const item of items) {
      const k = item.key.trim() === '' ? '' : foldLabel(item.key);
      byLabel.set(k, (byLabel.get(k) ?? 0) + item.count);
    }
    return byLabel;
  });
  const keyOf = (item: CountItem) => (item.key === '' ? '' : foldLabel(item.key));
  const rows: TableRow[] = labels.map((item) => ({
    style: 'row',
    key: item.key,
    cells: [text(item.label), ...counts.map((c) => count(c.get(keyOf(item)) ?? 0))],
  }));
  rows.push({
    style: 'total',
    cells: [text('Totalt'), ...lists.map((items) => count(items.reduce((s, i) => s + i.count, 0)))],
  });
  return blockTable(
    { key, sheet, title: config.title },
    [config.headings.value],
    blocks,
    [config.headings.count],
    rows,
  );
}

function ventetidTable(blocks: readonly Block[]): SamleTable {
  const { labels, headings, title } = SECTIONS.ventetid;
  type V = Block['sections']['ventetid'];
  const measures: [string, keyof typeof labels, (v: V) => Cell][] = [
    [labels.count, 'count', (v) => count(v.count)],
    [labels.mean_days, 'mean_days', (v) => decimal(v.mean_days)],
    [labels.median_days, 'median_days', (v) => decimal(v.median_days)],
    [labels.over_6_months, 'over_6_months', (v) => count(v.over_6_months)],
    [labels.not_measured, 'not_measured', (v) => count(v.not_measured)],
  ];
  const rows: TableRow[] = measures.map(([label, key, cell]) => ({
    style: 'row',
    key,
    cells: [text(label), ...blocks.map((b) => cell(b.sections.ventetid))],
  }));
  return blockTable({ key: 'ventetid', sheet: 'Ventetid', title }, [headings.value], blocks, [headings.count], rows);
}

function kullTable(report: Samlerapport): SamleTable {
  const config = SECTIONS.kull;
  const figures = (f: SamleSections['kull']['total']): Cell[] => [
    ...config.counts.map((c) => count(f[c.key])),
    ...config.pcts.map((p) => pct(f[p.key])),
  ];
  const { lines, total } = report.total.sections.kull;
  const rows: TableRow[] = lines.map((line) => ({
    style: 'row',
    cells: [text(line.tiltak), text(line.navn), date(line.startdato), date(line.planlagt_sluttdato), ...figures(line)],
  }));
  if (lines.length === 0) rows.push({ style: 'row', cells: [text(config.emptyText)] });
  rows.push({
    style: 'total',
    cells: [text(report.total_name), text(config.headings.total), date(null), date(null), ...figures(total)],
  });
  return {
    key: 'kull',
    sheet: 'Kulloversikt',
    title: config.title,
    lead: 4,
    blockWidth: 0,
    blocks: 0,
    head: [
      heads(
        'Tiltak',
        config.headings.navn,
        config.headings.startdato,
        config.headings.planlagt_sluttdato,
        ...config.counts.map((c) => c.label),
        ...config.pcts.map((p) => p.label),
      ),
    ],
    rows,
  };
}

function datakvalitetTable(blocks: readonly Block[]): SamleTable {
  const headings = SECTIONS.datakvalitet.headings;
  const known = new Set<string>(ROW_RULES.map((r) => r.key));
  const extra = [...(blocks[0]?.quality.keys() ?? [])].filter((k) => !known.has(k));
  const rules = [
    ...ROW_RULES.map((r) => ({ key: r.key as string, title: r.title })),
    ...extra.map((key) => ({ key, title: key })),
  ];
  const rows: TableRow[] = rules.map((rule) => ({
    style: 'row',
    key: rule.key,
    cells: [text(rule.title), text(rule.key), ...blocks.map((b) => count(b.quality.get(rule.key) ?? 0))],
  }));
  return blockTable(
    { key: 'datakvalitet', sheet: 'Datakvalitet', title: 'Datakvalitet per tiltak' },
    [headings.rule, 'Regelkode'],
    blocks,
    [headings.count],
    rows,
  );
}

/** Who delivered (with the file and when it was made), who is missing, which files were refused or replaced. */
export function leveringTable(report: Samlerapport): SamleTable {
  const rows: TableRow[] = [];
  const caption = (label: string) => rows.push({ style: 'caption', cells: [text(label)] });
  caption(`Levert (${report.tiltak.length})`);
  for (const t of report.tiltak) {
    rows.push({ style: 'row', cells: [text(t.tiltak), text(t.avdeling), text(t.file), text(madeAtLabel(t.made_at))] });
  }
  caption(`Mangler (${report.missing.length})`);
  for (const name of report.missing)
    rows.push({ style: 'row', cells: [text(name), text(null), text(null), text(null)] });
  caption(`Avvist (${report.refused.length})`);
  for (const r of report.refused)
    rows.push({ style: 'row', cells: [text(r.file), text(r.reason), text(null), text(null)] });
  caption(`Erstattet av en nyere fil for samme tiltak (${report.replaced.length})`);
  for (const file of report.replaced)
    rows.push({ style: 'row', cells: [text(file), text(null), text(null), text(null)] });
  return {
    key: 'levering',
    sheet: 'Levering',
    title: 'Levering',
    lead: 4,
    blockWidth: 0,
    blocks: 0,
    head: [heads('Tiltak / fil', 'Avdeling / grunn', 'Fil', 'Laget')],
    rows,
  };
}

/** The form and every section, total first and then one block per tiltak; then who delivered. */
export function samleTables(report: Samlerapport): SamleTable[] {
  const blocks = blocksOf(report);
  return [
    formTable(blocks),
    kjonnAlderTable(blocks),
    listTable('henvist_fra', 'Henvist fra', blocks),
    listTable('varighet', 'Varighet', blocks),
    listTable('dropout_arsak', 'Drop-out', blocks),
    ventetidTable(blocks),
    kullTable(report),
    datakvalitetTable(blocks),
    leveringTable(report),
  ];
}

/** The header lines of every output. */
export function samleHeaderItems(report: Samlerapport, madeOn: string): [string, string][] {
  return [
    ['Periode', periodLabel(report.from, report.to)],
    ['Tiltak med i rapporten', String(report.tiltak.length)],
    ['Mangler', String(report.missing.length)],
    ['Avvist', String(report.refused.length)],
    ['Laget', formatDate(madeOn)],
  ];
}

export const SAMLE_NOTE =
  'Summen for kommunen er lagt sammen kolonne for kolonne; prosentene er regnet på nytt av summene (ikke gjennomsnitt). ' +
  'Prosent er avrundet til hele prosent. «–» betyr at det ikke er noe å regne prosent av. Rapporten inneholder bare tall, ingen navn.';
