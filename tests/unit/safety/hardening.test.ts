/**
 * The Electron checklist of architecture.md ("Security and privacy"), verified without starting
 * Electron: the window's webPreferences literal and the page's Content-Security-Policy are read
 * from the source, the glue's other safeguards are looked for in it, and the IPC sender check is
 * a plain function tested here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, FORBIDDEN_SENDER, isAppSender } from '../../../electron/api/sender';
import { contentSecurityPolicy, serveRendererFile } from '../../../electron/renderer-files';
import { expectNorwegianMessage } from '../helpers/messages';
import { tempDir } from '../helpers/register';

const APP = path.resolve('electron/app');
const read = (file: string) => fs.readFileSync(path.join(APP, file), 'utf8');

/** The text between the braces of `key: { … }` (the first one after `from`). */
function objectLiteral(source: string, key: string, from = 0): string {
  const start = source.indexOf(`${key}: {`, from);
  if (start < 0) throw new Error(`no ${key}: { … } literal`);
  let depth = 0;
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    if (source[i] === '{') depth += 1;
    if (source[i] === '}') depth -= 1;
    if (depth === 0) return source.slice(source.indexOf('{', start) + 1, i);
  }
  throw new Error(`unclosed ${key} literal`);
}

/** `name: value,` entries of a flat object literal (one per line, as the formatter writes them). */
function entries(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    const m = /^([A-Za-z]+):\s*(.+?),?$/.exec(line);
    if (!m) throw new Error(`not a plain "key: value" entry: ${line}`);
    map.set(m[1] as string, m[2] as string);
  }
  return map;
}

describe('the main window’s webPreferences (electron/app/window.ts)', () => {
  const source = read('window.ts');
  const prefs = entries(objectLiteral(source, 'webPreferences'));

  it('is one plain literal, with no spread or cast that a scanner could not see through', () => {
    const literal = objectLiteral(source, 'webPreferences');
    expect(literal).not.toContain('...');
    expect(literal).not.toMatch(/\bas\b/);
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(fs.readdirSync(APP).filter((f) => read(f).includes('new BrowserWindow('))).toEqual(['window.ts']);
  });

  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInWorker', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webSecurity', 'true'],
    ['allowRunningInsecureContent', 'false'],
    ['experimentalFeatures', 'false'],
    ['webviewTag', 'false'],
  ])('%s is %s', (key, value) => {
    expect(prefs.get(key)).toBe(value);
  });

  it('enables no Blink features and loads only the preload script', () => {
    expect(prefs.has('enableBlinkFeatures')).toBe(false);
    expect(prefs.get('preload')).toBe('preloadPath()');
    expect(prefs.get('disableBlinkFeatures')).toBe("'Auxclick'");
  });

  it('loads the app from app://, blocks navigation away from it and opens no new windows', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
    expect(source).toContain('loadURL(`${APP_ORIGIN}/index.html`)');
    expect(source).toMatch(
      /will-navigate[\s\S]*?if \(url\.startsWith\(`\$\{APP_ORIGIN\}\/`\)\) return;\s*event\.preventDefault\(\);/,
    );
    expect(source).toMatch(/setWindowOpenHandler[\s\S]*?return \{ action: 'deny' \}/);
    // The browser opens only what shared/external-links.ts allows (tests/unit/shared/external-links.test.ts).
    expect(source).toMatch(
      /if \(isAllowedExternalUrl\(url\)\) void shell\.openExternal\(url\);\s*else console\.warn\(/,
    );
    const calls = fs.readdirSync(APP).flatMap((file) => read(file).match(/shell\.openExternal\(/g) ?? []);
    expect(calls).toHaveLength(1);
  });
});

