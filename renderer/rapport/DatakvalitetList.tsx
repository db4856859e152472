/**
 * Beside the form: each data-quality rule with how many deltakere break it, and their names (names
 * are shown here, on screen only; the report and its files carry ids). A name opens the row.
 */
import type { DatakvalitetItem } from '../../shared/report/schema';
import { ROW_RULES } from '../../shared/rules';

export function DatakvalitetList(props: {
  items: readonly DatakvalitetItem[] | null;
  names: ReadonlyMap<number, string>;
  /** Which period the list covers, e.g. «Hittil i år (01.01.2026–31.10.2026)». */
  scope: string;
  onOpen: (id: number) => void;
}) {
  const { items, names, scope, onOpen } = props;
  const byRule = new Map((items ?? []).map((item) => [item.rule, item]));
  const people = new Set((items ?? []).flatMap((item) => item.deltaker_ids));

  return (
    <aside className="quality" aria-labelledby="quality-title">
      <h2 id="quality-title" className="quality-title">
        Datakvalitet
      </h2>
      <p className="quality-scope">{scope}</p>
      {items === null ? (
        <p className="quality-summary">Sjekker …</p>
      ) : people.size === 0 ? (
        <p className="quality-summary quality-ok">✓ Ingen deltakere bryter reglene.</p>
      ) : (
        <p className="quality-summary">
          {people.size === 1 ? '1 deltaker' : `${people.size} deltakere`} bør sjekkes. Klikk et navn for å gå til raden
          i Deltakere.
        </p>
      )}
      <ul className="quality-rules">
        {ROW_RULES.map((rule) => {
          const item = byRule.get(rule.key);
          const count = item?.count ?? 0;
          return (
            <li
              key={rule.key}
              className={count > 0 ? 'quality-rule quality-rule--broken' : 'quality-rule'}
              data-rule={rule.key}
            >
              <div className="quality-rule-head">
                <span className="quality-rule-title">{rule.title}</span>
                <span className="quality-count">{count}</span>
              </div>
              {item && count > 0 && (
                <ul className="quality-people">
                  {item.deltaker_ids.map((id) => (
                    <li key={id}>
                      <button type="button" className="link-button" data-deltaker-id={id} onClick={() => onOpen(id)}>
                        {names.get(id) || `Deltaker nr. ${id}`}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
