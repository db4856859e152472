/**
 * What a deltaker may ask for (architecture.md, "Security and privacy"): a copy of everything stored
 * about them (innsyn: the app asks where to save it, after saying that the file holds names), and
 * deletion for good (the row and its endringslogg, with the file cleaned so nothing can be read back).
 */
import { useState } from 'react';
import { INNSYN_WARNING } from '../../shared/contract/privacy';
import { invoke } from '../bridge';

import { useConfirm } from '../ui/ConfirmDialog';
import { DeletePersonDialog } from './DeletePersonDialog';
import { useSafety } from './safetyState';
import { sizeText } from './sizeText';
import { stillHoldingText } from './stillHolding';

type Busy = 'innsyn' | 'sletting' | null;

/** `stillHolding`: files that could not be cleaned (the panel must say which, but nothing else of the person). */
export function PersonActions(props: { id: number; name: string; onDeleted: (stillHolding: string | null) => void }) {
  const { id, name, onDeleted } = props;
  const { readOnly, reloadData } = useSafety();
  const [dialog, confirm] = useConfirm();
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const who = name || 'deltakeren';

  const exportPerson = async () => {
    const yes = await confirm({
      title: `Innsyn: alt om ${who}`,
      body: (
        <>
          <p>{INNSYN_WARNING}</p>
          <p>Du velger selv hvor filen skal lagres. Den får ikke navnet til personen i filnavnet.</p>
        </>
      ),
      confirmLabel: 'Velg hvor filen skal lagres …',
    });
    if (!yes) return;
    setBusy('innsyn');
    setMessage(null);
    const result = await invoke('privacy:exportPerson', { id });
    setBusy(null);
    if (!result.ok) setMessage({ tone: 'error', text: result.error.message });
    else if (!result.value.saved) setMessage({ tone: 'info', text: 'Ingen fil ble lagret.' });
    else {
      setMessage({
        tone: 'ok',
        text: `Lagret i ${result.value.file} (${sizeText(result.value.bytes)})${result.value.htmlFile ? ` og som lesbar side i ${result.value.htmlFile.split(/[\\/]/).pop()}, som personen kan åpne i en nettleser og skrive ut` : ''}. Filene inneholder personopplysninger: lever dem trygt og slett dem etterpå.`,
      });
    }
  };

  const deletePerson = async () => {
    setDeleting(false);
    setBusy('sletting');
    setMessage(null);
    const result = await invoke('privacy:deletePerson', { id });
    setBusy(null);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    reloadData();
    // The panel shows nothing of the person after this: no name, no history (issue 16, item 13). Files
    // that could not be cleaned are still named, since the user must act on them.
    onDeleted(result.value.stillHolding.length > 0 ? stillHoldingText(result.value.stillHolding).trim() : null);
  };

  return (
    <footer className="side-panel-foot person-actions" aria-busy={busy !== null}>
      <h3 className="person-actions-title">Personvern</h3>
      {readOnly && (
        <p className="safety-muted">
          Registeret er skrivebeskyttet her, så innsyn og sletting må gjøres der det er åpent.
        </p>
      )}
      <div className="person-actions-buttons">
        <button
          type="button"
          className="button"
          disabled={readOnly || busy !== null}
          onClick={() => void exportPerson()}
        >
          Eksporter alt om personen (innsyn) …
        </button>
        <button
          type="button"
          className="button button-danger-outline"
          disabled={readOnly || busy !== null}
          onClick={() => setDeleting(true)}
        >
          Slett for godt …
        </button>
      </div>
      {busy === 'sletting' && (
        <p className="safety-progress" role="status">
          <span className="safety-spinner" aria-hidden="true" /> Sletter og rydder registerfilen …
        </p>
      )}
      {busy === 'innsyn' && (
        <p className="safety-progress" role="status">
          <span className="safety-spinner" aria-hidden="true" /> Lagrer innsynsfilen …
        </p>
      )}
      {message && (
        <p className={`person-actions-message status-${message.tone}`} role="status">
          {message.text}
        </p>
      )}
      {deleting && (
        <DeletePersonDialog name={name} onCancel={() => setDeleting(false)} onConfirm={() => void deletePerson()} />
      )}
      {dialog}
    </footer>
  );
}
