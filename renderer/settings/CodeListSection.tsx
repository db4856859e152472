/**
 * The editable lists the Deltakere grid suggests from (henvist fra, brukersted, årsak til drop-out,
 * veileder): add, rename (every deltaker with the value follows), hide (kept on the rows that have
 * it, gone from the suggestions), and order. Each list shows how many deltakere use each value.
 */
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { EDITABLE_LIST_KEYS, EDITABLE_LIST_LABELS, type EditableListKey } from '../../shared/codes';
import type { CodeListEntry, CodeLists } from '../../shared/schema/codelist';
import { invoke, type Result } from '../bridge';
import { Card } from '../ui/Card';

const ABOUT: Record<EditableListKey, string> = {
  henvist_fra: 'Hvor deltakerne er henvist fra, for eksempel NAV-kontor eller Ny sjanse.',
  brukersted: 'Hvor deltakerne har praksis, for eksempel et sykehjem, en kafé eller en kantine.',
  dropout_arsak: 'Hvorfor en deltaker sluttet før tiden. Brukes når avslutningen er «Drop-out».',
  veileder: 'Forslag når du fyller ut veileder i Deltakere-tabellen.',
};

const usesText = (n: number) => (n === 0 ? 'Ikke i bruk' : n === 1 ? '1 deltaker' : `${n} deltakere`);

