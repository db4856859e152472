/**
 * The one-time explanation when a register on a network path or in a cloud-synced folder is opened
 * for one user at a time (safety:status's singleUserExplanation). «Jeg forstår» records that it was
 * read (safety:acknowledgeSingleUser); Esc only closes it until the next time.
 */
import { useEffect, useRef, useState } from 'react';
import { invoke } from '../bridge';
import { useSafety } from './safetyState';

export function SingleUserNotice() {
  const { status, setStatus } = useSafety();
  const [dismissed, setDismissed] = useState(false);
  const explanation = status?.singleUserExplanation ?? null;
  if (!explanation || dismissed) return null;
  return (
    <NoticeDialog
      text={explanation}
      onDismiss={() => setDismissed(true)}
      onAcknowledge={async () => {
        const result = await invoke('safety:acknowledgeSingleUser', {});
        if (result.ok) setStatus(result.value);
        setDismissed(true);
      }}
    />
  );
}

function NoticeDialog(props: { text: string; onDismiss: () => void; onAcknowledge: () => Promise<void> }) {
  const ref = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    buttonRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide"
      aria-labelledby="single-user-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onDismiss();
      }}
    >
      <h2 id="single-user-title" className="dialog-title">
        Én bruker om gangen
      </h2>
      <div className="dialog-body">
        <p>{props.text}</p>
      </div>
      <div className="dialog-actions">
        <button
          ref={buttonRef}
          type="button"
          className="button button-primary"
          onClick={() => void props.onAcknowledge()}
        >
          Jeg forstår
        </button>
      </div>
    </dialog>
  );
}
