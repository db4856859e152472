/**
 * The writer that crash.test.ts kills: it opens a register through the store and, until killed,
 * makes the writes a user makes — single-cell edits, pastes of new rows, and pastes over a block of
 * existing rows — each in one transaction. After each commit it prints what it committed, with a
 * synchronous write, so every line the parent reads names a committed transaction.
 *
 *   E <id> <seq>        deltaker <id> got merknad e:<seq>
 *   P <batch> <count>   <count> new deltakere with merknad p:<batch>:<count>, all or none
 *   G <seq>             every deltaker of the block got veileder g:<seq>, all or none
 *
 * Sequence numbers grow across runs (they start from the clock), so a later value is a larger one.
 * Bundled by the test with esbuild and run with plain `node`, so it starts fast.
 */
import fs from 'node:fs';
import { insertDeltaker, patchDeltaker } from '../../../electron/store/deltakere';
import { openRegister } from '../../../electron/store/open';
import { aDeltaker } from '../helpers/builders';

const [file, seedText] = process.argv.slice(2);
if (!file) throw new Error('usage: crash-child <register> <seed>');

let seed = Number(seedText ?? 1) >>> 0 || 1;
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
}

const say = (line: string) => fs.writeSync(1, `${line}\n`);
const reg = openRegister(file, { create: true, user: 'krasjtest' });
const block = (
  reg.db.prepare("SELECT id FROM deltaker WHERE navn LIKE 'Blokk %' ORDER BY id").all() as { id: number }[]
).map((r) => r.id);
const editable = (
  reg.db.prepare("SELECT id FROM deltaker WHERE navn LIKE 'Rad %' ORDER BY id").all() as { id: number }[]
).map((r) => r.id);
let seq = Date.now() * 1000;
say('ready');

for (;;) {
  const r = random();
  seq += 1;
  if (r < 0.45 && editable.length > 0) {
    const id = editable[Math.floor(random() * editable.length)] as number;
    const value = `e:${seq}`;
    reg.db.transaction(() => patchDeltaker(reg, id, { merknad: value }))();
    say(`E ${id} ${seq}`);
  } else if (r < 0.8) {
    const count = 1 + Math.floor(random() * 20);
    const tag = `p:${seq}:${count}`;
    reg.db.transaction(() => {
      for (let i = 0; i < count; i++) insertDeltaker(reg, aDeltaker({ navn: `Limt inn ${seq}-${i}`, merknad: tag }));
    })();
    say(`P ${seq} ${count}`);
  } else if (block.length > 0) {
    const value = `g:${seq}`;
    reg.db.transaction(() => {
      for (const id of block) patchDeltaker(reg, id, { veileder: value });
    })();
    say(`G ${seq}`);
  }
}
