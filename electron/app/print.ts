/**
 * Printing a report in the app: Chromium's print to PDF and the printer dialog, the host's printing
 * (api/host.ts) for the Rapport, Årsrapport and Samlerapport screens. What prints is the
 * window itself showing the Rapport screen: its print stylesheet leaves only the report (the same
 * HTML as report:html) on A4 paper, with page numbers from resources/report.css.
 * Cannot run outside Electron; kept thin, and the handlers behind it are tested in Node.
 */
import fs from 'node:fs/promises';
import { BrowserWindow } from 'electron';
import type { Host } from '../api/host';

function reportWindow(): BrowserWindow {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window) throw new Error('Fant ikke vinduet med rapporten.');
  return window;
}

export function electronPrinting(): Pick<Host, 'printToPdf' | 'print'> {
  return {
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
