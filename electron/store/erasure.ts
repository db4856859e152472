/**
 * What one erasure does to one database file — the register, a backup, or a restored copy — and
 * the list of erasures the register keeps (migration 003, `sletteliste`). One function,
 * `applyErasure`, is the only code that removes a person: «Slett for godt», «Anonymiser», the
 * command line, the backup cleaning and the re-application after a restore all go through it
 * (docs/safety.md, «An erasure holds»).
 *
 * An erasure names rows by number and time only. Row numbers are reused (store/history.ts), so a
 * row is erased only if it was created at or before the erasure's time, and only log entries from
 * at or before that time are touched: a person who got the same number later is never hit when an
 * erasure is applied again to a newer copy.
 */
import type Database from 'better-sqlite3';
import { prepared } from './statements';

export type ErasureKind = 'sletting' | 'anonymisering';

export type ErasureRecord = {
  id: number;
  /** When the erasure was made (ISO, UTC). */
  tid: string;
  hva: ErasureKind;
  /** The deltaker row numbers it covered. */
  rader: number[];
  /** Every backup the app knows of has been cleaned. */
  kopierFerdig: boolean;
};

export const ANONYMISED_NAME = 'Anonymisert';
/** What scrubbed old and new values in the endringslogg become. */
export const SCRUBBED = '(fjernet)';
/** The fields that say who a deltaker is; the report uses none of them but fødselsår (age groups). */
export const PERSONAL_FIELDS = ['navn', 'fodselsar', 'merknad'] as const;

export type ErasureEffect = { rows: number; logEntries: number };

/** The newest creation of a deltaker row in the endringslogg (navn set from nothing), or null. */
function createdAt(db: Database.Database, id: number): string | null {
  const row = prepared(
    db,
    `SELECT max(tid) AS tid FROM endringslogg
      WHERE tabell = 'deltaker' AND rad_id = ? AND felt = 'navn' AND gammel IS NULL AND ny IS NOT NULL`,
  ).get(id) as { tid: string | null };
  return row.tid;
}

/** The row is the one the erasure meant: there, and not created after it. */
function rowIsCovered(db: Database.Database, id: number, tid: string): boolean {
  if (!prepared(db, 'SELECT 1 FROM deltaker WHERE id = ?').get(id)) return false;
  const created = createdAt(db, id);
  return created === null || created <= tid;
}

/**
 * Applies one erasure to an open database (write access, `secure_delete` on). Call inside a
 * transaction; VACUUM afterwards so no freed page is left. Idempotent: a second run changes nothing.
 */
export function applyErasure(
  db: Database.Database,
  record: Pick<ErasureRecord, 'tid' | 'hva' | 'rader'>,
): ErasureEffect {
  let rows = 0;
  let logEntries = 0;
  const placeholders = PERSONAL_FIELDS.map(() => '?').join(', ');
  const scrubEvents = hasTable(db, 'hendelse');
  for (const id of record.rader) {
    if (scrubEvents) scrubNamesFromEvents(db, namesOf(db, id, record.tid));
    if (record.hva === 'sletting') {
      if (rowIsCovered(db, id, record.tid)) {
        rows += prepared(db, 'DELETE FROM deltaker WHERE id = ?').run(id).changes;
      }
      logEntries += prepared(db, "DELETE FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ? AND tid <= ?").run(
        id,
        record.tid,
      ).changes;
    } else {
      if (rowIsCovered(db, id, record.tid)) {
        rows += prepared(
          db,
          `UPDATE deltaker SET navn = ?, fodselsar = NULL, merknad = NULL
            WHERE id = ? AND NOT (navn = ? AND fodselsar IS NULL AND merknad IS NULL)`,
        ).run(ANONYMISED_NAME, id, ANONYMISED_NAME).changes;
      }
      logEntries += prepared(
        db,
        `UPDATE endringslogg
            SET gammel = CASE WHEN gammel IS NULL THEN NULL ELSE '${SCRUBBED}' END,
                ny = CASE WHEN ny IS NULL THEN NULL ELSE '${SCRUBBED}' END
          WHERE tabell = 'deltaker' AND rad_id = ? AND tid <= ? AND felt IN (${placeholders})
            AND (coalesce(gammel, '${SCRUBBED}') <> '${SCRUBBED}' OR coalesce(ny, '${SCRUBBED}') <> '${SCRUBBED}')`,
      ).run(id, record.tid, ...PERSONAL_FIELDS).changes;
    }
  }
  return { rows, logEntries };
}

