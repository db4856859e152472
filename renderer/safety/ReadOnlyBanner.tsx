/**
 * The band under the top bar while the register is read-only: who has it, on which machine, since
 * when (safety:status's readOnlyMessage). A lock that looks abandoned can be taken over after a
 * warning; a register its holder has closed can be opened for editing. After either, every screen
 * reads its data again (the other user may have changed it).
 */
import { useEffect, useState } from 'react';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { leaveScreen } from '../navigation';
import { useConfirm } from '../ui/ConfirmDialog';
import { useSafety } from './safetyState';
import './safety.css';

export function ReadOnlyBanner() {
  const { status, setStatus, reloadData } = useSafety();
  const [dialog, confirm] = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 8000);
    return () => clearTimeout(timer);
  }, [done]);

  if (!status?.readOnly) {
    if (!done) return null;
    return (
      <div className="safety-banner safety-banner-ok" role="status">
        <span className="safety-banner-icon" aria-hidden="true">
          ✓
        </span>
        <span className="safety-banner-text">{done}</span>
        <button type="button" className="alert-close" aria-label="Lukk meldingen" onClick={() => setDone(null)}>
          ×
        </button>
      </div>
    );
  }

  const holder = status.lockHolder;
  const lockReason = status.readOnlyReason === 'locked' || status.readOnlyReason === 'lock_lost';
  const canTakeOver = lockReason && holder?.stale === true;
  const isFree = lockReason && holder === null;

  const takeOver = async (lockId: string, success: string) => {
    // An open cell editor is taken first (refused while read-only, it stays red and is kept below).
    await leaveScreen();
    setBusy(true);
    setError(null);
    const result = await invoke('safety:takeOverLock', { lockId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setStatus(result.value);
    setDone(success);
    reloadData(undefined, { keepUnsaved: true });
  };

  const askTakeOver = async () => {
    if (!holder) return;
    const yes = await confirm({
      title: 'Ta over låsen?',
      body: (
        <>
          <p>
            <strong>{holder.user}</strong> på <strong>{holder.host}</strong> åpnet registeret{' '}
            {formatTimestamp(holder.since)} og var sist aktiv {formatTimestamp(holder.lastSeen)}.
          </p>
          <p>
            Ta over låsen bare hvis du vet at registeret ikke er i bruk der lenger, for eksempel fordi maskinen har
            krasjet eller er slått av. Har {holder.user} det fortsatt åpent, kan det som ikke er lagret der, gå tapt, og{' '}
            {holder.user} kan ikke lagre noe mer.
          </p>
        </>
      ),
      confirmLabel: 'Ta over låsen',
      danger: true,
    });
    if (yes) await takeOver(holder.id, 'Du har tatt over låsen og kan redigere registeret.');
  };

  return (
    <div className="safety-banner" role="alert" aria-busy={busy}>
      <span className="safety-banner-label">Skrivebeskyttet</span>
      <span className="safety-banner-text">
        {status.readOnlyMessage ?? 'Registeret er åpnet skrivebeskyttet.'}
        {error && <span className="safety-banner-error"> {error}</span>}
      </span>
      {canTakeOver && (
        <button type="button" className="button" disabled={busy} onClick={() => void askTakeOver()}>
          Ta over låsen …
        </button>
      )}
      {isFree && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void takeOver('', 'Registeret er åpnet for redigering.')}
        >
          Åpne for redigering
        </button>
      )}
      {dialog}
    </div>
  );
}
