/**
 * An in-app confirmation (not window.confirm): a modal <dialog> with a Norwegian question, where
 * Esc or «Avbryt» says no. The safe button has the focus when it opens.
 */
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { Dialog } from './Dialog';

export type ConfirmRequest = {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** A red confirm button for what cannot be undone. */
  danger?: boolean;
};

type Open = ConfirmRequest & { resolve: (yes: boolean) => void };

export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [open, setOpen] = useState<Open | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) => new Promise<boolean>((resolve) => setOpen({ ...request, resolve })),
    [],
  );
  const close = useCallback(
    (yes: boolean) => {
      open?.resolve(yes);
      setOpen(null);
    },
    [open],
  );
  return [open ? <ConfirmDialog key="confirm" request={open} onClose={close} /> : null, confirm];
}

function ConfirmDialog(props: { request: ConfirmRequest; onClose: (yes: boolean) => void }) {
  const { request, onClose } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog titleId="dialog-title" title={request.title} onCancel={() => onClose(false)} focusRef={cancelRef}>
      <div className="dialog-body">{request.body}</div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={() => onClose(false)}>
          Avbryt
        </button>
        <button
          type="button"
          className={`button ${request.danger ? 'button-danger' : 'button-primary'}`}
          onClick={() => onClose(true)}
        >
          {request.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
