/**
 * The årsrapport's charts drawn as SVG by Apache ECharts' server-side renderer (no DOM, no canvas:
 * it runs in the CLI, the tests and the app's main process alike), so the screen, the PDF and the
 * CLI's HTML show the very same markup. docs/arsrapport.md says why ECharts.
 *
 * ECharts writes fonts as `style="…"` attributes and a `<style>` block for hover effects; the app's
 * CSP (style-src without 'unsafe-inline') would drop both. `cspSafeSvg` turns the declarations into
 * SVG presentation attributes (which CSP does not govern) and leaves out the hover CSS, so the chart
 * looks the same everywhere and the page never breaks its own policy.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartModel } from '../../shared/report/arsrapport/charts';
import { escapeHtml } from '../../shared/report/html';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export const CHART_SIZE = { width: 560, height: 340 } as const;

/** Print-friendly colours that stay apart in greyscale too. */
const PALETTE = ['#1f4e79', '#c55a11', '#548235', '#7f7f7f'];
const FONT = 'Arial, Helvetica, sans-serif';

const pctLabel = (value: unknown) => (typeof value === 'number' ? `${value} %` : '');
const countLabel = (value: unknown) => (typeof value === 'number' && value > 0 ? String(value) : '');

function option(model: ChartModel): echarts.EChartsCoreOption {
  const pct = model.unit === 'pct';
  const formatter = (p: { value: unknown }) => (pct ? pctLabel(p.value) : countLabel(p.value));
  const rotated = model.categories.length > 8;
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 12, color: '#222222' },
    legend: { bottom: 0, left: 0, orient: 'vertical', itemGap: 4, textStyle: { fontFamily: FONT, fontSize: 12 } },
    // Room under the plot for the axis labels (slanted when many) and the legend, one series a line.
    grid: { left: 52, right: 16, top: 24, bottom: (rotated ? 86 : 34) + model.series.length * 18 },
    xAxis: {
      type: 'category',
      data: [...model.categories],
      axisLabel: { fontFamily: FONT, interval: 0, rotate: rotated ? 40 : 0 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      ...(pct ? { max: (v: { max: number }) => Math.max(10, Math.ceil(v.max / 10) * 10) } : {}),
      minInterval: 1,
      axisLabel: { fontFamily: FONT, formatter: pct ? '{value} %' : '{value}' },
    },
    series: model.series.map((s) => ({
      name: s.name,
      type: model.kind === 'line' ? 'line' : 'bar',
      data: [...s.values],
      ...(model.kind === 'stacked' ? { stack: 'sum', barMaxWidth: 48 } : { barMaxWidth: 40 }),
      ...(model.kind === 'line' ? { symbolSize: 7, lineStyle: { width: 2.5 }, connectNulls: false } : {}),
      label: {
        show: true,
        position: model.kind === 'stacked' ? 'inside' : 'top',
        fontFamily: FONT,
        fontSize: 11,
        formatter,
        ...(model.kind === 'stacked' ? { color: '#ffffff' } : {}),
      },
    })),
  };
}

const PRESENTATION = new Set([
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'opacity',
]);

/** `style="font-size:12px;font-family:sans-serif;"` → `font-size="12px" font-family="sans-serif"`. */
function styleToAttributes(declarations: string): string {
  return declarations
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => {
      const at = d.indexOf(':');
      const name = d.slice(0, at).trim().toLowerCase();
      const value = d.slice(at + 1).trim();
      if (!PRESENTATION.has(name)) throw new Error(`ECharts wrote a style the chart cannot keep: ${name}`);
      return `${name}="${escapeHtml(value.replaceAll('"', "'"))}"`;
    })
    .join(' ');
}

/** ECharts' SVG without style attributes, `<style>` blocks or its own bookkeeping attributes; sized by CSS. */
export function cspSafeSvg(svg: string, label: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, declarations: string) => {
      const attributes = styleToAttributes(declarations);
      return attributes === '' ? '' : ` ${attributes}`;
    })
    .replace(/ (ecmeta_[a-z_]+|class)="[^"]*"/g, '')
    .replace(
      /^<svg width="\d+" height="\d+"/,
      `<svg class="ars-chart-svg" role="img" aria-label="${escapeHtml(label)}"`,
    );
}

/** One chart as CSP-safe SVG markup. */
export function renderChartSvg(model: ChartModel): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(option(model));
    return cspSafeSvg(chart.renderToSVGString(), `${model.title}. ${model.description}`);
  } finally {
    chart.dispose();
  }
}
