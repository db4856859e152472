/**
 * The shape undo (undo.ts) needs from a table: kull.ts and deltakere.ts each give one. Apart from
 * undo.ts so that the tables do not import the undo stack that imports them.
 */
import type { Register } from './connection';

/** How undo reads and writes one table's rows, exactly, with the endringslogg. Call inside a transaction. */
export type RowStore<F extends object> = {
  read: (reg: Register, id: number) => F | null;
  insert: (reg: Register, id: number, fields: F) => void;
  update: (reg: Register, id: number, changes: Partial<F>) => void;
  remove: (reg: Register, id: number) => void;
  /** How the row is named in a message. */
  name: (fields: F) => string;
};
