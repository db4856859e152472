import { protocol } from 'electron';
import { APP_ORIGIN } from '../api/sender';
import { serveRendererFile } from '../renderer-files';
import { rendererRoot } from './paths';

export { APP_ORIGIN };

/** Must run before the app is ready: pages come from app://, never file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

export function serveApp(): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    if (url.host !== 'kullregister') return new Response('Ikke funnet', { status: 404 });
    const file = serveRendererFile(rendererRoot(), url.pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
}
