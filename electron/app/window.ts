import { BrowserWindow, shell } from 'electron';
import { isAllowedExternalUrl } from '../../shared/external-links';
import { preloadPath } from './paths';
import { APP_ORIGIN } from './protocol';

/** Opens an allowed https page in the user's browser (shared/external-links.ts); logs and refuses any other. */
function openExternalIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  else console.warn(`Kullregister: nektet å åpne ${JSON.stringify(url.slice(0, 200))} utenfor appen (ikke på listen).`);
}

export function createMainWindow(): BrowserWindow {
  // A plain literal (no casts): Electronegativity reads these flags from the source.
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Kullregister',
    show: false,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });

  window.webContents.on('will-navigate', (event, url) => {
    if (url.startsWith(`${APP_ORIGIN}/`)) return;
    event.preventDefault();
    openExternalIfAllowed(url);
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links on the list open in the user's browser; nothing opens inside the app.
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
