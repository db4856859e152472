/** The status line's count of red cells (texts refused, stored nowhere), so none is forgotten. */
import { type CellIssues, redCells, useCellIssues } from './cellIssues';

export function RefusedCount(props: { issues: CellIssues }) {
  const n = useCellIssues(props.issues).length;
  if (n === 0) return null;
  return <span className="status-refused"> · {redCells(n)} ikke lagret</span>;
}
