/**
 * The report's channels: the numbers (JSON), the HTML the screen shows and the printer prints, and
 * saving it as a file. Every channel only reads the register, so a read-only register can report.
 */
import { z } from 'zod';
import { lastDayOfMonth } from '../dates';
import { report } from '../report/schema';
import { isoDate } from '../schema/common';
import type { ChannelTable } from './channel';

const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'Fra-datoen kan ikke være etter til-datoen.', path: ['to'] });

const month = z.object({
  year: z
    .number()
    .int()
    .min(1900, { error: 'Velg et år fra 1900.' })
    .max(2100, { error: 'Velg et år til og med 2100.' }),
  month: z.number().int().min(1, { error: 'Velg en måned (1–12).' }).max(12, { error: 'Velg en måned (1–12).' }),
});

export const EXPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A month shown as a report view: from the 1st to the month's last day. */
function isWholeMonth(from: string, to: string): boolean {
  return from.endsWith('-01') && to === lastDayOfMonth(Number(from.slice(0, 4)), Number(from.slice(5, 7)));
}

/**
 * A period, or with `monthly` a calendar month shown as «Måneden» beside «Hittil i år» (1 January to
 * the month's last day): then from–to must be that whole month.
 */
const viewFields = { from: isoDate, to: isoDate, monthly: z.boolean().optional() };
const checkedView = <T extends z.ZodType<{ from: string; to: string; monthly?: boolean | undefined }>>(schema: T) =>
  schema
    .refine((p) => p.from <= p.to, { message: 'Fra-datoen kan ikke være etter til-datoen.', path: ['to'] })
    .refine((p) => !p.monthly || isWholeMonth(p.from, p.to), {
      message: 'Månedsrapporten gjelder én hel måned: fra den 1. til den siste i måneden.',
      path: ['to'],
    });
const view = checkedView(z.object(viewFields));
const exportRequest = checkedView(
  z.object({ ...viewFields, format: z.enum(EXPORT_FORMATS), path: z.string().min(1).optional() }),
);

export const reportChannels = {
  /** The report for one period (the JSON contract of rapporteringsskjema.md). */
  'report:build': { writes: false, undoable: false, async: false, returnsNames: false, input: period, result: report },
  /** The monthly report: the month and hittil i år (1 January to the month's last day). */
  'report:monthly': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: month,
    result: z.object({ month: report, hittilIAr: report }),
  },
  /**
   * The form as it prints: the HTML fragment (with the header from the settings) that the Rapport
   * screen shows and the printer prints, so screen and paper never differ.
   */
  'report:html': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: false,
    input: view,
    result: z.object({ html: z.string(), title: z.string(), fileName: z.string() }),
  },
  /**
   * Save the report as PDF, Excel, CSV or JSON. In the app the user picks the file in a save dialog
   * (a path from the page is refused); from Node (CLI, tests) `path` says where.
   * PDF is printed by the app's window, so it can only be made in the app.
   */
  'report:export': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: exportRequest,
    result: z.object({ saved: z.boolean(), path: z.string().nullable(), bytes: z.number().int() }),
  },
  /** Open the printer dialog for the report the screen shows (only in the app). */
  'report:print': {
    writes: false,
    undoable: false,
    async: true,
    returnsNames: false,
    input: z.object({}),
    result: z.object({ printed: z.boolean() }),
  },
} as const satisfies ChannelTable;
