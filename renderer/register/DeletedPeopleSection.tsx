/**
 * Deltakere deleted from the grid with «Slett» keep their old values in the endringslogg (a row
 * deleted by mistake can be understood later). A person who asks to be forgotten must still be
 * reachable: this list finds them through the log (privacy:deleted:list), and «Slett for godt»
 * removes the log too, in the register and in every backup.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../shared/api';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { DeletePersonDialog } from '../safety/DeletePersonDialog';
import { useSafety } from '../safety/safetyState';
import { stillHoldingText } from '../safety/stillHolding';
import { Card } from '../ui/Card';

type Deleted = Output<'privacy:deleted:list'>[number];
type Message = { tone: 'ok' | 'error'; text: string };

export function DeletedPeopleSection(props: { onDone: () => void; version: number }) {
  const { readOnly } = useSafety();
  const [rows, setRows] = useState<Deleted[] | null>(null);
  const [chosen, setChosen] = useState<Deleted | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [loaded, setLoaded] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` and `loaded` are the signals to read again.
  useEffect(() => {
    void invoke('privacy:deleted:list', {}).then((result) => {
      if (result.ok) setRows(result.value);
      else setMessage({ tone: 'error', text: result.error.message });
    });
  }, [props.version, loaded]);

  const erase = async (person: Deleted) => {
    setChosen(null);
    setBusy(true);
    setMessage(null);
    const result = await invoke('privacy:deletePerson', { id: person.id });
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    const { stillHolding, backupsCleaned } = result.value;
    setMessage({
      tone: stillHolding.length > 0 ? 'error' : 'ok',
      text: `${person.navn ?? `Deltaker nr. ${person.id}`} er slettet for godt, også fra endringsloggen${backupsCleaned > 0 ? ` og ${backupsCleaned} ${backupsCleaned === 1 ? 'sikkerhetskopi' : 'sikkerhetskopier'}` : ''}.${stillHoldingText(stillHolding)}`,
    });
    setLoaded((n) => n + 1);
    props.onDone();
  };

  return (
    <Card
      className="register-card"
      titleId="deleted-title"
      title="Personvern: slettede deltakere med spor i endringsloggen"
      busy={busy}
    >
      <p className="register-intro">
        En deltaker som er slettet med «Slett» i tabellen, står fortsatt med navn i endringsloggen. Ber personen om å
        bli slettet, velg «Slett for godt» her: da fjernes også endringsloggen, i registeret og i alle
        sikkerhetskopiene.
      </p>
      {rows === null ? (
        <p className="safety-muted">Henter …</p>
      ) : rows.length === 0 ? (
        <p className="safety-muted">Ingen slettede deltakere har spor i endringsloggen.</p>
      ) : (
        <div className="register-table-box">
          <table className="register-table" aria-label="Slettede deltakere">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Nr.
                </th>
                <th scope="col">Navn (fra endringsloggen)</th>
                <th scope="col">Slettet</th>
                <th scope="col" aria-label="Handling" />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="num">{row.id}</td>
                  <td>{row.navn ?? '(ukjent)'}</td>
                  <td className="num-date">{formatTimestamp(row.slettet)}</td>
                  <td className="row-action">
                    <button
                      type="button"
                      className="button button-danger-outline"
                      disabled={readOnly || busy}
                      aria-label={`Slett ${row.navn ?? `deltaker nr. ${row.id}`} for godt`}
                      onClick={() => setChosen(row)}
                    >
                      Slett for godt …
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {busy && (
        <p className="safety-progress" role="status">
          <span className="safety-spinner" aria-hidden="true" /> Sletter og rydder registerfilen og sikkerhetskopiene …
        </p>
      )}
      {message && (
        <p className={`register-message status-${message.tone}`} role="status">
          {message.text}
        </p>
      )}
      {chosen && (
        <DeletePersonDialog
          name={chosen.navn ?? `Deltaker nr. ${chosen.id}`}
          onCancel={() => setChosen(null)}
          onConfirm={() => void erase(chosen)}
        />
      )}
    </Card>
  );
}
