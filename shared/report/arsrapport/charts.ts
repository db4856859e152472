/**
 * The årsrapport's charts as data (arsrapport.md «Charts»): what each shows, by year (or by kull),
 * with the table that carries the same numbers for screen readers and the XLSX. Drawing them is
 * electron/io/arsrapport-charts.ts (Apache ECharts, server-side SVG); nothing here knows how.
 */
import { formatDate } from '../../dates';
import type { Arsrapport } from './schema';
import type { ArsCell, ArsTable } from './tables';

export type ChartSeries = { readonly name: string; readonly values: readonly (number | null)[] };

export type ChartModel = {
  readonly key: string;
  readonly title: string;
  /** Lines over the categories, bars stacked per category, or plain bars. */
  readonly kind: 'line' | 'stacked' | 'bar';
  /** What the values are: whole percent, or a number of deltakere. */
  readonly unit: 'pct' | 'count';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** One sentence for a screen reader: what the chart shows. */
  readonly description: string;
  readonly table: ArsTable;
};

/** Row 13's outcomes in four groups (the annual reports' own grouping), in stacking order. */
export const OUTCOME_GROUPS = [
  { key: 'arbeid', label: 'Arbeid', codes: ['A', 'AD'] },
  { key: 'utdanning', label: 'Utdanning', codes: ['UT', 'GS'] },
  { key: 'statlig', label: 'Statlige tiltak og ytelser', codes: ['AS', 'KVP', 'AP', 'SU', 'SH', 'UF'] },
  { key: 'annet', label: 'Annet og ukjent', codes: ['FF', 'FP', 'AN', 'UK'] },
] as const;

const cellOf = (unit: ChartModel['unit'], value: number | null): ArsCell =>
  unit === 'pct' ? { kind: 'pct', value } : { kind: 'count', value: value ?? 0 };

/** The chart's numbers as a table: a line per category (year or kull), a column per series. */
function chartTable(
  key: string,
  title: string,
  lead: string,
  model: Omit<ChartModel, 'table' | 'key' | 'title' | 'description'>,
  sheet: string,
): ArsTable {
  return {
    key: `diagram_${key}`,
    sheet,
    title,
    lead: [lead],
    blockColumns: [''],
    blocks: model.series.map((s) => ({ caption: s.name, period: '' })),
    rows: model.categories.map((category, i) => ({
      style: 'row' as const,
      cells: [{ kind: 'text', value: category }, ...model.series.map((s) => cellOf(model.unit, s.values[i] ?? null))],
    })),
  };
}

function model(
  key: string,
  title: string,
  description: string,
  lead: string,
  sheet: string,
  body: Omit<ChartModel, 'table' | 'key' | 'title' | 'description'>,
): ChartModel {
  return { key, title, description, ...body, table: chartTable(key, title, lead, body, sheet) };
}

export function arsrapportCharts(report: Arsrapport, options: { kullRegister: boolean }): ChartModel[] {
  const years = report.years.map((y) => String(y.year));
  const row = (key: string) => report.years.map((y) => y.rows[key]);
  const charts: ChartModel[] = [
    model(
      'arbeid',
      'Til arbeid og ansatt hos brukerstedet, % av gjennomført',
      'Linjediagram: andelen av de som gjennomførte som gikk til arbeid (rad 14) og som ble ansatt hos brukerstedet (rad 15), år for år.',
      'År',
      'Diagram til arbeid',
      {
        kind: 'line',
        unit: 'pct',
        categories: years,
        series: [
          { name: 'Til arbeid (rad 14)', values: row('til_arbeid').map((r) => r?.pct ?? null) },
          { name: 'Ansatt hos brukerstedet (rad 15)', values: row('ansatt_hos_brukersted').map((r) => r?.pct ?? null) },
        ],
      },
    ),
    model(
      'utfall',
      'Hva de som gjennomførte gikk til (rad 13), antall',
      'Stablet stolpediagram: de som gjennomførte hvert år, fordelt på arbeid, utdanning, statlige tiltak og ytelser, og annet og ukjent.',
      'År',
      'Diagram utfall',
      {
        kind: 'stacked',
        unit: 'count',
        categories: years,
        series: OUTCOME_GROUPS.map((g) => ({
          name: `${g.label} (${g.codes.join(', ')})`,
          values: report.years.map((y) =>
            g.codes.reduce((sum, code) => sum + (y.rows[`sluttarsak.${code}`]?.total ?? 0), 0),
          ),
        })),
      },
    ),
  ];
  const kull = report.since_start.sections.kull.lines;
  if (options.kullRegister && kull.length > 0) {
    charts.push(
      model(
        'kull',
        'Ansatt hos brukerstedet etter kull, % av deltakerne',
        'Stolpediagram: andelen av kullets deltakere som ble ansatt hos brukerstedet, kull for kull.',
        'Kull',
        'Diagram kull',
        {
          kind: 'bar',
          unit: 'pct',
          categories: kull.map((k) => `${k.navn} (${formatDate(k.startdato).slice(3)})`),
          series: [{ name: 'Ansatt hos brukerstedet', values: kull.map((k) => k.pct_ansatt_hos_brukersted) }],
        },
      ),
    );
  }
  return charts;
}
