/**
 * Before a grid is saved as a file: what the file will hold (the rows and columns shown), a plain
 * warning when it holds names (architecture.md: anything that exports names says so first), and
 * the choice of Excel or CSV. Esc or «Avbryt» saves nothing.
 */
import { useCallback, useRef, useState } from 'react';
import type { GridExportFormat } from '../../shared/contract/grid';
import { useModalDialog } from '../ui/useModalDialog';

export type ExportQuestion = { rows: number; columns: number; holdsNames: boolean; what: string };

type Open = ExportQuestion & { resolve: (format: GridExportFormat | null) => void };

export function useExportDialog(): [React.ReactNode, (question: ExportQuestion) => Promise<GridExportFormat | null>] {
  const [open, setOpen] = useState<Open | null>(null);
  const ask = useCallback(
    (question: ExportQuestion) => new Promise<GridExportFormat | null>((resolve) => setOpen({ ...question, resolve })),
    [],
  );
  const close = useCallback(
    (format: GridExportFormat | null) => {
      open?.resolve(format);
      setOpen(null);
    },
    [open],
  );
  return [open ? <ExportDialog key="export" question={open} onClose={close} /> : null, ask];
}

function ExportDialog(props: { question: ExportQuestion; onClose: (format: GridExportFormat | null) => void }) {
  const { question, onClose } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(cancelRef);

  const rader = question.rows === 1 ? '1 rad' : `${question.rows.toLocaleString('nb-NO')} rader`;
  const kolonner = question.columns === 1 ? '1 kolonne' : `${question.columns} kolonner`;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="export-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <h2 id="export-title" className="dialog-title">
        Eksportere {question.what}?
      </h2>
      <div className="dialog-body">
        <p>
          Filen får de {rader} og {kolonner} du ser nå, med filter og sortering.
        </p>
        {question.holdsNames && (
          <p className="dialog-warning" role="note">
            <strong>Filen inneholder navn og personopplysninger.</strong> Lagre den bare der uvedkommende ikke kommer
            til, ikke send den på e-post, og slett den når du ikke trenger den lenger.
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={() => onClose(null)}>
          Avbryt
        </button>
        <button type="button" className="button" onClick={() => onClose('csv')}>
          Lagre som CSV
        </button>
        <button type="button" className="button button-primary" onClick={() => onClose('xlsx')}>
          Lagre som Excel
        </button>
      </div>
    </dialog>
  );
}
