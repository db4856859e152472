/**
 * The Electron main process: single instance, the app:// protocol, the window, IPC and menus.
 * Everything with data in it lives in plain-Node modules (store, api) tested outside Electron; the
 * open register, its lock and its backups are the RegisterSession's (store/session.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, session as webSession } from 'electron';
import { defaultBackupFolder } from '../store/location';
import { RegisterSession } from '../store/session';
import { chooseNewRegister, chooseRegisterToOpen, nativeDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { openInteractive } from './open-register';
import { defaultRegisterPath } from './paths';
import { installReportPrinting } from './print';
import { registerAppScheme, serveApp } from './protocol';
import { createMainWindow } from './window';

let registers: RegisterSession | undefined;

/** Opens another register from the Fil menu; if that fails, the one that was open is opened again. */
async function switchTo(file: string, options: { create?: boolean } = {}): Promise<void> {
  if (!registers) return;
  const previous = registers.register?.path;
  const opened = await openInteractive(registers, file, options);
  if (!opened && previous) await openInteractive(registers, previous);
  refreshMenu();
  for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
}

function refreshMenu(): void {
  installMenu({
    recent: registers?.recentFiles() ?? [],
    newRegister: () => {
      const file = chooseNewRegister();
      if (file && !fs.existsSync(file)) void switchTo(file, { create: true });
    },
    openRegister: () => {
      const file = chooseRegisterToOpen();
      if (file) void switchTo(file);
    },
    openRecent: (file) => void switchTo(file),
  });
}

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
    registers = new RegisterSession({
      configFile: path.join(userData, 'innstillinger.json'),
      defaultBackupFolder: defaultBackupFolder(userData),
      dialogs: nativeDialogs(),
    });
    const fallback = defaultRegisterPath();
    fs.mkdirSync(path.dirname(fallback), { recursive: true });
    const last = registers.recentFiles()[0];
    const opened =
      (last && (await openInteractive(registers, last))) ||
      (await openInteractive(registers, fallback, { create: true }));
    if (!opened) {
      app.quit();
      return;
    }
    serveApp();
    registerIpc(() => registers?.register ?? null);
    installReportPrinting();
    refreshMenu();
    createMainWindow();
  });
}
