/** The question asked before deltakere are deleted: how many, and who. */
import type { Deltaker } from '../../shared/schema/deltaker';
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
