/**
 * What every grid in the app shares: the calm Quartz look, the CSP nonce for the grid's injected
 * <style> elements, Norwegian texts for the few strings the grid itself shows, and Excel-like keys.
 */
import { type GridOptions, themeQuartz } from 'ag-grid-community';

// Colours are the design tokens (renderer/ui/tokens.css): the grid follows the app's palette.
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Segoe UI', 'system-ui', '-apple-system', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
  fontSize: 14,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerTextColor: 'var(--grid-header-text)',
  headerBackgroundColor: 'var(--grid-header-bg)',
  foregroundColor: 'var(--text)',
  accentColor: 'var(--accent)',
  borderColor: 'var(--line)',
  rowBorder: { color: 'var(--grid-row-border)' },
  columnBorder: { color: 'var(--grid-column-border)' },
  oddRowBackgroundColor: 'var(--grid-odd-row)',
  selectedRowBackgroundColor: 'var(--accent-soft)',
  rowHoverColor: 'var(--grid-row-hover)',
  rowHeight: 36,
  headerHeight: 40,
  cellHorizontalPadding: 10,
  wrapperBorderRadius: 6,
  borderRadius: 4,
});

/** The server puts a per-load nonce in <meta name="csp-nonce">; the grid's <style> elements must carry it. */
export function cspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;
}

/** The grid's own strings that can reach the screen or a screen reader. */
export const LOCALE_TEXT: Record<string, string> = {
  loadingOoo: 'Laster …',
  noRowsToShow: 'Ingen rader',
  selectAll: 'Velg alle',
  selectAllSearchResults: 'Velg alle søkeresultater',
  ariaChecked: 'valgt',
  ariaUnchecked: 'ikke valgt',
  ariaIndeterminate: 'delvis valgt',
  ariaRowSelect: 'Trykk mellomrom for å velge raden',
  ariaRowDeselect: 'Trykk mellomrom for å fjerne valget',
  ariaRowSelectAll: 'Trykk mellomrom for å velge alle rader',
  ariaRowToggleSelection: 'Trykk mellomrom for å velge eller fjerne valget',
  ariaRowSelectionDisabled: 'Raden kan ikke velges',
  ariaSortableColumn: 'Trykk Enter for å sortere',
  ariaLabelCellEditor: 'Redigering',
  ariaLabelDialog: 'Dialog',
  ariaLabelGridPanel: 'Tabell',
  ariaSearch: 'Søk',
  ariaColumnSelectAll: 'Velg alle kolonner',
  ariaHidden: 'skjult',
  ariaVisible: 'synlig',
  ariaMenuColumn: 'Trykk Alt+Pil ned for kolonnemeny',
  ariaColumn: 'Kolonne',
  ariaRowSelectAllLabel: 'Velg alle rader',
  ariaSortAscending: 'stigende',
  ariaSortDescending: 'synkende',
  ariaSortNone: 'ingen sortering',
  ariaValidationErrorPrefix: 'Feil',
  ariaPageSizeSelectorLabel: 'Rader per side',
  ariaHeaderSelection: 'Kolonne for å velge rader',
  page: 'Side',
  number: 'nummer',
  of: 'av',
  to: 'til',
  more: 'flere',
  firstPage: 'Første side',
  previousPage: 'Forrige side',
  nextPage: 'Neste side',
  lastPage: 'Siste side',
  pageSizeSelectorLabel: 'Rader per side',
  invalidDate: 'Ugyldig dato',
  invalidNumber: 'Ugyldig tall',
  // The column filters (the funnel in a header).
  applyFilter: 'Bruk',
  clearFilter: 'Tøm',
  resetFilter: 'Nullstill',
  cancelFilter: 'Avbryt',
  textFilter: 'Tekstfilter',
  numberFilter: 'Tallfilter',
  dateFilter: 'Datofilter',
  filterOoo: 'Filtrer …',
  empty: 'Velg',
  equals: 'Er lik',
  notEqual: 'Er ikke lik',
  lessThan: 'Mindre enn',
  greaterThan: 'Større enn',
  inRange: 'Mellom',
  inRangeStart: 'Fra',
  inRangeEnd: 'Til',
  lessThanOrEqual: 'Mindre enn eller lik',
  greaterThanOrEqual: 'Større enn eller lik',
  contains: 'Inneholder',
  notContains: 'Inneholder ikke',
  startsWith: 'Begynner med',
  endsWith: 'Slutter med',
  blank: 'Tom',
  notBlank: 'Ikke tom',
  before: 'Før',
  after: 'Etter',
  andCondition: 'OG',
  orCondition: 'ELLER',
  dateFormatOoo: 'dd.mm.åååå',
  ariaFilterColumn: 'Trykk Ctrl+Enter for å filtrere',
  ariaFilterMenuOpen: 'Åpne filteret',
  ariaFilterInput: 'Filterfelt',
  ariaFilterValue: 'Filterverdi',
  ariaFilterFromValue: 'Filter fra',
  ariaFilterToValue: 'Filter til',
  ariaFilteringOperator: 'Filtervalg',
  ariaFilterList: 'Filterliste',
  ariaColumnFiltered: 'filtrert',
};

/**
 * Grid options both grids use: Excel keys, our own save (readOnlyEdit). A refused text does not
 * hold the editor open ('revert'): Tab, Enter or a click move on as in Excel, and the editor, as it
 * closes, leaves the text red in its cell with the reason (FieldEditor.tsx, cellIssues.ts) — stored
 * nowhere, as a refused pasted cell.
 */
export function baseGridOptions<T>(): GridOptions<T> {
  return {
    theme: gridTheme,
    styleNonce: cspNonce(),
    localeText: LOCALE_TEXT,
    readOnlyEdit: true,
    invalidEditValueMode: 'revert',
    // Excel: Enter on a cell starts editing it; Enter in an editor saves and moves down.
    enterNavigatesVertically: false,
    enterNavigatesVerticallyAfterEdit: true,
    stopEditingWhenCellsLoseFocus: false,
    singleClickEdit: false,
    animateRows: false,
    suppressDragLeaveHidesColumns: true,
    tooltipShowDelay: 300,
  };
}
