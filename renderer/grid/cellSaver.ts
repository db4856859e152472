/**
 * Saving one accepted cell edit at once: the grid shows the new value immediately, the change goes
 * to the store (only that field), and the row is then replaced by what the store returned. Saves run
 * one after another in the order they were typed. A refused save puts the old value back in the
 * row and keeps the user's text in the cell with the store's reason (a CellIssue).
 */
import type { GridApi } from 'ag-grid-community';
import type { Result } from '../../shared/api';
import { type FieldDef, type FieldValue, type ParseContext, parseFieldInput } from '../../shared/fields';
import { type CellIssues, redCells, refusedNotice } from './cellIssues';

export type StatusMessage = { tone: 'info' | 'ok' | 'error' | 'warning'; text: string };

export type Saved<R> = { row: R; notice?: string };

type Pending = { seq: number; rowId: string; field: string; value: FieldValue };

export type CellEdit<R> = {
  rowId: string;
  def: FieldDef<string>;
  text: string;
  parseContext: ParseContext;
  /** Sends the one changed field; resolves to the stored row as the grid holds it. */
  send: (row: R, value: FieldValue) => Promise<Result<Saved<R>>>;
};

export class CellSaver<R extends object> {
  private chain: Promise<unknown> = Promise.resolve();
  private pending: Pending[] = [];
  private seq = 0;

  constructor(
    private readonly api: () => GridApi<R> | undefined,
    private readonly issues: CellIssues,
    private readonly report: (message: StatusMessage) => void,
  ) {}

  /** Resolves true when the value is stored (or was already), false when it was refused. */
  commit(edit: CellEdit<R>): Promise<boolean> {
    const { rowId, def, text } = edit;
    const field = def.key;
    const api = this.api();
    const node = api?.getRowNode(rowId);
    if (!api || !node?.data) return Promise.resolve(false);

    const parsed = parseFieldInput(def, text, edit.parseContext);
    if (!parsed.ok) {
      this.reject(rowId, field, text, parsed.message);
      return Promise.resolve(false);
    }
    const value = parsed.value;
    const before = (node.data as Record<string, unknown>)[field] as FieldValue;
    if (sameValue(before, value)) {
      if (this.issues.clear(rowId, field)) this.refresh(rowId, field);
      return Promise.resolve(true);
    }

    this.issues.clear(rowId, field);
    api.applyTransaction({ update: [{ ...node.data, [field]: value }] });
    const entry: Pending = { seq: ++this.seq, rowId, field, value };
    this.pending.push(entry);

    const run = async (): Promise<boolean> => {
      const current = this.api()?.getRowNode(rowId)?.data;
      const result = current ? await edit.send(current, value) : null;
      this.pending = this.pending.filter((p) => p !== entry);
      const grid = this.api();
      const live = grid?.getRowNode(rowId);
      if (result?.ok) {
        if (grid && live) grid.applyTransaction({ update: [this.withPending(rowId, result.value.row)] });
        const red = this.issues.ofRow(rowId).length;
        this.report(
          result.value.notice
            ? { tone: 'info', text: result.value.notice }
            : red > 0
              ? { tone: 'warning', text: `Lagret. Raden har fortsatt ${redCells(red)} som ikke er lagret.` }
              : { tone: 'ok', text: 'Lagret.' },
        );
        return true;
      }
      if (grid && live?.data) {
        const now = (live.data as Record<string, unknown>)[field];
        if (sameValue(now as FieldValue, value)) grid.applyTransaction({ update: [{ ...live.data, [field]: before }] });
      }
      const message = result ? result.error.message : 'Raden finnes ikke lenger. Endringen ble ikke lagret.';
      this.reject(rowId, field, text, message);
      return false;
    };
    const done = this.chain.then(run, run);
    this.chain = done;
    return done;
  }

  /** Whether a save for this row is still on its way. */
  hasPending(rowId: string): boolean {
    return this.pending.some((p) => p.rowId === rowId);
  }

  /** Waits for every save that has been started. */
  idle(): Promise<unknown> {
    return this.chain;
  }

  private withPending(rowId: string, row: R): R {
    const later = this.pending.filter((p) => p.rowId === rowId);
    if (later.length === 0) return row;
    const copy = { ...row } as Record<string, unknown>;
    for (const p of later) copy[p.field] = p.value;
    return copy as R;
  }

  private reject(rowId: string, field: string, text: string, message: string): void {
    this.issues.set({ rowId, colId: field, text, message });
    this.refresh(rowId, field);
    this.report({ tone: 'error', text: refusedNotice(message, this.issues.ofRow(rowId).length) });
  }

  private refresh(rowId: string, field: string): void {
    const api = this.api();
    const node = api?.getRowNode(rowId);
    if (api && node) api.refreshCells({ rowNodes: [node], columns: [field], force: true });
  }
}

function sameValue(a: FieldValue | undefined, b: FieldValue): boolean {
  return (a ?? null) === (b ?? null);
}
