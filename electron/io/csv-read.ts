/**
 * A CSV or text file read as a stream, within bounded memory (docs/import.md, "Encoding" and
 * "Limits"). The encoding is decided, never guessed:
 *
 * - a UTF-16 byte-order mark (FF FE or FE FF): UTF-16 LE/BE — Excel's «Unicode-tekst» (TAB-separated);
 * - otherwise strict UTF-8 (`TextDecoder('utf-8', { fatal: true })`, a UTF-8 BOM skipped);
 * - anything else is refused with the byte offset and line of the first byte that is not UTF-8.
 *   A Windows-1252 («ANSI») file is refused too, with how to save it as UTF-8: reading it "as what it
 *   probably is" garbled every æøå of a UTF-8 file with one bad byte (issue 11, item 12).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { DomainError } from '../store/errors';
import { checkFileSize, ReadBudget } from './read-limits';
import type { Table } from './table-shape';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const CHUNK = 256 * 1024;

/**
 * Scans bytes as UTF-8: where the first byte that cannot belong to well-formed UTF-8 is (-1: none),
 * and how far the bytes are whole characters (an incomplete sequence at the end may go on in the
 * next chunk).
 */
export function scanUtf8(bytes: Uint8Array): { invalidAt: number; completeUpTo: number } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { invalidAt: i, completeUpTo: i };
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return { invalidAt: -1, completeUpTo: i };
      const next = bytes[i + k] as number;
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return { invalidAt: i, completeUpTo: i };
    }
    i += length;
  }
  return { invalidAt: -1, completeUpTo: bytes.length };
}

function named(file: string | null): string {
  return file ? `«${path.basename(file)}»` : 'Filen';
}

function notUtf8(file: string | null, offset: number, line: number, zip: boolean): DomainError {
  if (zip) {
    return new DomainError(
      'unreadable',
      `${named(file)} er ikke en tekstfil, men ser ut som en Excel-arbeidsbok (XLSX). Gi filen endelsen .xlsx, eller lagre den som CSV i Excel, og prøv igjen.`,
    );
  }
  return new DomainError(
    'encoding',
    `${named(file)} er ikke lagret som UTF-8: byte nr. ${(offset + 1).toLocaleString('nb-NO')} (linje ${line}) kan ikke leses som tekst. Åpne filen i Excel og lagre den på nytt som «CSV UTF-8 (kommadelt)» eller som «Unicode-tekst», og prøv igjen. Ingenting ble lest inn.`,
  );
}

function binary(file: string | null): DomainError {
  return new DomainError(
    'unreadable',
    `${named(file)} kan ikke leses som tekst (den ser ut som en binærfil). Lagre den som CSV (UTF-8) eller XLSX.`,
  );
}

