/**
 * Register og sikkerhet: where the register file is and how it is opened, its backups (restore in
 * two clicks, the folder shown and changeable), the privacy tool for old deltakere, and the log of
 * register events. Rows' own history is in the grids («Historikk»). Decisions: docs/safety.md.
 */
import { useCallback, useState } from 'react';
import { useSafety } from '../safety/safetyState';
import { AnonymiseSection } from './AnonymiseSection';
import { BackupSection } from './BackupSection';
import { DeletedPeopleSection } from './DeletedPeopleSection';
import { FileSection } from './FileSection';
import { HendelseSection } from './HendelseSection';
import './register.css';

export function RegisterScreen() {
  const { takeNotice } = useSafety();
  const [notice, setNotice] = useState(() => takeNotice());
  // Bumped after an action that writes a hendelse, so the log below shows it.
  const [eventsVersion, setEventsVersion] = useState(0);
  const eventsChanged = useCallback(() => setEventsVersion((v) => v + 1), []);

  return (
    <div className="register-screen">
      <div className="register-page">
        <h1 className="screen-title">Register og sikkerhet</h1>
        {notice && (
          <div className="alert alert-ok" role="status">
            <span>✓ {notice}</span>
            <button type="button" className="alert-close" aria-label="Lukk meldingen" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
        <FileSection />
        <BackupSection />
        <AnonymiseSection onDone={eventsChanged} />
        <DeletedPeopleSection onDone={eventsChanged} version={eventsVersion} />
        <HendelseSection version={eventsVersion} />
      </div>
    </div>
  );
}
