/**
 * Many cells at once — a paste, a fill down, clearing a block — in one transaction. Every cell is
 * text read by parseFieldInput exactly as if typed into the grid (the same code the import uses),
 * against the register's own kull and lists: the renderer's reading is never trusted. Cells that
 * cannot be stored are listed with the reason; the rest are stored, or nothing at all in
 * «alt eller ingenting» mode. The whole action is one undo step: the grid:setCells handler is
 * `undoable` (electron/api/undoable.ts), and `setCellsLabel` names the step.
 */
import { EDITABLE_LIST_KEYS, type EditableListKey } from '../../shared/codes';
import type { GridTable, PasteMode, RejectedCell } from '../../shared/contract/grid';
import { addMonthsIso, todayIso, yearOf } from '../../shared/dates';
import {
  DELTAKER_FIELDS,
  type FieldDef,
  type FieldValue,
  KULL_FIELDS,
  type ParseContext,
  parseFieldInput,
} from '../../shared/fields';
import type { DeltakerFields } from '../../shared/schema/deltaker';
import type { KullFields } from '../../shared/schema/kull';
import { listValues } from './codes';
import type { Register } from './connection';
import { type AddedListValue, insertDeltaker, patchDeltaker, readDeltakerFields } from './deltakere';
import { insertKull, patchKull, readKullFields } from './kull';
import { getSettings } from './settings';

export type SetCellsAction = 'paste' | 'fill' | 'fill-right' | 'clear' | 'cut';

export type SetCellsRequest = {
  table: GridTable;
  action: SetCellsAction;
  mode: PasteMode;
  rows: readonly { id: number | null; cells: Readonly<Record<string, string>> }[];
  newRowKull?: number | null | undefined;
};

export type SetCellsOutcome = {
  applied: boolean;
  /** Rows written (changed or added), in request order. */
  written: number[];
  created: { row: number; id: number }[];
  rejected: RejectedCell[];
  addedListValues: AddedListValue[];
  cellsChanged: number;
};

type Fields = Record<string, FieldValue>;
type Planned = { row: number; id: number | null; before: Fields | null; changes: Fields };

const DEFS: Record<GridTable, ReadonlyMap<string, FieldDef<string>>> = {
  deltaker: new Map(DELTAKER_FIELDS.map((f) => [f.key, f])),
  kull: new Map(KULL_FIELDS.map((f) => [f.key, f])),
};

/** What a new row cannot be stored without. */
const REQUIRED_FOR_NEW: Record<GridTable, readonly string[]> = {
  deltaker: ['navn'],
  kull: ['navn', 'startdato'],
};

export function setCells(reg: Register, request: SetCellsRequest): SetCellsOutcome {
  const { table } = request;
  const ctx = registerParseContext(reg);
  const rejected: RejectedCell[] = [];
  const planned: Planned[] = [];
  const kullNames = table === 'kull' ? new KullNames(reg) : null;

  request.rows.forEach((row, index) => {
    const before = row.id === null ? null : readFields(reg, table, row.id);
    if (row.id !== null && before === null) {
      for (const [field, text] of Object.entries(row.cells)) {
        rejected.push({
          row: index,
          field,
          text,
          message: 'Raden finnes ikke lenger (slettet?). Cellen ble ikke endret.',
        });
      }
      return;
    }
    const changes: Fields = {};
    const refusedHere = new Map<string, string>();
    for (const [field, text] of Object.entries(row.cells)) {
      const def = DEFS[table].get(field);
      if (!def) continue;
      const parsed = parseFieldInput(def, text, ctx);
      let message = parsed.ok ? null : parsed.message;
      if (parsed.ok && kullNames && field === 'navn' && typeof parsed.value === 'string') {
        message = kullNames.claim(parsed.value, row.id);
      }
      if (message !== null || !parsed.ok) {
        refusedHere.set(field, message ?? '');
        rejected.push({ row: index, field, text, message: message ?? '' });
        continue;
      }
      if (before === null || !same(before[field], parsed.value)) changes[field] = parsed.value;
    }
    if (row.id === null) {
      const missing = REQUIRED_FOR_NEW[table].find((key) => changes[key] === undefined || changes[key] === null);
      if (missing !== undefined) {
        const def = DEFS[table].get(missing)!;
        const reason = refusedHere.get(missing) ?? `${def.label} må fylles ut.`;
        const entry = rejected.find((r) => r.row === index && r.field === missing);
        const message = `Raden ble ikke lagt til: ${reason}`;
        if (entry) entry.message = message;
        else rejected.push({ row: index, field: missing, text: row.cells[missing] ?? '', message });
        return;
      }
    }
    if (Object.keys(changes).length > 0) planned.push({ row: index, id: row.id, before, changes });
  });

  const nothing: SetCellsOutcome = {
    applied: false,
    written: [],
    created: [],
    rejected,
    addedListValues: [],
    cellsChanged: 0,
  };
  if (planned.length === 0 || (request.mode === 'alt-eller-ingenting' && rejected.length > 0)) return nothing;

  const { written, created, added } = reg.db.transaction(() => write(reg, request, planned))();
  const cellsChanged = planned.reduce((n, p) => n + Object.keys(p.changes).length, 0);
  return { applied: true, written, created, rejected, addedListValues: added, cellsChanged };
}

