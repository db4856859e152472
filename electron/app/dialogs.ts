/**
 * Native dialogs for the register session (register/session.ts): the main process asks where to save
 * an innsyn file or which folder backups go to, so the page never names a path itself.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { SessionDialogs } from '../register/session';

export function nativeDialogs(): SessionDialogs {
  return {
    chooseSaveFile: ({ title, defaultName }) => {
      const options = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: 'JSON', extensions: ['json'] }],
      };
      const window = BrowserWindow.getFocusedWindow();
      const file = window ? dialog.showSaveDialogSync(window, options) : dialog.showSaveDialogSync(options);
      return file ? file : null;
    },
    chooseFolder: ({ title, defaultPath }) => {
      const options = { title, defaultPath, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const window = BrowserWindow.getFocusedWindow();
      const picked = window ? dialog.showOpenDialogSync(window, options) : dialog.showOpenDialogSync(options);
      return picked?.[0] ?? null;
    },
  };
}

const REGISTER_FILTERS = [{ name: 'Kullregister', extensions: ['sqlite', 'kullregister'] }];

export function chooseRegisterToOpen(): string | null {
  const options = { title: 'Åpne register', properties: ['openFile' as const], filters: REGISTER_FILTERS };
  const window = BrowserWindow.getFocusedWindow();
  const picked = window ? dialog.showOpenDialogSync(window, options) : dialog.showOpenDialogSync(options);
  return picked?.[0] ?? null;
}

/** Where a new register goes; the suggested name comes from the tiltak («Sykkelvert.sqlite»). */
export function chooseNewRegister(defaultName = 'kullregister.sqlite'): string | null {
  const options = {
    title: 'Lagre det nye registeret',
    defaultPath: path.join(app.getPath('documents'), defaultName),
    filters: REGISTER_FILTERS,
  };
  const window = BrowserWindow.getFocusedWindow();
  const file = window ? dialog.showSaveDialogSync(window, options) : dialog.showSaveDialogSync(options);
  return file ? file : null;
}

/** The samlerapport's report files (several), or one folder of them. Null: the user cancelled. */
export function chooseReportFiles({ folder }: { folder: boolean }): string[] | null {
  const options = folder
    ? { title: 'Velg mappen med rapportfilene', properties: ['openDirectory' as const] }
    : {
        title: 'Velg rapportfilene fra tiltakene',
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [
          { name: 'Rapportfiler (.kullrapport.json, .xlsx)', extensions: ['json', 'xlsx'] },
          { name: 'Alle filer', extensions: ['*'] },
        ],
      };
  const window = BrowserWindow.getFocusedWindow();
  const picked = window ? dialog.showOpenDialogSync(window, options) : dialog.showOpenDialogSync(options);
  return picked && picked.length > 0 ? picked : null;
}
