/**
 * An open register: its SQLite connection, whether it may be written, and who writes (for the
 * endringslogg). Opened by open.ts; every table module takes one. A type of its own so that the
 * tables need not import the opening code (which seeds the lists through them).
 */
import type Database from 'better-sqlite3';

export type Register = {
  db: Database.Database;
  path: string;
  readOnly: boolean;
  /** The OS user written to the change log. */
  user: string;
  close: () => void;
};
