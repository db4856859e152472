/**
 * The Electron main process: single instance, the app:// protocol, the window, IPC and menus.
 * Everything with data in it lives in plain-Node modules (store, api) tested outside Electron; the
 * open register, its lock and its backups are the RegisterSession's (register/session.ts).
 */
import path from 'node:path';
import { app, BrowserWindow, session as webSession } from 'electron';
import type { MenuCommand } from '../../shared/menu';
import { registerToOpenAtStart, setAppHost } from '../api/app';
import { defaultBackupFolder } from '../register/location';
import { RegisterSession } from '../register/session';
import { chooseNewRegister, chooseRegisterToOpen, chooseReportFiles, nativeDialogs } from './dialogs';
import { installGridExport } from './grid-export';
import { installImportDialogs } from './import-dialogs';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { openInteractive } from './open-register';
import { applyUserDataSwitch, defaultRegisterPath, demoFolder } from './paths';
import { installReportPrinting } from './print';
import { registerAppScheme, serveApp } from './protocol';
import { createMainWindow } from './window';

let registers: RegisterSession | undefined;

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
      const file = chooseRegisterToOpen();
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
    const session = new RegisterSession({
      configFile,
      defaultBackupFolder: defaultBackupFolder(userData),
      dialogs: nativeDialogs(),
    });
    registers = session;
    // The start screen's channels (api/app.ts): create, open, demo, «Om».
    setAppHost({
      session,
      version: app.getVersion(),
      runtime: `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      dataFolder: userData,
      settingsFile: configFile,
      defaultRegisterPath: defaultRegisterPath(),
      demoFolder: demoFolder(),
      dialogs: { chooseRegisterToOpen, chooseNewRegister, chooseReportFiles },
      open: (file, options) => openInteractive(session, file, options),
      onRegisterChanged: refreshMenu,
    });
    // The last register used. None (the first run), or one that cannot be opened: the start screen.
    const last = registerToOpenAtStart(session, defaultRegisterPath());
    if (last) await openInteractive(session, last);
    serveApp();
    registerIpc(() => registers?.register ?? null);
    installReportPrinting();
    installImportDialogs();
    installGridExport();
    refreshMenu();
    // Windows ends the session (shutdown, restart, log-off) without before-quit: release the lock now.
    createMainWindow().on('session-end', () => registers?.close());
  });
}
