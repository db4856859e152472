/**
 * How big a file the importer reads, and the checks that refuse a larger one BEFORE memory grows
 * (docs/import.md, "Limits"). The numbers leave room far above any real register (the performance
 * budget is 100,000 deltakere) and keep one import within a few hundred MB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../store/errors';

export const LIMITS = {
  /** Data rows in one file (all sheets of a workbook together). */
  rows: 250_000,
  /** Columns in one sheet or CSV file. */
  columns: 200,
  /** Non-empty cells in one file. */
  cells: 5_000_000,
  /** A CSV or text file's size on disk. */
  csvBytes: 200 * 1024 * 1024,
  /** An XLSX file's size on disk. */
  xlsxBytes: 100 * 1024 * 1024,
  /** Everything inside an XLSX once unpacked, as its zip directory says (a zip bomb claims gigabytes). */
  xlsxUnpackedBytes: 400 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;

function tooBig(file: string, what: string): DomainError {
  return new DomainError(
    'too_big',
    `«${path.basename(file)}» er for stor til å importeres: ${what}. Del filen opp i flere filer (for eksempel ett år eller ett kull i hver), og importer dem hver for seg. Ingenting ble lest inn.`,
  );
}

export function checkFileSize(file: string, format: 'csv' | 'xlsx'): void {
  const size = fs.statSync(file).size;
  const limit = format === 'csv' ? LIMITS.csvBytes : LIMITS.xlsxBytes;
  if (size > limit) {
    throw tooBig(file, `${Math.round(size / MB)} MB, mer enn grensen på ${Math.round(limit / MB)} MB`);
  }
}

/** Counts rows and cells as they are read; throws the refusal the moment a limit is passed. */
export class ReadBudget {
  private rows = 0;
  private cells = 0;
  constructor(private readonly file: string) {}

  row(cells: readonly string[]): void {
    this.rows++;
    if (this.rows > LIMITS.rows) {
      throw tooBig(this.file, `mer enn ${LIMITS.rows.toLocaleString('nb-NO')} rader`);
    }
    if (cells.length > LIMITS.columns) {
      throw tooBig(this.file, `${cells.length} kolonner, mer enn grensen på ${LIMITS.columns}`);
    }
    for (const cell of cells) if (cell !== '') this.cells++;
    if (this.cells > LIMITS.cells) {
      throw tooBig(this.file, `mer enn ${LIMITS.cells.toLocaleString('nb-NO')} utfylte celler`);
    }
  }
}

/**
 * The sizes an XLSX's zip central directory claims for its entries, read without inflating anything
 * (the directory is at the end of the file: end record, then one 46-byte header per entry). A few
 * lines of the zip format rather than a dependency; only the claimed sizes are needed here — the row
 * and cell budget catches a directory that lies. Returns null when the file is not a readable zip.
 */
export function zipUnpackedBytes(file: string): number | null {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) return null;
    const entries = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (dirOffset === 0xffffffff || entries === 0xffff) return Number.POSITIVE_INFINITY; // ZIP64: gigabytes
    if (dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    fs.readSync(fd, dir, 0, dirSize, dirOffset);
    let total = 0;
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) return null;
      const unpacked = dir.readUInt32LE(at + 24);
      if (unpacked === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += unpacked;
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return total;
  } finally {
    fs.closeSync(fd);
  }
}

export function checkZip(file: string): void {
  const unpacked = zipUnpackedBytes(file);
  if (unpacked === null) {
    throw new DomainError(
      'unreadable',
      `«${path.basename(file)}» kan ikke leses som en Excel-fil (XLSX). Er filen skadet, eller er den en annen filtype? Åpne den i Excel og lagre den på nytt som «Excel-arbeidsbok (.xlsx)».`,
    );
  }
  if (unpacked > LIMITS.xlsxUnpackedBytes) {
    throw tooBig(
      file,
      `pakket ut blir den ${Number.isFinite(unpacked) ? `${Math.round(unpacked / MB)} MB` : 'flere gigabyte'}, mer enn grensen på ${Math.round(LIMITS.xlsxUnpackedBytes / MB)} MB`,
    );
  }
}
