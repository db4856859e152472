/**
 * Ctrl+D, Ctrl+R, the fill handle, Delete and the emptying half of Ctrl+X on the selected block,
 * each one store call (grid:setCells, one transaction, one undo step). Fill down copies the top row
 * of the block into the rows below it (one row selected: the row above into it); fill right the
 * left column into the columns right of it (one column: the column to the left); the fill handle
 * repeats the block down or right over the cells it was dragged across. Values go as the cells show
 * them, so the store reads them as if typed. Delete and cut empty the cells: a required field
 * (Navn, a kull's start) is refused with the same reason as typing an empty text.
 */

import { formatFieldValue } from '../../shared/display';
import type { FieldValue } from '../../shared/fields';
import { invoke } from '../bridge';
import { type DataColumn, dataColumns, type SheetGeometry, type TargetRow } from './clipboard';
import type { Block, CellPos } from './selection';
import type { Row, SheetContext } from './sheetTypes';

export type BlockAction = 'fill' | 'fill-right' | 'clear' | 'cut';

/** Which cells get which text: the rows (display indexes) × the columns. */
type Plan = { rows: number[]; columns: DataColumn[]; text: (rowIndex: number, column: DataColumn) => string };

const WORDS: Record<BlockAction, { done: string; not: string }> = {
  fill: { done: 'Fylte ned', not: 'fylt ned' },
  'fill-right': { done: 'Fylte til høyre', not: 'fylt' },
  clear: { done: 'Tømte', not: 'tømt' },
  cut: { done: 'Klippet ut', not: 'tømt' },
};

/** Ctrl+D, Ctrl+R, Delete, and Ctrl+X once the block is on the clipboard. */
export async function fillOrClear<R extends Row>(ctx: SheetContext<R>, action: BlockAction): Promise<void> {
  const { selection, report: say, issues } = ctx.options();
  const geo = ctx.geometry();
  const block = selection.block();
  if (!geo || !block) return;
  const plan =
    action === 'fill' ? fillDownPlan(ctx, geo, block) : action === 'fill-right' ? fillRightPlan(ctx, geo, block) : null;
  if (action === 'fill' || action === 'fill-right') {
    if (plan) await write(ctx, geo, action, plan);
    return;
  }
  const columns = dataColumns(geo, block.columns);
  if (columns.length === 0) {
    say({ tone: 'warning', text: 'Disse cellene regnes ut og kan ikke endres.' });
    return;
  }
  const rows = range(block.top, block.bottom);
  // Emptying a cell gives up a refused text in it too.
  for (const r of rows) {
    const rowId = geo.api.getDisplayedRowAtIndex(r)?.id;
    if (rowId) for (const c of columns) issues.clear(rowId, c.def.key);
  }
  await write(ctx, geo, action, { rows, columns, text: () => '' });
}

/**
 * The fill handle: the block dragged by its corner to `to`, below it (repeat its rows down) or to
 * the right of it (repeat its columns right). Afterwards the block covers what was filled.
 */
export async function fillTo<R extends Row>(ctx: SheetContext<R>, source: Block, to: CellPos): Promise<void> {
  const { selection } = ctx.options();
  const geo = ctx.geometry();
  if (!geo) return;
  const shown = geo.api.getAllDisplayedColumns();
  const left = shown.indexOf(source.columns[0]!);
  const right = left + source.columns.length - 1;
  const toColumn = shown.findIndex((c) => c.getColId() === to.colId);
  if (to.rowIndex > source.bottom) {
    const height = source.bottom - source.top + 1;
    const plan: Plan = {
      rows: range(source.bottom + 1, to.rowIndex),
      columns: dataColumns(geo, source.columns),
      text: (r, c) => shownValue(ctx, geo, source.top + ((r - source.bottom - 1) % height), c),
    };
    selection.collapse({ rowIndex: source.top, colId: source.columns[0]!.getColId() });
    selection.extendTo({ rowIndex: to.rowIndex, colId: source.columns[source.columns.length - 1]!.getColId() });
    await write(ctx, geo, 'fill', plan);
  } else if (toColumn > right) {
    // Each new column takes the block's column at the same place in the repeat; a computed column
    // (Status) in the block fills nothing.
    const sources = new Map<string, DataColumn>();
    const targets: DataColumn[] = [];
    for (const [j, target] of dataColumns(geo, shown.slice(right + 1, toColumn + 1)).entries()) {
      const from = dataColumns(geo, [source.columns[j % source.columns.length]!])[0];
      if (!from) continue;
      sources.set(target.def.key, from);
      targets.push(target);
    }
    selection.collapse({ rowIndex: source.top, colId: source.columns[0]!.getColId() });
    selection.extendTo({ rowIndex: source.bottom, colId: shown[toColumn]!.getColId() });
    await write(ctx, geo, 'fill-right', {
      rows: range(source.top, source.bottom),
      columns: targets,
      text: (r, c) => shownValue(ctx, geo, r, sources.get(c.def.key)!),
    });
  }
}

