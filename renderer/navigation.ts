/**
 * Moving between screens with a target: the Rapport screen's data-quality list opens a deltaker's
 * row in the Deltakere grid. App owns the state; a screen asks through this context.
 */
import type { GridApi } from 'ag-grid-community';
import { createContext, useContext } from 'react';

export type Navigation = {
  /** Switch to Deltakere (all kull) with this deltaker's row in view and focused. */
  openDeltaker: (id: number) => void;
  /** The deltaker asked for by openDeltaker, once: the Deltakere grid takes it when its rows are in. */
  takeDeltakerRequest: () => number | null;
};

export const NavigationContext = createContext<Navigation>({
  openDeltaker: () => {},
  takeDeltakerRequest: () => null,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** Scrolls a grid row (getRowId) into the middle of the view and focuses its cell in `column`. */
export function focusGridRow<T>(api: GridApi<T>, rowId: string, column: string): boolean {
  const node = api.getRowNode(rowId);
  if (!node || node.rowIndex === null || node.rowIndex === undefined || !node.displayed) return false;
  api.ensureNodeVisible(node, 'middle');
  api.ensureColumnVisible(column);
  api.setFocusedCell(node.rowIndex, column);
  // Focusing a row opens the line under the grid, which makes the grid lower: scroll again once it has.
  setTimeout(() => {
    if (!api.isDestroyed()) api.ensureNodeVisible(node);
  }, 150);
  return true;
}
