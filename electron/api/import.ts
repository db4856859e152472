/**
 * The import wizard's handlers (shared/contract/import.ts). The chosen file, its workbook and the
 * table read from the chosen sheet stay here between the steps, one wizard per open register, so
 * the page never holds or names a path. Everything after reading is electron/io/import.ts, the
 * CLI's code: the same mapping rules, parsing, duplicate check and all-or-nothing transaction.
 *
 * The write runs in slices (io/import.ts `commitImportInSlices`) inside one open transaction, so
 * the page can poll `import:progress`. Until it commits or rolls back, `importRefusal` makes the
 * handler wrapper refuse every other write: it would join the import's transaction.
 *
 * Choosing a file and where to save need the app's dialogs (its host, host.ts). The tests run
 * without one and give paths in the calls, or set a stand-in host, as for the report.
 */
import path from 'node:path';
import type { ApiError } from '../../shared/api';
import { EDITABLE_LIST_LABELS } from '../../shared/codes';
import { type ImportProblem, PROBLEMS_SHOWN } from '../../shared/contract/import';
import { formatDate } from '../../shared/dates';
import { fieldLabel, type ImportKind, suggestMapping } from '../../shared/mapping';
import { writeFileAtomic } from '../io/atomic-write';
import { commitImportInSlices, type ImportPlan, type ImportResult, planImport, type RowProblem } from '../io/import';
import { type ImportSummary, importSummaryCsv, importSummaryFileName } from '../io/import-summary';
import {
  firstVisibleSheet,
  readCsvFile,
  readWorkbook,
  type Table,
  type TableFormat,
  tableFormat,
  type WorkbookTables,
} from '../io/table';
import { backupForApi, sessionOf } from '../register/session';
import type { Register } from '../store/connection';
import { DomainError, reasonOf, userError } from '../store/errors';
import { type FileKind, fileTarget } from './host';
import type { HandlerMap } from './types';

/** What the open dialog offers, and what the summary is saved as. */
const SPREADSHEETS: FileKind[] = [
  { name: 'Excel eller CSV', extensions: ['xlsx', 'csv', 'txt', 'tsv'] },
  { name: 'Alle filer', extensions: ['*'] },
];
const SUMMARY_KIND: FileKind = { name: 'CSV (semikolonseparert)', extensions: ['csv'] };

type Wizard = {
  fileName: string;
  format: TableFormat;
  /** A workbook's sheets (with which are hidden) and every sheet's table, read once (io/xlsx-read.ts). */
  book: WorkbookTables | null;
  table: Table | null;
  sheet: string | null;
  /** Set while `import:commit` writes: rows written so far (inside the open transaction). */
  progress: { done: number; total: number } | null;
  stopRequested: boolean;
  summary: ImportSummary | null;
};

const wizards = new WeakMap<Register, Wizard>();

const SAMPLE_ROWS = 8;
const SAMPLE_VALUES = 3;

/**
 * For the handler wrapper (handlers.ts): while an import writes, any other write is refused —
 * it would run inside the import's transaction and be rolled back with it if the import fails.
 */
export function importRefusal(reg: Register, channel: string): ApiError | null {
  if (!wizards.get(reg)?.progress || channel.startsWith('import:')) return null;
  return {
    code: 'import_running',
    message: 'En import pågår. Vent til den er ferdig (eller avbryt den), og prøv igjen.',
  };
}

function requireWizard(reg: Register): Wizard {
  const wizard = wizards.get(reg);
  if (!wizard) throw new DomainError('no_file', 'Velg filen du vil importere først.');
  return wizard;
}

function requireIdle(wizard: Wizard | undefined): void {
  if (wizard?.progress) {
    throw new DomainError('import_running', 'En import pågår allerede. Vent til den er ferdig.');
  }
}

function requireTable(reg: Register, mappingLength: number): Wizard & { table: Table } {
  const wizard = requireWizard(reg);
  if (!wizard.table) throw new DomainError('no_sheet', 'Velg arket du vil importere fra først.');
  if (mappingLength !== wizard.table.headers.length) {
    throw new DomainError(
      'invalid_mapping',
      'Koblingen passer ikke til filens kolonner (filen er lest på nytt). Gå tilbake og koble kolonnene igjen.',
    );
  }
  return wizard as Wizard & { table: Table };
}

function displayDate(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text) : text;
}

