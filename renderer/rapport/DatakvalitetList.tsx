/**
 * Beside the form: each data-quality rule with how many deltakere break it, and their names (names
 * are shown here, on screen only; the report and its files carry ids). A name opens the row.
 * A rule lists its first PAGE names and more on request (a ten-year report breaks rules 10,000
 * times); only the names listed are asked for (deltaker:names), never every deltaker.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DatakvalitetItem } from '../../shared/report/schema';
import { ROW_RULES, type RuleKey } from '../../shared/rules';
import { invoke } from '../bridge';

/** Names listed per rule at first, and added by «Vis flere». */
export const PAGE = 25;

const count = (n: number) => n.toLocaleString('nb-NO');

/** «…» while the name is on its way; «Deltaker nr. 12» for a deltaker without one (or deleted meanwhile). */
function nameOf(names: ReadonlyMap<number, string>, id: number): string {
  const name = names.get(id);
  return name === undefined ? '…' : name || `Deltaker nr. ${id}`;
}

export function DatakvalitetList(props: {
  items: readonly DatakvalitetItem[] | null;
  /** Which period the list covers, e.g. «Hittil i år (01.01.2026–31.10.2026)». */
  scope: string;
  /** Set while the period typed is not shown (invalid, or not yet shown): the list is left empty. */
  pending?: string | null;
  /** Opens the deltaker's row at the field the rule is about. */
  onOpen: (id: number, rule: RuleKey) => void;
}) {
  const { scope, onOpen } = props;
  const items = props.pending ? null : props.items;
  const byRule = useMemo(() => new Map((items ?? []).map((item) => [item.rule, item])), [items]);
  const people = useMemo(() => new Set((items ?? []).flatMap((item) => item.deltaker_ids)).size, [items]);
  const [shown, setShown] = useState<Readonly<Record<string, number>>>({});
  // Another report: each rule starts again from its first names.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `items` is the signal to start again.
  useEffect(() => setShown({}), [items]);
  const listed = useMemo(
    () => (items ?? []).flatMap((item) => item.deltaker_ids.slice(0, shown[item.rule] ?? PAGE)),
    [items, shown],
  );
  const names = useNames(listed);

  return (
    <aside className="quality" aria-labelledby="quality-title">
      <h2 id="quality-title" className="quality-title">
        Datakvalitet
      </h2>
      {!props.pending && <p className="quality-scope">{scope}</p>}
      {props.pending ? (
        <p className="quality-summary">Ingen liste før perioden er vist.</p>
      ) : items === null ? (
        <p className="quality-summary">Sjekker …</p>
      ) : people === 0 ? (
        <p className="quality-summary quality-ok">✓ Ingen deltakere bryter reglene.</p>
      ) : (
        <p className="quality-summary">
          {people === 1 ? '1 deltaker' : `${count(people)} deltakere`} bør sjekkes. Klikk et navn for å gå til raden i
          Deltakere.
        </p>
      )}
      <ul className="quality-rules" hidden={!!props.pending}>
        {ROW_RULES.map((rule) => {
          const item = byRule.get(rule.key);
          const total = item?.count ?? 0;
          const limit = shown[rule.key] ?? PAGE;
          const ids = item?.deltaker_ids.slice(0, limit) ?? [];
          const rest = (item?.deltaker_ids.length ?? 0) - ids.length;
          return (
            <li
              key={rule.key}
              className={total > 0 ? 'quality-rule quality-rule--broken' : 'quality-rule'}
              data-rule={rule.key}
            >
              <div className="quality-rule-head">
                <span className="quality-rule-title">{rule.title}</span>
                <span className="quality-count">{count(total)}</span>
              </div>
              {ids.length > 0 && (
                <ul className="quality-people">
                  {ids.map((id) => (
                    <li key={id}>
                      <button
                        type="button"
                        className="link-button"
                        data-deltaker-id={id}
                        onClick={() => onOpen(id, rule.key)}
                      >
                        {nameOf(names, id)}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {rest > 0 && (
                <p className="quality-more">
                  <span>
                    Viser {count(ids.length)} av {count(ids.length + rest)}.
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setShown((s) => ({ ...s, [rule.key]: limit + PAGE * 4 }))}
                  >
                    Flere navn ({count(Math.min(rest, PAGE * 4))})
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}

/**
 * The names of the ids listed, asked for as they come into the list. An id missing from the
 * answer (deleted meanwhile) maps to '' and shows as «Deltaker nr. …».
 */
function useNames(ids: readonly number[]): ReadonlyMap<number, string> {
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  // Asked for already (answered or on the way): each id is asked for once.
  const asked = useRef(new Set<number>());
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  useEffect(() => {
    const wanted = [...new Set(ids)].filter((id) => !asked.current.has(id));
    if (wanted.length === 0) return;
    for (const id of wanted) asked.current.add(id);
    void invoke('deltaker:names', { ids: wanted }).then((result) => {
      if (!mounted.current) return;
      if (!result.ok) {
        for (const id of wanted) asked.current.delete(id);
        return;
      }
      setNames((known) => {
        const next = new Map(known);
        for (const id of wanted) next.set(id, '');
        for (const row of result.value) next.set(row.id, row.navn);
        return next;
      });
    });
  }, [ids]);
  return names;
}
