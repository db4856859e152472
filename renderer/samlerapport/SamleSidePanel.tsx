/**
 * Beside the samlerapport: the files given (each with its tiltak, or why it was refused), Hvem
 * mangler, files replaced by a newer one, Datakvalitet per tiltak (most breaks first: who must fix
 * data first), and the koordinator's settings (the kommune's name, the expected tiltak).
 */
import { useEffect, useId, useState } from 'react';
import type { SamleSettings, SamleState, SamleSummary } from '../../shared/contract/samlerapport';
import { madeAtLabel } from '../../shared/report/samle/file';

export function SamleSidePanel(props: {
  state: SamleState | null;
  summary: SamleSummary | null;
  busy: boolean;
  onRemove: (id: string) => void;
  onClear: () => void;
  onSettings: (settings: SamleSettings) => void;
}) {
  const { state, summary, busy } = props;
  const files = state?.files ?? [];
  const refusedNow = new Map((summary?.refused ?? []).map((r) => [r.file, r.reason]));
  const replaced = new Set(summary?.replaced ?? []);
  return (
    <aside className="samle-side" aria-label="Filer, mangler og datakvalitet">
      <section aria-labelledby="samle-files-title">
        <div className="samle-side-head">
          <h2 id="samle-files-title" className="samle-side-title">
            Filer ({files.length})
          </h2>
          {files.length > 0 && (
            <button type="button" className="button button-small" disabled={busy} onClick={props.onClear}>
              Fjern alle
            </button>
          )}
        </div>
        {files.length === 0 && <p className="samle-muted">Ingen filer ennå.</p>}
        <ul className="samle-files">
          {files.map((f) => {
            const reason = f.reason ?? refusedNow.get(f.name) ?? null;
            const status = reason ? 'avvist' : replaced.has(f.name) ? 'erstattet' : 'med';
            return (
              <li key={f.id} className={`samle-file samle-file--${status}`}>
                <div className="samle-file-line">
                  <span className="samle-file-name" title={f.name}>
                    {f.name}
                  </span>
                  <button
                    type="button"
                    className="samle-remove"
                    aria-label={`Fjern ${f.name}`}
                    disabled={busy}
                    onClick={() => props.onRemove(f.id)}
                  >
                    ✕
                  </button>
                </div>
                {f.tiltak && (
                  <span className="samle-file-meta">
                    {f.tiltak}
                    {f.madeAt ? `, laget ${madeAtLabel(f.madeAt)}` : ''}
                  </span>
                )}
                {status === 'avvist' && <span className="samle-file-reason">Avvist: {reason}</span>}
                {status === 'erstattet' && (
                  <span className="samle-file-reason">Erstattet av en nyere fil for samme tiltak.</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {summary && (
        <section aria-labelledby="samle-missing-title">
          <h2 id="samle-missing-title" className="samle-side-title">
            Hvem mangler ({summary.missing.length})
          </h2>
          {summary.missing.length === 0 ? (
            <p className="samle-muted">
              {state?.settings.forventet.length
                ? 'Alle forventede tiltak har levert.'
                : 'Ingen liste over forventede tiltak ennå (se Innstillinger under).'}
            </p>
          ) : (
            <ul className="samle-list">
              {summary.missing.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {summary && summary.quality.length > 0 && (
        <section aria-labelledby="samle-quality-title">
          <h2 id="samle-quality-title" className="samle-side-title">
            Datakvalitet per tiltak
          </h2>
          <table className="samle-quality">
            <thead>
              <tr>
                <th scope="col">Tiltak</th>
                <th scope="col" className="samle-num">
                  Brudd
                </th>
                <th scope="col" className="samle-num">
                  Regler
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.quality.map((q) => (
                <tr key={q.tiltak} className={q.count > 0 ? 'samle-quality--gaps' : ''}>
                  <td>{q.tiltak}</td>
                  <td className="samle-num">{q.count}</td>
                  <td className="samle-num">{q.rules}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="samle-muted">Hver regel per tiltak står i tabellen «Datakvalitet per tiltak» i rapporten.</p>
        </section>
      )}

      {state && <SettingsForm settings={state.settings} busy={busy} onSave={props.onSettings} />}
    </aside>
  );
}

function SettingsForm(props: { settings: SamleSettings; busy: boolean; onSave: (s: SamleSettings) => void }) {
  const [kommune, setKommune] = useState(props.settings.kommune);
  const [expected, setExpected] = useState(props.settings.forventet.join('\n'));
  const ids = { kommune: useId(), expected: useId() };
  useEffect(() => {
    setKommune(props.settings.kommune);
    setExpected(props.settings.forventet.join('\n'));
  }, [props.settings]);
  return (
    <details className="samle-settings">
      <summary>Innstillinger for samlerapporten</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave({ kommune, forventet: expected.split('\n') });
        }}
      >
        <label htmlFor={ids.kommune} className="form-label">
          Kommunens navn (summen heter «… totalt»)
        </label>
        <input
          id={ids.kommune}
          className="text-input"
          value={kommune}
          placeholder="Kommunen"
          onChange={(e) => setKommune(e.target.value)}
        />
        <label htmlFor={ids.expected} className="form-label">
          Tiltak som skal levere, ett per linje
        </label>
        <textarea
          id={ids.expected}
          className="text-input samle-expected"
          rows={6}
          value={expected}
          onChange={(e) => setExpected(e.target.value)}
        />
        <button type="submit" className="button" disabled={props.busy}>
          Lagre innstillingene
        </button>
      </form>
    </details>
  );
}
