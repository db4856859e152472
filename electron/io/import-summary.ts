/**
 * The summary of an import as a file the user can keep beside the spreadsheet they imported: the
 * counts, the values added to the lists, and every line that was not imported with the field and
 * the reason, so the rows can be fixed in the file and imported again (a second import skips what
 * is already in). CSV as Norwegian Excel opens it (UTF-8 with BOM, `;`, CRLF).
 *
 * No names: a line is found by its number in the user's own file. A rejected value is written only
 * for fields whose values say nothing about a person (dates, years, codes, yes/no, kull); the text
 * fields (navn, landbakgrunn, merknad, list values) show only the reason. docs/import.md.
 */
import { EDITABLE_LIST_LABELS } from '../../shared/codes';
import { formatTime } from '../../shared/dates';
import { fieldsFor, type ImportKind } from '../../shared/mapping';
import { csvCell } from '../../shared/report/csv';
import type { ImportResult } from './import';

export type ImportSummary = {
  kind: ImportKind;
  fileName: string;
  sheet: string | null;
  at: Date;
  rows: number;
  result: ImportResult;
  duplicateLines: readonly number[];
};

const KIND_WORD: Record<ImportKind, string> = { deltakere: 'deltakere', kull: 'kull' };

/** Whether a field's rejected value may be written to the summary file (see the module comment). */
export function valueIsShareable(kind: ImportKind, field: string): boolean {
  const type = fieldsFor(kind).find((f) => f.key === field)?.kind.type;
  return type !== undefined && type !== 'text' && type !== 'list';
}

export function importSummaryCsv(summary: ImportSummary): string {
  const { kind, result } = summary;
  const rejectedLines = new Set(result.rejected.map((p) => p.line)).size;
  const label = (key: string) => fieldsFor(kind).find((f) => f.key === key)?.label ?? key;
  const lines: (string | number | null)[][] = [
    ['Sammendrag av import til Kullregister'],
    ['Fil', summary.fileName],
    ...(summary.sheet ? [['Ark', summary.sheet]] : []),
    ['Tidspunkt', formatTime(summary.at.toISOString())],
    ['Hva', KIND_WORD[kind]],
    ['Rader i filen', summary.rows],
    ['Importert', result.inserted],
    ['Fantes fra før (hoppet over)', result.duplicates],
    ['Ikke importert (feil)', rejectedLines],
  ];
  if (summary.duplicateLines.length > 0) {
    lines.push(['Linjer som fantes fra før', summary.duplicateLines.join(', ')]);
  }
  for (const navn of result.createdKull) lines.push(['Kull opprettet', navn]);
  for (const added of result.newListValues) {
    lines.push([`Lagt til i listen ${EDITABLE_LIST_LABELS[added.list]}`, added.verdi]);
  }
  lines.push([]);
  if (result.rejected.length === 0) {
    lines.push(['Alle rader uten feil ble importert.']);
  } else {
    lines.push(['Linjer som ikke ble importert'], ['Linje', 'Felt', 'Verdi i filen', 'Hva er galt']);
    for (const problem of result.rejected) {
      const value = valueIsShareable(kind, problem.field) ? problem.value : '';
      lines.push([problem.line, label(problem.field), value, problem.message]);
    }
  }
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

export function importSummaryFileName(summary: ImportSummary): string {
  const stem = summary.fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N} _-]+/gu, '-');
  return `importsammendrag-${stem}.csv`;
}
