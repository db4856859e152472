/**
 * Ctrl+V: a block from the clipboard into the grid, as one store call (grid:setCells, one
 * transaction). The store reads every cell as if typed; what it refuses comes back with the reason,
 * keeps the pasted text in its cell (red, as a refused typed text does) and is listed under the
 * grid (PastePanel). The pasted block is selected afterwards, as in Excel.
 */
import type { PasteMode } from '../../shared/contract/grid';
import { type CellBlock, parseTsv } from '../../shared/tsv';
import { invoke } from '../bridge';
import { dataColumns, headerRow, type PastePlan, planPaste } from './clipboard';
import type { HeaderChoice } from './HeaderRowDialog';
import type { PasteProblem, PasteReport } from './PastePanel';
import type { CellPos } from './selection';
import type { PasteAt, Row, SheetContext } from './sheetTypes';

export type PlacedIssue = { rowId: string; colId: string; text: string; message: string };

export type PasteOutcome = {
  /** For the list under the grid; null when every cell went in. */
  report: PasteReport | null;
  /** The undo step of the paste and the refused texts it left in cells (undo takes them away). */
  step: number | null;
  placed: PlacedIssue[];
  /** Where the paste started and what it pasted, to paste the same again («Lim inn de gyldige cellene»). */
  at: PasteAt & { start: CellPos };
  cells: CellBlock;
};

