/**
 * The grid's right-click menu (also the menu key and Shift+F10): what the keys do, for those who
 * look for it with the mouse — cut, copy, paste (also as new rows), fill down and right, empty the
 * cells, undo, redo, and the screen's own (a new row, delete). A right-click outside the selected
 * block moves the focus to the clicked cell first, as in Excel.
 */
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { GridSelection } from './selection';

export type SheetMenuItem = { label: string; keys?: string; run: () => void; danger?: boolean } | 'separator';

type Open = { x: number; y: number };

export function useSheetMenu(options: {
  container: RefObject<HTMLElement | null>;
  selection: GridSelection;
  /** The focused cell is moved to the clicked one (display row index, column). */
  focusCell: (rowIndex: number, colId: string) => void;
  items: () => SheetMenuItem[];
}): React.ReactNode {
  const [open, setOpen] = useState<Open | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const menu = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(null), []);

  useEffect(() => {
    const box = options.container.current;
    if (!box) return;
    const onContextMenu = (event: MouseEvent) => {
      const cell = (event.target as Element | null)?.closest?.('.ag-cell');
      const row = cell?.closest('.ag-row');
      const colId = cell?.getAttribute('col-id');
      const index = row?.getAttribute('row-index');
      if (!cell || !colId || index == null || colId === 'ag-Grid-SelectionColumn') return;
      event.preventDefault();
      const rowIndex = Number(index);
      const { selection, focusCell } = latest.current;
      if (!selection.isBlock() || selection.edges(rowIndex, colId) === 0) focusCell(rowIndex, colId);
      // The menu key has no mouse position: beside the cell.
      const rect = cell.getBoundingClientRect();
      const fromKey = event.clientX === 0 && event.clientY === 0;
      setOpen({ x: fromKey ? rect.left + 8 : event.clientX, y: fromKey ? rect.bottom : event.clientY });
    };
    box.addEventListener('contextmenu', onContextMenu);
    return () => box.removeEventListener('contextmenu', onContextMenu);
  }, [options.container]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    };
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('resize', close);
    window.addEventListener('wheel', close, { passive: true });
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('resize', close);
      window.removeEventListener('wheel', close);
    };
  }, [open, close]);

  // Kept inside the window, and the first item focused for the arrow keys.
  useLayoutEffect(() => {
    const box = menu.current;
    if (!open || !box) return;
    const rect = box.getBoundingClientRect();
    const x = Math.max(4, Math.min(open.x, window.innerWidth - rect.width - 4));
    const y = open.y + rect.height > window.innerHeight - 4 ? Math.max(4, open.y - rect.height) : open.y;
    box.style.left = `${x}px`;
    box.style.top = `${y}px`;
    box.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  if (!open) return null;
  const items = options.items();
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % buttons.length : (at - 1 + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };
  return (
    <div ref={menu} className="sheet-menu" role="menu" aria-label="Handlinger for cellene" onKeyDown={onKeyDown}>
      {items.map((item, index) =>
        item === 'separator' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the separators have no other identity.
          <hr key={`sep-${index}`} className="sheet-menu-separator" />
        ) : (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            className={`sheet-menu-item${item.danger ? ' sheet-menu-danger' : ''}`}
            onClick={() => {
              close();
              item.run();
            }}
          >
            <span>{item.label}</span>
            {item.keys && <kbd className="sheet-menu-keys">{item.keys}</kbd>}
          </button>
        ),
      )}
    </div>
  );
}
