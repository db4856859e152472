/**
 * Ctrl+D and Delete on the selected block, each one store call (grid:setCells, one transaction,
 * one undo step). Fill down copies the top row of the block into the rows below it (one row
 * selected: the row above into it), as the cells show the values, so the store reads them as if
 * typed. Delete empties the cells: a required field (Navn, a kull's start) is refused with the
 * same reason as typing an empty text.
 */

import { formatFieldValue } from '../../shared/display';
import type { FieldValue } from '../../shared/fields';
import { invoke } from '../bridge';
import { blockTargets, type DataColumn, dataColumns } from './clipboard';
import type { Row, SheetContext } from './sheetTypes';

export async function fillOrClear<R extends Row>(ctx: SheetContext<R>, action: 'fill' | 'clear'): Promise<void> {
  const { table, selection, report: say, kullName, issues } = ctx.options();
  const geo = ctx.geometry();
  const block = selection.block();
  if (!geo || !block) return;
  const columns = dataColumns(geo, block.columns);
  if (columns.length === 0) {
    say({ tone: 'warning', text: 'Disse cellene regnes ut og kan ikke endres.' });
    return;
  }
  const one = block.top === block.bottom;
  const rows: number[] = [];
  for (let r = one || action === 'clear' ? block.top : block.top + 1; r <= block.bottom; r++) rows.push(r);
  let text: (column: DataColumn) => string = () => '';
  if (action === 'fill') {
    const sourceIndex = one ? block.top - 1 : block.top;
    const source = sourceIndex >= 0 ? geo.api.getDisplayedRowAtIndex(sourceIndex)?.data : undefined;
    if (!source) {
      say({ tone: 'warning', text: 'Det er ingen rad over å fylle fra. Merk cellene under den du vil fylle ned fra.' });
      return;
    }
    const values = source as unknown as Record<string, FieldValue>;
    text = (c) => formatFieldValue(c.def, values[c.def.key], kullName);
  } else {
    // Delete gives up a refused text too, as it empties the cell.
    for (const r of rows) {
      const rowId = geo.api.getDisplayedRowAtIndex(r)?.id;
      if (rowId) for (const c of columns) issues.clear(rowId, c.def.key);
    }
  }
  if (!(await ctx.settle())) return;
  const targets = blockTargets(geo, block, rows, text);
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
  const verb = action === 'fill' ? 'fylt ned' : 'tømt';
  const first = value.rejected[0];
  if (first) {
    const n = value.rejected.length;
    say({
      tone: 'error',
      text:
        n === 1
          ? `${first.message} Cellen ble ikke ${verb}.`
          : `${n} celler ble ikke ${verb}. Den første: ${first.message}`,
    });
    return;
  }
  const celler = value.cellsChanged === 1 ? '1 celle' : `${value.cellsChanged} celler`;
  say({
    tone: 'ok',
    text:
      value.cellsChanged === 0
        ? 'Ingenting å endre: cellene hadde allerede disse verdiene.'
        : `${action === 'fill' ? 'Fylte ned' : 'Tømte'} ${celler}.${ctx.listNotice(value.addedListValues)}`,
  });
}
