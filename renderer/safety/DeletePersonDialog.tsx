/**
 * Deleting a deltaker for good cannot be undone, so the user types the person's name to confirm:
 * a click on the wrong row cannot delete someone else.
 */
import { useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

export function DeletePersonDialog(props: { name: string; onCancel: () => void; onConfirm: () => void }) {
  const { name, onCancel, onConfirm } = props;
  const [typed, setTyped] = useState('');
  const matches = fold(typed) !== '' && fold(typed) === fold(name);

  return (
    <Dialog titleId="delete-person-title" title={`Slette ${name} for godt?`} onCancel={onCancel}>
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
        <TextField
          id="delete-person-name"
          label={`Skriv navnet «${name}» for å bekrefte`}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Avbryt
          </button>
          <button type="submit" className="button button-danger" disabled={!matches}>
            Slett for godt
          </button>
        </div>
      </form>
    </Dialog>
  );
}
