/**
 * Which period the report covers: a month (shown with its hittil i år block), a whole year, or a
 * free range typed as dd.mm.åååå.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { formatDate, parseDateInput } from '../../shared/dates';
import { MONTH_NAMES } from '../../shared/report/format';
import { type ViewChoice, viewRequest } from '../../shared/report/views';

const MODES: readonly { mode: ViewChoice['mode']; label: string }[] = [
  { mode: 'month', label: 'Måned' },
  { mode: 'year', label: 'Hele året' },
  { mode: 'range', label: 'Fri periode' },
];

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('nb') + text.slice(1);

function yearsAround(thisYear: number, chosen: number): number[] {
  const first = Math.min(thisYear - 15, chosen);
  const last = Math.max(thisYear, chosen);
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

function yearOfChoice(choice: ViewChoice): number {
  return choice.mode === 'range' ? Number(choice.from.slice(0, 4)) : choice.year;
}

export function PeriodPicker(props: {
  value: ViewChoice;
  thisYear: number;
  onChange: (choice: ViewChoice) => void;
  /**
   * Why the report on screen is not the period typed (an invalid date, or dates typed but not yet
   * shown with «Vis»); null when it is. The screen clears the report and allows no export meanwhile.
   */
  onPending: (reason: string | null) => void;
}) {
  const { value, thisYear, onChange, onPending } = props;
  const year = yearOfChoice(value);
  const years = yearsAround(thisYear, year);

  const switchMode = (mode: ViewChoice['mode']) => {
    if (mode === value.mode) return;
    onPending(null);
    if (mode === 'month') onChange({ mode, year, month: value.mode === 'month' ? value.month : 1 });
    else if (mode === 'year') onChange({ mode, year });
    else onChange({ mode, ...viewRequest(value) });
  };

  return (
    <div className="period-picker">
      <fieldset className="segmented">
        <legend className="visually-hidden">Periode</legend>
        {MODES.map((m) => (
          <label key={m.mode} className={value.mode === m.mode ? 'segment segment--checked' : 'segment'}>
            <input
              type="radio"
              name="rapport-periode"
              className="segment-input"
              checked={value.mode === m.mode}
              onChange={() => switchMode(m.mode)}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      {value.mode !== 'range' && (
        <label className="toolbar-field">
          <span className="toolbar-label">År</span>
          <select
            className="select select-narrow"
            aria-label="År"
            value={year}
            onChange={(event) => {
              const next = Number(event.target.value);
              onChange(value.mode === 'month' ? { ...value, year: next } : { mode: 'year', year: next });
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.mode === 'month' && (
        <label className="toolbar-field">
          <span className="toolbar-label">Måned</span>
          <select
            className="select select-narrow"
            aria-label="Måned"
            value={value.month}
            onChange={(event) => onChange({ ...value, month: Number(event.target.value) })}
          >
            {MONTH_NAMES.map((name, i) => (
              <option key={name} value={i + 1}>
                {capitalised(name)}
              </option>
            ))}
          </select>
        </label>
      )}
      {value.mode === 'range' && (
        <RangeFields from={value.from} to={value.to} onChange={onChange} onPending={onPending} />
      )}
    </div>
  );
}

/** Two dates as the user types them; the report changes when they press Enter or «Vis». */
function RangeFields(props: {
  from: string;
  to: string;
  onChange: (choice: ViewChoice) => void;
  onPending: (reason: string | null) => void;
}) {
  const { onPending } = props;
  const [fromText, setFromText] = useState(formatDate(props.from));
  const [toText, setToText] = useState(formatDate(props.to));
  const [error, setErrorText] = useState<string | null>(null);
  const setError = (message: string) => {
    setErrorText(message);
    onPending(message);
  };

  useEffect(() => {
    setFromText(formatDate(props.from));
    setToText(formatDate(props.to));
  }, [props.from, props.to]);

  // Dates typed but not shown yet: the report on screen is another period's.
  const typed = (from: string, to: string) => {
    setErrorText(null);
    const same = from.trim() === formatDate(props.from) && to.trim() === formatDate(props.to);
    onPending(same ? null : 'Trykk «Vis» for å se rapporten for datoene du har skrevet.');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDateInput(fromText);
    const to = parseDateInput(toText);
    if (!from.ok || !to.ok) {
      setError(!from.ok ? `Fra: ${from.message}` : `Til: ${(to as { message: string }).message}`);
      return;
    }
    if (from.value === null || to.value === null) {
      setError('Skriv både fra- og til-dato, som dd.mm.åååå.');
      return;
    }
    if (from.value > to.value) {
      setError('Fra-datoen kan ikke være etter til-datoen.');
      return;
    }
    setErrorText(null);
    onPending(null);
    props.onChange({ mode: 'range', from: from.value, to: to.value });
  };

  return (
    <form className="range-fields" onSubmit={submit} noValidate>
      <label className="toolbar-field">
        <span className="toolbar-label">Fra</span>
        <input
          className={`text-input date-input${error?.startsWith('Fra') ? ' text-input-invalid' : ''}`}
          value={fromText}
          placeholder="dd.mm.åååå"
          inputMode="numeric"
          aria-invalid={error?.startsWith('Fra') ?? false}
          onChange={(event) => {
            setFromText(event.target.value);
            typed(event.target.value, toText);
          }}
        />
      </label>
      <label className="toolbar-field">
        <span className="toolbar-label">Til</span>
        <input
          className={`text-input date-input${error && !error.startsWith('Fra') ? ' text-input-invalid' : ''}`}
          value={toText}
          placeholder="dd.mm.åååå"
          inputMode="numeric"
          onChange={(event) => {
            setToText(event.target.value);
            typed(fromText, event.target.value);
          }}
        />
      </label>
      <button type="submit" className="button">
        Vis
      </button>
      {error && (
        <p className="form-error range-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
