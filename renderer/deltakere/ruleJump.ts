/**
 * Opened from the report's data-quality list: the deltaker's row, at the field the rule is about,
 * scrolled into view and marked (a yellow cell with a thick border, until the cursor leaves it), and
 * the status line says which rule and which field.
 */
import type { ColDef } from 'ag-grid-community';
import type { RuleKey } from '../../shared/rules';
import type { DeltakerField } from '../../shared/schema/deltaker';

/** The field to fix for each rule (of two dates, the one most often typed wrong). */
export const RULE_FIELD: Record<RuleKey, DeltakerField> = {
  henvist_etter_start: 'henvist_dato',
  start_etter_slutt: 'sluttdato',
  forlenget_for_start: 'forlenget_til',
  sluttdato_mangler: 'sluttdato',
  avslutning_mangler: 'avslutning',
  sluttarsak_mangler: 'sluttarsak',
  sluttarsak_uten_plan: 'sluttarsak',
  dropout_arsak_uten_drop: 'dropout_arsak',
  startdato_ved_ikke_startet: 'startdato',
  oppfolging_uten_arbeid: 'i_arbeid_etter_6_mnd',
  oppfolging_12_uten_arbeid: 'i_arbeid_etter_12_mnd',
  ventetid_over_6_mnd: 'startdato',
};

/** The one cell marked by the last jump. */
export class JumpMark {
  private at: { rowId: string; colId: string } | null = null;

  set(rowId: string, colId: string): void {
    this.at = { rowId, colId };
  }

  /** The cursor went elsewhere: true when a mark was taken away (the cell is drawn again). */
  leave(rowId: string | null, colId: string | null): boolean {
    if (this.at === null || (this.at.rowId === rowId && this.at.colId === colId)) return false;
    this.at = null;
    return true;
  }

  is(rowId: string | undefined, colId: string): boolean {
    return this.at !== null && this.at.rowId === rowId && this.at.colId === colId;
  }

  /** Adds the mark's class rule to a column. */
  withMark<T>(column: ColDef<T>): ColDef<T> {
    return {
      ...column,
      cellClassRules: {
        ...column.cellClassRules,
        'cell-jump': (p) => this.is(p.node?.id ?? undefined, p.column.getColId()),
      },
    };
  }
}
