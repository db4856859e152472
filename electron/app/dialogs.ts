/**
 * The native dialogs, written once (api/host.ts `HostDialogs`): the handlers ask where to save, which files to open and which folder to use, so the page never names a path.
 * Each opens over the focused window, or alone when there is none.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { HostDialogs } from '../api/host';

function showSave(options: SaveDialogOptions): string | null {
  const window = BrowserWindow.getFocusedWindow();
  const file = window ? dialog.showSaveDialogSync(window, options) : dialog.showSaveDialogSync(options);
  return file ? file : null;
}

function showOpen(options: OpenDialogOptions): string[] | null {
  const window = BrowserWindow.getFocusedWindow();
  const picked = window ? dialog.showOpenDialogSync(window, options) : dialog.showOpenDialogSync(options);
  return picked && picked.length > 0 ? picked : null;
}

export function nativeDialogs(): HostDialogs {
  return {
    chooseSavePath: ({ title, defaultName, kind }) =>
      showSave({ title, defaultPath: path.join(app.getPath('documents'), defaultName), filters: [kind] }),
    chooseOpenPaths: ({ title, kinds, multiple, folder, defaultPath }) =>
      showOpen({
        title,
        ...(defaultPath !== undefined ? { defaultPath } : {}),
        ...(kinds ? { filters: kinds } : {}),
        properties: folder ? ['openDirectory'] : multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      }),
    chooseFolder: ({ title, defaultPath }) =>
      showOpen({ title, defaultPath, properties: ['openDirectory', 'createDirectory'] })?.[0] ?? null,
  };
}