/** Up to three different values of each column, shortened: what the column holds, at a glance. */
function columnSamples(table: Table): string[][] {
  return table.headers.map((_, column) => {
    const values: string[] = [];
    for (const row of table.rows) {
      // An Excel date cell reads as yyyy-mm-dd (table.ts); shown the way Excel showed it.
      const text = displayDate((row.cells[column] ?? '').trim());
      if (text !== '' && !values.includes(text)) values.push(text.length > 60 ? `${text.slice(0, 59)}…` : text);
      if (values.length === SAMPLE_VALUES) break;
    }
    return values;
  });
}

function problemsForScreen(kind: ImportKind, rejected: readonly RowProblem[]): ImportProblem[] {
  return rejected.slice(0, PROBLEMS_SHOWN).map((p) => ({
    line: p.line,
    field: p.field,
    fieldLabel: fieldLabel(kind, p.field),
    value: p.value.length > 200 ? `${p.value.slice(0, 199)}…` : p.value,
    message: p.message,
  }));
}

function counts(plan: ImportPlan, rows: number) {
  // A missing kull is one line per kull on the screen (with a choice), not one per row.
  const problems = plan.rejected.filter((p) => p.missingKull === undefined);
  return {
    kind: plan.kind,
    rows,
    rejectedLines: new Set(plan.rejected.map((p) => p.line)).size,
    duplicates: plan.duplicates.length,
    duplicateLines: plan.duplicates.slice(0, 100),
    problems: problemsForScreen(plan.kind, problems),
    problemsTotal: problems.length,
    missingKull: plan.missingKull.map((k) => ({ navn: k.navn, rows: k.lines.length, startdato: k.startdato })),
    missingKullChoice: plan.missingKullChoice,
    newListValues: plan.newListValues.map((v) => ({ ...v, listLabel: EDITABLE_LIST_LABELS[v.list] })),
  };
}

/** Between slices and before COMMIT: the user pressed Avbryt, or another user took the lock over. */
function stopReason(reg: Register, wizard: Wizard): DomainError | null {
  if (wizard.stopRequested) return new DomainError('cancelled', 'Importen ble avbrutt. Ingenting ble importert.');
  const lost = sessionOf(reg)?.writeRefusal();
  if (lost) return new DomainError(lost.code, `${lost.message} Ingenting ble importert.`);
  if (reg.readOnly) return new DomainError('read_only', 'Registeret ble skrivebeskyttet. Ingenting ble importert.');
  return null;
}

