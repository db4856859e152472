/**
 * One import measured on its own (bundled by scripts/bench-import.ts and run with plain `node`, so
 * its peak RSS is the import's, not the benchmark's): the import wizard's channels over a new
 * register, as the app runs them. Prints one JSON line: the outcome, the time and the peak RSS.
 *
 *   node bench-import-child.cjs <file> <register>
 */
import { invoke } from '../electron/api/handlers';
import { openRegister } from '../electron/store/open';

const [file, registerPath] = process.argv.slice(2) as [string, string];
const started = performance.now();
const reg = openRegister(registerPath, { create: true, user: 'bench' });
let outcome: Record<string, unknown>;
const opened = await invoke(reg, 'import:open', { path: file });
if (!opened.ok) {
  outcome = { refused: opened.error.code, message: opened.error.message };
} else {
  const columns = invoke(reg, 'import:columns', { kind: 'deltakere' });
  if (!columns.ok) throw new Error(columns.error.message);
  const committed = await invoke(reg, 'import:commit', { kind: 'deltakere', mapping: columns.value.mapping });
  if (!committed.ok) throw new Error(committed.error.message);
  outcome = { inserted: committed.value.inserted };
}
reg.close();
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes (KiB on Linux).
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...outcome, seconds, peakMb })}\n`);
