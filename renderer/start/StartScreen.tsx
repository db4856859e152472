/**
 * The start screen: shown on the first run (no register yet), when the last register could not be
 * opened, and from Fil → Nytt register. Create a register (tiltak, avdeling, kontaktperson, and
 * whether the tiltak runs kull or takes deltakere in continuously), open an existing file, or try
 * the demo register. Opening and creating run in the main process (api/app.ts).
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Result } from '../../shared/api';
import type { AppState } from '../../shared/contract/app';
import type { Settings } from '../../shared/schema/settings';
import { invoke } from '../bridge';
import { Card } from '../ui/Card';
import { TextField } from '../ui/TextField';
import { OpptakChoice } from './OpptakChoice';
import './start.css';

type Opened = { opened: boolean; state: AppState };

export function StartScreen(props: {
  /** A register was opened or created: the app shows it. */
  onOpened: () => void;
  /** Present when a register is open behind this screen (Fil → Nytt register): back to it. */
  onCancel?: () => void;
  onHelp: () => void;
  onAbout: () => void;
  /** Present with no register open: the koordinator's Samlerapport, which needs none. */
  onSamlerapport?: () => void;
}) {
  const { onOpened, onCancel, onHelp, onAbout, onSamlerapport } = props;
  const [state, setState] = useState<AppState | null>(null);
  const [tiltak, setTiltak] = useState('');
  const [avdeling, setAvdeling] = useState('');
  const [kontaktperson, setKontaktperson] = useState('');
  const [opptak, setOpptak] = useState<Settings['opptak'] | null>(null);
  const [plassering, setPlassering] = useState<'standard' | 'velg'>('standard');
  const [errors, setErrors] = useState<{ tiltak?: string | undefined; opptak?: string | undefined }>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const ids = { tiltak: useId(), avdeling: useId(), kontakt: useId() };

  useEffect(() => {
    void invoke('app:state', {}).then((result) => {
      if (result.ok) setState(result.value);
      else setAlert(result.error.message);
    });
  }, []);

  /** Runs one open/create call; on success the app takes over, on refusal the reason shows here. */
  const run = async (what: string, call: () => Promise<Result<Opened>>) => {
    setBusy(what);
    setAlert(null);
    try {
      const result = await call();
      if (!result.ok) {
        if (result.error.field === 'tiltak') setErrors({ tiltak: result.error.message });
        else setAlert(result.error.message);
        return;
      }
      setState(result.value.state);
      if (result.value.opened) onOpened();
    } finally {
      setBusy(null);
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    const missing: typeof errors = {};
    if (tiltak.trim() === '') missing.tiltak = 'Skriv navnet på tiltaket.';
    if (opptak === null) missing.opptak = 'Velg hvordan dere tar inn deltakere.';
    setErrors(missing);
    if (missing.tiltak) document.getElementById(ids.tiltak)?.focus();
    if (missing.tiltak || missing.opptak || opptak === null) return;
    void run('create', () => invoke('register:create', { tiltak, avdeling, kontaktperson, opptak, plassering }));
  };

  const recent = (state?.recent ?? []).filter((r) => r.path !== state?.register?.path);

  return (
    <div className="start">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Kullregister</span>
        </div>
        <nav className="start-links" aria-label="Hjelp">
          <button type="button" className="topbar-link" onClick={onHelp}>
            Hjelp
          </button>
          <button type="button" className="topbar-link" onClick={onAbout}>
            Om Kullregister
          </button>
        </nav>
      </header>
      <main className="start-body">
        <div className="start-intro">
          <h1 className="start-title">{onCancel ? 'Nytt register' : 'Velkommen til Kullregister'}</h1>
          <p className="start-lead">
            {onCancel
              ? 'Et nytt register er en egen fil, for eksempel for et annet tiltak. Registeret du har åpent nå, lukkes når det nye åpnes, og ligger der som før.'
              : 'Her holder dere oversikt over kull, deltakere og resultater, og lager månedsrapporten til kommunen. Begynn med å lage registeret for tiltaket ditt.'}
          </p>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              Tilbake til registeret
            </button>
          )}
        </div>

        {alert && (
          <div className="alert alert-error start-alert" role="alert">
            <span>{alert}</span>
            <button type="button" className="alert-close" aria-label="Lukk meldingen" onClick={() => setAlert(null)}>
              ×
            </button>
          </div>
        )}

        <div className="start-columns">
          <Card
            as="form"
            className="start-create"
            onSubmit={create}
            titleId="start-create-title"
            title="Lag et nytt register"
          >
            <p className="start-hint">
              Navnet på tiltaket og avdelingen står øverst i rapporten. Alt kan endres senere.
            </p>

            <TextField
              id={ids.tiltak}
              className="start-field"
              label="Tiltak"
              value={tiltak}
              placeholder="For eksempel Sykkelvert"
              maxLength={200}
              error={errors.tiltak}
              onChange={(e) => {
                setTiltak(e.target.value);
                if (errors.tiltak) setErrors({ opptak: errors.opptak });
              }}
            />
            <div className="start-field-row">
              <TextField
                id={ids.avdeling}
                className="start-field"
                label="Avdeling"
                value={avdeling}
                placeholder="For eksempel Etat for sykehjem"
                maxLength={200}
                onChange={(e) => setAvdeling(e.target.value)}
              />
              <TextField
                id={ids.kontakt}
                className="start-field"
                label="Kontaktperson"
                value={kontaktperson}
                placeholder="Navn, telefon eller e-post"
                maxLength={200}
                onChange={(e) => setKontaktperson(e.target.value)}
              />
            </div>

            <OpptakChoice
              value={opptak}
              error={errors.opptak}
              onChange={(value) => {
                setOpptak(value);
                setErrors({ tiltak: errors.tiltak });
              }}
            />

            <fieldset className="start-fieldset">
              <legend className="form-label">Hvor skal registeret lagres?</legend>
              <label className="start-radio">
                <input
                  type="radio"
                  name="plassering"
                  checked={plassering === 'standard'}
                  onChange={() => setPlassering('standard')}
                />
                <span>
                  <span className="start-radio-title">På denne maskinen (anbefalt)</span>
                  {state && <span className="start-radio-text start-path">{state.defaultFolder}</span>}
                </span>
              </label>
              <label className="start-radio">
                <input
                  type="radio"
                  name="plassering"
                  checked={plassering === 'velg'}
                  onChange={() => setPlassering('velg')}
                />
                <span>
                  <span className="start-radio-title">Velg mappe selv, for eksempel et fellesområde</span>
                  <span className="start-radio-text">
                    Ligger registeret på et fellesområde, kan bare én person bruke det om gangen.
                  </span>
                </span>
              </label>
            </fieldset>

            <div className="start-actions">
              <button type="submit" className="button button-primary" disabled={busy !== null}>
                {busy === 'create' ? 'Lager registeret …' : 'Lag registeret'}
              </button>
            </div>
          </Card>

          <div className="start-side">
            <Card titleId="start-open-title" title="Har dere et register fra før?">
              <p className="start-hint">For eksempel en fil en kollega har laget på et fellesområde.</p>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void run('open', () => invoke('register:open', {}))}
              >
                Åpne et register …
              </button>
              {recent.length > 0 && (
                <div className="start-recent">
                  <h3 className="start-recent-title">Nylig brukt</h3>
                  <ul className="start-recent-list">
                    {recent.map((r) => (
                      <li key={r.path}>
                        <button
                          type="button"
                          className="start-recent-item"
                          disabled={busy !== null}
                          title={r.path}
                          onClick={() => void run('recent', () => invoke('register:openRecent', { path: r.path }))}
                        >
                          <span className="start-recent-name">{r.name}</span>
                          <span className="start-recent-folder">{r.folder}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </Card>

            <Card titleId="start-demo-title" title="Vil du prøve først?">
              <p className="start-hint">
                Demoregisteret har fiktive data fra Sykkelvert: 13 kull og 238 deltakere. Det er en egen fil, så det du
                gjør der, påvirker ikke registeret ditt.
              </p>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void run('demo', () => invoke('register:openDemo', {}))}
              >
                {busy === 'demo' ? 'Åpner demoregisteret …' : 'Åpne demoregisteret'}
              </button>
            </Card>

            {onSamlerapport && (
              <Card titleId="start-samle-title" title="Koordinator for flere tiltak?">
                <p className="start-hint">
                  Slå sammen rapportfilene fra tiltakene til kommunens samlerapport. Det trengs ikke noe register.
                </p>
                <button type="button" className="button" disabled={busy !== null} onClick={onSamlerapport}>
                  Lag samlerapport
                </button>
              </Card>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
