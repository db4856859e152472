/**
 * Step 4 (and the end): what the import will do — rows in, rows with problems (line, field, reason),
 * rows already in the register, new list values — and the first rows as they will be stored, so a
 * date read the wrong way is seen before anything is saved.
 */
import type { Output } from '../../shared/api';
import type { MissingKullChoice } from '../../shared/contract/import';
import { formatDate } from '../../shared/dates';
import type { FieldValue } from '../../shared/fields';
import { fieldsFor, type ImportKind } from '../../shared/mapping';
import { formatFieldValue } from '../grid/format';
import { count, lineList, rader, things } from './words';

export type Preview = Output<'import:preview'>;
type Counts = Pick<
  Preview,
  | 'kind'
  | 'rejectedLines'
  | 'duplicates'
  | 'duplicateLines'
  | 'problems'
  | 'problemsTotal'
  | 'newListValues'
  | 'missingKull'
  | 'missingKullChoice'
>;

const VALUES_SHOWN = 6;

/** «Henvist fra: «NAV Fana», «NAV Ny» og 3 til; Veileder: «Kari»». */
function listValuesText(values: Counts['newListValues']): string {
  const byList = new Map<string, string[]>();
  for (const v of values) byList.set(v.listLabel, [...(byList.get(v.listLabel) ?? []), `«${v.verdi}»`]);
  return [...byList]
    .map(([label, list]) => {
      const more = list.length - VALUES_SHOWN;
      return `${label}: ${list.slice(0, VALUES_SHOWN).join(', ')}${more > 0 ? ` og ${count(more)} til` : ''}`;
    })
    .join('; ');
}

/** «Kull 1, Kull 2 og Kull 3» (at most `max` names, then «og 4 til»). */
export function kullNames(missing: Counts['missingKull'], max = 8): string {
  const names = missing.slice(0, max).map((k) => k.navn);
  const more = missing.length - names.length;
  if (more > 0) return `${names.join(', ')} og ${count(more)} til`;
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

function missingRows(missing: Counts['missingKull']): number {
  return missing.reduce((sum, k) => sum + k.rows, 0);
}

/** The tiles at the top: in, not in, already there, new list values. */
export function ImportCounts(props: { counts: Counts; goingIn: number; done: boolean; createdKull?: string[] }) {
  const { counts, goingIn, done, createdKull = [] } = props;
  const { kind, missingKull, missingKullChoice } = counts;
  // A green tick on «0 deltakere kan importeres» reads as success; nothing going in is said plainly.
  const none = goingIn === 0;
  const missingRefused = missingKull.length > 0 && missingKullChoice === 'refuse';
  return (
    <ul className="import-counts">
      <li className={`import-count ${none ? 'import-count-none' : 'import-count-ok'}`}>
        <span className="import-count-icon" aria-hidden="true">
          {none ? '–' : '✓'}
        </span>
        {done
          ? none
            ? `Ingen ${kind === 'kull' ? 'kull' : 'deltakere'} ble importert.`
            : `${things(kind, goingIn)} ble importert.`
          : none
            ? `Ingen ${kind === 'kull' ? 'kull' : 'deltakere'} kan importeres slik filen og valgene er nå.`
            : `${things(kind, goingIn)} kan importeres.`}
      </li>
      {missingKull.length > 0 && (
        <li className={`import-count ${missingRefused ? 'import-count-warn' : ''}`}>
          <span className="import-count-icon" aria-hidden="true">
            {missingRefused ? '!' : '+'}
          </span>
          <span>
            {count(missingKull.length)} kull finnes ikke i registeret: {kullNames(missingKull)} (
            {rader(missingRows(missingKull))}).{' '}
            {missingKullChoice === 'create' &&
              (done ? `Opprettet ${count(createdKull.length)} kull.` : 'Kullene opprettes først.')}
            {missingKullChoice === 'without' && (done ? 'Importert uten kull.' : 'Radene importeres uten kull.')}
            {missingKullChoice === 'refuse' && (done ? 'Radene ble ikke importert.' : 'Velg under hva som skal skje.')}
          </span>
        </li>
      )}
      {counts.problemsTotal > 0 && (
        <li className="import-count import-count-error">
          <span className="import-count-icon" aria-hidden="true">
            ✕
          </span>
          {rader(problemLines(counts.problems))}{' '}
          {done ? 'hadde feil og ble ikke importert' : 'har feil og blir ikke importert'}. Se listen under.
        </li>
      )}
      {counts.duplicates > 0 && (
        <li className="import-count">
          <span className="import-count-icon" aria-hidden="true">
            ↺
          </span>
          {rader(counts.duplicates)} finnes fra før og {done ? 'ble hoppet over' : 'hoppes over'} (linje{' '}
          {lineList(counts.duplicateLines)}).
        </li>
      )}
      {counts.newListValues.length > 0 && (
        <li className="import-count">
          <span className="import-count-icon" aria-hidden="true">
            +
          </span>
          {done ? 'Lagt til i listene: ' : 'Nye verdier i listene: '}
          {listValuesText(counts.newListValues)}.
        </li>
      )}
    </ul>
  );
}

function problemLines(problems: Counts['problems']): number {
  return new Set(problems.map((p) => p.line)).size;
}

/**
 * What to do with the rows whose kull the register lacks: the leder decides (a deltaker file is
 * often imported before its kull). Creating takes the earliest startdato of the kull's rows.
 */
export function MissingKullChoiceField(props: {
  missing: Counts['missingKull'];
  choice: MissingKullChoice;
  disabled: boolean;
  onChoice: (choice: MissingKullChoice) => void;
}) {
  const { missing, choice, disabled, onChoice } = props;
  if (missing.length === 0) return null;
  const option = (value: MissingKullChoice, title: string, hint: string) => (
    <label className="import-radio">
      <input
        type="radio"
        name="import-missing-kull"
        value={value}
        checked={choice === value}
        disabled={disabled}
        onChange={() => onChoice(value)}
      />
      <span>
        <strong>{title}</strong>
        <span className="import-muted"> — {hint}</span>
      </span>
    </label>
  );
  const shown = missing.slice(0, 8).map((k) => `${k.navn} (${formatDate(k.startdato)})`);
  const dates = missing.length > 8 ? `${shown.join(', ')} og ${count(missing.length - 8)} til` : shown.join(', ');
  return (
    <div className="import-missing-kull">
      <fieldset className="import-kind">
        <legend className="form-label">
          {count(missing.length)} kull i filen finnes ikke i registeret. Hva vil du gjøre med{' '}
          {rader(missingRows(missing))}?
        </legend>
        {option(
          'create',
          `Opprett ${missing.length === 1 ? 'kullet' : `de ${count(missing.length)} kullene`}`,
          `med startdato fra den tidligste startdatoen i filen: ${dates}. Du kan endre dem under Kull.`,
        )}
        {option('without', 'Importer deltakerne uten kull', 'kullet kan settes senere under Deltakere.')}
        {option(
          'refuse',
          'Ikke importer disse radene',
          'opprett kullene under Kull (eller importer kullfilen) først, og importer så denne filen på nytt.',
        )}
      </fieldset>
    </div>
  );
}

type ProblemGroup = { lines: number[]; fieldLabel: string; value: string; message: string };

/** The same reason on the same field with the same value is one row, with its lines. */
function groupProblems(problems: Counts['problems']): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = `${p.field}\u0000${p.value}\u0000${p.message}`;
    const group = groups.get(key);
    if (group) group.lines.push(p.line);
    else groups.set(key, { lines: [p.line], fieldLabel: p.fieldLabel, value: p.value, message: p.message });
  }
  return [...groups.values()];
}

