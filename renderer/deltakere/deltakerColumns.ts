/**
 * The deltaker grid's columns: a warning marker, Navn (pinned), the derived Status, then every field
 * of domain.md in its order.
 */
import type { ColDef } from 'ag-grid-community';
import { DELTAKER_FIELDS } from '../../shared/fields';
import { rowWarnings } from '../../shared/rules';
import type { Deltaker } from '../../shared/schema/deltaker';
import { deriveStatus } from '../../shared/status';
import type { CellIssues } from '../grid/cellIssues';
import type { EditorOption } from '../grid/FieldEditor';
import { type FieldColumnDeps, fieldColumn } from '../grid/fieldColumn';
import { ValuesFilter, type ValuesFilterParams } from '../grid/valuesFilter';
import { StatusCell, WarningCell } from './cells';

// Wide enough for the longest usual value (e.g. «Arbeidsavklaringspenger») and for the header
// beside its filter button (no word broken in two).
const WIDTH: Partial<Record<string, number>> = {
  navn: 180,
  kull_id: 104,
  fodselsar: 112,
  kjonn: 112,
  landbakgrunn: 148,
  henvist_fra: 174,
  ytelse: 206,
  henvist_dato: 122,
  startdato: 116,
  brukersted: 196,
  veileder: 150,
  forlenget_til: 128,
  sluttdato: 116,
  avslutning: 196,
  sluttarsak: 240,
  dropout_arsak: 176,
  ansatt_hos_brukersted: 118,
  i_arbeid_etter_6_mnd: 112,
  i_arbeid_etter_12_mnd: 118,
  midtevaluering_dato: 130,
  merknad: 260,
};

export type DeltakerColumnDeps = Omit<FieldColumnDeps, 'options'> & {
  listOptions: (key: string) => readonly EditorOption[];
  kullOptions: () => readonly EditorOption[];
};

export function deltakerColumns(deps: DeltakerColumnDeps): ColDef<Deltaker>[] {
  const fields = DELTAKER_FIELDS.map((def) =>
    fieldColumn<Deltaker>(
      def,
      {
        ...deps,
        ...(def.kind.type === 'list' ? { options: () => deps.listOptions(def.key) } : {}),
        ...(def.kind.type === 'kull' ? { options: deps.kullOptions } : {}),
      },
      {
        width: WIDTH[def.key] ?? 150,
        ...(def.key === 'navn' ? { pinned: 'left', cellClass: 'cell-name', lockPinned: true } : {}),
        ...(def.key === 'merknad' ? { flex: 1, minWidth: 220 } : {}),
      },
    ),
  );
  const [navn, ...rest] = fields;
  return [warningColumn(deps.issues), navn!, statusColumn(), ...rest];
}

function warningColumn(issues: CellIssues): ColDef<Deltaker> {
  return {
    colId: 'varsel',
    headerName: '⚠',
    headerClass: 'header-warning',
    headerTooltip: 'Varsler: raden bryter en regel (se teksten når raden er valgt)',
    width: 40,
    minWidth: 40,
    maxWidth: 40,
    pinned: 'left',
    lockPinned: true,
    resizable: false,
    sortable: true,
    editable: false,
    suppressMovable: true,
    // The grid's value cache is emptied whenever a red cell comes or goes (useSheet.tsx).
    valueGetter: (p) => (p.data ? rowWarnings(p.data).length + (p.node?.id ? issues.ofRow(p.node.id).length : 0) : 0),
    getQuickFilterText: () => '',
    cellRenderer: WarningCell,
    cellRendererParams: { issues },
    cellClass: 'cell-warning',
  };
}

function statusColumn(): ColDef<Deltaker> {
  return {
    colId: 'status',
    headerName: 'Status',
    headerTooltip: 'Følger av startdato og avslutning; kan ikke skrives inn',
    width: 200,
    editable: false,
    valueGetter: (p) => (p.data ? deriveStatus(p.data).label : ''),
    cellRenderer: StatusCell,
    // The checkbox list of the statuses the rows have (grid/valuesFilter.ts).
    filter: ValuesFilter,
    filterParams: {
      field: 'status',
      display: String,
      textOf: (row) => (row ? deriveStatus(row as Deltaker).label : ''),
    } satisfies ValuesFilterParams,
  };
}
