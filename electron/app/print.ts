/**
 * Printing and saving the report in the app: the save dialog, Chromium's print to PDF and the
 * printer dialog, handed to the report handlers (api/report.ts) as their glue. What prints is the
 * window itself showing the Rapport screen: its print stylesheet leaves only the report (the same
 * HTML as report:html) on A4 paper, with page numbers from resources/report.css.
 * Cannot run outside Electron; kept thin, and the handlers behind it are tested in Node.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { ExportFormat } from '../../shared/contract/report';
import { type ReportGlue, setReportGlue } from '../api/report';

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  xlsx: { name: 'Excel-arbeidsbok', extensions: ['xlsx'] },
  csv: { name: 'CSV (semikolonseparert)', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  kullrapport: { name: 'Rapportfil for samlerapport', extensions: ['json'] },
};

function reportWindow(): BrowserWindow {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('Fant ikke vinduet med rapporten.');
  return window;
}

export function electronReportGlue(): ReportGlue {
  return {
    chooseSavePath: ({ title, defaultName, format }) => {
      const options = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [FILTERS[format]],
      };
      const window = BrowserWindow.getFocusedWindow();
      const file = window ? dialog.showSaveDialogSync(window, options) : dialog.showSaveDialogSync(options);
      return file ? file : null;
    },
    // preferCSSPageSize: the stylesheet's @page (A4 portrait, margins, "Side n av m") decides, as in the tests' page.pdf.
    printToPdf: async (file) => {
      const pdf = await reportWindow().webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      await fs.writeFile(file, pdf);
      return pdf.length;
    },
    print: () =>
      new Promise<boolean>((resolve, reject) => {
        reportWindow().webContents.print(
          { silent: false, printBackground: true, pageSize: 'A4' },
          (success, reason) => {
            if (success) resolve(true);
            else if (reason === 'cancelled') resolve(false);
            else reject(new Error(`Utskriften mislyktes (${reason}).`));
          },
        );
      }),
  };
}

/** Called once at start: the report handlers may now ask for a file and print. */
export function installReportPrinting(): void {
  setReportGlue(electronReportGlue());
}
