import { describe, expect, it } from 'vitest';
import { csvCell, monthlyReportToCsv, reportToCsv } from '../../../shared/report/csv';
import { SECTIONS } from '../../../shared/report/template';
import { aCompleted, aDeltaker, aKull, reportOf } from './builders';

const linesOf = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('the report as CSV', () => {
  const report = reportOf(
    [
      aCompleted('2026-04-01', { ytelse: 'KVP', navn: 'Ola Særnavn', kull_id: 7 }),
      aCompleted('2026-04-02', { ytelse: 'OKS', sluttarsak: 'UT', kull_id: 7 }),
      aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: '=HYPERLINK("http://x";"klikk")' }),
      aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: '+47 kontoret' }),
      aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: '-rus' }),
      aDeltaker({ henvist_dato: '2026-05-04', henvist_fra: '@SUM(A1)' }),
    ],
    { kull: [aKull({ id: 7, navn: '=1+1', startdato: '2026-01-05', planlagt_sluttdato: '2026-04-05' })] },
  );
  const csv = reportToCsv(report);

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('opens with the form block: Nr;Tekst;Totalt;KVP;ØKS;Andre;% and one line per row, semicolon-separated', () => {
    const lines = linesOf(csv);
    expect(lines).toContain('Nr;Tekst;Totalt;KVP;ØKS;Andre;%');
    expect(lines).toContain(
      '12;Totalt antall deltakere med gjennomførte eller planmessig avviklet deltagelse i perioden – eksklusiv flytting;2;1;1;0;100',
    );
    expect(lines).toContain('13;Arbeid fulltid (A);1;1;0;0;50');
    expect(lines).toContain('1;Antall henviste i perioden;4;0;0;4;');
  });

  it('follows the form with every section under its title', () => {
    const lines = linesOf(csv);
    const titles = Object.values(SECTIONS).map((section) => section.title);
    const positions = titles.map((title) => lines.indexOf(title));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('neutralises every cell that a spreadsheet would read as a formula', () => {
    const lines = linesOf(csv);
    expect(lines).toContain('"\'=HYPERLINK(""http://x"";""klikk"")";1');
    expect(lines).toContain("'+47 kontoret;1");
    expect(lines).toContain("'-rus;1");
    expect(lines).toContain("'@SUM(A1);1");
    expect(lines.some((line) => line.startsWith("'=1+1;05.01.2026;05.04.2026;"))).toBe(true);
    expect(lines.filter((line) => /^[=+\-@]/.test(line))).toEqual([]);
  });

  it('quotes a cell holding a semicolon, a quote or a line break, and writes decimals with a comma', () => {
    expect(csvCell('NorA; Årstad')).toBe('"NorA; Årstad"');
    expect(csvCell('si "hei"')).toBe('"si ""hei"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvCell(12.5)).toBe('12,5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('– herav')).toBe('– herav');
  });

  it('holds no names', () => {
    expect(csv).not.toContain('Særnavn');
    expect(csv).not.toContain('Kari Nordmann');
  });

  it('writes a zero denominator as «–», as the form prints it, and a row without a percentage as an empty cell', () => {
    const lines = linesOf(reportToCsv(reportOf([aDeltaker({ henvist_dato: '2026-05-04' })])));
    expect(lines.find((line) => line.startsWith('12;'))?.endsWith(';0;0;0;0;–')).toBe(true);
    expect(lines).toContain('1;Antall henviste i perioden;1;0;0;1;');
  });
});

describe('the CSV header and the monthly view', () => {
  const header = {
    tiltak: 'Sykkelvert',
    avdeling: '=Etat for sykehjem',
    kontaktperson: 'Kari Koordinator',
    madeOn: '2026-11-03',
    periodLabel: 'oktober 2026',
  };
  const register = [
    aCompleted('2026-10-15', { ytelse: 'KVP' }),
    aCompleted('2026-03-02', { ytelse: 'OKS', sluttarsak: 'UT' }),
  ];

  it('opens with the title and the header lines: tiltak, avdeling, kontaktperson, period, date made', () => {
    const lines = linesOf(reportToCsv(reportOf(register), header));
    expect(lines.slice(0, 6)).toEqual([
      'Rapporteringsskjema til Etat for sosiale tjenester',
      'Tiltak;Sykkelvert',
      "Avdeling;'=Etat for sykehjem",
      'Kontaktperson;Kari Koordinator',
      'Periode;oktober 2026',
      'Laget;03.11.2026',
    ]);
  });

  it('puts «Måneden» and «Hittil i år» side by side, each with Totalt, KVP, ØKS, Andre and %', () => {
    const month = reportOf(register, { period: { from: '2026-10-01', to: '2026-10-31' } });
    const lines = linesOf(monthlyReportToCsv(month, reportOf(register), header));
    expect(lines).toContain(';;Måneden (oktober 2026);;;;;Hittil i år (01.01.2026–31.10.2026);;;;');
    expect(lines).toContain('Nr;Tekst;Totalt;KVP;ØKS;Andre;%;Totalt;KVP;ØKS;Andre;%');
    expect(lines.find((line) => line.startsWith('12;'))?.endsWith(';1;1;0;0;100;2;1;1;0;100')).toBe(true);
    expect(lines).toContain('Måneden (oktober 2026)');
  });
});
