/**
 * `npm run cli -- report --db F --from D --to D --format json|csv|xlsx|html|kullrapport --out F|-`
 * (rapporteringsskjema.md, "Command line"): the same report, header and files as the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { htmlDocument } from '../../shared/report/html';
import type { KullrapportFile } from '../../shared/report/samle/file';
import { writeFileAtomic } from '../io/atomic-write';
import { kullrapportForXlsx, kullrapportFromRegister, kullrapportText } from '../io/kullrapport';
import {
  loadReportView,
  type ReportView,
  reportViewCsv,
  reportViewHtml,
  reportViewJson,
  reportViewTitle,
  writeReportViewFile,
} from '../io/report-files';
import { DomainError, userError } from '../store/errors';
import { openRegister } from '../store/open';
import { checkFormatOption, checkPeriodOptions } from './report-options';

const FORMATS = ['json', 'csv', 'xlsx', 'html', 'kullrapport'] as const;
type Format = (typeof FORMATS)[number];

export const REPORT_CSS_PATH = path.resolve(import.meta.dirname, '..', '..', 'resources', 'report.css');

export type ReportOptions = { db: string; from: string; to: string; format: string; out: string };

/** `report`: never creates a register; exit 0 on success, 1 on any error (with a Norwegian message). */
export async function runReport(options: ReportOptions): Promise<number> {
  try {
    const format = checkOptions(options);
    if (!fs.existsSync(options.db)) {
      throw new DomainError(
        'not_found',
        `Finner ikke registeret «${options.db}». Sjekk filnavnet (report lager aldri et nytt register).`,
      );
    }
    const reg = openRegister(options.db, { readOnly: true });
    let view: ReportView;
    let file: KullrapportFile | undefined;
    try {
      view = loadReportView(reg, { from: options.from, to: options.to });
      // The samlerapport's report file: on its own, or in the XLSX's hidden sheet.
      if (format === 'kullrapport') file = kullrapportFromRegister(reg, options.from, options.to);
      if (format === 'xlsx') file = kullrapportForXlsx(reg, options.from, options.to);
    } finally {
      reg.close();
    }
    await writeReport(view, format, options.out, file);
    return 0;
  } catch (error) {
    process.stderr.write(`Feil: ${userError(error).message}\n`);
    return 1;
  }
}

function checkOptions(options: ReportOptions): Format {
  checkPeriodOptions(options.from, options.to);
  return checkFormatOption(options, FORMATS, 'rapport.xlsx');
}

async function writeReport(view: ReportView, format: Format, out: string, file?: KullrapportFile): Promise<void> {
  if (format === 'xlsx') {
    await writeReportViewFile(view, 'xlsx', out, file);
    return;
  }
  const text =
    format === 'kullrapport'
      ? kullrapportText(file as KullrapportFile)
      : format === 'json'
        ? reportViewJson(view)
        : format === 'csv'
          ? reportViewCsv(view)
          : htmlDocument(reportViewHtml(view), {
              title: reportViewTitle(view),
              css: fs.readFileSync(REPORT_CSS_PATH, 'utf8'),
            });
  if (out === '-') process.stdout.write(text);
  else writeFileAtomic(out, text);
}
