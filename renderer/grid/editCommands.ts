/**
 * Rediger → Angre / Gjør om from the app's menu (electron/app/menu.ts sends them as menu commands,
 * not Electron's undo/redo roles). Where the focus is in a text field that is not a grid cell — the
 * search box, a form, a dialog — or in an open cell editor, the command undoes the typing there
 * (`document.execCommand('undo')`, the browser's own undo of that field). Otherwise it goes to the
 * grid on screen (its store-backed undo, as Ctrl+Z and the ↶ button). A Ctrl+Z the grid has just
 * taken as a key is not done a second time when the menu reports the same key (macOS gives menu
 * keys to both).
 */

export type EditCommand = 'angre' | 'gjor-om';

type SheetTarget = { shown: () => boolean; undo: () => void; redo: () => void };

const sheets = new Set<SheetTarget>();
let keyTakenAt = Number.NEGATIVE_INFINITY;

/** A grid takes the menu's Angre / Gjør om while it is shown; returns the unsubscribe. */
export function registerSheet(target: SheetTarget): () => void {
  sheets.add(target);
  return () => sheets.delete(target);
}

/** The grid acted on Ctrl+Z / Ctrl+Y itself: the menu's echo of that key is ignored. */
export function noteUndoKey(): void {
  keyTakenAt = performance.now();
}

export function runEditCommand(command: EditCommand): void {
  if (performance.now() - keyTakenAt < 400) return;
  const active = document.activeElement;
  if (active && isTextEntry(active)) {
    document.execCommand(command === 'angre' ? 'undo' : 'redo');
    return;
  }
  for (const sheet of sheets) {
    if (!sheet.shown()) continue;
    if (command === 'angre') sheet.undo();
    else sheet.redo();
    return;
  }
}

export function isTextEntry(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}
