// The Node version guard: the first thing `npm install` (preinstall), `npm start`, `npm run cli`,
// `npm run demo`, `npm run bench` and `npm test` run. Plain CommonJS with no imports and no modern
// syntax, so that even an old Node reads it; it must run before anything loads better-sqlite3 13,
// which crashes (a segfault, no message) on Node older than 22.12, and before a register is opened,
// so a refused start never leaves a lock file. Exits 1 with a Norwegian message, changing nothing.
'use strict';

var REQUIRED = [22, 12];

/** The message for a Node that is too old, or null when `version` ("22.12.0", "v20.20.2") will do. */
function nodeProblem(version, executable) {
  var parts = String(version).replace(/^v/, '').split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]);
  if (major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1])) return null;
  return [
    'Kullregister trenger Node.js 22.12 eller nyere, men denne kommandoen kjører med Node.js ' +
      String(version).replace(/^v/, '') +
      (executable ? ' (' + executable + ')' : '') +
      '. Ingenting er installert, startet eller endret.',
    '',
    'Slik får du Node.js 22:',
    '  - last ned og installer «Node.js 22 LTS» fra https://nodejs.org, eller',
    '  - med nvm: nvm install 22 && nvm use 22, eller',
    '  - uten administratorrettigheter, fra npm-registeret (se README, «Set up and run»):',
    '      npm install --prefix ~/.cache/kullregister-node22 node@22',
    '      export PATH=~/.cache/kullregister-node22/node_modules/node/bin:$PATH',
    '',
    'Sjekk med «node --version» og kjør kommandoen på nytt.',
  ].join('\n');
}

module.exports = { nodeProblem: nodeProblem };

function main() {
  var problem = nodeProblem(process.versions.node, process.execPath);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

if (require.main === module) main();
