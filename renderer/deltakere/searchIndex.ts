/**
 * The search box of the Deltakere grid: every word typed must appear somewhere in the row as the
 * cells show it (labels, dates dd.mm.yyyy, kull names, status). AG Grid's own quick filter builds
 * its text for all 100,000 rows on the first search and holds the window for a second; here each
 * row's text is made when its page arrives (a few ms per page), and a search is only `includes`.
 */
import { formatFieldValue } from '../../shared/display';
import { DELTAKER_FIELDS } from '../../shared/fields';
import type { Deltaker } from '../../shared/schema/deltaker';
import { deriveStatus } from '../../shared/status';

export class SearchIndex {
  // Keyed by the row object: an edited row is a new object, and gets its text again when asked.
  private texts = new WeakMap<Deltaker, string>();
  private words: string[] = [];

  constructor(private readonly kullName: (id: number) => string) {}

  /** Makes the texts ahead of the first search. */
  add(rows: readonly Deltaker[]): void {
    for (const row of rows) this.textOf(row);
  }

  /** Forgets every text (the kull names they hold have changed). */
  reset(): void {
    this.texts = new WeakMap();
  }

  /** Returns whether the search changed. */
  setQuery(query: string): boolean {
    const words = query.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
    if (words.join(' ') === this.words.join(' ')) return false;
    this.words = words;
    return true;
  }

  isActive(): boolean {
    return this.words.length > 0;
  }

  matches(row: Deltaker): boolean {
    if (this.words.length === 0) return true;
    const text = this.textOf(row);
    return this.words.every((word) => text.includes(word));
  }

  private textOf(row: Deltaker): string {
    let text = this.texts.get(row);
    if (text === undefined) {
      const parts = DELTAKER_FIELDS.map((def) => formatFieldValue(def, row[def.key], this.kullName));
      parts.push(deriveStatus(row).label);
      text = parts.join('\u0001').toLocaleLowerCase('nb');
      this.texts.set(row, text);
    }
    return text;
  }
}
