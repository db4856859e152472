/**
 * The reasons of refused cells, shown beside them without hovering. A cell that is open in its
 * editor shows the editor's own message instead.
 */
import type { CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi } from 'ag-grid-community';
import { type RefObject, useCallback } from 'react';
import { Bubble } from '../ui/Bubble';
import { type CellIssue, type CellIssues, useCellIssues } from './cellIssues';

export function IssueBubbles(props: { issues: CellIssues; container: RefObject<HTMLElement | null> }) {
  const all = useCellIssues(props.issues);
  return (
    <>
      {all.map((issue) => (
        <IssueBubble key={`${issue.rowId}/${issue.colId}`} issue={issue} container={props.container} />
      ))}
    </>
  );
}

function IssueBubble(props: { issue: CellIssue; container: RefObject<HTMLElement | null> }) {
  const { issue, container } = props;
  const anchor = useCallback(() => {
    const cell = container.current?.querySelector<HTMLElement>(
      `.ag-row[row-id="${CSS.escape(issue.rowId)}"] .ag-cell[col-id="${CSS.escape(issue.colId)}"]`,
    );
    return cell && !cell.classList.contains('ag-cell-inline-editing') ? cell : null;
  }, [issue.rowId, issue.colId, container]);
  return <Bubble anchor={anchor} message={issue.message} />;
}

/** Esc on a refused cell (not in its editor) gives up the typed text: the stored value shows again. */
export function clearIssueOnEscape<T>(
  issues: CellIssues,
  event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>,
): boolean {
  if (!('column' in event)) return false;
  const key = (event.event as KeyboardEvent | null | undefined)?.key;
  const rowId = event.node.id;
  if (key !== 'Escape' || !rowId) return false;
  const colId = event.column.getColId();
  if (!issues.clear(rowId, colId)) return false;
  (event.api as GridApi<T>).refreshCells({ rowNodes: [event.node], columns: [colId], force: true });
  return true;
}
