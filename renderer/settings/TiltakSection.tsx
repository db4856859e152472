/**
 * The tiltak's details (they head every report), how deltakere are taken in, and the usual length
 * of a kull (the Kull screen's default planned end). Saved together with «Lagre».
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Settings } from '../../shared/schema/settings';
import { invoke } from '../bridge';
import { useNavigation } from '../navigation';
import { OpptakChoice } from '../start/OpptakChoice';
import { Card } from '../ui/Card';
import { TextField } from '../ui/TextField';

type Draft = Omit<Settings, 'kull_lengde_mnd'> & { kull_lengde_mnd: string };

const toDraft = (s: Settings): Draft => ({ ...s, kull_lengde_mnd: String(s.kull_lengde_mnd) });

export function TiltakSection() {
  const navigation = useNavigation();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [lengthError, setLengthError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { tiltak: useId(), avdeling: useId(), kontakt: useId(), lengde: useId() };

  useEffect(() => {
    void invoke('settings:get', {}).then((result) => {
      if (result.ok) {
        setSaved(result.value);
        setDraft(toDraft(result.value));
      } else setMessage({ tone: 'error', text: result.error.message });
    });
  }, []);

  if (!draft || !saved) {
    return (
      <Card titleId="settings-tiltak" title="Tiltaket">
        {message && <p className="form-error">{message.text}</p>}
      </Card>
    );
  }

  const changes: Partial<Settings> = {};
  for (const key of ['tiltak', 'avdeling', 'kontaktperson', 'opptak'] as const) {
    if (draft[key].trim() !== saved[key]) Object.assign(changes, { [key]: draft[key] });
  }
  const months = Number(draft.kull_lengde_mnd);
  if (draft.kull_lengde_mnd.trim() !== String(saved.kull_lengde_mnd)) changes.kull_lengde_mnd = months;
  const dirty = Object.keys(changes).length > 0;

  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setMessage(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    if (!Number.isInteger(months) || months < 1 || months > 60) {
      setLengthError('Skriv et helt antall måneder, fra 1 til 60.');
      document.getElementById(ids.lengde)?.focus();
      return;
    }
    setLengthError(null);
    setBusy(true);
    try {
      const result = await invoke('settings:update', changes);
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
      setSaved(result.value);
      setDraft(toDraft(result.value));
      setMessage({ tone: 'ok', text: 'Lagret.' });
      navigation.settingsChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card as="form" titleId="settings-tiltak" title="Tiltaket" onSubmit={(e) => void save(e)}>
      <p className="settings-hint">Tiltak, avdeling og kontaktperson står øverst i rapporten.</p>
      <div className="settings-fields">
        <TextField
          id={ids.tiltak}
          className="settings-field-wide"
          label="Tiltak"
          value={draft.tiltak}
          maxLength={200}
          onChange={(e) => edit({ tiltak: e.target.value })}
        />
        <TextField
          id={ids.avdeling}
          label="Avdeling"
          value={draft.avdeling}
          maxLength={200}
          onChange={(e) => edit({ avdeling: e.target.value })}
        />
        <TextField
          id={ids.kontakt}
          label="Kontaktperson"
          value={draft.kontaktperson}
          maxLength={200}
          onChange={(e) => edit({ kontaktperson: e.target.value })}
        />
      </div>

      <OpptakChoice value={draft.opptak} onChange={(opptak) => edit({ opptak })} />

      {draft.opptak === 'kull' && (
        <div className="field settings-length">
          <label htmlFor={ids.lengde} className="form-label">
            Vanlig lengde på et kull
          </label>
          <span className="settings-inline">
            <input
              id={ids.lengde}
              className={`text-input settings-number${lengthError ? ' text-input-invalid' : ''}`}
              inputMode="numeric"
              value={draft.kull_lengde_mnd}
              onChange={(e) => {
                edit({ kull_lengde_mnd: e.target.value });
                setLengthError(null);
              }}
            />
            måneder
          </span>
          <span className="settings-small">Foreslår planlagt sluttdato når du lager et nytt kull.</span>
          {lengthError && <span className="form-error">{lengthError}</span>}
        </div>
      )}

      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={!dirty || busy}>
          Lagre
        </button>
        {dirty && (
          <button type="button" className="button" onClick={() => setDraft(toDraft(saved))}>
            Angre endringene
          </button>
        )}
        {message && (
          <span className={message.tone === 'ok' ? 'settings-saved' : 'form-error'} role="status">
            {message.tone === 'ok' ? `✓ ${message.text}` : message.text}
          </span>
        )}
      </div>
    </Card>
  );
}
