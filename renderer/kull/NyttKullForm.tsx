/**
 * The row above the kull grid where a new kull gets its name and start date (the two things the
 * store needs). Enter creates, Esc closes. Planlagt slutt left blank follows the register's kull
 * length (the store fills it in).
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Input } from '../../shared/api';
import { kullField, parseFieldInput } from '../../shared/fields';
import type { KullRow } from '../../shared/schema/kull';
import { invoke } from '../bridge';
import { makeParseContext } from '../grid/parseContext';

type Key = 'navn' | 'startdato' | 'planlagt_sluttdato' | 'kapasitet';
const FIELDS: readonly { key: Key; label: string; placeholder: string; width: string }[] = [
  { key: 'navn', label: 'Navn', placeholder: 'f.eks. Kull 14 eller Vår 2026', width: '16rem' },
  { key: 'startdato', label: 'Startdato', placeholder: 'dd.mm.åååå', width: '9rem' },
  { key: 'planlagt_sluttdato', label: 'Planlagt slutt', placeholder: 'automatisk', width: '10rem' },
  { key: 'kapasitet', label: 'Kapasitet', placeholder: 'plasser', width: '6rem' },
];

export function NyttKullForm(props: {
  existing: readonly KullRow[];
  onCreated: (row: KullRow) => void;
  onClose: () => void;
}) {
  const { existing, onCreated, onClose } = props;
  const [values, setValues] = useState<Record<Key, string>>({
    navn: '',
    startdato: '',
    planlagt_sluttdato: '',
    kapasitet: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Key | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [lengthMonths, setLengthMonths] = useState<number | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    void invoke('settings:get', {}).then((result) => {
      if (result.ok) setLengthMonths(result.value.kull_lengde_mnd);
    });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const ctx = makeParseContext([], null);
    const found: Partial<Record<Key, string>> = {};
    const input: Record<string, unknown> = {};
    for (const { key } of FIELDS) {
      const parsed = parseFieldInput(kullField(key)!, values[key], ctx);
      if (!parsed.ok) found[key] = parsed.message;
      else if (parsed.value !== null) input[key] = parsed.value;
    }
    if (!found.navn && values.navn.trim() === '') found.navn = 'Navn kan ikke være tomt.';
    const navn = values.navn.trim().toLocaleLowerCase('nb');
    if (!found.navn && existing.some((k) => k.navn.trim().toLocaleLowerCase('nb') === navn)) {
      found.navn = `Det finnes allerede et kull som heter «${values.navn.trim()}». Velg et annet navn.`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await invoke('kull:create', input as Input<'kull:create'>);
    setBusy(false);
    if (!result.ok) {
      const field = FIELDS.find((f) => f.key === result.error.field)?.key;
      setErrors(field ? { [field]: result.error.message } : { form: result.error.message });
      return;
    }
    onCreated(result.value);
  };

  return (
    <form
      className="inline-form"
      aria-label="Nytt kull"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="inline-form-title">Nytt kull</div>
      <div className="inline-form-fields">
        {FIELDS.map((f, index) => {
          const error = errors[f.key];
          const placeholder =
            f.key === 'planlagt_sluttdato' && lengthMonths !== null ? `start + ${lengthMonths} mnd` : f.placeholder;
          return (
            <div key={f.key} className="field" style={{ width: f.width }}>
              <label className="form-label" htmlFor={`nytt-kull-${f.key}`}>
                {f.label}
              </label>
              <input
                ref={index === 0 ? first : undefined}
                id={`nytt-kull-${f.key}`}
                name={f.key}
                className={`text-input${error ? ' text-input-invalid' : ''}`}
                value={values[f.key]}
                placeholder={placeholder}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `nytt-kull-${f.key}-feil` : undefined}
                onChange={(event) => setValues((v) => ({ ...v, [f.key]: event.target.value }))}
              />
            </div>
          );
        })}
        <div className="inline-form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Opprett kull
          </button>
          <button type="button" className="button" onClick={onClose}>
            Avbryt
          </button>
        </div>
      </div>
      {/* Under the row, each a full line with its field's name: under a narrow field a message
          wrapped into a five-line column (issue 16, item 14). */}
      {FIELDS.some((f) => errors[f.key]) && (
        <ul className="inline-form-errors">
          {FIELDS.filter((f) => errors[f.key]).map((f) => (
            <li key={f.key} id={`nytt-kull-${f.key}-feil`} className="form-error">
              <strong>{f.label}:</strong> {errors[f.key]}
            </li>
          ))}
        </ul>
      )}
      {errors.form && (
        <div className="form-error" role="alert">
          {errors.form}
        </div>
      )}
      <div className="inline-form-hint">
        Enter oppretter kullet, Esc lukker. Står planlagt slutt tom, settes den til startdato + {lengthMonths ?? 3}{' '}
        måneder.
      </div>
    </form>
  );
}
