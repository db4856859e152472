/**
 * «Om Kullregister» (Hjelp → Om): the version, and where the register, its backups and the app's own
 * settings are on this machine — what IT asks for first. Fed by app:about.
 */
import { useEffect, useRef, useState } from 'react';
import type { About } from '../../shared/contract/app';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { useModalDialog } from '../ui/useModalDialog';

// Vite copies the app icon into the build (or inlines it) and gives its URL.
const ICON_URL = new URL('../../resources/icons/icon.svg', import.meta.url).href;

export function AboutDialog(props: { onClose: () => void }) {
  const { onClose } = props;
  const closeRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(closeRef);
  const [about, setAbout] = useState<About | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void invoke('app:about', {}).then((result) => {
      if (result.ok) setAbout(result.value);
      else setError(result.error.message);
    });
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog about-dialog"
      aria-labelledby="about-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="about-head">
        <img className="about-icon" src={ICON_URL} alt="" width={48} height={48} />
        <div>
          <h2 id="about-title" className="dialog-title about-title">
            Kullregister
          </h2>
          <div className="about-version">{about ? `Versjon ${about.version}` : ' '}</div>
        </div>
      </div>
      <p className="about-lead">
        Register over kull, deltakere og resultater for arbeidsinkluderingstiltak, med den månedlige rapporten til
        kommunen.
      </p>
      {error && <p className="form-error">{error}</p>}
      {about && (
        <dl className="about-facts">
          <dt>Registeret</dt>
          <dd className="about-path">{about.registerPath ?? 'Ingen register er åpent.'}</dd>
          <dt>Sikkerhetskopier</dt>
          <dd>
            {about.backupFolder ? (
              <>
                <span className="about-path">{about.backupFolder}</span>
                <span className="about-note">
                  {about.lastBackup ? `Siste kopi: ${formatTimestamp(about.lastBackup)}` : 'Ingen kopi ennå.'}
                </span>
              </>
            ) : (
              '–'
            )}
          </dd>
          <dt>Programmets innstillinger</dt>
          <dd className="about-path">{about.settingsFile}</dd>
          <dt>Teknisk</dt>
          <dd>{about.runtime}</dd>
        </dl>
      )}
      <p className="about-note">
        Kullregister sender ingenting over nettet. Alle opplysninger blir i registerfilen og sikkerhetskopiene.
      </p>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button button-primary" onClick={onClose}>
          Lukk
        </button>
      </div>
    </dialog>
  );
}
