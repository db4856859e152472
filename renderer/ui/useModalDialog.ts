/**
 * Opens a <dialog> as modal when it mounts, puts the focus on `focusRef` (the safe choice), and on
 * unmount closes it and gives the focus back to where the user was.
 */
import { type RefObject, useEffect, useRef } from 'react';

export function useModalDialog(focusRef?: RefObject<HTMLElement | null>): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per mount; focusRef is a ref.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const restore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    focusRef?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      restore?.focus();
    };
  }, []);
  return ref;
}
