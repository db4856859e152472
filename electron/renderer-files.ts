/**
 * Serving the built renderer: the same code answers Electron's `app://` protocol and the
 * end-to-end tests' route handler, so the tests see the CSP and headers the app sends.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.json': 'application/json',
};

/**
 * No network, no inline script, no eval. AG Grid injects <style> elements: they carry a per-load
 * nonce (given to the grid as `styleNonce`) instead of allowing 'unsafe-inline'. Its icons are
 * data: SVGs.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export type ServedFile = { status: number; body: Buffer; headers: Record<string, string> };

/** Answers a request for `urlPath` from the built renderer in `root`. index.html gets a fresh nonce. */
export function serveRendererFile(root: string, urlPath: string): ServedFile {
  const clean = decodeURIComponent(urlPath.split('?')[0] ?? '/').replace(/^\/+/, '') || 'index.html';
  const resolved = path.resolve(root, clean);
  if (
    !resolved.startsWith(path.resolve(root) + path.sep) ||
    !fs.existsSync(resolved) ||
    fs.statSync(resolved).isDirectory()
  ) {
    return { status: 404, body: Buffer.from('Ikke funnet'), headers: { 'content-type': 'text/plain; charset=utf-8' } };
  }
  const ext = path.extname(resolved).toLowerCase();
  const headers: Record<string, string> = {
    'content-type': MIME[ext] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  };
  let body = fs.readFileSync(resolved);
  if (ext === '.html') {
    const nonce = crypto.randomBytes(16).toString('base64');
    headers['content-security-policy'] = contentSecurityPolicy(nonce);
    body = Buffer.from(
      body.toString('utf8').replace('<head>', `<head>\n    <meta name="csp-nonce" content="${nonce}" />`),
    );
  }
  return { status: 200, body, headers };
}