/** Decoded text of the file, chunk by chunk, with the encoding decided by the first bytes. */
async function* decodedText(file: string): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  let encoding: Encoding | null = null;
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  let offset = 0; // bytes of the file before this chunk
  let line = 1;
  let carry: Buffer = Buffer.alloc(0); // an incomplete UTF-8 sequence at a chunk's end
  let zip = false;
  for await (const raw of stream as AsyncIterable<Buffer>) {
    let chunk = raw;
    if (!encoding) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) encoding = 'utf-16le';
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) encoding = 'utf-16be';
      else encoding = 'utf-8';
      zip = chunk.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      decoder = new TextDecoder(encoding, { fatal: true }); // skips the BOM of its own encoding
    }
    if (encoding === 'utf-8') {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const start = offset - carry.length; // where `bytes` begins in the file
      const { invalidAt, completeUpTo } = scanUtf8(bytes);
      if (invalidAt >= 0)
        throw notUtf8(file, start + invalidAt, line + countNewlines(bytes.subarray(0, invalidAt)), zip);
      chunk = bytes.subarray(0, completeUpTo);
      if (chunk.includes(0)) throw binary(file);
      line += countNewlines(chunk);
      carry = Buffer.from(bytes.subarray(completeUpTo));
      offset += raw.length;
    } else {
      offset += chunk.length;
    }
    try {
      yield (decoder as InstanceType<typeof TextDecoder>).decode(chunk, { stream: true });
    } catch {
      throw notUtf8(file, offset, line, false); // UTF-16 with a lone surrogate
    }
  }
  if (!decoder) return;
  if (carry.length > 0) throw notUtf8(file, offset - carry.length, line, false); // ends inside a character
  try {
    yield decoder.decode();
  } catch {
    throw notUtf8(file, offset, line, false); // the file ends inside a character
  }
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** `;` (Norwegian Excel), TAB (Excel's «Unicode-tekst», .tsv) or `,`, decided by the header line. */
function delimiterOf(firstLine: string): string {
  const semicolons = count(firstLine, ';');
  if (semicolons > 0 && semicolons >= count(firstLine, ',')) return ';';
  return firstLine.includes('\t') ? '\t' : ',';
}

type Step = (result: Papa.ParseStepResult<string[]>, parser: Papa.Parser) => void;

/** Builds the table row by row for Papa's `step`, counting against the limits; `finish` gives it or the refusal. */
function tableCollector(file: string | null): { step: Step; failure: () => unknown; finish: () => Table } {
  const budget = new ReadBudget(file ?? 'fil');
  let headers: string[] | null = null;
  const rows: Table['rows'] = [];
  let line = 1;
  let error: unknown = null;
  return {
    step: (result, parser) => {
      if (error) return;
      if (result.errors.some((e) => e.type === 'Quotes')) {
        error = new DomainError('unreadable', `Filen kan ikke leses: et anførselstegn er ikke lukket (rad ${line}).`);
        parser.abort();
        return;
      }
      const cells = result.data.map(unneutralise);
      const at = line;
      line++;
      if (!headers) {
        headers = cells.map((h) => h.trim());
        return;
      }
      try {
        budget.row(cells);
      } catch (refusal) {
        error = refusal;
        parser.abort();
        return;
      }
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: at, cells });
    },
    failure: () => error,
    finish: () => {
      if (error) throw error;
      const header = headers as string[] | null;
      if (!header || header.every((h) => h.trim() === '')) {
        throw new DomainError('empty', 'Filen er tom eller mangler overskriftsrad.');
      }
      return { headers: header, rows };
    },
  };
}

/** Reads a CSV or text file into a table, as a stream, refusing one past the limits (read-limits.ts) as soon as it is. */
export async function readCsvFile(file: string): Promise<Table> {
  checkFileSize(file, 'csv');
  const chunks = decodedText(file);
  let first = '';
  // Enough text to see the whole header line.
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    first += next.value;
    if (/[\r\n]/.test(first) || first.length > 1_000_000) break;
  }
  const delimiter = delimiterOf(first.split(/\r?\n/, 1)[0] ?? '');
  async function* all(): AsyncGenerator<string> {
    yield first;
    yield* chunks;
  }
  const source = Readable.from(all(), { objectMode: false, encoding: 'utf8' });
  const collector = tableCollector(file);
  await new Promise<void>((resolve, reject) => {
    source.on('error', reject); // a refusal from decoding (not UTF-8, binary)
    Papa.parse<string[]>(source as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      step: (result, parser) => {
        collector.step(result, parser);
        if (collector.failure()) source.destroy();
      },
      complete: () => resolve(),
      error: (error: unknown) => reject(error),
    });
  });
  return collector.finish();
}

/** The same rules for text already in memory (a test's bytes, a small file): decoded strictly, parsed, limited. */
export function readCsv(bytes: Buffer, file: string | null = null): Table {
  const text = decodeAll(bytes, file);
  const collector = tableCollector(file);
  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text.split(/\r?\n/, 1)[0] ?? ''),
    skipEmptyLines: false,
    step: collector.step,
  });
  return collector.finish();
}

function decodeAll(bytes: Buffer, file: string | null): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw notUtf8(file, bytes.length, countNewlines(bytes), false);
    }
  }
  const { invalidAt, completeUpTo } = scanUtf8(bytes);
  const zip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (invalidAt >= 0) throw notUtf8(file, invalidAt, 1 + countNewlines(bytes.subarray(0, invalidAt)), zip);
  if (completeUpTo < bytes.length) throw notUtf8(file, completeUpTo, 1 + countNewlines(bytes), zip);
  if (bytes.includes(0)) throw binary(file);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * A cell our own CSV export neutralised (`'=…`, `'+…`, `'-…`, `'@…`, and `x,'=…` after a separator
 * inside the text: shared/report/csv.ts) comes
 * back as the user typed it, so exporting and importing again changes nothing (docs/import.md).
 */
export function unneutralise(cell: string): string {
  const start = /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
  return start.includes("'") ? start.replace(/([,;\t][\s"]*)'(?=[=+\-@])/g, '$1') : start;
}
