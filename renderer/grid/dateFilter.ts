/**
 * The date in a date column's filter, typed as dd.mm.åååå whatever the machine's language (the
 * browser's own date input follows the OS: mm/dd/yyyy on an English Windows, so 01.03.2019 was
 * read as 3 January). Read with the app's one date parser (shared/dates.ts), so «1.3.19» and
 * «2019-03-01» work as in a cell, and a date that does not exist says so under the field.
 */
import type { IDateComp, IDateParams } from 'ag-grid-community';
import { formatDate, parseDateInput } from '../../shared/dates';

export class NorwegianDateInput implements IDateComp {
  private gui!: HTMLDivElement;
  private input!: HTMLInputElement;
  private note!: HTMLDivElement;
  private params!: IDateParams;

  init(params: IDateParams): void {
    this.params = params;
    this.gui = document.createElement('div');
    this.gui.className = 'ag-input-wrapper date-filter';
    this.input = document.createElement('input');
    this.input.type = 'text';
    this.input.className = 'ag-input-field-input ag-text-field-input';
    this.input.placeholder = 'dd.mm.åååå';
    this.input.inputMode = 'numeric';
    this.input.setAttribute('aria-label', 'Dato (dd.mm.åååå)');
    this.note = document.createElement('div');
    this.note.className = 'date-filter-note';
    this.note.setAttribute('role', 'alert');
    this.input.addEventListener('input', () => {
      this.showNote();
      this.params.onDateChanged();
    });
    this.gui.append(this.input, this.note);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  /** The typed day as a local-midnight Date (what AG Grid's date filter hands its comparator). */
  getDate(): Date | null {
    const parsed = parseDateInput(this.input.value);
    if (!parsed.ok || parsed.value === null) return null;
    const [y, m, d] = parsed.value.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  }

  setDate(date: Date | null): void {
    if (!date) this.input.value = '';
    else {
      const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
      this.input.value = formatDate(iso);
    }
    this.showNote();
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  setInputPlaceholder(): void {
    // Always dd.mm.åååå, whatever the grid suggests.
  }

  setInputAriaLabel(label: string): void {
    this.input.setAttribute('aria-label', `${label} (dd.mm.åååå)`);
  }

  afterGuiAttached(params?: { suppressFocus?: boolean }): void {
    if (!params?.suppressFocus) this.input.focus({ preventScroll: true });
  }

  refresh(params: IDateParams): void {
    this.params = params;
  }

  private showNote(): void {
    const parsed = parseDateInput(this.input.value);
    const message = parsed.ok ? '' : parsed.message;
    this.note.textContent = message;
    this.note.hidden = message === '';
    this.input.setAttribute('aria-invalid', message ? 'true' : 'false');
    this.input.classList.toggle('text-input-invalid', message !== '');
  }
}
