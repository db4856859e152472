/**
 * The register's backups: the folder they are in (with a warning when it is synced or shared, since
 * backups hold names), «Ta sikkerhetskopi nå», the list with date, kind and size, and restore in two
 * clicks. The restore dialog shows what the backup holds beside what the register holds now (and how
 * many changes are newer), so a restore never quietly undoes an import. The register as it is is
 * itself backed up before a restore, so a restore can be undone.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/api';
import type { BackupEntry } from '../../shared/contract/safety';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { useSafety } from '../safety/safetyState';
import { sizeText } from '../safety/sizeText';
import { Card } from '../ui/Card';
import { useConfirm } from '../ui/ConfirmDialog';

type Listing = Output<'backup:list'>;
type Inspection = Output<'backup:inspect'>;
type Message = { tone: 'ok' | 'error' | 'info'; text: string };

/** The background backup in a newly chosen folder usually takes well under a second. */
const RELIST_AFTER_MS = 1500;

/** «Standardmappen, på denne maskinens disk.» or «Valgt av deg, i en mappe som synkroniseres med OneDrive.» */
function folderNote(listing: Listing): string {
  const { kind, place } = listing.location;
  return `${listing.isDefault ? 'Standardmappen' : 'Valgt av deg'}, ${kind === 'cloud' ? 'i' : 'på'} ${place}.`;
}

