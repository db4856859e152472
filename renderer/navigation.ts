/**
 * Moving between screens with a target: the Rapport screen's data-quality list opens a deltaker's
 * row in the Deltakere grid. App owns the state; a screen asks through this context.
 */
import type { GridApi } from 'ag-grid-community';
import { createContext, useContext } from 'react';
import type { RuleKey } from '../shared/rules';

/** A deltaker to show, and the data-quality rule it was opened for (the field to mark). */
export type DeltakerRequest = { id: number; rule?: RuleKey };

export type Navigation = {
  /**
   * Switch to Deltakere (all kull) with this deltaker's row in view and focused; opened from a
   * data-quality rule, at the field the rule is about, marked.
   */
  openDeltaker: (id: number, rule?: RuleKey) => void;
  /** The deltaker asked for by openDeltaker, once: the Deltakere grid takes it when its rows are in. */
  takeDeltakerRequest: () => DeltakerRequest | null;
  /** Switch to another screen by its key in App's SCREENS table (e.g. 'register' from Innstillinger). */
  openScreen: (key: string) => void;
  /** Whether a screen is in the window (a screen may be left out, e.g. Kull for continuous intake). */
  hasScreen: (key: string) => boolean;
  /** Shows «Om Kullregister» (also Hjelp → Om in the menu). */
  showAbout: () => void;
  /** Innstillinger were saved: the top bar and the tabs read them again. */
  settingsChanged: () => void;
  /** Fil → Skriv ut rapport (Ctrl+P) asked for the report on paper, once: the Rapport screen takes it. */
  takePrintRequest: () => boolean;
  /** A follow-up was answered (or undone): the «Å følge opp» tab counts again. */
  dueCountChanged: () => void;
};

export const NavigationContext = createContext<Navigation>({
  openDeltaker: () => {},
  takeDeltakerRequest: () => null,
  openScreen: () => {},
  hasScreen: () => false,
  showAbout: () => {},
  settingsChanged: () => {},
  takePrintRequest: () => false,
  dueCountChanged: () => {},
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
  for (const delay of [150, 400]) {
    setTimeout(() => {
      if (!api.isDestroyed() && node.displayed) api.ensureNodeVisible(node, 'middle');
    }, delay);
  }
  return true;
}

/**
 * Leaving a screen. A grid screen registers what must happen before it goes away (its open cell
 * editor committed, its saves on their way); every way out — a tab, the menu's Vis-commands,
 * Ctrl+P, another register, closing the window — runs `leaveScreen()` first. The editor is taken
 * at once (synchronously, so closing the window still sends it); the promise ends when the saves
 * have reached the store, after which the screen may unmount.
 */
type LeaveGuard = () => Promise<unknown>;
const leaveGuards = new Set<LeaveGuard>();

export function addLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

export function leaveScreen(): Promise<void> {
  const waits = [...leaveGuards].map((guard) => guard().catch(() => undefined));
  return Promise.all(waits).then(() => undefined);
}

// Closing the window: the open editor's text is committed (its request sent) before the page goes.
if (typeof window !== 'undefined') window.addEventListener('beforeunload', () => void leaveScreen());
