/**
 * One row's history from the endringslogg, for the grid's "Historikk" view and for innsyn.
 *
 * Row numbers can be used again: SQLite gives a new row the number after the highest one in use, so
 * after the newest deltaker is deleted the next one gets its number. The log keeps the old row's
 * entries under that number, so a row's history starts at its latest creation — the entry that set
 * its required field (navn; verdi for a list value) from nothing. Showing earlier entries would show
 * one person's data as another's.
 */
import { historyOf, type LogEntry, type LogTable } from './changelog';
import type { Register } from './connection';

const CREATED_BY: Record<LogTable, string | null> = {
  kull: 'navn',
  deltaker: 'navn',
  kodeverdi: 'verdi',
  innstilling: null,
};

export function rowHistory(reg: Register, table: LogTable, rowId: number): LogEntry[] {
  const all = historyOf(reg, table, rowId);
  const field = CREATED_BY[table];
  if (field === null) return all;
  let start = 0;
  all.forEach((entry, index) => {
    if (entry.felt === field && entry.gammel === null && entry.ny !== null) start = index;
  });
  // The creation wrote all its fields at one time, in column order (kull_id comes before navn).
  const created = all[start];
  while (start > 0 && created && sameWrite(all[start - 1], created)) start -= 1;
  return all.slice(start);
}

function sameWrite(entry: LogEntry | undefined, creation: LogEntry): boolean {
  return entry !== undefined && entry.tid === creation.tid && entry.bruker === creation.bruker && entry.gammel === null;
}
