import { z } from 'zod';
import { editableListKey } from '../schema/codelist';
import { id } from '../schema/common';
import { type Deltaker, deltaker, deltakerFields } from '../schema/deltaker';
import type { ChannelTable } from './channel';

const deltakerSaved = z.object({
  deltaker,
  /** Values of the editable lists that this save added (typed for the first time). */
  addedListValues: z.array(z.object({ list: editableListKey, verdi: z.string() })),
});

export const kullFilter = z.union([z.literal('alle'), z.literal('uten'), id]);
export type KullFilter = z.infer<typeof kullFilter>;

/** The order of the values in a row of `deltaker:page`: the id, then every field of the schema. */
export const DELTAKER_PAGE_COLUMNS = ['id', ...(Object.keys(deltakerFields.shape) as (keyof Deltaker)[])] as const;

const pageCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * Deltakere in a compact shape for the grid: the field names once, then one array of values per
 * row (a third of the bytes of one object per row), a page at a time in id order. 100,000
 * deltakere as objects are ~38 MB to serialise in one answer; pages let the grid show the first
 * rows at once and take the rest while the user already works.
 */
export const deltakerPage = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(pageCell)),
  /** How many deltakere the filter holds in all. */
  total: z.number().int(),
  /** The `after` that fetches the next page; null on the last page. */
  next: z.number().int().nullable(),
});
export type DeltakerPage = z.infer<typeof deltakerPage>;

/** A page's rows as deltaker objects (what the grid holds). */
export function deltakereOfPage(page: DeltakerPage): Deltaker[] {
  const keys = page.columns;
  return page.rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i] as string] = values[i];
    return row as Deltaker;
  });
}

export const deltakerChannels = {
  /** The deltakere of all kull, one kull, or those without kull. */
  'deltaker:list': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({ kull: kullFilter }),
    result: z.array(deltaker),
  },
  /** The same, a page at a time in a compact shape: what the Deltakere grid loads (see deltakerPage). */
  'deltaker:page': {
    writes: false,
    undoable: false,
    async: false,
    returnsNames: true,
    input: z.object({
      kull: kullFilter,
      /** Rows with an id above this one; 0 for the first page. */
      after: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(20_000).default(5_000),
    }),
    result: deltakerPage,
  },
  /** Add a deltaker (navn required; everything else may follow). */
  'deltaker:create': {
    writes: true,
    undoable: 'deltaker',
    async: false,
    returnsNames: true,
    input: deltakerFields.partial().extend({ navn: deltakerFields.shape.navn }),
    result: deltakerSaved,
  },
  /** Change fields of one deltaker. */
  'deltaker:update': {
    writes: true,
    undoable: 'deltaker',
    async: false,
    returnsNames: true,
    input: z.object({ id, changes: deltakerFields.partial() }),
    result: deltakerSaved,
  },
  /** Delete deltakere (in this session Ctrl+Z in the grid brings them back: grid:undo). */
  'deltaker:delete': {
    writes: true,
    undoable: 'deltaker',
    async: false,
    returnsNames: false,
    input: z.object({ ids: z.array(id).min(1) }),
    result: z.object({ deleted: z.number().int() }),
  },
} as const satisfies ChannelTable;
