/**
 * Step 3: each column of the file and the field it fills, as matched by name, label or synonym
 * (shared/fields.ts); the user changes any of them or chooses «Ikke importer». The same checks as
 * the Node side (shared/mapping.ts) run as they choose, so «Neste» is only offered when it will work.
 */
import type { Output } from '../../shared/api';
import { fieldLabel, fieldsFor, type ImportKind, mappingProblems, requiredFields } from '../../shared/mapping';
import { count, rader } from './words';

export type Columns = Output<'import:columns'>;

const LEAVE_OUT = '';

function columnName(columns: Columns, index: number): string {
  const header = columns.headers[index]?.trim();
  return header ? header : `Kolonne ${index + 1} (uten overskrift)`;
}

export function MappingStep(props: {
  kind: ImportKind;
  fileName: string;
  columns: Columns;
  mapping: readonly (string | null)[];
  onChange: (index: number, field: string | null) => void;
}) {
  const { kind, fileName, columns, mapping, onChange } = props;
  const fields = fieldsFor(kind);
  const required = new Set(requiredFields(kind));
  const used = mapping.filter((m) => m !== null).length;
  const problems = mappingProblems(kind, mapping);
  const usedBy = (key: string, except: number) => {
    const index = mapping.findIndex((m, i) => m === key && i !== except);
    return index === -1 ? null : columnName(columns, index);
  };
  const noteFor = (index: number) => columns.notes.find((n) => n.column === index && mapping[index] === null);

  return (
    <>
      <p className="import-intro">
        <strong>{fileName}</strong>
        {columns.sheet ? ` · arket «${columns.sheet}»` : ''} · {rader(columns.rows)}. Kullregister har koblet kolonnene
        til feltene der navnene passer. Se over, og endre der det trengs. {count(used)} av{' '}
        {count(columns.headers.length)} kolonner blir importert.
      </p>
      <table className="import-table import-mapping">
        <thead>
          <tr>
            <th scope="col">Kolonne i filen</th>
            <th scope="col">Eksempler fra filen</th>
            <th scope="col">Felt i Kullregister</th>
          </tr>
        </thead>
        <tbody>
          {columns.headers.map((_, index) => {
            const value = mapping[index] ?? null;
            const note = noteFor(index);
            const name = columnName(columns, index);
            const selectId = `import-felt-${index}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file.
              <tr key={index} className={value === null ? 'import-left-out' : undefined}>
                <th scope="row">
                  <label htmlFor={selectId}>{name}</label>
                </th>
                <td className="import-samples">{columns.samples[index]?.join(' · ') || '(tom)'}</td>
                <td>
                  <select
                    id={selectId}
                    className="select import-field-select"
                    value={value ?? LEAVE_OUT}
                    onChange={(event) => onChange(index, event.target.value === LEAVE_OUT ? null : event.target.value)}
                  >
                    <option value={LEAVE_OUT}>Ikke importer</option>
                    {fields.map((f) => {
                      const other = usedBy(f.key, index);
                      return (
                        <option key={f.key} value={f.key}>
                          {f.label}
                          {required.has(f.key) ? ' (må være med)' : ''}
                          {other ? ` – brukt av «${other}»` : ''}
                        </option>
                      );
                    })}
                  </select>
                  {note && (
                    <div className="import-note">
                      {note.reason === 'unknown'
                        ? `Ingen felt heter «${note.header}». Velg et felt, eller la kolonnen stå som «Ikke importer».`
                        : `Passer også til ${fieldLabel(kind, note.field ?? '')}, som er valgt for en annen kolonne. Velg et annet felt, eller la den stå som «Ikke importer».`}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > 0 && (
        <div className="alert alert-error import-problems-box" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
