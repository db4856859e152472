/** The kull grid's columns: the kull fields of shared/fields.ts, then the counts the store computes. */
import type { ColDef } from 'ag-grid-community';
import { KULL_FIELDS } from '../../shared/fields';
import type { KullRow } from '../../shared/schema/kull';
import { type FieldColumnDeps, fieldColumn } from '../grid/fieldColumn';

export function kullColumns(deps: FieldColumnDeps): ColDef<KullRow>[] {
  const byKey = new Map(KULL_FIELDS.map((def) => [def.key, def]));
  const col = (key: (typeof KULL_FIELDS)[number]['key'], overrides: ColDef<KullRow> = {}) =>
    fieldColumn<KullRow>(byKey.get(key)!, deps, overrides);
  return [
    col('navn', { width: 220, cellClass: 'cell-name' }),
    col('startdato'),
    col('planlagt_sluttdato', { width: 140 }),
    col('kapasitet', { width: 116, type: 'rightAligned', cellClass: ['cell-numeric', 'ag-right-aligned-cell'] }),
    count('antall_deltakere', 'Deltakere', 'Antall deltakere i kullet'),
    count('antall_aktive', 'Aktive', 'Deltakere som har startet og ikke er avsluttet, i dag'),
    col('merknad', { flex: 1, minWidth: 220 }),
  ];
}

function count(
  field: 'antall_deltakere' | 'antall_aktive',
  headerName: string,
  headerTooltip: string,
): ColDef<KullRow> {
  return {
    colId: field,
    field,
    headerName,
    headerTooltip,
    width: 116,
    type: 'rightAligned',
    editable: false,
    cellClass: ['cell-computed', 'ag-right-aligned-cell'],
  };
}
