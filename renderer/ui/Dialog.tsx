/**
 * The app's modal dialog (the design system's `.dialog`, ui/base.css): a <dialog> opened as modal
 * on mount, titled, with Esc meaning «Avbryt». The focus goes to `focusRef` (the safe choice) and
 * back to where the user was when it closes. ConfirmDialog and the deletion dialog are built on it.
 */
import type { ReactNode, RefObject } from 'react';
import { useModalDialog } from './useModalDialog';

export function Dialog(props: {
  titleId: string;
  title: ReactNode;
  onCancel: () => void;
  children: ReactNode;
  focusRef?: RefObject<HTMLElement | null>;
  /** `dialog-wide` for a longer text. */
  className?: string;
}) {
  const { titleId, title, onCancel, children, focusRef, className } = props;
  const ref = useModalDialog(focusRef);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
