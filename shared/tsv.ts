/**
 * The clipboard's text as a block of cells, and back. Excel, LibreOffice and Google Sheets put a
 * block on the clipboard as tab-separated lines (CRLF on Windows), quoting a cell that holds a tab,
 * a line break or a quote ("" for a quote inside it), and end with a line break. Web tables give the
 * same without quotes. Papaparse reads and writes that format; this module only adds what a paste
 * needs on top: trailing empty lines dropped, ragged rows kept as they are, and a fallback for text
 * whose quotes are not Excel's (a web cell that merely starts with «"»).
 */
import Papa from 'papaparse';

/** A pasted block: rows of cells as text. Rows may differ in length (web tables): a missing cell is left alone. */
export type CellBlock = string[][];

export function parseTsv(text: string): CellBlock {
  if (text === '') return [];
  const newline = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
  let result = Papa.parse<string[]>(text, { delimiter: '\t', newline, quoteChar: '"', skipEmptyLines: false });
  if (result.errors.some((e) => e.type === 'Quotes')) {
    // Not Excel's quoting: read every quote as an ordinary character.
    result = Papa.parse<string[]>(text, { delimiter: '\t', newline, quoteChar: NO_QUOTE, skipEmptyLines: false });
  }
  const rows = result.data.map((row) => row.map(normaliseCell));
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  // One empty cell copied from a sheet is "\r\n": a block of one empty cell, not nothing.
  if (rows.length === 0) return [['']];
  return rows;
}

/** A block as Excel writes it to the clipboard: tabs, CRLF after every row, quotes only where needed. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const text = Papa.unparse(
    rows.map((row) => [...row]),
    { delimiter: '\t', newline: '\r\n', quoteChar: '"', escapeChar: '"', header: false },
  );
  return `${text}\r\n`;
}

/** A character no clipboard holds, so papaparse treats none as a quote. */
const NO_QUOTE = '\uFDD0';

/** Line breaks inside a cell as the grid stores them: \n (Excel writes \n inside cells, some programs \r\n). */
function normaliseCell(cell: string): string {
  return cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell;
}