export function CodeListSection() {
  const [lists, setLists] = useState<CodeLists | null>(null);
  const [list, setList] = useState<EditableListKey>('henvist_fra');
  const [adding, setAdding] = useState('');
  const [renaming, setRenaming] = useState<{ verdi: string; text: string } | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const renameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void invoke('codes:list', {}).then((result) => {
      if (result.ok) setLists(result.value);
      else setMessage({ tone: 'error', text: result.error.message });
    });
  }, []);

  useEffect(() => {
    if (renaming) renameInput.current?.focus();
  }, [renaming]);

  const entries: CodeListEntry[] = lists?.[list] ?? [];

  /** One change; the answer is the lists as stored. Returns whether it went through. */
  const change = async (call: () => Promise<Result<CodeLists>>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await call();
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.message });
        return false;
      }
      setLists(result.value);
      setMessage({ tone: 'ok', text: done });
      return true;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const verdi = adding.trim();
    if (verdi === '') {
      setMessage({ tone: 'error', text: 'Skriv verdien du vil legge til.' });
      return;
    }
    if (await change(() => invoke('codes:add', { list, verdi }), `«${verdi}» er lagt til.`)) setAdding('');
  };

  const rename = async () => {
    if (!renaming) return;
    const til = renaming.text.trim();
    if (til === renaming.verdi) {
      setRenaming(null);
      return;
    }
    if (til === '') {
      setMessage({
        tone: 'error',
        text: 'Navnet kan ikke være tomt. Vil du ikke bruke verdien mer, kan du skjule den.',
      });
      return;
    }
    const ok = await change(
      () => invoke('codes:rename', { list, fra: renaming.verdi, til }),
      `«${renaming.verdi}» heter nå «${til}».`,
    );
    if (ok) setRenaming(null);
  };

  const onRenameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void rename();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setRenaming(null);
    }
  };

  const move = (index: number, by: -1 | 1) => {
    const order = entries.map((e) => e.verdi);
    const [moved] = order.splice(index, 1);
    if (moved === undefined) return;
    order.splice(index + by, 0, moved);
    void change(() => invoke('codes:reorder', { list, verdier: order }), `«${moved}» er flyttet.`);
  };

  const sortAlphabetically = () => {
    const order = entries.map((e) => e.verdi).sort((a, b) => a.localeCompare(b, 'nb'));
    void change(() => invoke('codes:reorder', { list, verdier: order }), 'Listen er sortert alfabetisk.');
  };

  return (
    <Card titleId="settings-lists" title="Lister">
      <p className="settings-hint">
        Verdiene foreslås når du fyller ut Deltakere-tabellen. Skriver du en ny verdi der, kommer den med i listen. En
        verdi som er i bruk, kan skjules, men ikke slettes.
      </p>

      <div className="settings-list-tabs" role="tablist" aria-label="Liste">
        {EDITABLE_LIST_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={key === list}
            className="settings-list-tab"
            onClick={() => {
              setList(key);
              setRenaming(null);
              setMessage(null);
            }}
          >
            {EDITABLE_LIST_LABELS[key]}
            <span className="settings-list-count">{lists?.[key].length ?? ''}</span>
          </button>
        ))}
      </div>

      <div className="settings-list-panel" role="tabpanel" aria-label={EDITABLE_LIST_LABELS[list]}>
        <div className="settings-list-head">
          <p className="settings-small">{ABOUT[list]}</p>
          {entries.length > 1 && (
            <button type="button" className="button button-small" disabled={busy} onClick={sortAlphabetically}>
              Sorter alfabetisk
            </button>
          )}
        </div>

        {entries.length === 0 ? (
          <p className="settings-empty">
            Listen er tom. Legg til verdier her, eller skriv dem rett inn i Deltakere-tabellen.
          </p>
        ) : (
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">Verdi</th>
                <th scope="col" className="settings-uses">
                  Brukes av
                </th>
                <th scope="col">
                  <span className="settings-sr-only">Endre</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => {
                const isRenaming = renaming?.verdi === entry.verdi;
                return (
                  <tr key={entry.verdi} className={entry.skjult ? 'settings-hidden-row' : undefined}>
                    <td className="settings-value">
                      {isRenaming ? (
                        <span className="settings-rename">
                          <input
                            ref={renameInput}
                            className="text-input"
                            aria-label={`Nytt navn på «${entry.verdi}»`}
                            value={renaming.text}
                            maxLength={200}
                            onChange={(e) => setRenaming({ verdi: entry.verdi, text: e.target.value })}
                            onKeyDown={onRenameKey}
                          />
                          {entry.i_bruk > 0 && (
                            <span className="settings-small">
                              Endres også hos {usesText(entry.i_bruk).toLowerCase()}.
                            </span>
                          )}
                        </span>
                      ) : (
                        <>
                          <span className="settings-value-text">{entry.verdi}</span>
                          {entry.skjult && <span className="settings-hidden-tag">skjult</span>}
                        </>
                      )}
                    </td>
                    <td className="settings-uses">{usesText(entry.i_bruk)}</td>
                    <td className="settings-row-actions">
                      {isRenaming ? (
                        <>
                          <button
                            type="button"
                            className="button button-small button-primary"
                            disabled={busy}
                            onClick={() => void rename()}
                          >
                            Lagre
                          </button>
                          <button type="button" className="button button-small" onClick={() => setRenaming(null)}>
                            Avbryt
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="button button-small"
                            disabled={busy}
                            aria-label={`Endre navn på «${entry.verdi}»`}
                            onClick={() => {
                              setRenaming({ verdi: entry.verdi, text: entry.verdi });
                              setMessage(null);
                            }}
                          >
                            Endre navn
                          </button>
                          <button
                            type="button"
                            className="button button-small settings-toggle"
                            disabled={busy}
                            aria-label={`${entry.skjult ? 'Vis' : 'Skjul'} «${entry.verdi}»`}
                            onClick={() =>
                              void change(
                                () => invoke('codes:setHidden', { list, verdi: entry.verdi, skjult: !entry.skjult }),
                                entry.skjult
                                  ? `«${entry.verdi}» foreslås igjen.`
                                  : `«${entry.verdi}» er skjult og foreslås ikke lenger. Deltakerne som har verdien, beholder den.`,
                              )
                            }
                          >
                            {entry.skjult ? 'Vis igjen' : 'Skjul'}
                          </button>
                          <button
                            type="button"
                            className="button button-small settings-button-arrow"
                            disabled={busy || index === 0}
                            aria-label={`Flytt «${entry.verdi}» opp`}
                            title="Flytt opp"
                            onClick={() => move(index, -1)}
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className="button button-small settings-button-arrow"
                            disabled={busy || index === entries.length - 1}
                            aria-label={`Flytt «${entry.verdi}» ned`}
                            title="Flytt ned"
                            onClick={() => move(index, 1)}
                          >
                            ↓
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}

        <form className="settings-add" onSubmit={(e) => void add(e)}>
          <input
            className="text-input"
            aria-label={`Ny verdi i ${EDITABLE_LIST_LABELS[list]}`}
            placeholder="Ny verdi"
            value={adding}
            maxLength={200}
            onChange={(e) => setAdding(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            Legg til
          </button>
        </form>
        {message && (
          <p className={message.tone === 'ok' ? 'settings-saved' : 'form-error'} role="status">
            {message.tone === 'ok' ? `✓ ${message.text}` : message.text}
          </p>
        )}
      </div>
    </Card>
  );
}
