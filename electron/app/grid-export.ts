/**
 * Where a grid export goes: the save dialog, handed to the grid handlers (api/grid.ts) at start,
 * so the page never names a path. The page has already warned that the file holds names.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { GridExportFormat } from '../../shared/contract/grid';
import { setGridGlue } from '../api/grid';

const FILTERS: Record<GridExportFormat, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel-arbeidsbok', extensions: ['xlsx'] },
  csv: { name: 'CSV (semikolonseparert)', extensions: ['csv'] },
};

/** Called once at start: the grids may now save files. */
export function installGridExport(): void {
  setGridGlue({
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
  });
}
