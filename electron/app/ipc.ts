import { ipcMain } from 'electron';
import { invokeWithoutRegister } from '../api/app';
import { invoke } from '../api/handlers';
import { FORBIDDEN_SENDER, isAppSender } from '../api/sender';
import type { Register } from '../store/connection';

/**
 * One IPC channel carries every API call; a sender that is not the app's own page is refused
 * (api/sender.ts). With no register open (the first run) only the app's own channels answer.
 */
export function registerIpc(getRegister: () => Register | null): void {
  ipcMain.handle('kullregister:invoke', (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!isAppSender(frame?.url, frame?.parent === null)) return { ok: false, error: FORBIDDEN_SENDER };
    const register = getRegister();
    if (!register) return invokeWithoutRegister(channel, input);
    return invoke(register, channel as never, input);
  });
}
