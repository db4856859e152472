/**
 * Deleting a deltaker for good cannot be undone, so the user types the person's name to confirm:
 * a click on the wrong row cannot delete someone else.
 */
import { useEffect, useRef, useState } from 'react';

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

export function DeletePersonDialog(props: { name: string; onCancel: () => void; onConfirm: () => void }) {
  const { name, onCancel, onConfirm } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const matches = fold(typed) !== '' && fold(typed) === fold(name);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="delete-person-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="delete-person-title" className="dialog-title">
        Slette {name} for godt?
      </h2>
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) onConfirm();
        }}
      >
        <p>
          Raden og hele endringsloggen for den slettes, og registerfilen ryddes slik at opplysningene ikke kan hentes
          fram igjen. Dette kan ikke angres.
        </p>
        <p className="safety-muted">
          Opplysningene fjernes også fra alle sikkerhetskopiene, og en senere gjenoppretting fra en sikkerhetskopi
          bringer dem ikke tilbake.
        </p>
        <label className="form-field">
          <span className="form-label">Skriv navnet «{name}» for å bekrefte</span>
          <input
            className="text-input"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Avbryt
          </button>
          <button type="submit" className="button button-danger" disabled={!matches}>
            Slett for godt
          </button>
        </div>
      </form>
    </dialog>
  );
}
