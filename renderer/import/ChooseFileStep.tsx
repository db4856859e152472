/**
 * Step 1 and 2: what the file holds (deltakere or kull), which file (the app's own file dialog), and
 * for a workbook with several sheets, which sheet.
 */
import type { Output } from '../../shared/api';
import type { ImportKind } from '../../shared/mapping';
import { rader } from './words';

export type OpenedFile = Output<'import:open'>;

export function ChooseFileStep(props: {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  file: OpenedFile | null;
  busy: boolean;
  readOnly: boolean;
  onChoose: () => void;
  onNext: () => void;
}) {
  const { kind, onKind, file, busy, readOnly, onChoose, onNext } = props;
  return (
    <>
      <p className="import-intro">
        Hent inn deltakere eller kull fra et regneark (Excel eller CSV). Ingenting lagres før du har sett over radene og
        trykket «Importer».
      </p>
      {readOnly && (
        <div className="alert alert-error" role="alert">
          Registeret er åpnet skrivebeskyttet, så du kan ikke importere nå.
        </div>
      )}
      <fieldset className="import-kind">
        <legend className="form-label">Hva inneholder filen?</legend>
        <label className="import-radio">
          <input
            type="radio"
            name="import-kind"
            value="deltakere"
            checked={kind === 'deltakere'}
            onChange={() => onKind('deltakere')}
          />
          <span>
            <strong>Deltakere</strong>
            <span className="import-muted"> — én rad per deltaker</span>
          </span>
        </label>
        <label className="import-radio">
          <input
            type="radio"
            name="import-kind"
            value="kull"
            checked={kind === 'kull'}
            onChange={() => onKind('kull')}
          />
          <span>
            <strong>Kull</strong>
            <span className="import-muted"> — én rad per kull, med navn og startdato</span>
          </span>
        </label>
        <p className="import-hint">
          Har deltakerfilen en kolonne med kull som ikke finnes i registeret ennå, kan du velge om kullene skal
          opprettes, eller om deltakerne skal importeres uten kull.
        </p>
      </fieldset>
      <div className="import-actions">
        <button type="button" className="button button-primary" disabled={busy || readOnly} onClick={onChoose}>
          {busy ? 'Leser filen …' : file ? 'Velg en annen fil …' : 'Velg fil …'}
        </button>
        {file && (
          <>
            <span className="import-chosen">
              Valgt: <strong>{file.fileName}</strong>
            </span>
            <button type="button" className="button" disabled={busy || readOnly} onClick={onNext}>
              Neste
            </button>
          </>
        )}
      </div>
    </>
  );
}

export function ChooseSheetStep(props: { file: OpenedFile; sheet: string | null; onSheet: (sheet: string) => void }) {
  const { file, sheet, onSheet } = props;
  const hidden = file.sheets.filter((s) => s.hidden).length;
  return (
    <>
      <p className="import-intro">
        <strong>{file.fileName}</strong> har {file.sheets.length} ark. Velg arket med radene du vil importere.
        Overskriftene må stå i første rad.
        {hidden > 0
          ? ` ${hidden === 1 ? 'Ett ark er skjult' : `${hidden} ark er skjult`} i Excel og merket «Skjult ark»: skjulte ark er ofte hjelpetabeller eller gamle data, så de velges ikke for deg.`
          : ''}
      </p>
      <fieldset className="import-sheets">
        <legend className="import-sr-only">Ark</legend>
        {file.sheets.map((s) => (
          <label
            key={s.name}
            className={`import-sheet${s.name === sheet ? ' import-sheet-chosen' : ''}${s.hidden ? ' import-sheet-hidden' : ''}`}
          >
            <input
              type="radio"
              name="import-sheet"
              value={s.name}
              checked={s.name === sheet}
              onChange={() => onSheet(s.name)}
            />
            <span className="import-sheet-name">
              {s.name}
              {s.hidden ? <span className="import-sheet-tag">Skjult ark</span> : null}
            </span>
            <span className="import-muted">{s.rows === 0 ? 'ingen rader' : rader(s.rows)}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
