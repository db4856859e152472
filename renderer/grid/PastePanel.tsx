/**
 * What a paste could not store, listed under the grid until the user closes it: the line of the
 * pasted block, the row's name, the column, the pasted text and why. A click on a line goes to
 * the cell (where the refused text waits, red, to be fixed). Here the user also chooses what the
 * next paste does when some cells are wrong: store the rest (the default) or nothing at all.
 */
import type { PasteMode } from '../../shared/contract/grid';

export type PasteProblem = {
  line: number;
  name: string;
  column: string;
  text: string;
  message: string;
  /** Where the cell is in the grid now; null when its row was not added. */
  rowId: string | null;
  colId: string;
};

export type PasteReport = {
  applied: boolean;
  /** Cells that got a new value, and rows the paste added. */
  cellsChanged: number;
  rowsAdded: number;
  problems: PasteProblem[];
};

const SHOWN = 200;

export function PastePanel(props: {
  report: PasteReport;
  mode: PasteMode;
  onModeChange: (mode: PasteMode) => void;
  onGoTo: (problem: PasteProblem) => void;
  onPasteValid: (() => void) | null;
  onClose: () => void;
}) {
  const { report, mode, onModeChange, onGoTo, onPasteValid, onClose } = props;
  const count = report.problems.length;
  const celler = count === 1 ? '1 celle' : `${count} celler`;
  return (
    <section
      className={`paste-panel${report.applied ? '' : ' paste-panel-nothing'}`}
      aria-labelledby="paste-panel-title"
    >
      <header className="paste-panel-head">
        <h2 id="paste-panel-title" className="paste-panel-title">
          {report.applied ? `${celler} ble ikke limt inn` : 'Ingenting ble limt inn'}
        </h2>
        <p className="paste-panel-summary">
          {report.applied
            ? `${summary(report)} Den innlimte teksten står igjen i de røde cellene, så du kan rette den der.`
            : `«Alt eller ingenting» er valgt, og ${celler} kan ikke lagres. Rett dem i regnearket og lim inn på nytt, eller lim inn bare de gyldige cellene.`}
        </p>
        <button type="button" className="alert-close" aria-label="Lukk listen" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="paste-panel-table-wrap">
        <table className="paste-panel-table">
          <colgroup>
            <col className="paste-col-line" />
            <col className="paste-col-name" />
            <col className="paste-col-column" />
            <col className="paste-col-text" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Linje</th>
              <th scope="col">Navn</th>
              <th scope="col">Kolonne</th>
              <th scope="col">Innlimt</th>
              <th scope="col">Hvorfor</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.slice(0, SHOWN).map((p) => (
              <tr
                key={`${p.line}/${p.colId}`}
                className={p.rowId ? 'paste-problem paste-problem-link' : 'paste-problem'}
                onClick={p.rowId ? () => onGoTo(p) : undefined}
                title={p.rowId ? 'Gå til cellen' : undefined}
              >
                <td className="cell-numeric">{p.line}</td>
                <td>{p.name || '(uten navn)'}</td>
                <td>{p.column}</td>
                <td className="paste-problem-text">{p.text === '' ? <em>tom</em> : p.text}</td>
                <td>{p.message}</td>
              </tr>
            ))}
            {count > SHOWN && (
              <tr>
                <td colSpan={5}>… og {count - SHOWN} til.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <footer className="paste-panel-foot">
        <fieldset className="paste-mode">
          <legend>Når noen celler er feil:</legend>
          <label>
            <input
              type="radio"
              name="paste-mode"
              checked={mode === 'gyldige'}
              onChange={() => onModeChange('gyldige')}
            />{' '}
            lim inn resten
          </label>
          <label>
            <input
              type="radio"
              name="paste-mode"
              checked={mode === 'alt-eller-ingenting'}
              onChange={() => onModeChange('alt-eller-ingenting')}
            />{' '}
            alt eller ingenting
          </label>
        </fieldset>
        <div className="paste-panel-actions">
          {onPasteValid && (
            <button type="button" className="button button-primary" onClick={onPasteValid}>
              Lim inn de gyldige cellene
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Lukk
          </button>
        </div>
      </footer>
    </section>
  );
}

function summary(report: PasteReport): string {
  const cells = report.cellsChanged === 1 ? '1 celle er lagret' : `${report.cellsChanged} celler er lagret`;
  const rows = report.rowsAdded === 1 ? '1 ny rad er lagt til' : `${report.rowsAdded} nye rader er lagt til`;
  return report.rowsAdded > 0 ? `${cells}, og ${rows}.` : `${cells}.`;
}