function fillDownPlan<R extends Row>(ctx: SheetContext<R>, geo: SheetGeometry<R>, block: Block): Plan | null {
  const { report: say } = ctx.options();
  const columns = dataColumns(geo, block.columns);
  if (columns.length === 0) {
    say({ tone: 'warning', text: 'Disse cellene regnes ut og kan ikke endres.' });
    return null;
  }
  const one = block.top === block.bottom;
  const source = one ? block.top - 1 : block.top;
  if (source < 0 || !geo.api.getDisplayedRowAtIndex(source)?.data) {
    say({ tone: 'warning', text: 'Det er ingen rad over å fylle fra. Merk cellene under den du vil fylle ned fra.' });
    return null;
  }
  return {
    rows: range(one ? block.top : block.top + 1, block.bottom),
    columns,
    text: (_r, c) => shownValue(ctx, geo, source, c),
  };
}

function fillRightPlan<R extends Row>(ctx: SheetContext<R>, geo: SheetGeometry<R>, block: Block): Plan | null {
  const { report: say } = ctx.options();
  const shown = geo.api.getAllDisplayedColumns();
  const first = shown.indexOf(block.columns[0]!);
  const one = block.columns.length === 1;
  const from = one ? shown[first - 1] : block.columns[0];
  const source = from ? dataColumns(geo, [from])[0] : undefined;
  if (!source) {
    say({
      tone: 'warning',
      text: 'Det er ingen celle til venstre å fylle fra. Merk cellene til høyre for den du vil fylle fra.',
    });
    return null;
  }
  const columns = dataColumns(geo, one ? block.columns : block.columns.slice(1));
  if (columns.length === 0) {
    say({ tone: 'warning', text: 'Disse cellene regnes ut og kan ikke endres.' });
    return null;
  }
  return { rows: range(block.top, block.bottom), columns, text: (r) => shownValue(ctx, geo, r, source) };
}

/** A stored value as its cell shows it (a label, dd.mm.yyyy, a kull name), to be read again as typed. */
function shownValue<R extends Row>(
  ctx: SheetContext<R>,
  geo: SheetGeometry<R>,
  rowIndex: number,
  c: DataColumn,
): string {
  const data = geo.api.getDisplayedRowAtIndex(rowIndex)?.data as unknown as Record<string, FieldValue> | undefined;
  return data ? formatFieldValue(c.def, data[c.def.key], ctx.options().kullName) : '';
}

async function write<R extends Row>(
  ctx: SheetContext<R>,
  geo: SheetGeometry<R>,
  action: BlockAction,
  plan: Plan,
): Promise<void> {
  const { table, report: say } = ctx.options();
  if (!(await ctx.settle())) return;
  const targets: TargetRow[] = [];
  for (const r of plan.rows) {
    const node = geo.api.getDisplayedRowAtIndex(r);
    const id = node ? geo.storedId(node) : undefined;
    // A new row that has no name yet cannot be filled or cleared: it is not stored.
    if (!node || id === undefined || plan.columns.length === 0) continue;
    targets.push({
      id,
      rowId: node.id ?? null,
      cells: Object.fromEntries(plan.columns.map((c) => [c.def.key, plan.text(r, c)])),
    });
  }
  if (targets.length === 0) {
    geo.api.refreshCells({ force: true });
    return;
  }
  const result = await ctx.exclusive(() =>
    invoke('grid:setCells', {
      table,
      action,
      mode: 'gyldige',
      rows: targets.map((t) => ({ id: t.id, cells: t.cells })),
    }),
  );
  if (!result) return;
  if (!result.ok) {
    say({ tone: 'error', text: result.error.message });
    return;
  }
  const value = result.value;
  ctx.applyChanged(value.changed);
  geo.api.refreshCells({ force: true });
  const words = WORDS[action];
  const first = value.rejected[0];
  if (first) {
    const n = value.rejected.length;
    say({
      tone: 'error',
      text:
        n === 1
          ? `${first.message} Cellen ble ikke ${words.not}.`
          : `${n} celler ble ikke ${words.not}. Den første: ${first.message}`,
    });
    return;
  }
  const celler = value.cellsChanged === 1 ? '1 celle' : `${value.cellsChanged} celler`;
  say({
    tone: 'ok',
    text:
      value.cellsChanged === 0
        ? 'Ingenting å endre: cellene hadde allerede disse verdiene.'
        : `${words.done} ${celler}.${ctx.listNotice(value.addedListValues)}`,
  });
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r <= to; r++) out.push(r);
  return out;
}
