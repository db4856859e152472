/**
 * The import wizard's native dialogs: which spreadsheet to import, and where its summary goes.
 * Handed to the import handlers (api/import.ts) at start, so the page never names a path.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { type ImportGlue, setImportGlue } from '../api/import';

const SPREADSHEETS = [
  { name: 'Excel eller CSV', extensions: ['xlsx', 'csv', 'txt', 'tsv'] },
  { name: 'Alle filer', extensions: ['*'] },
];

export function electronImportGlue(): ImportGlue {
  return {
    chooseFile: ({ title }) => {
      const options = {
        title,
        defaultPath: app.getPath('documents'),
        properties: ['openFile' as const],
        filters: SPREADSHEETS,
      };
      const window = BrowserWindow.getFocusedWindow();
      const picked = window ? dialog.showOpenDialogSync(window, options) : dialog.showOpenDialogSync(options);
      return picked?.[0] ?? null;
    },
    chooseSavePath: ({ title, defaultName }) => {
      const options = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: 'CSV (semikolonseparert)', extensions: ['csv'] }],
      };
      const window = BrowserWindow.getFocusedWindow();
      const file = window ? dialog.showSaveDialogSync(window, options) : dialog.showSaveDialogSync(options);
      return file ? file : null;
    },
  };
}

/** Called once at start: the import wizard may now ask for files. */
export function installImportDialogs(): void {
  setImportGlue(electronImportGlue());
}
