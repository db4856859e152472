/**
 * What makes a grid feel like Excel beyond typing in one cell, built for AG Grid Community (whose
 * clipboard, cell ranges and fill handle are Enterprise): Ctrl+C / Ctrl+X / Ctrl+V (pasteBlock.ts),
 * Shift+arrows and dragging to select a block (selection.ts), Ctrl+D / Ctrl+R and the fill handle
 * to fill down or right, Delete to clear (fillBlock.ts, fillHandle.ts), Ctrl+Z / Ctrl+Y (and
 * Ctrl+Shift+Z) to undo and redo, also from the Rediger menu (editCommands.ts), Ctrl+F to the
 * search box (sheetInput.ts), and export of the grid as shown.
 *
 * Every change goes to the store as one call (grid:setCells, grid:undo, grid:redo) that is one
 * transaction there; the grid then takes the rows the store sends back, so nothing is reloaded.
 */
import type { CellFocusedEvent, IRowNode } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '../../shared/api';
import { EDITABLE_LIST_LABELS } from '../../shared/codes';
import type { ChangedRows, PasteMode } from '../../shared/contract/grid';
import type { CellBlock } from '../../shared/tsv';
import { invoke } from '../bridge';
import type { SheetGeometry } from './clipboard';
import { useExportDialog } from './ExportDialog';
import { registerSheet } from './editCommands';
import { type BlockAction, fillOrClear, fillTo } from './fillBlock';
import { useFillHandle } from './fillHandle';
import { useHeaderRowQuestion } from './HeaderRowDialog';
import { PastePanel, type PasteReport } from './PastePanel';
import { type PasteOutcome, type PlacedIssue, pasteBlock } from './pasteBlock';
import './sheet.css';
import { type SheetMenuItem, useSheetMenu } from './SheetMenu';
import { FocusFollower, useSheetInput } from './sheetInput';
import type { PasteAt, Row, Sheet, SheetContext, SheetOptions } from './sheetTypes';

export type { Sheet, SheetOptions } from './sheetTypes';

