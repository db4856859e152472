/**
 * A pasted block that starts with its header row (as a sheet copied whole does): asked before
 * anything is pasted, so no deltaker is called «Navn». Leaving the row out is the first choice.
 */
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { Dialog } from '../ui/Dialog';

export type HeaderChoice = 'skip' | 'all' | null;

export function useHeaderRowQuestion(): [ReactNode, (names: readonly string[]) => Promise<HeaderChoice>] {
  const [open, setOpen] = useState<{ names: readonly string[]; resolve: (c: HeaderChoice) => void } | null>(null);
  const ask = useCallback(
    (names: readonly string[]) => new Promise<HeaderChoice>((resolve) => setOpen({ names, resolve })),
    [],
  );
  const answer = (choice: HeaderChoice) => {
    open?.resolve(choice);
    setOpen(null);
  };
  return [open ? <HeaderRowDialog key="header-row" names={open.names} onAnswer={answer} /> : null, ask];
}

function HeaderRowDialog(props: { names: readonly string[]; onAnswer: (choice: HeaderChoice) => void }) {
  const skipRef = useRef<HTMLButtonElement>(null);
  const shown = props.names.slice(0, 5).map((n) => `«${n}»`);
  const more = props.names.length > 5 ? ` og ${props.names.length - 5} til` : '';
  return (
    <Dialog
      titleId="header-row-title"
      title="Er den første raden overskrifter?"
      onCancel={() => props.onAnswer(null)}
      focusRef={skipRef}
    >
      <div className="dialog-body">
        <p>
          Den første raden du limer inn ser ut som kolonneoverskrifter ({shown.join(', ')}
          {more}), ikke som verdier å lagre. Vil du lime inn uten den raden?
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => props.onAnswer(null)}>
          Avbryt
        </button>
        <button type="button" className="button" onClick={() => props.onAnswer('all')}>
          Ta med raden
        </button>
        <button ref={skipRef} type="button" className="button button-primary" onClick={() => props.onAnswer('skip')}>
          Lim inn uten raden
        </button>
      </div>
    </Dialog>
  );
}
