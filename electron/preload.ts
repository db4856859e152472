/**
 * The only bridge between the page and Node: one function, `window.kullregister.invoke`.
 * No ipcRenderer, no Node objects reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../shared/api';

const bridge = {
  invoke: (channel, input) => ipcRenderer.invoke('kullregister:invoke', channel, input),
} satisfies Bridge;

contextBridge.exposeInMainWorld('kullregister', bridge);