export async function pasteBlock<R extends Row>(
  ctx: SheetContext<R>,
  text: string | CellBlock,
  at: PasteAt | undefined,
  mode: PasteMode,
  askHeader?: (names: readonly string[]) => Promise<HeaderChoice>,
): Promise<PasteOutcome | null> {
  const { table, selection, issues, report: say, newRowKull, gridRowId, rowName, fields } = ctx.options();
  let cells = typeof text === 'string' ? parseTsv(text) : text;
  if (cells.length === 0) {
    say({ tone: 'warning', text: 'Utklippstavlen er tom: kopier cellene i Excel først.' });
    return null;
  }
  // A sheet copied whole starts with its header row: asked, so no row is called «Navn».
  const header = askHeader ? headerRow(fields, cells) : null;
  if (header && askHeader) {
    const choice = await askHeader(header);
    if (choice === null) {
      say({ tone: 'info', text: 'Ingenting ble limt inn.' });
      return null;
    }
    if (choice === 'skip') cells = cells.slice(1);
    if (cells.length === 0) {
      say({ tone: 'info', text: 'Det var bare overskriftsraden: ingenting ble limt inn.' });
      return null;
    }
  }
  if (!(await ctx.settle())) return null;
  const geo = ctx.geometry();
  if (!geo) return null;
  const firstColumn = dataColumns(geo)[0];
  const anchor = selection.getAnchor();
  const shown = geo.api.getDisplayedRowCount();
  // No cell chosen (an empty grid): new rows, from the first column.
  let start = at?.start ?? anchor ?? (firstColumn ? { rowIndex: shown, colId: firstColumn.column.getColId() } : null);
  if (!start) return null;
  // Ctrl+Shift+V: the block becomes new rows after the last, from the focused column.
  if (at?.asNewRows) start = { ...start, rowIndex: shown };
  const block = at ? at.block : selection.isBlock() ? selection.block() : null;
  const plan: PastePlan = planPaste(geo, cells, start, block);
  if (plan.rows.length === 0 || plan.columns.length === 0) {
    say({ tone: 'warning', text: 'Her er det ingen kolonner å lime inn i. Klikk i en celle som kan endres.' });
    return null;
  }
  if (plan.rows.length > 200) say({ tone: 'info', text: `Limer inn ${plan.rows.length} rader …` });
  const kull = newRowKull?.() ?? null;
  const result = await ctx.exclusive(() =>
    invoke('grid:setCells', {
      table,
      action: 'paste',
      mode,
      rows: plan.rows.map((r) => ({ id: r.id, cells: r.cells })),
      ...(kull !== null ? { newRowKull: kull } : {}),
    }),
  );
  if (!result) return null;
  if (!result.ok) {
    say({ tone: 'error', text: `Ingenting ble limt inn: ${result.error.message}` });
    return null;
  }
  const value = result.value;
  const grid = geo.api;
  ctx.applyChanged(value.changed);
  // A new row that had no name yet is replaced by the row the paste created for it.
  const drafts = value.created.flatMap((c) => {
    const rowId = plan.rows[c.row]?.rowId;
    const node = rowId ? grid.getRowNode(rowId) : undefined;
    return node?.data ? [node.data] : [];
  });
  if (drafts.length > 0) grid.applyTransaction({ remove: drafts });

  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const created = new Map(value.created.map((c) => [c.row, c.id]));
  const placed: PlacedIssue[] = [];
  const problems: PasteProblem[] = value.rejected.map((r) => {
    const target = plan.rows[r.row];
    const storedId = target?.id ?? created.get(r.row);
    const rowId = storedId !== undefined && storedId !== null ? gridRowId(storedId) : null;
    const node = rowId ? grid.getRowNode(rowId) : undefined;
    // What was pasted stays in its cell, red, until fixed or given up with Esc.
    if (value.applied && rowId && node) {
      issues.set({ rowId, colId: r.field, text: r.text, message: r.message });
      placed.push({ rowId, colId: r.field, text: r.text, message: r.message });
    }
    return {
      line: r.row + 1,
      name: node?.data ? rowName(node.data) : (target?.cells.navn ?? '').trim(),
      column: labels.get(r.field) ?? r.field,
      text: r.text,
      message: r.message,
      rowId: node && rowId ? rowId : null,
      colId: r.field,
    };
  });
  if (placed.length > 0) grid.refreshCells({ force: true });

  const last = plan.columns[plan.columns.length - 1];
  if (value.applied && last && !block) {
    const startRow = grid.getRowNode(plan.rows[0]?.rowId ?? '')?.rowIndex ?? start.rowIndex;
    selection.collapse({ rowIndex: startRow, colId: plan.columns[0]!.column.getColId() });
    selection.extendTo({ rowIndex: startRow + plan.rows.length - 1, colId: last.column.getColId() });
    // New rows after the last (Ctrl+Shift+V, or past the end): scrolled into view, the cursor on the first.
    if (plan.rows.some((r) => r.id === null)) {
      grid.ensureIndexVisible(startRow + plan.rows.length - 1, 'bottom');
      grid.ensureIndexVisible(startRow);
      grid.ensureColumnVisible(plan.columns[0]!.column);
      grid.setFocusedCell(startRow, plan.columns[0]!.column);
    }
  }

  const leftOut =
    plan.columnsLeftOut > 0
      ? ` ${plan.columnsLeftOut === 1 ? '1 kolonne' : `${plan.columnsLeftOut} kolonner`} til høyre fikk ikke plass.`
      : '';
  const rader = plan.rows.length === 1 ? '1 rad' : `${plan.rows.length} rader`;
  const nye = value.created.length > 0 ? ` (${value.created.length} nye)` : '';
  const refused = problems.length === 1 ? '1 celle' : `${problems.length} celler`;
  const celler = value.cellsChanged === 1 ? '1 celle' : `${value.cellsChanged} celler`;
  if (!value.applied && problems.length > 0) {
    say({ tone: 'error', text: `Ingenting ble limt inn: ${refused} kan ikke lagres. Se listen under tabellen.` });
  } else if (!value.applied) {
    say({ tone: 'info', text: `Innlimingen endret ingenting: cellene hadde allerede disse verdiene.${leftOut}` });
  } else {
    const listed = problems.length > 0 ? ` ${refused} ble ikke limt inn – se listen under tabellen.` : '';
    say({
      tone: problems.length > 0 || leftOut ? 'warning' : 'ok',
      text: `Limte inn ${celler} i ${rader}${nye}.${listed}${leftOut}${ctx.listNotice(value.addedListValues)}`,
    });
  }
  return {
    report:
      problems.length > 0
        ? { applied: value.applied, cellsChanged: value.cellsChanged, rowsAdded: value.created.length, problems }
        : null,
    step: value.step,
    placed,
    at: { start, block, asNewRows: at?.asNewRows ?? false },
    cells,
  };
}
