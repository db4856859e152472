import path from 'node:path';
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/menu';

export type MenuActions = {
  recent: readonly string[];
  /** False on the start screen: the items that need a register are greyed out. */
  hasRegister: boolean;
  openRegister: () => void;
  openRecent: (file: string) => void;
  /** Asks the page to do something (preload `onMenu`): show a screen, a dialog, print the report. */
  send: (command: MenuCommand) => void;
};

const isMac = process.platform === 'darwin';

/** Norwegian menus with the usual shortcuts; what happens in the page is the page's (renderer/App.tsx). */
export function installMenu(actions: MenuActions): void {
  const { send, hasRegister } = actions;
  const recent: MenuItemConstructorOptions[] =
    actions.recent.length === 0
      ? [{ label: 'Ingen', enabled: false }]
      : actions.recent.map((file) => ({
          label: `${path.basename(file)} — ${path.dirname(file)}`,
          click: () => actions.openRecent(file),
        }));
  const settings: MenuItemConstructorOptions = {
    label: 'Innstillinger…',
    accelerator: 'CmdOrCtrl+,',
    enabled: hasRegister,
    click: () => send('innstillinger'),
  };
  const about: MenuItemConstructorOptions = { label: 'Om Kullregister', click: () => send('om') };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              about,
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'services', label: 'Tjenester' },
              { type: 'separator' },
              { role: 'hide', label: 'Skjul Kullregister' },
              { role: 'hideOthers', label: 'Skjul andre' },
              { role: 'unhide', label: 'Vis alle' },
              { type: 'separator' },
              { role: 'quit', label: 'Avslutt Kullregister' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'Fil',
      submenu: [
        { label: 'Nytt register…', accelerator: 'CmdOrCtrl+N', click: () => send('nytt-register') },
        { label: 'Åpne register…', accelerator: 'CmdOrCtrl+O', click: actions.openRegister },
        { label: 'Åpne nylig brukt', submenu: recent },
        { type: 'separator' },
        {
          label: 'Importer fra Excel eller CSV…',
          accelerator: 'CmdOrCtrl+I',
          enabled: hasRegister,
          click: () => send('importer'),
        },
        { type: 'separator' },
        {
          label: 'Skriv ut rapport…',
          accelerator: 'CmdOrCtrl+P',
          enabled: hasRegister,
          click: () => send('skriv-ut'),
        },
        { type: 'separator' },
        { label: 'Register og sikkerhet', enabled: hasRegister, click: () => send('register') },
        ...(isMac ? [] : [settings, { type: 'separator' } as const, { role: 'quit', label: 'Avslutt' } as const]),
      ],
    },
    {
      label: 'Rediger',
      submenu: [
        // Not Electron's undo/redo roles: those would take Ctrl+Z from the grid (whose undo lives in
        // the store). The page routes the command: the grid shown, or the text field that has the
        // focus (renderer/grid/editCommands.ts). On Windows and Linux the keys are not registered
        // with the menu (registerAccelerator), so Ctrl+Z reaches the page as a key, as in a browser.
        {
          label: 'Angre',
          accelerator: 'CmdOrCtrl+Z',
          registerAccelerator: false,
          click: () => send('angre'),
        },
        {
          label: 'Gjør om',
          accelerator: isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y',
          registerAccelerator: false,
          click: () => send('gjor-om'),
        },
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
        { label: 'Deltakere', accelerator: 'CmdOrCtrl+1', enabled: hasRegister, click: () => send('vis-deltakere') },
        { label: 'Kull', accelerator: 'CmdOrCtrl+2', enabled: hasRegister, click: () => send('vis-kull') },
        { label: 'Rapport', accelerator: 'CmdOrCtrl+3', enabled: hasRegister, click: () => send('vis-rapport') },
        { type: 'separator' },
        { role: 'resetZoom', label: 'Faktisk størrelse' },
        { role: 'zoomIn', label: 'Større tekst' },
        { role: 'zoomOut', label: 'Mindre tekst' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Fullskjerm' },
        // F5, not Ctrl+R: Ctrl+R fills right in the grids, as in Excel.
        { role: 'reload', label: 'Last inn på nytt', accelerator: 'F5' },
      ],
    },
    {
      label: 'Hjelp',
      submenu: [
        { label: 'Hjelp til Kullregister', accelerator: 'F1', click: () => send('hjelp') },
        ...(isMac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
