/** Deleting deltakere: the question asked first (how many, and who), and the deletion. */
import type { GridApi } from 'ag-grid-community';
import type { Deltaker } from '../../shared/schema/deltaker';
import { invoke } from '../bridge';
import type { CellIssues } from '../grid/cellIssues';
import type { CellSaver, StatusMessage } from '../grid/cellSaver';
import type { ConfirmRequest } from '../ui/ConfirmDialog';

const SHOWN = 8;

export function confirmDeleteRequest(targets: readonly Deltaker[]): ConfirmRequest {
  const one = targets.length === 1;
  const names = targets.map((t) => t.navn || '(uten navn)');
  return {
    title: one ? 'Slette deltaker?' : `Slette ${targets.length} deltakere?`,
    body: (
      <>
        <p>
          {one ? 'Denne deltakeren' : 'Disse deltakerne'} slettes fra registeret. Du kan angre med Ctrl+Z så lenge
          programmet er åpent.
        </p>
        <ul className="dialog-list">
          {targets.slice(0, SHOWN).map((t, index) => (
            <li key={t.id}>{names[index]}</li>
          ))}
          {names.length > SHOWN && <li>… og {names.length - SHOWN} til</li>}
        </ul>
      </>
    ),
    confirmLabel: one ? 'Slett deltaker' : `Slett ${targets.length} deltakere`,
    danger: true,
  };
}

/**
 * «Slett»: the ticked rows, else the focused one, after the question above; stored rows are deleted
 * in one call (one undo step). Returns the status line's message.
 */
export async function deleteDeltakere(deps: {
  api: GridApi<Deltaker> | undefined;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  saver: CellSaver<Deltaker>;
  issues: CellIssues;
  storedId: (id: number) => number | undefined;
}): Promise<StatusMessage | null> {
  const { api } = deps;
  if (!api) return null;
  api.stopEditing(true);
  let targets = api.getSelectedRows();
  if (targets.length === 0) {
    const focused = api.getFocusedCell();
    const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
    if (row) targets = [row];
  }
  if (targets.length === 0) {
    return { tone: 'warning', text: 'Velg deltakerne du vil slette (kryss av eller klikk på en rad) og prøv igjen.' };
  }
  if (!(await deps.confirm(confirmDeleteRequest(targets)))) return null;
  await deps.saver.idle();
  const ids = targets.map((t) => deps.storedId(t.id)).filter((id): id is number => id !== undefined);
  if (ids.length > 0) {
    const result = await invoke('deltaker:delete', { ids });
    if (!result.ok) return { tone: 'error', text: result.error.message };
  }
  for (const t of targets) deps.issues.clearRow(String(t.id));
  if (!api.isDestroyed()) api.applyTransaction({ remove: targets });
  const what =
    targets.length === 1
      ? `${targets[0]?.navn || 'Deltakeren'} er slettet.`
      : `${targets.length} deltakere er slettet.`;
  return { tone: 'ok', text: `${what} Ctrl+Z angrer.` };
}
