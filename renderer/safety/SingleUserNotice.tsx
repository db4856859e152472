/**
 * The one-time explanation when a register on a network path or in a cloud-synced folder is opened
 * for one user at a time (safety:status's singleUserExplanation). «Jeg forstår» records that it was
 * read (safety:acknowledgeSingleUser); Esc only closes it until the next time.
 */
import { useRef, useState } from 'react';
import { invoke } from '../bridge';
import { Dialog } from '../ui/Dialog';
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
  const buttonRef = useRef<HTMLButtonElement>(null);

  return (
    <Dialog
      titleId="single-user-title"
      title="Én bruker om gangen"
      className="dialog-wide"
      onCancel={props.onDismiss}
      focusRef={buttonRef}
    >
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
    </Dialog>
  );
}
