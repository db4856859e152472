/**
 * «Å følge opp»: who is due now for the 6- and 12-month follow-up after an exit to work, and for the
 * midtevaluering in their kull (from 30 days ago to 14 days ahead, not answered yet). A name jumps to
 * the row in Deltakere; the answer is written here the way a typed cell is: read by the field's own
 * parser, saved with deltaker:update (in the endringslogg, one step of the Deltakere grid's undo,
 * which «Angre» here and Ctrl+Z in the grid both take back).
 */
import { useCallback, useEffect, useState } from 'react';
import './oppfolging.css';
import type { Output } from '../../shared/api';
import type { DueLine } from '../../shared/contract/oppfolging';
import { formatDate, todayIso } from '../../shared/dates';
import { deltakerField, parseFieldInput } from '../../shared/fields';
import { DUE_KINDS, DUE_WINDOW } from '../../shared/oppfolging/due';
import { invoke } from '../bridge';
import { useNavigation } from '../navigation';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import { DueRow } from './DueRow';

type List = Output<'oppfolging:list'>;

/** Only code and date fields are answered here: the parser needs no kull or lists. */
const PARSE_CONTEXT = { kullByName: () => undefined, listValues: () => [], thisYear: Number(todayIso().slice(0, 4)) };

export function OppfolgingScreen() {
  const [list, setList] = useState<List | null>(null);
  const [reload, setReload] = useState(0);
  const [undoable, setUndoable] = useState<string | null>(null);
  const [message, setMessage] = useStatusMessage();
  const navigation = useNavigation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the signal to read again.
  useEffect(() => {
    let current = true;
    void invoke('oppfolging:list', {}).then((result) => {
      if (!current) return;
      if (result.ok) setList(result.value);
      else setMessage({ tone: 'error', text: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [reload, setMessage]);

  /** Reads and stores one answer; resolves to the reason when it is refused (nothing is then changed). */
  const answer = useCallback(
    async (line: DueLine, text: string): Promise<string | null> => {
      const def = deltakerField(line.field);
      if (!def) return 'Ukjent felt.';
      const parsed = parseFieldInput(def, text, PARSE_CONTEXT);
      if (!parsed.ok) return parsed.message;
      if (parsed.value === null) return `Velg et svar for «${def.label}» før du lagrer.`;
      const result = await invoke('deltaker:update', { id: line.deltaker_id, changes: { [line.field]: parsed.value } });
      if (!result.ok) return result.error.message;
      setMessage({
        tone: 'ok',
        text: `Lagret for ${line.navn || 'deltakeren'}: ${def.label.toLocaleLowerCase('nb')}.`,
      });
      setUndoable(`Endre ${def.label.toLocaleLowerCase('nb')}`);
      navigation.dueCountChanged();
      setReload((n) => n + 1);
      return null;
    },
    [navigation, setMessage],
  );

  const undo = async () => {
    const result = await invoke('grid:undo', { table: 'deltaker' });
    if (!result.ok) setMessage({ tone: 'error', text: result.error.message });
    else if (result.value.done) setMessage({ tone: 'ok', text: `Angret: ${result.value.label ?? ''}.` });
    setUndoable(null);
    navigation.dueCountChanged();
    setReload((n) => n + 1);
  };

  return (
    <div className="oppfolging-screen">
      <div className="toolbar">
        <h1 className="screen-title">Å følge opp</h1>
        <p className="oppfolging-window">
          {list
            ? `Forfalt de siste ${DUE_WINDOW.pastDays} dagene eller forfaller de neste ${DUE_WINDOW.aheadDays} (${formatDate(list.from)}–${formatDate(list.to)}), og ikke besvart.`
            : 'Leter …'}
        </p>
        <div className="toolbar-actions">
          {undoable && (
            <button type="button" className="button" onClick={() => void undo()}>
              Angre «{undoable}»
            </button>
          )}
        </div>
      </div>
      <div className="oppfolging-body">
        {list?.lines.length === 0 && <p className="oppfolging-empty">✓ Ingen å følge opp nå.</p>}
        {list &&
          DUE_KINDS.map((kind) => {
            const lines = list.lines.filter((l) => l.kind === kind.kind);
            if (lines.length === 0) return null;
            return (
              <section
                key={kind.kind}
                className="oppfolging-group"
                aria-labelledby={`due-${kind.kind}`}
                data-kind={kind.kind}
              >
                <h2 id={`due-${kind.kind}`} className="oppfolging-title">
                  {kind.title} <span className="oppfolging-count">{lines.length}</span>
                </h2>
                <table className="oppfolging-table">
                  <thead>
                    <tr>
                      <th scope="col">Deltaker</th>
                      <th scope="col">Kull</th>
                      <th scope="col">Brukersted</th>
                      <th scope="col">{kind.kind === 'midtevaluering' ? 'Startet' : 'Sluttet'}</th>
                      <th scope="col">{kind.kind === 'midtevaluering' ? 'Halvveis' : 'Oppfølging'}</th>
                      <th scope="col">Svar</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((line) => (
                      <DueRow
                        key={`${line.kind}-${line.deltaker_id}`}
                        line={line}
                        today={list.today}
                        onOpen={() => navigation.openDeltaker(line.deltaker_id)}
                        onAnswer={(text) => answer(line, text)}
                      />
                    ))}
                  </tbody>
                </table>
              </section>
            );
          })}
      </div>
      <StatusBar message={message}>{list ? `${list.lines.length} å følge opp` : ''}</StatusBar>
    </div>
  );
}
