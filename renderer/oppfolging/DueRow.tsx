/** One line of «Å følge opp»: who, when, and the answer field with its own message when refused. */
import { type FormEvent, useId, useState } from 'react';
import { JA_NEI_UKJENT } from '../../shared/codes';
import type { DueLine } from '../../shared/contract/oppfolging';
import { formatDate } from '../../shared/dates';

function whenText(days: number): string {
  if (days === 0) return 'i dag';
  if (days < 0) return days === -1 ? 'i går' : `for ${-days} dager siden`;
  return days === 1 ? 'i morgen' : `om ${days} dager`;
}

export function DueRow(props: {
  line: DueLine;
  today: string;
  onOpen: () => void;
  onAnswer: (text: string) => Promise<string | null>;
}) {
  const { line, today, onOpen, onAnswer } = props;
  const isDate = line.field === 'midtevaluering_dato';
  const [text, setText] = useState(isDate ? formatDate(today) : '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const refused = await onAnswer(text);
    setSaving(false);
    setError(refused);
  };

  const label = isDate ? `Dato for midtevaluering for ${line.navn}` : `Svar for ${line.navn}`;
  return (
    <tr className={line.days_left < 0 ? 'due-row due-row--overdue' : 'due-row'} data-deltaker-id={line.deltaker_id}>
      <th scope="row">
        <button type="button" className="link-button" onClick={onOpen} title="Gå til raden i Deltakere">
          {line.navn || `Deltaker nr. ${line.deltaker_id}`}
        </button>
      </th>
      <td>{line.kull ?? '–'}</td>
      <td>{line.brukersted ?? '–'}</td>
      <td>{formatDate(isDate ? line.startdato : line.sluttdato)}</td>
      <td>
        {formatDate(line.due)} <span className="due-when">({whenText(line.days_left)})</span>
      </td>
      <td>
        <form className="due-answer" onSubmit={(e) => void submit(e)} noValidate>
          {isDate ? (
            <input
              className={`text-input due-input${error ? ' text-input-invalid' : ''}`}
              aria-label={label}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              placeholder="dd.mm.åååå"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          ) : (
            <select
              className={`select due-input${error ? ' text-input-invalid' : ''}`}
              aria-label={label}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
            >
              <option value="">Velg …</option>
              {JA_NEI_UKJENT.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
          <button type="submit" className="button" disabled={saving}>
            Lagre
          </button>
          {error && (
            <span id={errorId} className="form-error due-error" role="alert">
              {error}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}