/** «1 sletting for godt og 2 anonymiseringer (14 deltakere)». */
function erasureText(erasures: Listing['erasures']): string {
  const deleted = erasures.filter((e) => e.hva === 'sletting').length;
  const anonymised = erasures.filter((e) => e.hva === 'anonymisering');
  const people = anonymised.reduce((n, e) => n + e.antall, 0);
  const parts = [
    deleted > 0 ? `${deleted} ${deleted === 1 ? 'sletting' : 'slettinger'} for godt` : '',
    anonymised.length > 0
      ? `${anonymised.length} ${anonymised.length === 1 ? 'anonymisering' : 'anonymiseringer'} (${people} ${people === 1 ? 'deltaker' : 'deltakere'})`
      : '',
  ].filter(Boolean);
  return parts.join(' og ');
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('nb-NO')} ${n === 1 ? one : many}`;
}

/** What the backup holds beside what the register holds now: the numbers a restore would change. */
function Comparison(props: { inspection: Inspection }) {
  const { backup, current, changesSince } = props.inspection;
  const lost = (now: number, then: number) => (now > then ? ` (${(now - then).toLocaleString('nb-NO')} færre)` : '');
  return (
    <>
      <table className="register-table restore-compare">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Sikkerhetskopien ({formatTimestamp(backup.time)})</th>
            <th scope="col">Registeret nå</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Deltakere</th>
            <td className="num">
              {backup.deltakere.toLocaleString('nb-NO')}
              {lost(current.deltakere, backup.deltakere)}
            </td>
            <td className="num">{current.deltakere.toLocaleString('nb-NO')}</td>
          </tr>
          <tr>
            <th scope="row">Kull</th>
            <td className="num">
              {backup.kull.toLocaleString('nb-NO')}
              {lost(current.kull, backup.kull)}
            </td>
            <td className="num">{current.kull.toLocaleString('nb-NO')}</td>
          </tr>
          <tr>
            <th scope="row">Sist endret</th>
            <td>{backup.lastChange ? formatTimestamp(backup.lastChange) : 'aldri'}</td>
            <td>{current.lastChange ? formatTimestamp(current.lastChange) : 'aldri'}</td>
          </tr>
        </tbody>
      </table>
      {changesSince.entries > 0 ? (
        <p className="alert alert-warning restore-loss">
          <strong>Dette forsvinner:</strong> {count(changesSince.entries, 'endring', 'endringer')} er lagret etter{' '}
          {formatTimestamp(backup.time)}
          {changesSince.rowsAdded > 0
            ? `, blant dem ${count(changesSince.rowsAdded, 'ny rad', 'nye rader')} (deltakere og kull, også fra importer)`
            : ''}
          . De er ikke i sikkerhetskopien.
        </p>
      ) : (
        <p>Ingenting er endret i registeret etter at sikkerhetskopien ble tatt.</p>
      )}
    </>
  );
}

export function BackupSection() {
  const { status, readOnly, reloadData, refresh } = useSafety();
  const [listing, setListing] = useState<Listing | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, confirm] = useConfirm();

  const load = useCallback(async () => {
    const result = await invoke('backup:list', {});
    if (result.ok) setListing(result.value);
    else setMessage({ tone: 'error', text: result.error.message });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const relistSoon = () => {
    setTimeout(() => {
      void load();
      void refresh();
    }, RELIST_AFTER_MS);
  };

  const chooseFolder = async () => {
    setBusy(true);
    setMessage(null);
    const result = await invoke('backup:chooseFolder', {});
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    if (!result.value.changed) return;
    await load();
    setMessage({
      tone: 'ok',
      text: `Sikkerhetskopiene lagres nå i «${result.value.folder.folder}». En sikkerhetskopi lages der nå. De gamle kopiene blir liggende der de er.`,
    });
    relistSoon();
  };

  const switchToDefault = async () => {
    setBusy(true);
    setMessage(null);
    const result = await invoke('backup:useDefaultFolder', {});
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    await load();
    setMessage({ tone: 'ok', text: `Sikkerhetskopiene lagres nå i standardmappen «${result.value.folder}».` });
    relistSoon();
  };

  const backupNow = async () => {
    setBusy(true);
    setMessage({ tone: 'info', text: 'Tar sikkerhetskopi …' });
    const result = await invoke('backup:create', {});
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    await load();
    void refresh();
    setMessage({
      tone: 'ok',
      text: `Sikkerhetskopien er tatt ${formatTimestamp(result.value.time)} (${sizeText(result.value.size)}).`,
    });
  };

  const restore = async (backup: BackupEntry) => {
    const when = formatTimestamp(backup.time);
    const inspected = await invoke('backup:inspect', { name: backup.name });
    if (!inspected.ok) {
      setMessage({ tone: 'error', text: inspected.error.message });
      return;
    }
    const inspection = inspected.value;
    const fewer = inspection.current.deltakere - inspection.backup.deltakere;
    // Read again: an erasure or an event since the list was shown changes what the dialog must say.
    const fresh = await invoke('backup:list', {});
    const current = fresh.ok ? fresh.value : listing;
    if (fresh.ok) setListing(fresh.value);
    const later = (current?.erasures ?? []).filter((e) => e.tid >= backup.time);
    const events = current?.hendelser ?? 0;
    const yes = await confirm({
      title: 'Gjenopprette sikkerhetskopien?',
      body: (
        <>
          <p>
            Registeret blir slik det var <strong>{when}</strong>. Det som er registrert etter det, forsvinner fra
            registeret.
          </p>
          <Comparison inspection={inspection} />
          <p>
            Registeret slik det er nå, lagres først som en egen sikkerhetskopi («Før gjenoppretting»), så du kan gå
            tilbake til det.
          </p>
          <p>
            <strong>Dette beholdes:</strong> hendelsesloggen ({events} {events === 1 ? 'hendelse' : 'hendelser'}) og
            listen over slettinger og anonymiseringer.
          </p>
          <p>
            <strong>Dette gjøres på nytt:</strong>{' '}
            {later.length === 0
              ? 'ingen slettinger eller anonymiseringer er gjort etter denne sikkerhetskopien.'
              : `${erasureText(later)} gjort etter denne sikkerhetskopien, gjøres på nytt før den tas i bruk, så ingen som er slettet eller anonymisert, kommer tilbake.`}
          </p>
        </>
      ),
      confirmLabel: fewer > 0 ? `Gjenopprett og fjern ${count(fewer, 'deltaker', 'deltakere')}` : 'Gjenopprett',
      danger: true,
    });
    if (!yes) return;
    setBusy(true);
    setMessage({ tone: 'info', text: 'Gjenoppretter …' });
    const result = await invoke('backup:restore', { name: backup.name });
    setBusy(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    // Every screen reads the register again; this one shows the notice when it comes back.
    const again = result.value.erasuresReapplied;
    reloadData(
      `Registeret er gjenopprettet fra sikkerhetskopien fra ${when}. Registeret slik det var, er lagret som sikkerhetskopi (${formatTimestamp(result.value.savedCurrentAs.time)}). Hendelsesloggen er beholdt${again > 0 ? `, og ${again} ${again === 1 ? 'sletting eller anonymisering er' : 'slettinger og anonymiseringer er'} gjort på nytt` : ''}.`,
    );
  };

  const lastError = status?.backups.lastError ?? null;

  return (
    <Card className="register-card" titleId="backup-title" title="Sikkerhetskopier" busy={busy}>
      <p className="register-intro">
        Kullregister tar en sikkerhetskopi første gang registeret åpnes hver dag, før hver import og før hver
        oppgradering. Kopiene fra de 14 siste dagene tas vare på, og én for hver av de 12 siste månedene.
      </p>
      {lastError && (
        <div className="alert alert-error" role="alert">
          {lastError}
        </div>
      )}
      {listing && (
        <div className="register-folder">
          <div className="register-folder-info">
            <span className="form-label">Mappe</span>
            <code className="register-path">{listing.folder}</code>
            <span className="register-note">{folderNote(listing)}</span>
          </div>
          <div className="register-folder-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void backupNow()}>
              Ta sikkerhetskopi nå
            </button>
            <button type="button" className="button" disabled={busy || readOnly} onClick={() => void chooseFolder()}>
              Bytt mappe …
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || readOnly || listing.isDefault}
              onClick={() => void switchToDefault()}
            >
              Bruk standardmappe
            </button>
          </div>
        </div>
      )}
      {listing && listing.location.kind !== 'local' && (
        <div className="alert alert-warning" role="alert">
          Mappen ligger {listing.location.kind === 'cloud' ? 'i' : 'på'} {listing.location.place}. Sikkerhetskopiene
          inneholder navn og andre personopplysninger og bør ligge på denne maskinens disk. Velg «Bruk standardmappe»
          hvis du ikke vet at mappen er trygg.
        </div>
      )}
      {message && (
        <p className={`register-message status-${message.tone}`} role="status">
          {message.text}
        </p>
      )}
      {listing && listing.backups.length === 0 && (
        <p className="safety-muted">Ingen sikkerhetskopier ennå. Den første tas når registeret åpnes for redigering.</p>
      )}
      {listing && listing.backups.length > 0 && (
        <div className="register-table-box">
          <table className="register-table" aria-label="Sikkerhetskopier">
            <thead>
              <tr>
                <th scope="col">Tatt</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Størrelse
                </th>
                <th scope="col" aria-label="Handling" />
              </tr>
            </thead>
            <tbody>
              {listing.backups.map((backup) => (
                <tr key={backup.name}>
                  <td className="num-date">{formatTimestamp(backup.time)}</td>
                  <td>{backup.kindLabel}</td>
                  <td className="num">{sizeText(backup.size)}</td>
                  <td className="row-action">
                    {backup.kind !== 'skadet' && (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy || readOnly}
                        aria-label={`Gjenopprett sikkerhetskopien fra ${formatTimestamp(backup.time)}`}
                        onClick={() => void restore(backup)}
                      >
                        Gjenopprett
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {readOnly && (
        <p className="safety-muted">
          Registeret er skrivebeskyttet her, så det kan ikke gjenopprettes eller flyttes herfra.
        </p>
      )}
      {dialog}
    </Card>
  );
}
