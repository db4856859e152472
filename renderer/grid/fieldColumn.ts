/**
 * A grid column for one field of shared/fields.ts: its label, how the stored value is shown, the
 * editor with the field's suggestions, and the check that decides whether typed text is accepted.
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { toIso } from '../../shared/dates';
import { type FieldDef, type FieldValue, type ParseContext, parseFieldInput } from '../../shared/fields';
import { formatNumberText, parseNumberText } from '../../shared/parse';
import { type CellIssues, refusedNotice } from './cellIssues';
import { NorwegianDateInput } from './dateFilter';
import { type EditorOption, FieldEditor, type FieldEditorParams } from './FieldEditor';
import { formatFieldValue } from './format';
import { ValuesFilter, type ValuesFilterParams } from './valuesFilter';

export type FieldColumnDeps = {
  parseContext: () => ParseContext;
  kullName: (id: number) => string;
  issues: CellIssues;
  /** Suggestions for list and kull fields (code fields bring their own). */
  options?: () => readonly EditorOption[];
  /** Where a refused text's reason also goes (the status line). */
  onError?: (message: string) => void;
  /** A further rule on a parsed value, e.g. a kull name that must be unique. */
  check?: (value: FieldValue, rowId: string) => string | null;
};

const WIDTHS: Record<string, number> = {
  date: 124,
  integer: 110,
  yesno: 110,
  code: 170,
  list: 190,
  kull: 140,
  text: 180,
};

export function fieldColumn<T>(def: FieldDef<string>, deps: FieldColumnDeps, overrides: ColDef<T> = {}): ColDef<T> {
  const { issues } = deps;
  const kind = def.kind;
  const options = editorOptions(def, deps);
  const display = (value: unknown) => formatFieldValue(def, value as FieldValue, deps.kullName);

  const editorParams: FieldEditorParams = {
    validate: (text, rowId) => {
      const parsed = parseFieldInput(def, text, deps.parseContext());
      if (!parsed.ok) return parsed.message;
      return deps.check?.(parsed.value, rowId) ?? null;
    },
    ...(options ? { options } : {}),
    closedList: kind.type === 'code' || kind.type === 'yesno' || kind.type === 'kull',
    ...(kind.type === 'date' ? { placeholder: 'dd.mm.åååå' } : {}),
    issues,
    onRefused: (message, rowId) => deps.onError?.(refusedNotice(message, issues.ofRow(rowId).length)),
  };

  const column: ColDef<T> = {
    colId: def.key,
    field: def.key as ColDef<T>['field'],
    headerName: def.label,
    width: WIDTHS[kind.type] ?? 160,
    minWidth: 80,
    editable: true,
    // Our own formatting and parsing (shared/fields.ts), never the grid's inferred date/number types.
    cellDataType: false,
    valueFormatter: (p: ValueFormatterParams<T>) => {
      const issue = p.node?.id ? issues.get(p.node.id, def.key) : undefined;
      return issue ? issue.text : display(p.value);
    },
    getQuickFilterText: (p) => display(p.value),
    tooltipValueGetter: (p) => {
      const issue = p.node?.id ? issues.get(p.node.id, def.key) : undefined;
      if (issue) return issue.message;
      const text = display(p.value);
      return kind.type === 'text' || kind.type === 'code' ? (text.length > 22 ? text : undefined) : undefined;
    },
    comparator:
      kind.type === 'code' || kind.type === 'kull' || kind.type === 'yesno' || kind.type === 'list'
        ? (a, b) => NORWEGIAN.compare(display(a), display(b))
        : kind.type === 'text'
          ? (a, b) => NORWEGIAN.compare(String(a ?? ''), String(b ?? ''))
          : undefined,
    ...columnFilter(def, display, options),
    cellEditor: FieldEditor,
    cellEditorParams: editorParams,
    cellClass: kind.type === 'date' || kind.type === 'integer' ? 'cell-numeric' : undefined,
    cellClassRules: {
      'cell-rejected': (p) => (p.node?.id ? issues.get(p.node.id, def.key) !== undefined : false),
    },
    ...overrides,
  };
  // A cell that can be filled and carries the fill handle when it is the selection's corner: a
  // fixed class (beside the column's own), not a rule asked again for every cell drawn.
  const own = column.cellClass;
  const classes = typeof own === 'string' ? [own] : Array.isArray(own) ? own : [];
  return { ...column, cellClass: ['cell-field', ...classes] };
}

function editorOptions(def: FieldDef<string>, deps: FieldColumnDeps): (() => readonly EditorOption[]) | undefined {
  const kind = def.kind;
  switch (kind.type) {
    case 'code': {
      const list = kind.list.map((c) => ({ text: c.label, hint: c.code }));
      return () => list;
    }
    case 'yesno':
      return () => YES_NO;
    case 'list':
    case 'kull':
      return deps.options;
    default:
      return undefined;
  }
}

const YES_NO: readonly EditorOption[] = [{ text: 'Ja' }, { text: 'Nei' }];

/** Æ, Ø, Å after Z; one collator, since sorting 100,000 rows with localeCompare takes seconds. */
const NORWEGIAN = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * The header's filter: a checkbox list of the values for code, list, ja/nei and kull columns
 * (valuesFilter.ts); numbers as numbers, typed with thousands spaces («100 000»); dates typed as
 * dd.mm.åååå (dateFilter.ts) compared with the stored yyyy-mm-dd; text on the text the cell shows.
 */
function columnFilter<T>(
  def: FieldDef<string>,
  display: (value: unknown) => string,
  options: (() => readonly EditorOption[]) | undefined,
): Partial<ColDef<T>> {
  switch (def.kind.type) {
    case 'integer':
      return {
        filter: 'agNumberColumnFilter',
        filterParams: {
          buttons: ['reset'],
          allowedCharPattern: '\\d\\-\\s,.',
          numberParser: (text: string | null) => parseNumberText(text),
          numberFormatter: (value: number | null) => formatNumberText(value),
        },
      };
    case 'date':
      return {
        filter: 'agDateColumnFilter',
        dateComponent: NorwegianDateInput,
        filterParams: {
          buttons: ['reset'],
          browserDatePicker: false,
          comparator: (day: Date, value: unknown) => {
            if (typeof value !== 'string' || value === '') return -1;
            const wanted = toIso(day); // the filter's day as stored, in local time
            return value < wanted ? -1 : value > wanted ? 1 : 0;
          },
        },
      };
    case 'code':
    case 'list':
    case 'yesno':
    case 'kull': {
      const filterParams: ValuesFilterParams = {
        field: def.key,
        display,
        ...(options ? { order: () => options().map((o) => o.text) } : {}),
      };
      return { filter: ValuesFilter, filterParams };
    }
    default:
      return {
        filter: 'agTextColumnFilter',
        filterValueGetter: (p) => display((p.data as Record<string, unknown> | undefined)?.[def.key]),
        filterParams: { buttons: ['reset'] },
      };
  }
}