export const importHandlers = {
  // Checks run at once (a refusal is answered synchronously); only reading a workbook is asynchronous.
  'import:open': (reg, { path: given }) => {
    requireIdle(wizards.get(reg));
    const file = fileTarget(given, {
      missing: 'Oppgi filen som skal importeres (path).',
      forbidden: 'Programmet spør selv hvilken fil som skal importeres. Prøv igjen uten filnavn.',
    }).open({ title: 'Velg filen du vil importere (Excel eller CSV)', kinds: SPREADSHEETS });
    if (file === null) return { opened: false, fileName: null, format: null, sheets: [] };
    const fileName = path.basename(file);
    const remember = (format: TableFormat, book: WorkbookTables | null, table: Table | null) => {
      wizards.set(reg, {
        fileName,
        format,
        book,
        table,
        sheet: null,
        progress: null,
        stopRequested: false,
        summary: null,
      });
      return { opened: true, fileName, format, sheets: book ? book.sheets : [] };
    };
    // Streamed, and refused at the limits before memory grows (io/read-limits.ts).
    const unread = (error: unknown) => {
      throw userError(error, { doing: 'read', file });
    };
    if (tableFormat(file) === 'csv') return readCsvFile(file).then((table) => remember('csv', null, table), unread);
    return readWorkbook(file).then((book) => remember('xlsx', book, null), unread);
  },

  'import:columns': (reg, { kind, sheet }) => {
    const wizard = requireWizard(reg);
    requireIdle(wizard);
    if (wizard.book) {
      // Unasked, the first sheet the user sees: a hidden sheet is never chosen for them.
      const name = sheet ?? firstVisibleSheet(wizard.book.sheets)?.name ?? wizard.book.sheets[0]?.name ?? null;
      if (name === null) throw new DomainError('empty', 'Arbeidsboken har ingen ark.');
      if (!wizard.book.sheets.some((s) => s.name === name)) {
        throw new DomainError('not_found', `Finner ikke arket «${name}» i arbeidsboken.`);
      }
      const table = wizard.book.tables.get(name);
      if (!table) throw new DomainError('empty', 'Arket er tomt eller mangler overskriftsrad.');
      wizard.table = table;
      wizard.sheet = name;
    }
    const table = wizard.table as Table;
    const { mapping, notes } = suggestMapping(kind, table.headers);
    return {
      sheet: wizard.sheet,
      headers: table.headers,
      rows: table.rows.length,
      samples: columnSamples(table),
      mapping,
      notes,
    };
  },

  'import:preview': (reg, { kind, mapping, missingKull }) => {
    const wizard = requireTable(reg, mapping.length);
    requireIdle(wizard);
    const plan = planImport(reg, kind, wizard.table, mapping, missingKull);
    return {
      ...counts(plan, wizard.table.rows.length),
      valid: plan.valid.length,
      sample: plan.valid.slice(0, SAMPLE_ROWS).map(({ line, fields, newKull }) => {
        const navn = plan.missingKull.find((k) => k.navn.toLocaleLowerCase('nb') === newKull)?.navn;
        return navn === undefined ? { line, fields } : { line, fields, newKull: navn };
      }),
    };
  },

  'import:commit': (reg, { kind, mapping, missingKull }) => {
    const wizard = requireTable(reg, mapping.length);
    requireIdle(wizard);
    // Planned again: the register may have changed since the preview (a kull added, a row typed in).
    const plan = planImport(reg, kind, wizard.table, mapping, missingKull);
    const rows = wizard.table.rows.length;
    wizard.progress = { done: 0, total: plan.valid.length };
    wizard.stopRequested = false;
    // A backup first, every time (issue 16, item 13): an import is undone by restoring it. While it is
    // taken, `progress` already refuses other writes. No backup, no import.
    const session = sessionOf(reg);
    const backedUp = session ? session.backupBeforeImport() : Promise.resolve(null);
    let backup: ReturnType<typeof backupForApi> | null = null;
    const written = backedUp.then((made) => {
      backup = made ? backupForApi(made) : null;
      const refusal = stopReason(reg, wizard);
      if (refusal) throw refusal;
      return commitImportInSlices(reg, plan, {
        onProgress: (done, total) => {
          wizard.progress = { done, total };
        },
        check: () => stopReason(reg, wizard),
      });
    });
    return written
      .finally(() => {
        wizard.progress = null;
        wizard.stopRequested = false;
      })
      .then((result: ImportResult) => {
        wizard.summary = {
          kind,
          fileName: wizard.fileName,
          sheet: wizard.sheet,
          at: new Date(),
          rows,
          result,
          duplicateLines: plan.duplicates,
        };
        return {
          ...counts(plan, rows),
          inserted: result.inserted,
          firstId: result.firstId,
          createdKull: result.createdKull,
          backup,
          fileName: wizard.fileName,
          sheet: wizard.sheet,
        };
      });
  },

  'import:progress': (reg) => {
    const progress = wizards.get(reg)?.progress;
    return progress ? { running: true, ...progress } : { running: false, done: 0, total: 0 };
  },

  'import:cancel': (reg) => {
    const wizard = wizards.get(reg);
    if (wizard?.progress) {
      wizard.stopRequested = true;
      return { stopping: true };
    }
    wizards.delete(reg);
    return { stopping: false };
  },

  'import:saveSummary': (reg, { path: given }) => {
    const summary = wizards.get(reg)?.summary;
    if (!summary) throw new DomainError('no_summary', 'Det er ikke gjort noen import å lage sammendrag av.');
    const file = fileTarget(given, { missing: 'Oppgi hvor sammendraget skal lagres (path).' }).save({
      title: 'Lagre sammendraget av importen',
      defaultName: importSummaryFileName(summary),
      kind: SUMMARY_KIND,
    });
    if (file === null) return { saved: false, path: null, bytes: 0 };
    try {
      return { saved: true, path: file, bytes: writeFileAtomic(file, importSummaryCsv(summary)) };
    } catch (error) {
      throw new DomainError(
        'write_failed',
        `Sammendraget kunne ikke lagres. ${reasonOf(error, file)} Er filen åpen i Excel? Lukk den, eller velg et annet filnavn eller en annen mappe.`,
      );
    }
  },
} satisfies Partial<HandlerMap>;
