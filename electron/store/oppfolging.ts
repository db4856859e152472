/**
 * Loading the candidates for «Å følge opp»: deltakere who went to work and still lack a follow-up
 * answer, and active kull deltakere without a midtevaluering. The pure dueItems decides who is due.
 */
import { addMonthsIso, todayIso } from '../../shared/dates';
import { type DueItem, dueItems, dueWindow } from '../../shared/oppfolging/due';
import type { Deltaker } from '../../shared/schema/deltaker';
import type { Kull } from '../../shared/schema/kull';
import type { Register } from './connection';
import { DELTAKER_COLUMNS, fromDb } from './deltakere';
import { prepared } from './statements';

const CANDIDATES = `SELECT id, ${DELTAKER_COLUMNS.join(', ')} FROM deltaker
  WHERE (avslutning = 'PLAN' AND sluttarsak IN ('A', 'AD') AND sluttdato BETWEEN :earliest AND :to
         AND (i_arbeid_etter_6_mnd IS NULL OR i_arbeid_etter_12_mnd IS NULL))
     OR (kull_id IS NOT NULL AND startdato IS NOT NULL AND avslutning IS NULL AND midtevaluering_dato IS NULL)
  ORDER BY id`;

export type DueList = {
  today: string;
  from: string;
  to: string;
  items: DueItem[];
  deltakere: ReadonlyMap<number, Deltaker>;
  kullNames: ReadonlyMap<number, string>;
};

export function loadDueList(reg: Register, today: string = todayIso()): DueList {
  const { from, to } = dueWindow(today);
  // A 12-month follow-up due at the window's start ended a year (and a few days of month ends) before.
  const rows = prepared(reg.db, CANDIDATES).all({ earliest: addMonthsIso(from, -13), to }) as Parameters<
    typeof fromDb
  >[0][];
  const deltakere = rows.map(fromDb);
  const kull = prepared(
    reg.db,
    'SELECT id, navn, startdato, planlagt_sluttdato, kapasitet, merknad FROM kull',
  ).all() as Kull[];
  return {
    today,
    from,
    to,
    items: dueItems(deltakere, kull, today),
    deltakere: new Map(deltakere.map((d) => [d.id, d])),
    kullNames: new Map(kull.map((k) => [k.id, k.navn])),
  };
}
