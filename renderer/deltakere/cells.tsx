/** The two computed cells of a deltaker row: its derived status and its row-rule warnings. */
import type { CustomCellRendererProps } from 'ag-grid-react';
import { rowWarnings } from '../../shared/rules';
import type { Deltaker } from '../../shared/schema/deltaker';
import { deriveStatus } from '../../shared/status';

export function StatusCell(props: CustomCellRendererProps<Deltaker>) {
  if (!props.data) return null;
  const status = deriveStatus(props.data);
  return <span className={`status-pill status-${status.key.toLowerCase()}`}>{status.label}</span>;
}

export function WarningCell(props: CustomCellRendererProps<Deltaker>) {
  if (!props.data) return null;
  const warnings = rowWarnings(props.data);
  if (warnings.length === 0) return null;
  const text = warnings.map((w) => w.message).join('\n');
  return (
    <span className="row-warning" title={text} role="img" aria-label={`Advarsel: ${text}`}>
      ⚠
    </span>
  );
}
