/**
 * Who may call the API over IPC: only the app's own page, served from app://kullregister/
 * (electron/app/protocol.ts). Plain Node, so it is tested without Electron.
 */
export const APP_ORIGIN = 'app://kullregister';

export const FORBIDDEN_SENDER = {
  code: 'forbidden',
  message: 'Forespørselen kom ikke fra Kullregister og ble avvist.',
} as const;

/**
 * Whether an IPC message came from the app's page: the sender frame's URL is on app://kullregister
 * (no user, password or port), and the frame is the top-level one (the page has no frames; a frame
 * inside it would be content the app did not make).
 */
export function isAppSender(frameUrl: string | null | undefined, isTopFrame = true): boolean {
  if (!isTopFrame || typeof frameUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === 'app:' &&
    url.hostname === 'kullregister' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    frameUrl.startsWith(`${APP_ORIGIN}/`)
  );
}
