/**
 * The two computed cells of a deltaker row: its derived status and its ⚠ — the row-rule warnings,
 * and the row's red cells (texts refused, stored nowhere), so a row with one is not forgotten.
 */
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { deltakerField } from '../../shared/fields';
import { rowWarnings } from '../../shared/rules';
import type { Deltaker } from '../../shared/schema/deltaker';
import { deriveStatus } from '../../shared/status';
import { type CellIssue, type CellIssues, redCells } from '../grid/cellIssues';

/** What a row's ⚠ says: its red cells first (what to do), then the rules it breaks. */
export function rowMarkerMessages(row: Deltaker, refused: readonly CellIssue[]): string[] {
  const messages = rowWarnings(row).map((w) => w.message);
  if (refused.length === 0) return messages;
  const labels = refused.map((issue) => deltakerField(issue.colId)?.label ?? issue.colId);
  return [
    `${redCells(refused.length)} er ikke lagret (${labels.join(', ')}): rett ${refused.length === 1 ? 'den' : 'dem'}, eller trykk Esc på cellen for å angre.`,
    ...messages,
  ];
}

// Plain DOM renderers, not React components: a React cell renderer is a component (and a portal)
// per cell, and these two are drawn for every row scrolled into view (issue 16 item 4). The grid
// takes a class with getGui as its own kind of renderer; refresh() false draws the cell anew.

/** The derived status as a pill: `<span class="status-pill status-aktiv">Aktiv</span>`. */
export class StatusCell implements ICellRendererComp<Deltaker> {
  private gui: HTMLElement = document.createElement('span');

  init(params: ICellRendererParams<Deltaker>): void {
    if (!params.data) return;
    if (params.data.id < 0 && !params.data.navn) {
      // A new row (drafts.ts) is not a deltaker until it has a name: not «Henvist» yet.
      this.gui.className = 'status-pill status-ny';
      this.gui.textContent = 'Ny rad';
      this.gui.title = 'Ikke lagret ennå: skriv navnet, så lagres deltakeren.';
      return;
    }
    const status = deriveStatus(params.data);
    this.gui.className = `status-pill status-${status.key.toLowerCase()}`;
    this.gui.textContent = status.label;
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(): boolean {
    return false;
  }
}

/** The row's ⚠ with its messages as title and label; an empty span when the row has none. */
export class WarningCell implements ICellRendererComp<Deltaker> {
  private gui: HTMLElement = document.createElement('span');

  init(params: ICellRendererParams<Deltaker> & { issues: CellIssues }): void {
    if (!params.data) return;
    const messages = rowMarkerMessages(params.data, params.node.id ? params.issues.ofRow(params.node.id) : []);
    if (messages.length === 0) return;
    const text = messages.join('\n');
    this.gui.className = 'row-warning';
    this.gui.title = text;
    this.gui.setAttribute('role', 'img');
    this.gui.setAttribute('aria-label', `Advarsel: ${text}`);
    this.gui.textContent = '⚠';
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(): boolean {
    return false;
  }
}
