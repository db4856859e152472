/**
 * What the whole window knows about the register file's safety, as every screen reads it: the
 * context object and its hooks. The provider that fills it (and hosts the history panel) is
 * SafetyContext.tsx; kept apart so the panel's privacy actions can read the state without importing
 * the provider that imports them (no import cycle).
 */
import { createContext, useContext } from 'react';
import type { LogTable } from '../../shared/contract/history';
import type { SafetyStatus } from '../../shared/contract/safety';

/** The row whose history the side panel shows. */
export type HistoryTarget = {
  table: Extract<LogTable, 'deltaker' | 'kull'>;
  id: number;
  /** The row's name as the grid shows it. */
  name: string;
};

export type Safety = {
  /** Null until read, and when no session is behind the bridge (nothing to show then). */
  status: SafetyStatus | null;
  /** The register cannot be changed from here (someone else has it, the lock was lost, no write access). */
  readOnly: boolean;
  refresh: () => Promise<void>;
  /** Shows a status just returned by a safety channel (take-over, acknowledge). */
  setStatus: (status: SafetyStatus) => void;
  /**
   * Every screen reads its data again (after a restore, a lock take-over, a deletion). The grids'
   * unsaved red cells go too, unless `keepUnsaved`: a take-over is the same file, and what was typed
   * while it was read-only is still there to save.
   */
  reloadData: (notice?: string, options?: { keepUnsaved?: boolean }) => void;
  /** Bumped by reloadData: App keys the screen with it. */
  generation: number;
  /** Bumped by reloadData unless it keeps the unsaved cells: App keys the grids' red cells with it. */
  unsavedGeneration: number;
  /** The message reloadData left for the screen shown after it, once. */
  takeNotice: () => string | null;
  openHistory: (target: HistoryTarget) => void;
};

let readOnlyNow = false;

/** Set by the provider when the status changes. */
export function setRegisterReadOnly(value: boolean): void {
  readOnlyNow = value;
}

/**
 * For grid callbacks that run outside React (a column's `editable`): whether the register is
 * read-only right now.
 */
export function isRegisterReadOnly(): boolean {
  return readOnlyNow;
}

export const SafetyContext = createContext<Safety>({
  status: null,
  readOnly: false,
  refresh: async () => {},
  setStatus: () => {},
  reloadData: () => {},
  generation: 0,
  unsavedGeneration: 0,
  takeNotice: () => null,
  openHistory: () => {},
});

export function useSafety(): Safety {
  return useContext(SafetyContext);
}

/** The app-level read-only flag, for any screen that wants to hold back an edit before the store refuses it. */
export function useReadOnly(): boolean {
  return useContext(SafetyContext).readOnly;
}