export function ProblemTable(props: { counts: Counts }) {
  const { problems, problemsTotal } = props.counts;
  if (problems.length === 0) return null;
  const groups = groupProblems(problems);
  return (
    <section className="import-section" aria-labelledby="import-problems-title">
      <h2 id="import-problems-title" className="import-section-title">
        Rader med feil
      </h2>
      <p className="import-hint">
        Rett radene i filen og importer den på nytt. Rader som alt er importert, blir da hoppet over.
        {problemsTotal > problems.length
          ? ` Viser de første ${count(problems.length)} av ${count(problemsTotal)}.`
          : ''}
      </p>
      <div className="import-scroll">
        <table className="import-table import-problems">
          <thead>
            <tr>
              <th scope="col" className="import-num">
                Linje
              </th>
              <th scope="col">Felt</th>
              <th scope="col">Verdi i filen</th>
              <th scope="col">Hva er galt</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((p) => (
              <tr key={`${p.lines[0]}-${p.fieldLabel}-${p.message}`}>
                <td className="import-num">{lineList(p.lines, 6)}</td>
                <td>{p.fieldLabel}</td>
                <td className="import-value">{p.value === '' ? '(tom)' : p.value}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function SampleTable(props: {
  kind: ImportKind;
  mapping: readonly (string | null)[];
  sample: Preview['sample'];
  kullName: (id: number) => string;
}) {
  const { kind, mapping, sample, kullName } = props;
  if (sample.length === 0) return null;
  const defs = fieldsFor(kind).filter((f) => mapping.includes(f.key));
  return (
    <section className="import-section" aria-labelledby="import-sample-title">
      <h2 id="import-sample-title" className="import-section-title">
        Slik blir de første radene lagret
      </h2>
      <div className="import-scroll import-scroll-wide">
        <table className="import-table import-sample">
          <thead>
            <tr>
              <th scope="col" className="import-num">
                Linje
              </th>
              {defs.map((f) => (
                <th key={f.key} scope="col">
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((row) => (
              <tr key={row.line}>
                <td className="import-num">{row.line}</td>
                {defs.map((f) => (
                  <td key={f.key}>
                    {f.key === 'kull_id' && row.newKull !== undefined
                      ? `${row.newKull} (nytt)`
                      : formatFieldValue(f, row.fields[f.key] as FieldValue | undefined, kullName)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