export function useSheet<R extends Row>(options: SheetOptions<R>): Sheet<R> {
  const opts = useRef(options);
  opts.current = options;
  const [report, setReport] = useState<PasteReport | null>(null);
  /** The last paste and where it went, for «Lim inn de gyldige cellene» after an all-or-nothing refusal. */
  const lastPaste = useRef<PasteOutcome['at'] | null>(null);
  const lastCells = useRef<CellBlock>([]);
  const [headerQuestion, askHeader] = useHeaderRowQuestion();
  const [exportDialog, askExport] = useExportDialog();
  /** Refused pasted texts put in cells by each undo step: undoing the step takes them away again. */
  const stepIssues = useRef(new Map<number, PlacedIssue[]>());
  const busy = useRef(false);
  const focus = useRef(new FocusFollower(options.selection));

  const ctx = useMemo((): SheetContext<R> => {
    const geometry = (): SheetGeometry<R> | null => {
      const { api, fields, storedId } = opts.current;
      const grid = api();
      if (!grid || grid.isDestroyed()) return null;
      return {
        api: grid,
        fields: new Map(fields.map((f) => [f.key, f])),
        storedId: (node: IRowNode<R>) => (node.data ? storedId(node.data) : undefined),
      };
    };
    const settle = async (): Promise<boolean> => {
      const { api, saver, report: say } = opts.current;
      const grid = api();
      if (!grid || busy.current) return false;
      grid.stopEditing();
      if (grid.getEditingCells().length > 0) {
        say({ tone: 'warning', text: 'Rett den røde cellen, eller trykk Esc for å angre den, og prøv igjen.' });
        return false;
      }
      await saver.idle();
      return true;
    };
    const applyChanged = (changed: ChangedRows) => {
      const { api, gridRowId, issues } = opts.current;
      const grid = api();
      if (!grid) return;
      const update: R[] = [];
      const add: R[] = [];
      for (const row of changed.rows) {
        const rowId = gridRowId(row.id);
        const data = { ...row, id: Number(rowId) } as unknown as R;
        if (grid.getRowNode(rowId)) update.push(data);
        else add.push(data);
      }
      const remove: R[] = [];
      for (const id of changed.removed) {
        const rowId = gridRowId(id);
        issues.clearRow(rowId);
        const node = grid.getRowNode(rowId);
        if (node?.data) remove.push(node.data);
      }
      grid.applyTransaction({ update, add, remove });
    };
    const listNotice = (added: Output<'grid:setCells'>['addedListValues']) => {
      if (added.length === 0) return '';
      opts.current.onListsChanged?.();
      const shown = added.slice(0, 3).map((a) => `«${a.verdi}» (${EDITABLE_LIST_LABELS[a.list]})`);
      return ` Nye verdier i listene: ${shown.join(', ')}${added.length > 3 ? ` og ${added.length - 3} til` : ''}.`;
    };
    const exclusive = async <T,>(work: () => Promise<T>): Promise<T | null> => {
      if (busy.current) return null;
      busy.current = true;
      try {
        return await work();
      } finally {
        busy.current = false;
      }
    };
    return { options: () => opts.current, geometry, settle, applyChanged, listNotice, exclusive };
  }, []);

  const pasteText = useCallback(
    async (text: string | CellBlock, at?: PasteAt, mode: PasteMode = opts.current.layout.pasteMode) => {
      // The same block again («Lim inn de gyldige cellene») was asked about already.
      const outcome = await pasteBlock(ctx, text, at, mode, typeof text === 'string' ? askHeader : undefined);
      if (!outcome) return;
      lastPaste.current = outcome.at;
      lastCells.current = outcome.cells;
      if (outcome.step !== null && outcome.placed.length > 0) stepIssues.current.set(outcome.step, outcome.placed);
      setReport(outcome.report);
    },
    [ctx, askHeader],
  );

  const runHistory = useCallback(
    async (channel: 'grid:undo' | 'grid:redo') => {
      const { table, report: say, issues } = opts.current;
      if (!(await ctx.settle())) return;
      const result = await ctx.exclusive(() => invoke(channel, { table }));
      if (!result) return;
      if (!result.ok) {
        say({ tone: 'error', text: result.error.message });
        return;
      }
      const value = result.value;
      if (!value.done) {
        say({ tone: 'info', text: channel === 'grid:undo' ? 'Ingenting å angre.' : 'Ingenting å gjøre om.' });
        return;
      }
      ctx.applyChanged(value.changed);
      // Undoing a paste takes away the red cells it left; redoing it puts them back.
      for (const placed of value.step === null ? [] : (stepIssues.current.get(value.step) ?? [])) {
        if (channel === 'grid:undo') {
          if (issues.get(placed.rowId, placed.colId)?.text === placed.text) issues.clear(placed.rowId, placed.colId);
        } else if (opts.current.api()?.getRowNode(placed.rowId) && !issues.get(placed.rowId, placed.colId)) {
          issues.set({ rowId: placed.rowId, colId: placed.colId, text: placed.text, message: placed.message });
        }
      }
      opts.current.api()?.refreshCells({ force: true });
      opts.current.onListsChanged?.();
      say({ tone: 'ok', text: `${channel === 'grid:undo' ? 'Angret' : 'Gjort om'}: ${value.label}.` });
    },
    [ctx],
  );
  const undo = useCallback(() => runHistory('grid:undo'), [runHistory]);
  const redo = useCallback(() => runHistory('grid:redo'), [runHistory]);
  const setBlock = useCallback((action: BlockAction) => fillOrClear(ctx, action), [ctx]);

  const exportGrid = useCallback(async () => {
    const { api, table, storedId, exportWhat, report: say } = opts.current;
    const grid = api();
    if (!grid) return;
    grid.stopEditing();
    const ids: number[] = [];
    grid.forEachNodeAfterFilterAndSort((node) => {
      const id = node.data ? storedId(node.data) : undefined;
      if (id !== undefined) ids.push(id);
    });
    const columns = grid
      .getAllDisplayedColumns()
      .map((c) => c.getColId())
      .filter((id) => id !== 'ag-Grid-SelectionColumn');
    const format = await askExport({
      rows: ids.length,
      columns: columns.length,
      holdsNames: exportWhat.holdsNames,
      what: exportWhat.title,
    });
    if (!format) return;
    say({ tone: 'info', text: 'Lagrer filen …' });
    const result = await invoke('grid:export', { table, format, columns, ids });
    if (!result.ok) say({ tone: 'error', text: result.error.message });
    else if (!result.value.saved) say({ tone: 'info', text: 'Ingen fil ble lagret.' });
    else {
      const rader = result.value.rows === 1 ? '1 rad' : `${result.value.rows.toLocaleString('nb-NO')} rader`;
      say({ tone: 'ok', text: `Lagret ${rader} i ${result.value.path}.` });
    }
  }, [askExport]);

  useFillHandle(opts, (source, to) => fillTo(ctx, source, to));
  // Rediger → Angre / Gjør om reach the grid on screen (editCommands.ts).
  useEffect(
    () =>
      registerSheet({
        shown: () => {
          const box = opts.current.container.current;
          return !!box?.isConnected && box.getClientRects().length > 0 && !document.querySelector('dialog[open]');
        },
        undo: () => void undo(),
        redo: () => void redo(),
      }),
    [undo, redo],
  );
  useSheetInput(opts, focus.current, { pasteText, undo, redo, setBlock });

  // A red cell came or went: the row's ⚠ (Deltakere's `varsel` column) says so, and sorts by it.
  const { issues } = options;
  useEffect(
    () =>
      issues.subscribe(() => {
        const grid = opts.current.api();
        if (!grid || grid.isDestroyed()) return;
        grid.expireValueCache();
        grid.refreshCells({ columns: ['varsel'], force: true });
      }),
    [issues],
  );

  // AG Grid hands onCellFocused over a moment later (setTimeout): a key pressed right after a
  // click would act on the old selection. So the selection follows the focus at once — from the
  // mousedown, and from the grid's focused cell before every key (sheetInput.ts) — and the late
  // event only confirms it.
  const onCellFocused = useCallback((event: CellFocusedEvent<R>) => {
    const column = event.column;
    if (event.rowIndex == null || column == null) return;
    focus.current.follow({ rowIndex: event.rowIndex, colId: typeof column === 'string' ? column : column.getColId() });
  }, []);

  const onViewChanged = useCallback(() => opts.current.selection.reset(), []);

  // The right-click menu: the same actions as the keys. Copy and cut go through the browser's own
  // copy/cut events (the grid's cell has the focus again first), paste reads the clipboard.
  const clipboardCommand = useCallback((command: 'copy' | 'cut') => {
    const grid = opts.current.api();
    const focused = grid?.getFocusedCell();
    if (!grid || !focused) return;
    grid.setFocusedCell(focused.rowIndex, focused.column);
    if (!document.execCommand(command)) {
      opts.current.report({ tone: 'warning', text: `Bruk ${command === 'copy' ? 'Ctrl+C' : 'Ctrl+X'} i stedet.` });
    }
  }, []);
  // The page may not read the clipboard itself (Electron grants no permissions, and the browser only
  // to a secure page): the browser's own paste then, else say which key does it, as Excel online does.
  const pasteFromMenu = useCallback(
    async (asNewRows: boolean) => {
      const { selection } = opts.current;
      const at = asNewRows ? { start: selection.getAnchor(), block: null, asNewRows: true } : undefined;
      const text = await navigator.clipboard?.readText().catch(() => null);
      if (typeof text === 'string') {
        await pasteText(text, at);
        return;
      }
      const grid = opts.current.api();
      const focused = grid?.getFocusedCell();
      if (grid && focused && !asNewRows) {
        grid.setFocusedCell(focused.rowIndex, focused.column);
        if (document.execCommand('paste')) return;
      }
      opts.current.report({
        tone: 'info',
        text: `Trykk ${asNewRows ? 'Ctrl+Shift+V' : 'Ctrl+V'} for å lime inn: menyen får ikke lese utklippstavlen.`,
      });
    },
    [pasteText],
  );
  const menu = useSheetMenu({
    container: options.container,
    selection: options.selection,
    focusCell: (rowIndex, colId) => {
      const grid = opts.current.api();
      if (!grid) return;
      grid.stopEditing();
      grid.setFocusedCell(rowIndex, colId);
      focus.current.restart({ rowIndex, colId });
    },
    items: (): SheetMenuItem[] => [
      { label: 'Klipp ut', keys: 'Ctrl+X', run: () => clipboardCommand('cut') },
      { label: 'Kopier', keys: 'Ctrl+C', run: () => clipboardCommand('copy') },
      { label: 'Lim inn', keys: 'Ctrl+V', run: () => void pasteFromMenu(false) },
      { label: 'Lim inn som nye rader', keys: 'Ctrl+Shift+V', run: () => void pasteFromMenu(true) },
      'separator',
      { label: 'Fyll ned', keys: 'Ctrl+D', run: () => void setBlock('fill') },
      { label: 'Fyll til høyre', keys: 'Ctrl+R', run: () => void setBlock('fill-right') },
      { label: 'Tøm cellene', keys: 'Delete', run: () => void setBlock('clear') },
      'separator',
      { label: 'Angre', keys: 'Ctrl+Z', run: () => void undo() },
      { label: 'Gjør om', keys: 'Ctrl+Y', run: () => void redo() },
      ...(opts.current.menuItems?.() ?? []),
    ],
  });

  const retry = lastPaste.current;
  const panel = report ? (
    <PastePanel
      report={report}
      mode={options.layout.pasteMode}
      onModeChange={options.layout.setPasteMode}
      onClose={() => setReport(null)}
      onGoTo={(problem) => {
        const grid = opts.current.api();
        const node = problem.rowId ? grid?.getRowNode(problem.rowId) : undefined;
        if (!grid || node?.rowIndex == null) return;
        grid.ensureNodeVisible(node, 'middle');
        grid.ensureColumnVisible(problem.colId);
        grid.setFocusedCell(node.rowIndex, problem.colId);
      }}
      onPasteValid={report.applied || !retry ? null : () => void pasteText(lastCells.current, retry, 'gyldige')}
    />
  ) : null;

  const dialog = (
    <>
      {exportDialog}
      {headerQuestion}
      {menu}
    </>
  );
  return useMemo(
    () => ({ panel, dialog, undo, redo, exportGrid, onCellFocused, onViewChanged }),
    [panel, dialog, undo, redo, exportGrid, onCellFocused, onViewChanged],
  );
}
