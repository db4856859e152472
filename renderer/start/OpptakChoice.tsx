/**
 * How the tiltak takes deltakere in: in kull (Sykkelvert: a kull of three months) or continuously
 * (Mat & prat). Used on the start screen and in Innstillinger.
 */
import type { Settings } from '../../shared/schema/settings';

type Opptak = Settings['opptak'];

export const OPPTAK_CHOICES: readonly { value: Opptak; title: string; text: string }[] = [
  {
    value: 'kull',
    title: 'Med kull',
    text: 'Deltakerne begynner sammen i kull med fast start, som i Sykkelvert.',
  },
  {
    value: 'lopende',
    title: 'Løpende opptak',
    text: 'Deltakerne begynner når de er henvist og klare, som i Mat & prat.',
  },
];

export function OpptakChoice(props: {
  value: Opptak | null;
  error?: string | undefined;
  onChange: (value: Opptak) => void;
}) {
  const { value, error, onChange } = props;
  return (
    <fieldset className="opptak" aria-describedby={error ? 'opptak-feil' : undefined}>
      <legend className="form-label">Hvordan tar dere inn deltakere?</legend>
      <div className="opptak-options">
        {OPPTAK_CHOICES.map((choice) => (
          <label key={choice.value} className={`opptak-option${value === choice.value ? ' opptak-selected' : ''}`}>
            <input
              type="radio"
              name="opptak"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>
              <span className="opptak-title">{choice.title}</span>
              <span className="opptak-text">{choice.text}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <span id="opptak-feil" className="form-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