function write(reg: Register, request: SetCellsRequest, planned: readonly Planned[]) {
  const { table } = request;
  const written: number[] = [];
  const created: { row: number; id: number }[] = [];
  const added: AddedListValue[] = [];
  const kullLength = table === 'kull' ? getSettings(reg).kull_lengde_mnd : 0;
  for (const plan of planned) {
    let id: number;
    if (table === 'deltaker') {
      if (plan.id === null) {
        const result = insertDeltaker(reg, {
          kull_id: request.newRowKull ?? null,
          ...(plan.changes as Partial<DeltakerFields>),
        });
        id = result.id;
        added.push(...result.added);
      } else {
        id = plan.id;
        added.push(...patchDeltaker(reg, id, plan.changes as Partial<DeltakerFields>));
      }
    } else if (plan.id === null) {
      const fields = plan.changes as Partial<KullFields> & Pick<KullFields, 'navn' | 'startdato'>;
      id = insertKull(reg, {
        navn: fields.navn,
        startdato: fields.startdato,
        planlagt_sluttdato: fields.planlagt_sluttdato ?? addMonthsIso(fields.startdato, kullLength),
        kapasitet: fields.kapasitet ?? null,
        merknad: fields.merknad ?? null,
      });
    } else {
      id = plan.id;
      patchKull(reg, id, plan.changes as Partial<KullFields>);
    }
    if (plan.id === null) created.push({ row: plan.row, id });
    written.push(id);
  }
  return { written, created, added: uniqueListValues(added) };
}

function readFields(reg: Register, table: GridTable, id: number): Fields | null {
  return table === 'deltaker' ? readDeltakerFields(reg, id) : readKullFields(reg, id);
}

/** Kull and list values as the register holds them now, read once for the whole block. */
export function registerParseContext(reg: Register): ParseContext {
  const kull = new Map<string, number>();
  for (const row of reg.db.prepare('SELECT id, navn FROM kull').all() as { id: number; navn: string }[]) {
    kull.set(row.navn.trim().toLocaleLowerCase('nb'), row.id);
  }
  const lists = new Map<EditableListKey, string[]>();
  for (const list of EDITABLE_LIST_KEYS) {
    lists.set(
      list,
      listValues(reg, list).map((v) => v.verdi),
    );
  }
  return {
    kullByName: (navn) => kull.get(navn.trim().toLocaleLowerCase('nb')),
    listValues: (list) => lists.get(list) ?? [],
    thisYear: yearOf(todayIso()),
  };
}

/** Kull names must stay unique (any letter case), against the register and within the block. */
class KullNames {
  private readonly owner = new Map<string, number | null>();

  constructor(reg: Register) {
    for (const row of reg.db.prepare('SELECT id, navn FROM kull').all() as { id: number; navn: string }[]) {
      this.owner.set(row.navn.trim().toLocaleLowerCase('nb'), row.id);
    }
  }

  /** Null when the name is free for this row (and now taken by it), else the refusal. */
  claim(navn: string, rowId: number | null): string | null {
    const key = navn.trim().toLocaleLowerCase('nb');
    if (this.owner.has(key) && this.owner.get(key) !== rowId) {
      return `Det finnes allerede et kull som heter «${navn.trim()}». Velg et annet navn.`;
    }
    this.owner.set(key, rowId ?? Number.NaN);
    return null;
  }
}

/** The undo step's name: «Lim inn i 4 rader» for the rows the action wrote. */
export function setCellsLabel(action: SetCellsAction, rows: number): string {
  const rader = rows === 1 ? '1 rad' : `${rows} rader`;
  switch (action) {
    case 'paste':
      return `Lim inn i ${rader}`;
    case 'fill':
      return `Fyll ned i ${rader}`;
    case 'fill-right':
      return `Fyll til høyre i ${rader}`;
    case 'clear':
      return `Tøm celler i ${rader}`;
    case 'cut':
      return `Klipp ut fra ${rader}`;
  }
}

function uniqueListValues(values: readonly AddedListValue[]): AddedListValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = `${v.list}\u0000${v.verdi}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function same(a: FieldValue | undefined, b: FieldValue): boolean {
  return (a ?? null) === (b ?? null);
}
