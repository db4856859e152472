/** Ctrl+Enter (Cmd+Enter on a Mac) adds a row on the screen that is open, as in the toolbar's button. */
import { useEffect, useRef } from 'react';

export function useCtrlEnter(action: () => void): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    // Capture: the grid must not also treat the Enter as "commit and move down".
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
