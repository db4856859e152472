/**
 * The process fault-injection.test.ts kills: it opens a register through a session, as the app and
 * the command line do, says `ready`, then runs one kind of work until it is killed —
 *
 *   backup     backups, one after another            prints `B <name>` after each
 *   restore    restores of the named backup          prints `R` after each
 *   anonymise  one anonymisation (with the backups)  prints `A <count> <files still holding>` when it answered
 *
 * Bundled by the test with esbuild and run with plain `node`, so it starts fast.
 */
import fs from 'node:fs';
import { invoke } from '../../../electron/api/handlers';
import { RegisterSession } from '../../../electron/register/session';

const [mode, registerPath, backupFolder, configFile, backupName] = process.argv.slice(2);
if (!mode || !registerPath || !backupFolder || !configFile)
  throw new Error('usage: fault-child <mode> <register> <backups> <config> [backup]');

const say = (line: string) => fs.writeSync(1, `${line}\n`);

const session = new RegisterSession({
  configFile,
  defaultBackupFolder: backupFolder,
  user: 'feiltest',
  host: 'PC-FEIL',
  heartbeatMs: null,
  dailyBackup: false,
  rememberRecent: false,
});
async function main(): Promise<void> {
  const outcome = await session.open(registerPath as string);
  if (outcome.status !== 'open' || outcome.register.readOnly)
    throw new Error(`not open for editing: ${outcome.status}`);
  say('ready');

  if (mode === 'backup') {
    for (;;) say(`B ${(await session.backupNow('manuell')).name}`);
  } else if (mode === 'restore') {
    for (;;) {
      try {
        session.restoreBackup(backupName as string);
        say('R');
      } catch (error) {
        // Right after the previous restore (or an open that rolled back a killed one) the register
        // may still have a journal; the restore then refuses, changing nothing, and is asked again.
        if ((error as { code?: string }).code !== 'busy') throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } else if (mode === 'anonymise') {
    const reg = outcome.register;
    const preview = invoke(reg, 'privacy:anonymisePreview', { years: 5 });
    if (!preview.ok) throw new Error(preview.error.message);
    const done = invoke(reg, 'privacy:anonymise', { years: 5, expectedCount: preview.value.count });
    if (!done.ok) throw new Error(done.error.message);
    say(`A ${done.value.anonymised} ${done.value.stillHolding.length}`);
    session.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
