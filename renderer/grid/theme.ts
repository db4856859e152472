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

import { LOCALE_TEXT } from './locale';

export { LOCALE_TEXT };

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
