/**
 * A row's history (history:list) in a panel at the window's right edge: who changed which field
 * when, from what to what, newest first. For a deltaker also the privacy actions on request from
 * the person: everything stored about them (innsyn) and deletion for good.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LogTable } from '../../shared/contract/history';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { fieldLabel, valueText } from './historyText';
import { PersonActions } from './PersonActions';
import type { HistoryTarget } from './safetyState';

import './safety.css';
import { useModalDialog } from '../ui/useModalDialog';

type Entry = { tid: string; bruker: string; felt: string; gammel: string | null; ny: string | null };
type Group = { tid: string; bruker: string; created: boolean; entries: Entry[] };

export function HistoryPanel(props: { target: HistoryTarget; onClose: () => void }) {
  const { target, onClose } = props;
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kullNames, setKullNames] = useState<ReadonlyMap<number, string>>(new Map());
  /** After «Slett for godt»: null while the person is there; then what is left to say (no name, no history). */
  const [deleted, setDeleted] = useState<{ stillHolding: string | null } | null>(null);

  const ref = useModalDialog();
  useEffect(() => {
    void Promise.all([invoke('history:list', { table: target.table, id: target.id }), invoke('kull:list', {})]).then(
      ([history, kull]) => {
        if (kull.ok) setKullNames(new Map(kull.value.map((k) => [k.id, k.navn])));
        if (history.ok) setEntries(history.value);
        else setError(history.error.message);
      },
    );
  }, [target.table, target.id]);

  const groups = useMemo(
    () => (entries && !deleted ? groupByChange(entries, target.table) : []),
    [entries, deleted, target.table],
  );
  const kullName = (id: number) => kullNames.get(id) ?? `kull nr. ${id}`;
  const what = target.table === 'deltaker' ? `Deltaker nr. ${target.id}` : `Kull nr. ${target.id}`;

  return (
    <dialog
      ref={ref}
      className="side-panel"
      aria-labelledby="history-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="side-panel-head">
        <div>
          <h2 id="history-title" className="side-panel-title">
            {deleted ? 'Historikk: slettet deltaker' : `Historikk: ${target.name || '(uten navn)'}`}
          </h2>
          <div className="side-panel-sub">
            {deleted
              ? 'Ingenting om personen er igjen i registeret.'
              : `${what} · endringer i registeret, nyeste først`}
          </div>
        </div>
        <button type="button" className="alert-close" aria-label="Lukk historikken" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="side-panel-body">
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        {!entries && !error && <p className="safety-muted">Henter historikken …</p>}
        {entries && !deleted && groups.length === 0 && (
          <p className="safety-muted">Ingen endringer er logget for denne raden.</p>
        )}
        <ol className="history-list" aria-label="Endringer">
          {groups.map((group) => (
            <li key={`${group.tid}-${group.bruker}-${group.entries[0]?.felt}`} className="history-group">
              <div className="history-when">
                <time dateTime={group.tid}>{formatTimestamp(group.tid)}</time>
                <span className="history-user">{group.bruker}</span>
                {group.created && <span className="history-tag">Opprettet</span>}
              </div>
              <table className="history-changes">
                <tbody>
                  {group.entries.map((entry) => (
                    <tr key={entry.felt}>
                      <th scope="row">{fieldLabel(target.table, entry.felt)}</th>
                      <td>
                        <Change
                          created={group.created}
                          from={valueText(target.table, entry.felt, entry.gammel, kullName)}
                          to={valueText(target.table, entry.felt, entry.ny, kullName)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      </div>
      {target.table === 'deltaker' && !deleted && (
        <PersonActions id={target.id} name={target.name} onDeleted={(stillHolding) => setDeleted({ stillHolding })} />
      )}
      {deleted && (
        <footer className="side-panel-foot">
          <p className={deleted.stillHolding ? 'person-actions-message status-error' : 'side-panel-done'} role="status">
            {deleted.stillHolding
              ? `Deltakeren er slettet fra registeret. ${deleted.stillHolding}`
              : '✓ Deltakeren er slettet for godt, med hele endringsloggen for raden.'}
          </p>
          <button type="button" className="button" onClick={onClose}>
            Lukk
          </button>
        </footer>
      )}
    </dialog>
  );
}

function Change(props: { created: boolean; from: string; to: string }) {
  const { created, from, to } = props;
  if (created) return <span className={to ? 'history-new' : 'history-new history-empty'}>{to || 'tom'}</span>;
  return (
    <>
      <span className={from ? 'history-old' : 'history-old history-empty'}>{from || 'tom'}</span>
      <span className="history-arrow" aria-hidden="true">
        →
      </span>
      <span className="safety-sr-only">endret til</span>
      <span className={to ? 'history-new' : 'history-new history-empty'}>{to || 'tom'}</span>
    </>
  );
}

/** One user action (a save, a paste, an import) wrote its fields with one time: shown together. */
function groupByChange(entries: readonly Entry[], table: LogTable): Group[] {
  const createdBy = table === 'deltaker' || table === 'kull' ? 'navn' : null;
  const groups: Group[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last.tid === entry.tid && last.bruker === entry.bruker) last.entries.push(entry);
    else groups.push({ tid: entry.tid, bruker: entry.bruker, created: false, entries: [entry] });
  }
  for (const group of groups) {
    group.created = group.entries.some((e) => e.felt === createdBy && e.gammel === null && e.ny !== null);
    // A creation is logged in column order; the name reads best first.
    if (group.created) group.entries.sort((a, b) => Number(b.felt === createdBy) - Number(a.felt === createdBy));
  }
  return groups.reverse();
}
