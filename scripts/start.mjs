// `npm start`: make sure Electron's binary is there (downloaded once, on first run), build the app
// and start it. Where the binary cannot be downloaded (a closed network) say so plainly and say
// what still works without it, instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');

function electronBinary() {
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : undefined;
}

/** The download's own last error line ("TypeError: fetch failed"), without its stack. */
function causeOf(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  return lines.at(-1) ?? 'ukjent feil';
}

if (!electronBinary()) {
  console.log('Henter Electron, programvinduet til Kullregister (første gang, ca. 100 MB) …');
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8' });
  if (install.status !== 0 || !electronBinary()) {
    console.error(`
Kullregister kunne ikke starte: Electron (programvinduet) kunne ikke lastes ned.
Årsak: ${causeOf(`${install.stdout ?? ''}\n${install.stderr ?? ''}`)}
Denne maskinen når trolig ikke nedlastingstjenesten for Electron (lukket nettverk eller brannmur).

Dette virker uten Electron:
  npm run demo -- --db demo.sqlite                                     lag et register med eksempeldata
  npm run cli -- report --db demo.sqlite --from 2021-01-01 --to 2021-12-31 --format html --out rapport.html
  npm test                                                             kjør testene

Be IT om installasjonsprogrammet (se README, «For IT»), eller prøv igjen på et nett som slipper gjennom.`);
    process.exit(1);
  }
}

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(electronBinary(), ['.'], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 0));
