import path from 'node:path';
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export type FileMenuActions = {
  recent: readonly string[];
  newRegister: () => void;
  openRegister: () => void;
  openRecent: (file: string) => void;
};

/** Norwegian menus with the usual shortcuts. */
export function installMenu(actions: FileMenuActions): void {
  const recent: MenuItemConstructorOptions[] =
    actions.recent.length === 0
      ? [{ label: 'Ingen', enabled: false }]
      : actions.recent.map((file) => ({
          label: `${path.basename(file)} — ${path.dirname(file)}`,
          click: () => actions.openRecent(file),
        }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Fil',
      submenu: [
        { label: 'Nytt register…', accelerator: 'CmdOrCtrl+N', click: actions.newRegister },
        { label: 'Åpne register…', accelerator: 'CmdOrCtrl+O', click: actions.openRegister },
        { label: 'Åpne nylig brukt', submenu: recent },
        { type: 'separator' },
        { role: 'quit', label: 'Avslutt' },
      ],
    },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Angre' },
        { role: 'redo', label: 'Gjør om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopier' },
        { role: 'paste', label: 'Lim inn' },
        { role: 'selectAll', label: 'Merk alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        { role: 'reload', label: 'Last inn på nytt' },
        { role: 'resetZoom', label: 'Faktisk størrelse' },
        { role: 'zoomIn', label: 'Zoom inn' },
        { role: 'zoomOut', label: 'Zoom ut' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Fullskjerm' },
      ],
    },
    {
      label: 'Hjelp',
      submenu: [{ label: `Om Kullregister ${app.getVersion()}`, enabled: false }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
