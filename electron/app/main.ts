/**
 * The Electron main process: single instance, the app:// protocol, the window, IPC and menus.
 * Everything with data in it lives in plain-Node modules (store, api) tested outside Electron; the
 * open register, its lock and its backups are the RegisterSession's (register/session.ts).
 */
import path from 'node:path';
import { app, BrowserWindow, session as webSession } from 'electron';
import type { MenuCommand } from '../../shared/menu';
import { chooseRegisterToOpen, registerToOpenAtStart } from '../api/app';
import { setHost } from '../api/host';
import { defaultBackupFolder } from '../register/location';
import { RegisterSession } from '../register/session';
import { nativeDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { openInteractive } from './open-register';
import { applyUserDataSwitch, defaultRegisterPath, demoFolder } from './paths';
import { electronPrinting } from './print';
import { registerAppScheme, serveApp } from './protocol';
import { createMainWindow } from './window';

let registers: RegisterSession | undefined;
const dialogs = nativeDialogs();

/** Opens another register from the Fil menu; if that fails, the one that was open is opened again. */
async function switchTo(file: string): Promise<void> {
  if (!registers) return;
  const previous = registers.register?.path;
  const opened = await openInteractive(registers, file);
  if (!opened && previous) await openInteractive(registers, previous);
  refreshMenu();
  for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
}

/** A menu command for the page (preload `onMenu`); the page decides what it means. */
function sendToPage(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send('kullregister:menu', command);
}

function refreshMenu(): void {
  installMenu({
    recent: registers?.recentFiles() ?? [],
    hasRegister: Boolean(registers?.register),
    openRegister: () => {
      const file = chooseRegisterToOpen(dialogs);
      if (file) void switchTo(file);
    },
    openRecent: (file) => void switchTo(file),
    send: sendToPage,
  });
}

applyUserDataSwitch();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    registers?.close();
    app.quit();
  });
  app.on('before-quit', () => registers?.close());
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    // The page needs no camera, microphone, notifications or any other permission.
    webSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    webSession.defaultSession.setPermissionCheckHandler(() => false);

    const userData = app.getPath('userData');
    const configFile = path.join(userData, 'innstillinger.json');
    const session = new RegisterSession({ configFile, defaultBackupFolder: defaultBackupFolder(userData) });
    registers = session;
    // Everything the handlers need of the app (api/host.ts): dialogs, printing, folders, version.
    setHost({
      ...dialogs,
      ...electronPrinting(),
      version: app.getVersion(),
      runtime: `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      paths: {
        dataFolder: userData,
        settingsFile: configFile,
        defaultRegisterPath: defaultRegisterPath(),
        demoFolder: demoFolder(),
      },
      session,
      open: (file, options) => openInteractive(session, file, options),
      onRegisterChanged: refreshMenu,
    });
    // The last register used. None (the first run), or one that cannot be opened: the start screen.
    const last = registerToOpenAtStart(session, defaultRegisterPath());
    if (last) await openInteractive(session, last);
    serveApp();
    registerIpc(() => registers?.register ?? null);
    refreshMenu();
    // Windows ends the session (shutdown, restart, log-off) without before-quit: release the lock now.
    createMainWindow().on('session-end', () => registers?.close());
  });
}
