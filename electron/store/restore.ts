/**
 * What a restore keeps from the register it replaces (docs/safety.md, «An erasure holds»): the copy
 * of the backup that will become the register is brought up to this app's schema, gets the current
 * register's list of erasures and its whole hendelse log, and has every erasure applied again — all
 * before it is renamed into place, so a person erased after the backup was made never comes back,
 * not even for a moment, and a crash in between leaves the old register.
 */
import type Database from 'better-sqlite3';
import type { Register } from './connection';
import { applyErasure, carryErasures, type ErasureRecord, hasTable, listErasures } from './erasure';
import { DomainError } from './errors';
import { openRegister } from './open';
import { prepared } from './statements';

type HendelseRow = {
  id: number;
  tid: string;
  bruker: string;
  maskin: string;
  hva: string;
  antall: number | null;
  beskrivelse: string;
};

/** What the register being replaced hands on to the restored copy. */
export type CarriedOver = { erasures: ErasureRecord[]; hendelser: HendelseRow[] };

/** Read from the register before it is closed (or from a damaged one, as far as it can be read). */
export function carriedOver(db: Database.Database): CarriedOver {
  const erasures = listErasures(db);
  const hendelser = hasTable(db, 'hendelse')
    ? (prepared(
        db,
        'SELECT id, tid, bruker, maskin, hva, antall, beskrivelse FROM hendelse ORDER BY id',
      ).all() as HendelseRow[])
    : [];
  return { erasures, hendelser };
}

/** Like `carriedOver`, for a file that may be damaged: whatever can be read, else nothing. */
export function carriedOverFromFile(file: string, open: (file: string) => Database.Database): CarriedOver {
  try {
    const db = open(file);
    try {
      return carriedOver(db);
    } finally {
      db.close();
    }
  } catch {
    return { erasures: [], hendelser: [] };
  }
}

/** Prepares the restored copy in place; returns how many rows the erasures changed again. */
export function prepareRestoredCopy(copy: string, carried: CarriedOver, user: string): { rowsErasedAgain: number } {
  let reg: Register | undefined;
  try {
    reg = openRegister(copy, { user });
    const db = reg.db;
    const own = listErasures(db);
    const all = mergeErasures(own, carried.erasures);
    let rows = 0;
    let changed = 0;
    db.transaction(() => {
      carryErasures(db, all);
      for (const record of all) {
        const effect = applyErasure(db, record);
        rows += effect.rows;
        changed += effect.rows + effect.logEntries;
      }
      // The backup still held someone erased: its copies may too, so the next open cleans them again.
      if (changed > 0) db.exec('UPDATE sletteliste SET kopier_ferdig = 0');
      if (carried.hendelser.length > 0) {
        db.exec('DELETE FROM hendelse');
        const insert = prepared(
          db,
          'INSERT INTO hendelse (id, tid, bruker, maskin, hva, antall, beskrivelse) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (const h of carried.hendelser) insert.run(h.id, h.tid, h.bruker, h.maskin, h.hva, h.antall, h.beskrivelse);
      }
    })();
    db.exec('VACUUM');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`);
    return { rowsErasedAgain: rows };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'restore_failed',
      `Sikkerhetskopien kunne ikke gjøres klar (${error instanceof Error ? error.message : String(error)}). Registeret er ikke endret.`,
    );
  } finally {
    if (reg?.db.open) reg.close();
  }
}

/** The union of two lists by id, the current register's entry winning. */
function mergeErasures(own: readonly ErasureRecord[], current: readonly ErasureRecord[]): ErasureRecord[] {
  const byId = new Map<number, ErasureRecord>();
  for (const r of own) byId.set(r.id, r);
  for (const r of current) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
