/**
 * The two computed cells of a deltaker row: its derived status and its ⚠ — the row-rule warnings,
 * and the row's red cells (texts refused, stored nowhere), so a row with one is not forgotten.
 */
import type { CustomCellRendererProps } from 'ag-grid-react';
import { deltakerField } from '../../shared/fields';
import { rowWarnings } from '../../shared/rules';
import type { Deltaker } from '../../shared/schema/deltaker';
import { deriveStatus } from '../../shared/status';
import { type CellIssue, type CellIssues, redCells } from '../grid/cellIssues';

/** What a row's ⚠ says: its red cells first (what to do), then the rules it breaks. */
export function rowMarkerMessages(row: Deltaker, refused: readonly CellIssue[]): string[] {
  const messages = rowWarnings(row).map((w) => w.message);
  if (refused.length === 0) return messages;
  const labels = refused.map((issue) => deltakerField(issue.colId)?.label ?? issue.colId);
  return [
    `${redCells(refused.length)} er ikke lagret (${labels.join(', ')}): rett ${refused.length === 1 ? 'den' : 'dem'}, eller trykk Esc på cellen for å angre.`,
    ...messages,
  ];
}

export function StatusCell(props: CustomCellRendererProps<Deltaker>) {
  if (!props.data) return null;
  const status = deriveStatus(props.data);
  return <span className={`status-pill status-${status.key.toLowerCase()}`}>{status.label}</span>;
}

export function WarningCell(props: CustomCellRendererProps<Deltaker> & { issues: CellIssues }) {
  if (!props.data) return null;
  const messages = rowMarkerMessages(props.data, props.node.id ? props.issues.ofRow(props.node.id) : []);
  if (messages.length === 0) return null;
  const text = messages.join('\n');
  return (
    <span className="row-warning" title={text} role="img" aria-label={`Advarsel: ${text}`}>
      ⚠
    </span>
  );
}
