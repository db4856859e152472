import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/api/handlers';
import { dueItems, halfWayDate } from '../../../shared/oppfolging/due';
import type { Deltaker } from '../../../shared/schema/deltaker';
import type { Kull } from '../../../shared/schema/kull';
import { anyRegister } from '../helpers/generate';
import { expectOk } from '../helpers/messages';
import { tempRegister } from '../helpers/register';
import { aCompleted, aDeltaker, aKull } from '../report/builders';

const TODAY = '2026-12-02';
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const day = (offset: number) => iso(addDays(parseISO(TODAY), offset));
/** The exit whose 6-month follow-up falls `offset` days from today. */
const exitFor = (offset: number, months = 6) => iso(addMonths(parseISO(day(offset)), -months));

describe('the 6- and 12-month follow-ups that are due', () => {
  it('lists those due from 30 days ago to 14 days ahead, not answered', () => {
    const list = [
      aCompleted(exitFor(-30), { id: 1 }),
      aCompleted(exitFor(-31), { id: 2 }),
      aCompleted(exitFor(14), { id: 3 }),
      aCompleted(exitFor(15), { id: 4 }),
      aCompleted(exitFor(0), { id: 5, i_arbeid_etter_6_mnd: 'ukjent' }),
      aCompleted(exitFor(0), { id: 6, sluttarsak: 'UT' }),
      aCompleted(exitFor(3, 12), { id: 7, sluttarsak: 'AD' }),
    ];
    const items = dueItems(list, [], TODAY);
    expect(items.map((i) => [i.kind, i.deltaker_id, i.days_left])).toEqual([
      ['seks', 1, -30],
      ['seks', 3, 14],
      ['tolv', 7, 3],
    ]);
    expect(items[0]).toMatchObject({ field: 'i_arbeid_etter_6_mnd', due: day(-30) });
  });
});

describe('midtevaluering', () => {
  const kull = aKull({ id: 5, startdato: '2026-09-01', planlagt_sluttdato: '2026-12-01' }); // 91 days → half 45

  it('puts the half-way at startdato + half the kull’s planned length', () => {
    expect(halfWayDate('2026-09-01', kull)).toBe('2026-10-16');
    expect(halfWayDate('2026-10-20', kull)).toBe('2026-12-04');
    expect(halfWayDate('2026-10-20', { ...kull, planlagt_sluttdato: null })).toBeNull();
  });

  it('lists active kull deltakere whose half-way is in the window and who have no midtevaluering', () => {
    const list = [
      aDeltaker({ id: 1, kull_id: 5, startdato: '2026-10-20' }), // half-way 04.12: in 2 days
      aDeltaker({ id: 2, kull_id: 5, startdato: '2026-10-20', midtevaluering_dato: '2026-11-30' }),
      aDeltaker({ id: 3, kull_id: 5, startdato: '2026-10-20', sluttdato: '2026-11-01', avslutning: 'DROP' }),
      aDeltaker({ id: 4, kull_id: null, startdato: '2026-10-20' }),
      aDeltaker({ id: 5, kull_id: 5, startdato: '2026-08-01' }), // half-way 15.09: too long ago
    ];
    expect(dueItems(list, [kull], TODAY).map((i) => [i.kind, i.deltaker_id, i.due])).toEqual([
      ['midtevaluering', 1, '2026-12-04'],
    ]);
  });
});

