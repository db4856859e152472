/**
 * Step 4 (and the end): what the import will do — rows in, rows with problems (line, field, reason),
 * rows already in the register, new list values — and the first rows as they will be stored, so a
 * date read the wrong way is seen before anything is saved.
 */
import type { Output } from '../../shared/api';
import type { FieldValue } from '../../shared/fields';
import { fieldsFor, type ImportKind } from '../../shared/mapping';
import { formatFieldValue } from '../grid/format';
import { count, lineList, rader, things } from './words';

export type Preview = Output<'import:preview'>;
type Counts = Pick<
  Preview,
  'kind' | 'rejectedLines' | 'duplicates' | 'duplicateLines' | 'problems' | 'problemsTotal' | 'newListValues'
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

/** The tiles at the top: in, not in, already there, new list values. */
export function ImportCounts(props: { counts: Counts; goingIn: number; done: boolean }) {
  const { counts, goingIn, done } = props;
  const { kind } = counts;
  return (
    <ul className="import-counts">
      <li className="import-count import-count-ok">
        <span className="import-count-icon" aria-hidden="true">
          ✓
        </span>
        {done ? `${things(kind, goingIn)} ble importert.` : `${things(kind, goingIn)} kan importeres.`}
      </li>
      {counts.rejectedLines > 0 && (
        <li className="import-count import-count-error">
          <span className="import-count-icon" aria-hidden="true">
            ✕
          </span>
          {rader(counts.rejectedLines)} {done ? 'hadde feil og ble ikke importert' : 'har feil og blir ikke importert'}.
          Se listen under.
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

export function ProblemTable(props: { counts: Counts }) {
  const { problems, problemsTotal } = props.counts;
  if (problems.length === 0) return null;
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
            {problems.map((p) => (
              <tr key={`${p.line}-${p.field}`}>
                <td className="import-num">{p.line}</td>
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
                  <td key={f.key}>{formatFieldValue(f, row.fields[f.key] as FieldValue | undefined, kullName)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
