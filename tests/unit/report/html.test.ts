import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlDocument, renderMonthlyReportHtml, renderReportHtml } from '../../../shared/report/html';
import { FORM_LINES, SECTIONS } from '../../../shared/report/template';
import { aCompleted, aDeltaker, aKull, reportOf } from './builders';

const HEADER = {
  tiltak: 'Sykkelvert & «Mat <og> prat»',
  avdeling: 'Etat for sykehjem',
  kontaktperson: 'Kari "K" Koordinator',
  madeOn: '2026-11-03',
  periodLabel: '01.01.2026–31.10.2026',
};

const register = [
  aCompleted('2026-04-01', { ytelse: 'KVP', navn: 'Ola Særnavn', kull_id: 9 }),
  aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: '<script>alert(1)</script>' }),
];
const kull = [aKull({ id: 9, navn: 'Kull <b>13</b>', startdato: '2026-01-05', planlagt_sluttdato: '2026-04-05' })];

describe('the report as HTML', () => {
  const html = renderReportHtml(reportOf(register, { kull }), HEADER);

  it('escapes everything that comes from data or the header', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Kull\u00a0&lt;b&gt;13&lt;/b&gt;');
    expect(html).toContain('Sykkelvert &amp; «Mat &lt;og&gt; prat»');
    expect(html).toContain('Kari &quot;K&quot; Koordinator');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('prints every label of the form and every section title', () => {
    for (const line of FORM_LINES) expect(html).toContain(escapeHtml(line.label));
    for (const section of Object.values(SECTIONS)) expect(html).toContain(escapeHtml(section.title));
    for (const heading of ['Nr', 'Tekst', 'Totalt', 'KVP', 'ØKS', 'Andre', '%'])
      expect(html).toContain(`>${heading}</th>`);
  });

  it('prints the header: tiltak, avdeling, kontaktperson, period and the date made', () => {
    expect(html).toContain('01.01.2026–31.10.2026');
    expect(html).toContain('03.11.2026');
    expect(html).toContain('Etat for sykehjem');
  });

  it('indents the "herav" lines and the sluttårsak lines, and prints a zero denominator as "–"', () => {
    expect(html).toMatch(/<tr class="kr-row kr-row--sub" data-row="uaktuelle">/);
    expect(html).toMatch(/<tr class="kr-row kr-row--sub" data-row="sluttarsak\.A">/);
    expect(html).toMatch(/<tr class="kr-row" data-row="henviste">/);
    const empty = renderReportHtml(reportOf([aDeltaker({ henvist_dato: '2026-05-04' })]), HEADER);
    expect(empty.match(/<tr[^>]*data-row="gjennomfort".*?<\/tr>/)?.[0]).toContain('>–<');
  });

  it('prints each sluttårsak with the form’s code after it, as the seed’s form does: «Arbeid fulltid (A)»', () => {
    expect(html).toContain('<td class="kr-label">Arbeid fulltid (A)</td>');
    expect(html).toContain('<td class="kr-label">Uføretrygdet (UF)</td>');
    expect(html).toContain('<td class="kr-label">– herav til arbeid (A + AD)</td>');
  });

  it('keeps a short kull name on one line in the kull table, and lets a long one wrap', () => {
    const names = renderReportHtml(
      reportOf(register, {
        kull: [
          aKull({ id: 9, navn: 'Vår 2026', startdato: '2026-01-05' }),
          aKull({ id: 10, navn: 'Mat og prat, kjøkkenet i Engen', startdato: '2026-02-02' }),
        ],
      }),
      HEADER,
    );
    expect(names).toContain('<td class="kr-label">Vår\u00a02026</td>');
    expect(names).toContain('<td class="kr-label">Mat og prat, kjøkkenet i Engen</td>');
  });

  it('uses classes only, never inline styles, and holds no names', () => {
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toContain('Særnavn');
  });

  it('the monthly view puts «Måneden» and «Hittil i år» side by side, five columns each', () => {
    const monthly = renderMonthlyReportHtml(
      reportOf(register, { period: { from: '2026-10-01', to: '2026-10-31' }, kull }),
      reportOf(register, { kull }),
      { ...HEADER, periodLabel: 'oktober 2026' },
    );
    expect(monthly).toContain('Måneden<span class="kr-block-period">oktober 2026</span>');
    expect(monthly).toContain('Hittil i år<span class="kr-block-period">01.01.2026–31.10.2026</span>');
    const row12 = monthly.match(/<tr[^>]*data-row="gjennomfort".*?<\/tr>/)?.[0] ?? '';
    expect(row12.match(/<td class="kr-num/g)).toHaveLength(10);
    expect(row12).toContain('>–<');
    expect(row12).toContain('>100 %<');
  });

  it('wraps a fragment in a whole page with the stylesheet', () => {
    const page = htmlDocument(html, { title: 'Rapport <oktober>', css: '.kr-report { color: #000 }' });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>Rapport &lt;oktober&gt;</title>');
    expect(page).toContain('<style>.kr-report { color: #000 }</style>');
    expect(page).toContain(html);
  });
});
