/**
 * Innstillinger: the tiltak's details for the report header, how deltakere are taken in, the
 * editable lists, and where the backups go (changed, and restored from, on «Register og sikkerhet»).
 */
import { useEffect, useState } from 'react';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { useNavigation } from '../navigation';
import { Card } from '../ui/Card';
import { CodeListSection } from './CodeListSection';
import { TiltakSection } from './TiltakSection';
import './settings.css';

export function SettingsScreen() {
  return (
    <div className="settings-screen">
      <div className="settings-page">
        <h1 className="screen-title">Innstillinger</h1>
        <TiltakSection />
        <CodeListSection />
        <BackupSection />
      </div>
    </div>
  );
}

function BackupSection() {
  const navigation = useNavigation();
  const [backups, setBackups] = useState<{ folder: string; last: string | null } | null>(null);

  useEffect(() => {
    void invoke('backup:list', {}).then((result) => {
      if (result.ok) setBackups({ folder: result.value.folder, last: result.value.backups[0]?.time ?? null });
    });
  }, []);

  return (
    <Card titleId="settings-backup" title="Sikkerhetskopier">
      <p className="settings-hint">
        Kullregister tar en sikkerhetskopi av registeret hver dag det brukes, og tar vare på kopiene fra de siste 14
        dagene og de siste 12 månedene.
      </p>
      {backups && (
        <dl className="settings-facts">
          <dt>Mappe</dt>
          <dd className="settings-path">{backups.folder}</dd>
          <dt>Siste kopi</dt>
          <dd>{backups.last ? formatTimestamp(backups.last) : 'Ingen ennå'}</dd>
        </dl>
      )}
      {navigation.hasScreen('register') && (
        <p className="settings-link-line">
          Du velger en annen mappe, eller henter tilbake en kopi, under{' '}
          <button type="button" className="settings-link" onClick={() => navigation.openScreen('register')}>
            Register og sikkerhet
          </button>
          .
        </p>
      )}
    </Card>
  );
}
