/**
 * The only bridge between the page and Node: `window.kullregister.invoke` (every API call) and
 * `onMenu` (the menus' commands, only names from the fixed list in shared/menu.ts; the IPC event
 * itself never reaches the page). No ipcRenderer, no Node objects reach the page.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { Bridge } from '../shared/api';
import { isMenuCommand } from '../shared/menu';

const bridge = {
  invoke: (channel, input) => ipcRenderer.invoke('kullregister:invoke', channel, input),
  onMenu: (callback) => {
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on('kullregister:menu', listener);
    return () => {
      ipcRenderer.removeListener('kullregister:menu', listener);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('kullregister', bridge);
