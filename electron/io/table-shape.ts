/** A file read as text cells: a header row and data rows, each with the line number the user sees in Excel. */
export type Table = {
  headers: string[];
  /** Data rows; `line` is the row number in the file (header = line 1). */
  rows: { line: number; cells: string[] }[];
};