/** Every name the row has had (in the row and in its log), as far as the erasure covers it. */
function namesOf(db: Database.Database, id: number, tid: string): string[] {
  const names = new Set<string>();
  if (rowIsCovered(db, id, tid)) {
    const row = prepared(db, 'SELECT navn FROM deltaker WHERE id = ?').get(id) as { navn: string } | undefined;
    if (row) names.add(row.navn);
  }
  const logged = prepared(
    db,
    `SELECT gammel, ny FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ? AND felt = 'navn' AND tid <= ?`,
  ).all(id, tid) as { gammel: string | null; ny: string | null }[];
  for (const { gammel, ny } of logged) {
    if (gammel) names.add(gammel);
    if (ny) names.add(ny);
  }
  return [...names].filter((n) => n.trim().length >= 3 && n !== ANONYMISED_NAME && n !== SCRUBBED);
}

/**
 * A hendelse never names a deltaker by itself, but a file name the user typed (an export, an
 * innsyn) can: such a name goes from the log too.
 */
function scrubNamesFromEvents(db: Database.Database, names: readonly string[]): void {
  const update = prepared(
    db,
    'UPDATE hendelse SET beskrivelse = replace(beskrivelse, ?, ?) WHERE instr(beskrivelse, ?) > 0',
  );
  for (const name of names) update.run(name, SCRUBBED, name);
}

/** How much `applyErasure` would change, read-only (for a copy that cannot be written). */
export function erasureMatches(db: Database.Database, record: Pick<ErasureRecord, 'tid' | 'hva' | 'rader'>): number {
  let found = 0;
  const placeholders = PERSONAL_FIELDS.map(() => '?').join(', ');
  for (const id of record.rader) {
    if (record.hva === 'sletting') {
      if (rowIsCovered(db, id, record.tid)) found += 1;
      found += (
        prepared(
          db,
          "SELECT count(*) AS n FROM endringslogg WHERE tabell = 'deltaker' AND rad_id = ? AND tid <= ?",
        ).get(id, record.tid) as { n: number }
      ).n;
    } else {
      if (
        rowIsCovered(db, id, record.tid) &&
        prepared(
          db,
          'SELECT 1 FROM deltaker WHERE id = ? AND NOT (navn = ? AND fodselsar IS NULL AND merknad IS NULL)',
        ).get(id, ANONYMISED_NAME)
      ) {
        found += 1;
      }
      found += (
        prepared(
          db,
          `SELECT count(*) AS n FROM endringslogg
            WHERE tabell = 'deltaker' AND rad_id = ? AND tid <= ? AND felt IN (${placeholders})
              AND (coalesce(gammel, '${SCRUBBED}') <> '${SCRUBBED}' OR coalesce(ny, '${SCRUBBED}') <> '${SCRUBBED}')`,
        ).get(id, record.tid, ...PERSONAL_FIELDS) as { n: number }
      ).n;
    }
  }
  return found;
}

export function hasTable(db: Database.Database, name: string): boolean {
  return prepared(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

type StoredRecord = { id: number; tid: string; hva: ErasureKind; rader: string; kopier_ferdig: number };

/** The erasures recorded in a database, oldest first (none in a file from before migration 003). */
export function listErasures(db: Database.Database): ErasureRecord[] {
  if (!hasTable(db, 'sletteliste')) return [];
  return (
    prepared(db, 'SELECT id, tid, hva, rader, kopier_ferdig FROM sletteliste ORDER BY id').all() as StoredRecord[]
  ).map((r) => ({
    id: r.id,
    tid: r.tid,
    hva: r.hva,
    rader: JSON.parse(r.rader) as number[],
    kopierFerdig: r.kopier_ferdig === 1,
  }));
}

/** Records a new erasure (inside the transaction that applies it); returns it. */
export function recordErasure(
  db: Database.Database,
  hva: ErasureKind,
  rader: readonly number[],
  tid: string,
): ErasureRecord {
  const { lastInsertRowid } = prepared(db, 'INSERT INTO sletteliste (tid, hva, rader) VALUES (?, ?, ?)').run(
    tid,
    hva,
    JSON.stringify(rader),
  );
  return { id: Number(lastInsertRowid), tid, hva, rader: [...rader], kopierFerdig: false };
}

/** Copies erasure records into another database's list (a backup, a restored copy), keeping their ids. */
export function carryErasures(db: Database.Database, records: readonly ErasureRecord[]): void {
  if (!hasTable(db, 'sletteliste')) return;
  const insert = prepared(
    db,
    'INSERT INTO sletteliste (id, tid, hva, rader, kopier_ferdig) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kopier_ferdig = excluded.kopier_ferdig',
  );
  for (const r of records) insert.run(r.id, r.tid, r.hva, JSON.stringify(r.rader), r.kopierFerdig ? 1 : 0);
}

export function markCopiesDone(db: Database.Database, ids: readonly number[]): void {
  const update = prepared(db, 'UPDATE sletteliste SET kopier_ferdig = 1 WHERE id = ?');
  for (const id of ids) update.run(id);
}
