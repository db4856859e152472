/**
 * A checkbox list of the values a column holds, as Excel's filter (AG Grid Community has no Set
 * Filter): for code, list, ja/nei and kull columns. Each value as the cell shows it, «(Tomme)» for
 * blank cells; a search box narrows the list; a change filters at once. The model is plain JSON
 * ({ values: [...] }), so the grid's saved layout keeps it.
 */
import type { IDoesFilterPassParams, IFilterComp, IFilterParams } from 'ag-grid-community';
import { LOCALE_TEXT } from './locale';

export type ValuesFilterParams = {
  /** The text a cell shows for a stored value (what the list offers and matches). */
  display: (value: unknown) => string;
  /** The values in the order the column's list has them (codes' order); others follow alphabetically. */
  order?: () => readonly string[];
  /** The field the column shows. */
  field: string;
  /** For a column computed from the row (Status): its text, instead of display(row[field]). */
  textOf?: (data: unknown) => string;
};

export type ValuesFilterModel = { filterType: 'values'; values: string[] };

const BLANK = LOCALE_TEXT.blanks as string;
const NORWEGIAN = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export class ValuesFilter implements IFilterComp {
  private params!: IFilterParams & ValuesFilterParams;
  private gui!: HTMLDivElement;
  private list!: HTMLDivElement;
  private search!: HTMLInputElement;
  /** The values let through; null: all (the filter is off). */
  private chosen: Set<string> | null = null;

  init(params: IFilterParams & ValuesFilterParams): void {
    this.params = params;
    this.gui = document.createElement('div');
    this.gui.className = 'values-filter';
    this.search = document.createElement('input');
    this.search.type = 'search';
    this.search.className = 'ag-input-field-input ag-text-field-input values-filter-search';
    this.search.placeholder = LOCALE_TEXT.valuesFilterSearch as string;
    this.search.setAttribute('aria-label', LOCALE_TEXT.valuesFilterSearch as string);
    this.search.addEventListener('input', () => this.draw());
    this.list = document.createElement('div');
    this.list.className = 'values-filter-list';
    this.list.setAttribute('role', 'group');
    this.list.setAttribute('aria-label', 'Verdier');
    this.gui.append(this.search, this.list);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    this.search.value = '';
    this.draw();
    this.search.focus({ preventScroll: true });
  }

  private textOf(data: unknown): string {
    const value = (data as Record<string, unknown> | undefined)?.[this.params.field];
    const text = this.params.textOf ? this.params.textOf(data) : this.params.display(value);
    return text === '' ? BLANK : text;
  }

  /** Every value the column holds now, in the list's order, «(Tomme)» last. */
  private values(): string[] {
    const seen = new Set<string>();
    this.params.api.forEachNode((node) => {
      if (node.data) seen.add(this.textOf(node.data));
    });
    for (const value of this.chosen ?? []) seen.add(value);
    const order = this.params.order?.() ?? [];
    const rank = new Map(order.map((v, i) => [v, i]));
    return [...seen].sort((a, b) => {
      if (a === BLANK || b === BLANK) return a === BLANK ? (b === BLANK ? 0 : 1) : -1;
      const ra = rank.get(a);
      const rb = rank.get(b);
      if (ra !== undefined || rb !== undefined)
        return (ra ?? Number.MAX_SAFE_INTEGER) - (rb ?? Number.MAX_SAFE_INTEGER);
      return NORWEGIAN.compare(a, b);
    });
  }

  private draw(): void {
    const all = this.values();
    const words = this.search.value.trim().toLocaleLowerCase('nb');
    const shown = words ? all.filter((v) => v.toLocaleLowerCase('nb').includes(words)) : all;
    const isChosen = (v: string) => this.chosen === null || this.chosen.has(v);
    // Drawn anew: the box that had the keyboard gets it back (Esc, Tab and Space go on working).
    const focused = this.list.contains(document.activeElement)
      ? document.activeElement?.closest('label')?.textContent
      : undefined;
    this.list.replaceChildren();
    const every = this.checkbox(
      LOCALE_TEXT.valuesFilterAll as string,
      shown.length > 0 && shown.every(isChosen),
      () => {
        const on = !shown.every(isChosen);
        const next = new Set(this.chosen ?? all);
        for (const v of shown) {
          if (on) next.add(v);
          else next.delete(v);
        }
        this.choose(next, all);
      },
    );
    every.classList.add('values-filter-all');
    const some = shown.some(isChosen) && !shown.every(isChosen);
    (every.querySelector('input') as HTMLInputElement).indeterminate = some;
    this.list.append(every);
    for (const value of shown) {
      this.list.append(
        this.checkbox(value, isChosen(value), () => {
          const next = new Set(this.chosen ?? all);
          if (next.has(value)) next.delete(value);
          else next.add(value);
          this.choose(next, all);
        }),
      );
    }
    if (focused !== undefined) {
      for (const label of this.list.querySelectorAll('label')) {
        if (label.textContent === focused) label.querySelector('input')?.focus({ preventScroll: true });
      }
    }
    if (shown.length === 0) {
      const none = document.createElement('p');
      none.className = 'values-filter-none';
      none.textContent = LOCALE_TEXT.valuesFilterNone as string;
      this.list.append(none);
    }
  }

  private checkbox(label: string, checked: boolean, onChange: () => void): HTMLLabelElement {
    const row = document.createElement('label');
    row.className = 'values-filter-item';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.addEventListener('change', onChange);
    const text = document.createElement('span');
    text.textContent = label;
    row.append(box, text);
    return row;
  }

  private choose(next: Set<string>, all: readonly string[]): void {
    this.chosen = all.every((v) => next.has(v)) ? null : next;
    this.draw();
    this.params.filterChangedCallback();
  }

  isFilterActive(): boolean {
    return this.chosen !== null;
  }

  doesFilterPass(params: IDoesFilterPassParams): boolean {
    return this.chosen === null || this.chosen.has(this.textOf(params.data));
  }

  getModel(): ValuesFilterModel | null {
    return this.chosen === null ? null : { filterType: 'values', values: [...this.chosen] };
  }

  setModel(model: ValuesFilterModel | null): void {
    this.chosen = model?.values ? new Set(model.values) : null;
    if (this.gui.isConnected) this.draw();
  }

  getModelAsString(model: ValuesFilterModel | null): string {
    return model ? model.values.join(', ') : '';
  }
}