/** The due list counted naively, with date-fns, over every deltaker. */
function naiveDue(deltakere: readonly Deltaker[], kull: readonly Kull[], today: string) {
  const inWindow = (due: string) => {
    const days = differenceInCalendarDays(parseISO(due), parseISO(today));
    return days >= -30 && days <= 14;
  };
  const lines: string[] = [];
  for (const d of deltakere) {
    const toWork = d.avslutning === 'PLAN' && (d.sluttarsak === 'A' || d.sluttarsak === 'AD') && d.sluttdato;
    for (const [kind, months, answer] of [
      ['seks', 6, d.i_arbeid_etter_6_mnd],
      ['tolv', 12, d.i_arbeid_etter_12_mnd],
    ] as const) {
      if (!toWork || answer !== null) continue;
      const due = iso(addMonths(parseISO(d.sluttdato as string), months));
      if (inWindow(due)) lines.push(`${kind} ${d.id} ${due}`);
    }
    const k = kull.find((x) => x.id === d.kull_id);
    if (k?.planlagt_sluttdato && d.startdato && d.avslutning === null && d.midtevaluering_dato === null) {
      const length = differenceInCalendarDays(parseISO(k.planlagt_sluttdato), parseISO(k.startdato));
      if (length > 0) {
        const due = iso(addDays(parseISO(d.startdato), Math.floor(length / 2)));
        if (inWindow(due)) lines.push(`midtevaluering ${d.id} ${due}`);
      }
    }
  }
  return lines.sort();
}

describe('oppfolging:list over a real register', () => {
  it('equals a naive count over every deltaker, whatever the register holds', () => {
    let listed = 0;
    fc.assert(
      fc.property(anyRegister({ maxDeltakere: 40 }), fc.integer({ min: -60, max: 14 }), (generated, offset) => {
        // "Today" near a follow-up that is surely due, so the window is never empty.
        const today = iso(addDays(parseISO(TODAY), offset * 37));
        const due = aCompleted(iso(addMonths(addDays(parseISO(today), offset % 15), -6)), { id: 999 });
        generated.deltakere.push(due);
        const { reg } = tempRegister();
        const kullIds = new Map<number, number>();
        for (const k of generated.kull) {
          const { id: _id, ...fields } = k;
          kullIds.set(k.id, expectOk(invoke(reg, 'kull:create', fields)).id);
        }
        const stored: Deltaker[] = [];
        for (const d of generated.deltakere) {
          const { id: _id, ...fields } = d;
          const kull_id = d.kull_id === null ? null : (kullIds.get(d.kull_id) ?? null);
          stored.push(expectOk(invoke(reg, 'deltaker:create', { ...fields, kull_id })).deltaker);
        }
        const kull = expectOk(invoke(reg, 'kull:list', {}));
        const answer = expectOk(invoke(reg, 'oppfolging:list', { today }));
        expect(answer.lines.map((l) => `${l.kind} ${l.deltaker_id} ${l.due}`).sort()).toEqual(
          naiveDue(stored, kull, today),
        );
        expect(answer.counts.seks + answer.counts.tolv + answer.counts.midtevaluering).toBe(answer.lines.length);
        listed += answer.lines.length;
        reg.close();
      }),
      { numRuns: 30 },
    );
    expect(listed).toBeGreaterThan(0);
  });

  it('answers through deltaker:update: in the endringslogg and undone by the grid’s Ctrl+Z', () => {
    const { reg } = tempRegister();
    const d = expectOk(
      invoke(reg, 'deltaker:create', { ...aCompleted(exitFor(-2)), navn: 'Ola Oppfølging', id: undefined }),
    ).deltaker;
    const before = expectOk(invoke(reg, 'oppfolging:list', { today: TODAY }));
    expect(before.lines).toMatchObject([{ kind: 'seks', deltaker_id: d.id, navn: 'Ola Oppfølging', days_left: -2 }]);
    expect(before.counts).toEqual({ seks: 1, tolv: 0, midtevaluering: 0 });

    expectOk(invoke(reg, 'deltaker:update', { id: d.id, changes: { i_arbeid_etter_6_mnd: 'ja' } }));
    expect(expectOk(invoke(reg, 'oppfolging:list', { today: TODAY })).lines).toEqual([]);
    const log = expectOk(invoke(reg, 'history:list', { table: 'deltaker', id: d.id }));
    expect(log.at(-1)).toMatchObject({ felt: 'i_arbeid_etter_6_mnd', gammel: null, ny: 'ja' });

    expect(expectOk(invoke(reg, 'grid:undo', { table: 'deltaker' }))).toMatchObject({
      done: true,
      label: 'Endre i arbeid etter 6 mnd',
    });
    expect(expectOk(invoke(reg, 'oppfolging:list', { today: TODAY })).lines).toHaveLength(1);
  });
});
