/**
 * Anonymising deltakere who ended more than N years ago (the user picks N): first a preview of how
 * many, from which date and how many old backups go, then the change itself after a confirmation.
 * It takes a few seconds on a large register (the file is rebuilt so no old value is left in it),
 * so the section says it is working.
 */
import { useState } from 'react';
import type { Output } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { invoke } from '../bridge';
import { useSafety } from '../safety/safetyState';
import { stillHoldingText } from '../safety/stillHolding';
import { Card } from '../ui/Card';
import { useConfirm } from '../ui/ConfirmDialog';

type Preview = Output<'privacy:anonymisePreview'> & { years: number };
type Message = { tone: 'ok' | 'error' | 'info'; text: string };

const DEFAULT_YEARS = '5';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nb-NO')} ${n === 1 ? one : many}`;

export function AnonymiseSection(props: { onDone: () => void }) {
  const { readOnly, refresh } = useSafety();
  const [yearsText, setYearsText] = useState(DEFAULT_YEARS);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<'preview' | 'anonymise' | null>(null);
  const [dialog, confirm] = useConfirm();

  const years = /^\s*\d+\s*$/.test(yearsText) ? Number(yearsText) : Number.NaN;

  const showPreview = async () => {
    setMessage(null);
    if (!Number.isInteger(years)) {
      setMessage({ tone: 'error', text: 'Skriv antall år som et helt tall, for eksempel 5.' });
      return;
    }
    setBusy('preview');
    const result = await invoke('privacy:anonymisePreview', { years });
    setBusy(null);
    if (!result.ok) {
      setPreview(null);
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    setPreview({ ...result.value, years });
  };

  const run = async (shown: Preview) => {
    const cutoff = formatDate(shown.cutoff);
    const yes = await confirm({
      title: `Anonymisere ${plural(shown.count, 'deltaker', 'deltakere')}?`,
      body: (
        <>
          <p>
            Navn, fødselsår og merknad fjernes for godt for alle med sluttdato før {cutoff}, også i endringsloggen.
            Dette kan ikke angres.
          </p>
          {shown.backupsToClean > 0 && (
            <p>
              De samme opplysningene fjernes også i alle{' '}
              {plural(shown.backupsToClean, 'sikkerhetskopi', 'sikkerhetskopier')}, og en gjenoppretting fra en
              sikkerhetskopi bringer dem ikke tilbake.
            </p>
          )}
        </>
      ),
      confirmLabel: 'Anonymiser',
      danger: true,
    });
    if (!yes) return;
    setBusy('anonymise');
    setMessage(null);
    const result = await invoke('privacy:anonymise', { years: shown.years, expectedCount: shown.count });
    setBusy(null);
    setPreview(null);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    const { anonymised, logEntriesScrubbed, backupsCleaned, stillHolding } = result.value;
    const backups =
      backupsCleaned > 0 ? ` ${plural(backupsCleaned, 'sikkerhetskopi', 'sikkerhetskopier')} er renset.` : '';
    setMessage({
      tone: stillHolding.length > 0 ? 'error' : 'ok',
      text: `${plural(anonymised, 'deltaker', 'deltakere')} er anonymisert, og ${plural(logEntriesScrubbed, 'linje', 'linjer')} i endringsloggen er renset.${backups}${stillHoldingText(stillHolding)}`,
    });
    props.onDone();
    void refresh();
  };

  return (
    <Card className="register-card" titleId="privacy-title" title="Personvern: anonymisering" busy={busy !== null}>
      <p className="register-intro">
        Deltakere som sluttet for lenge siden, trenger ikke stå med navn. Anonymiserte deltakere får navnet
        «Anonymisert» og mister fødselsår og merknad. Resten blir stående, så tallene i rapportene er de samme, bortsett
        fra at alderen blir ukjent for dem. Vil én person slettes eller ha innsyn, velg raden i Deltakere og trykk
        «Historikk».
      </p>
      <form
        className="register-inline"
        onSubmit={(event) => {
          event.preventDefault();
          void showPreview();
        }}
      >
        <label className="field">
          <span className="form-label">Sluttet for mer enn</span>
          <span className="register-years">
            <input
              className="text-input register-years-input"
              inputMode="numeric"
              value={yearsText}
              aria-label="Antall år"
              onChange={(event) => {
                setYearsText(event.target.value);
                setPreview(null);
              }}
            />
            <span>år siden</span>
          </span>
        </label>
        <button type="submit" className="button" disabled={busy !== null}>
          Vis hvem det gjelder
        </button>
      </form>
      {preview && (
        <div className="register-preview" role="status">
          {preview.count === 0 ? (
            <p>Ingen deltakere har sluttdato før {formatDate(preview.cutoff)} og navn som ikke er fjernet.</p>
          ) : (
            <>
              <p>
                <strong>{plural(preview.count, 'deltaker', 'deltakere')}</strong> har sluttdato før{' '}
                <strong>{formatDate(preview.cutoff)}</strong> og blir anonymisert.
              </p>
              <p>
                {preview.backupsToClean === 0
                  ? 'Registeret har ingen sikkerhetskopier ennå.'
                  : `Opplysningene fjernes også i alle ${plural(preview.backupsToClean, 'sikkerhetskopi', 'sikkerhetskopier')}, så navnene ikke blir liggende der.`}
              </p>
              <button
                type="button"
                className="button button-danger"
                disabled={busy !== null || readOnly}
                onClick={() => void run(preview)}
              >
                Anonymiser {plural(preview.count, 'deltaker', 'deltakere')} …
              </button>
            </>
          )}
        </div>
      )}
      {busy === 'anonymise' && (
        <p className="safety-progress" role="status">
          <span className="safety-spinner" aria-hidden="true" /> Anonymiserer og rydder registerfilen. Dette kan ta noen
          sekunder …
        </p>
      )}
      {message && (
        <p className={`register-message status-${message.tone}`} role="status">
          {message.text}
        </p>
      )}
      {readOnly && (
        <p className="safety-muted">Registeret er skrivebeskyttet her, så det kan ikke anonymiseres herfra.</p>
      )}
      {dialog}
    </Card>
  );
}