describe('the rest of the glue', () => {
  it('never serves pages from file:// and registers app:// as a standard, secure scheme', () => {
    const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const file of fs.readdirSync(APP)) expect(code(file), file).not.toMatch(/file:\/\/|loadFile\(/);
    expect(read('protocol.ts')).toMatch(/scheme: 'app', privileges: \{ standard: true, secure: true/);
  });

  it('runs one instance, attaches no webviews and grants the page no permissions', () => {
    const main = read('main.ts');
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toMatch(/will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(main).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(false))');
    expect(main).toContain('setPermissionCheckHandler(() => false)');
  });

  it('checks every IPC sender with the tested function before any handler runs', () => {
    const ipc = read('ipc.ts');
    expect(ipc).toMatch(
      /if \(!isAppSender\(frame\?\.url, frame\?\.parent === null\)\) return \{ ok: false, error: FORBIDDEN_SENDER \}/,
    );
    expect(ipc.indexOf('isAppSender(')).toBeLessThan(ipc.indexOf('invoke(register'));
    expect(ipc.match(/ipcMain\.(handle|on)\(/g)).toHaveLength(1);
  });

  it('the preload exposes invoke and onMenu, and no Electron object', () => {
    const preload = fs.readFileSync(path.resolve('electron/preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('kullregister', bridge)");
    const bridge = /const bridge = \{([\s\S]*?)\} satisfies Bridge;/.exec(preload)?.[1] ?? '';
    const members = [...bridge.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(members).toEqual(['invoke', 'onMenu']);
    expect(bridge).toMatch(
      /^\s*invoke: \(channel, input\) => ipcRenderer\.invoke\('kullregister:invoke', channel, input\),$/m,
    );
    // onMenu: one fixed IPC name, only commands from shared/menu.ts, and never the IPC event itself.
    expect(bridge).toContain("ipcRenderer.on('kullregister:menu', listener)");
    expect(bridge).toMatch(/if \(isMenuCommand\(command\)\) callback\(command\);/);
    expect(bridge).not.toMatch(/callback\([^)]*event/i);
    expect(preload.match(/ipcRenderer\.(on|invoke|send|sendSync|once)\(/g)).toEqual([
      'ipcRenderer.invoke(',
      'ipcRenderer.on(',
    ]);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    contentSecurityPolicy('dGVzdG5vbmNl')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name as string, values]),
  );

  it.each([
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['connect-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['style-src', ["'self'", "'nonce-dGVzdG5vbmNl'"]],
  ])('%s is %j', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it("allows no 'unsafe-inline', 'unsafe-eval', wildcard or remote source anywhere", () => {
    for (const [name, values] of directives) {
      for (const value of values) {
        expect(value, name).not.toMatch(/unsafe-|^\*$|^https?:|^ws|^blob:/);
      }
    }
  });

  it('is sent with the page, with a fresh nonce on every load', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const first = serveRendererFile(root, '/index.html').headers['content-security-policy'];
    const second = serveRendererFile(root, '/index.html').headers['content-security-policy'];
    expect(first).toMatch(/connect-src 'none'/);
    expect(first).not.toBe(second);
    expect(serveRendererFile(root, '/../../etc/passwd').status).toBe(404);
  });
});

describe('the IPC sender check', () => {
  it.each([`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html?x=1#y`])(
    'accepts the app’s own page %s',
    (url) => {
      expect(isAppSender(url)).toBe(true);
    },
  );

  it.each([
    'app://kullregister',
    'app://kullregister.evil.example/index.html',
    'app://evil@kullregister/index.html',
    'app://kullregister:8080/index.html',
    'app://other/index.html',
    'file:///C:/Users/kari/index.html',
    'http://kullregister.test/index.html',
    'https://kullregister/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppSender(url)).toBe(false);
  });

  it('refuses a frame inside the page, and a sender with no frame', () => {
    expect(isAppSender(`${APP_ORIGIN}/index.html`, false)).toBe(false);
    expect(isAppSender(undefined)).toBe(false);
    expect(isAppSender(null)).toBe(false);
  });

  it('says so in Norwegian', () => {
    expect(FORBIDDEN_SENDER.code).toBe('forbidden');
    expectNorwegianMessage(FORBIDDEN_SENDER.message);
  });
});
