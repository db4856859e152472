/**
 * What the grids keep for the open register while its screens come and go: the red cells (texts
 * refused, stored nowhere) of Deltakere and of Kull. App.tsx makes one per opened register (and
 * after a restore), so another register starts with none of them.
 */
import { createContext, type ReactNode, useContext, useState } from 'react';
import type { GridTable } from '../../shared/contract/grid';
import { CellIssues } from './cellIssues';

type GridState = Record<GridTable, CellIssues>;

const GridStateContext = createContext<GridState | null>(null);

export function GridStateProvider(props: { children: ReactNode }) {
  const [state] = useState((): GridState => ({ deltaker: new CellIssues(), kull: new CellIssues() }));
  return <GridStateContext value={state}>{props.children}</GridStateContext>;
}

/** The register's red cells of one grid (a grid outside any register: its own, for its life). */
export function useGridIssues(table: GridTable): CellIssues {
  const state = useContext(GridStateContext);
  const [own] = useState(() => new CellIssues());
  return state ? state[table] : own;
}
