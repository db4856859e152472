/**
 * The samlerapport's proof (samlerapport.md, last line): for any split of deltakere into tiltak
 * registers, the merged total equals the report of one register holding them all — every count row,
 * every percentage, every summed section, ventetid's mean and median included. The files go through
 * their real life on the way: built, written as text, read back and checked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReportDetail } from '../../../shared/report/engine';
import { foldLabel, mergeSamlerapport } from '../../../shared/report/samle/merge';
import type { CountItem } from '../../../shared/report/schema';
import { type Generated, generated, HITTIL, inputsFor, MONTH } from './generate';

/** A list section as label → count, labels folded the way the merge folds them (the engine keeps unlisted spellings apart). */
function folded(items: readonly CountItem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const key = item.key === '' ? '' : foldLabel(item.key);
    out[key] = (out[key] ?? 0) + item.count;
  }
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n > 0));
}

function expectTotalEqualsOneRegister(g: Generated, period: { from: string; to: string }): void {
  const merged = mergeSamlerapport(inputsFor(g), period);
  expect(merged.refused).toEqual([]);
  expect(merged.tiltak.map((t) => t.tiltak)).toEqual(g.tiltak);
  const { report: one, ventetid: waits } = buildReportDetail({ ...period, deltakere: g.deltakere, kull: g.kull });

  // Every row: counts in all four columns, and the percentage recomputed from the sums.
  expect(merged.total.rows).toEqual(one.rows);
  const s = merged.total.sections;
  expect(s.kjonn_alder).toEqual(one.sections.kjonn_alder);
  expect(s.varighet).toEqual(one.sections.varighet);
  expect(folded(s.henvist_fra)).toEqual(folded(one.sections.henvist_fra));
  expect(folded(s.dropout_arsak)).toEqual(folded(one.sections.dropout_arsak));
  expect(s.ventetid).toEqual({ ...one.sections.ventetid, ...waits });
  expect(s.kull.total).toEqual(one.sections.kull.total);
  const lines = s.kull.lines.map(({ tiltak: _t, ...line }) => line).sort((a, b) => a.kull_id - b.kull_id);
  expect(lines).toEqual([...one.sections.kull.lines].sort((a, b) => a.kull_id - b.kull_id));
  expect(merged.total.datakvalitet).toEqual(one.datakvalitet.map(({ rule, count }) => ({ rule, count })));
}

describe('samlerapport total = one register holding every tiltak', () => {
  it('for the month', () => {
    fc.assert(
      fc.property(generated, (g) => expectTotalEqualsOneRegister(g, MONTH)),
      { numRuns: 150 },
    );
  });

  it('for hittil i år', () => {
    fc.assert(
      fc.property(generated, (g) => expectTotalEqualsOneRegister(g, HITTIL)),
      { numRuns: 150 },
    );
  });

  it('each tiltak block is that tiltak own report, as sent', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const merged = mergeSamlerapport(inputsFor(g), MONTH);
        g.tiltak.forEach((_, i) => {
          const own = buildReportDetail({
            ...MONTH,
            deltakere: g.deltakere.filter((d) => g.tiltakOf(d) === i),
            kull: g.kull.filter((k) => g.kullTiltak.get(k.id) === i),
          }).report;
          expect(merged.tiltak[i]?.rows).toEqual(own.rows);
        });
      }),
      { numRuns: 50 },
    );
  });
});
