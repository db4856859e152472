/**
 * Each grid's layout (column order, widths, hidden columns) and paste mode, kept in the register's
 * innstilling table under `grid.<table>`, so a register opened on another PC looks the same. Not
 * register data: not written to the endringslogg (every column drag would flood it). A damaged
 * value falls back to the default layout.
 */
import { DEFAULT_GRID_LAYOUT, type GridLayout, type GridTable, gridLayout } from '../../shared/contract/grid';
import type { Register } from './connection';
import { prepared } from './statements';

const key = (table: GridTable) => `grid.${table}`;

export function getGridLayout(reg: Register, table: GridTable): GridLayout {
  const row = prepared(reg.db, 'SELECT verdi FROM innstilling WHERE nokkel = ?').get(key(table)) as
    | { verdi: string }
    | undefined;
  if (!row) return DEFAULT_GRID_LAYOUT;
  try {
    const parsed = gridLayout.partial().safeParse(JSON.parse(row.verdi));
    return parsed.success ? { ...DEFAULT_GRID_LAYOUT, ...parsed.data } : DEFAULT_GRID_LAYOUT;
  } catch {
    return DEFAULT_GRID_LAYOUT;
  }
}

export function setGridLayout(reg: Register, table: GridTable, changes: Partial<GridLayout>): GridLayout {
  const next = { ...getGridLayout(reg, table), ...changes };
  prepared(
    reg.db,
    'INSERT INTO innstilling (nokkel, verdi) VALUES (?, ?) ON CONFLICT(nokkel) DO UPDATE SET verdi = excluded.verdi',
  ).run(key(table), JSON.stringify(next));
  return next;
}
