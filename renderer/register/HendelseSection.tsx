/**
 * The log of register events (hendelse:list): privacy actions, restores and lock take-overs, with
 * who, on which machine and when. It names deltakere only by row number.
 */
import { useEffect, useState } from 'react';
import type { HendelseEntry } from '../../shared/contract/history';
import { formatTimestamp } from '../../shared/dates';
import { invoke } from '../bridge';
import { Card } from '../ui/Card';

const WHAT: Record<HendelseEntry['hva'], string> = {
  anonymisering: 'Anonymisering',
  sletting: 'Sletting for godt',
  innsyn: 'Innsyn',
  gjenoppretting: 'Gjenoppretting',
  las_overtatt: 'Lås tatt over',
  eksport: 'Eksport med navn',
};

export function HendelseSection(props: { version: number }) {
  const [events, setEvents] = useState<HendelseEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal to read the log again.
  useEffect(() => {
    void invoke('hendelse:list', {}).then((result) => {
      if (result.ok) setEvents(result.value);
      else setError(result.error.message);
    });
  }, [props.version]);

  return (
    <Card className="register-card" titleId="events-title" title="Hendelseslogg">
      <p className="register-intro">
        Anonymiseringer, slettinger, innsyn, eksporter med navn, gjenopprettinger og overtatte låser, nyeste først.
        Endringer i enkeltfelt ser du med «Historikk» i Deltakere og Kull.
      </p>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {events && events.length === 0 && <p className="safety-muted">Ingen hendelser ennå.</p>}
      {events && events.length > 0 && (
        <div className="register-table-box">
          <table className="register-table" aria-label="Hendelser">
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col">Hendelse</th>
                <th scope="col">Bruker</th>
                <th scope="col">Maskin</th>
                <th scope="col">Beskrivelse</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={`${event.tid}-${event.hva}-${event.beskrivelse}`}>
                  <td className="num-date">{formatTimestamp(event.tid)}</td>
                  <td>{WHAT[event.hva]}</td>
                  <td>{event.bruker}</td>
                  <td>{event.maskin}</td>
                  <td className="wrap">{event.beskrivelse}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
