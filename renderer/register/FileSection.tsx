/** The register file: where it is, what kind of place that is, and how it is opened here. */
import { useEffect, useState } from 'react';
import type { FileLocationInfo } from '../../shared/contract/safety';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { useSafety } from '../safety/safetyState';
import { Card } from '../ui/Card';

export function FileSection() {
  const { status } = useSafety();
  const [schemaVersion, setSchemaVersion] = useState<number | null>(null);

  useEffect(() => {
    void invoke('register:info', {}).then((result) => {
      if (result.ok) setSchemaVersion(result.value.schemaVersion);
    });
  }, []);

  if (!status) {
    return (
      <Card className="register-card" titleId="file-title" title="Registerfilen">
        <p className="safety-muted">Henter opplysninger om registeret …</p>
      </Card>
    );
  }

  return (
    <Card className="register-card" titleId="file-title" title="Registerfilen">
      <dl className="register-facts">
        <dt>Fil</dt>
        <dd>
          <code className="register-path">{status.path}</code>
        </dd>
        <dt>Ligger</dt>
        <dd>
          {placeText(status.location)}
          {status.location.kind !== 'local' && (
            <span className="register-tag register-tag-warning">{kindLabel(status.location)}</span>
          )}
        </dd>
        <dt>Bruk</dt>
        <dd>
          {status.singleUser
            ? 'Én bruker om gangen: mens registeret er åpent her, kan ingen andre åpne det, heller ikke for å lese.'
            : 'Flere kan se på registeret samtidig, men bare én kan endre det om gangen.'}
        </dd>
        <dt>Her</dt>
        <dd>
          {status.readOnly ? (
            <span className="register-tag register-tag-warning">Skrivebeskyttet</span>
          ) : (
            <span className="register-tag register-tag-ok">Åpnet for redigering</span>
          )}
          {status.readOnly && status.readOnlyMessage && <span className="register-note">{status.readOnlyMessage}</span>}
          {status.lockReclaimedFrom && (
            <span className="register-note">
              Kullregister ble avsluttet uten å lukke registeret på denne maskinen{' '}
              {formatTimestamp(status.lockReclaimedFrom.lastSeen)}; låsen fra da er tatt tilbake.
            </span>
          )}
        </dd>
        {schemaVersion !== null && (
          <>
            <dt>Versjon</dt>
            <dd>
              Skjema {schemaVersion}
              {status.migratedFrom !== null && (
                <span className="register-note">
                  Oppgradert fra skjema {status.migratedFrom} da det ble åpnet nå. En sikkerhetskopi ble tatt først.
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}

/** «på denne maskinens disk», «i en mappe som synkroniseres med OneDrive», «på nettverksstien …». */
export function placeText(location: FileLocationInfo): string {
  const text = `${location.kind === 'cloud' ? 'i' : 'på'} ${location.place}`;
  return text.charAt(0).toLocaleUpperCase('nb') + text.slice(1);
}

function kindLabel(location: FileLocationInfo): string {
  return location.kind === 'cloud' ? `Synkroniseres (${location.service ?? 'sky'})` : 'Nettverk';
}
