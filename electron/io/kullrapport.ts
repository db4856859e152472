/**
 * The report file for the samlerapport on disk (samlerapport.md, "The report file"): made from a
 * register for a report view, written as `.kullrapport.json` or as the hidden sheet `kullrapport` of
 * the Rapport screen's XLSX, and read back from either (or from a folder of them). Reading never
 * throws for a bad file: it becomes a refusal with the reason, so one bad file never stops a merge.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildReportDetail, monthPeriods } from '../../shared/report/engine';
import {
  buildKullrapport,
  type CheckedFile,
  checkKullrapport,
  type FilePeriod,
  type FileRegister,
  filePeriodOf,
  KULLRAPPORT_EXTENSION,
  KULLRAPPORT_SHEET,
  type KullrapportFile,
  kullrapportText,
  localTimestamp,
  REFUSALS,
} from '../../shared/report/samle/file';
import type { SamleInput } from '../../shared/report/samle/merge';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { reportInputFromRegister } from '../store/report';
import { getSettings } from '../store/settings';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The periods a file from this view holds: from a whole month the month and hittil i år, else the one period. */
export function filePeriodsFor(from: string, to: string): { from: string; to: string }[] {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  const periods = monthPeriods(year, month);
  if (from === periods.month.from && to === periods.month.to) {
    // In January the month is hittil i år: once is enough.
    return from === periods.hittilIAr.from ? [periods.month] : [periods.month, periods.hittilIAr];
  }
  return [{ from, to }];
}

export function fileRegisterOf(reg: Register): FileRegister {
  const { tiltak, avdeling, kontaktperson, opptak } = getSettings(reg);
  return { tiltak, avdeling, kontaktperson, opptak };
}

/** One period of the file, straight from the register. */
export function filePeriodFromRegister(reg: Register, from: string, to: string): FilePeriod {
  const { report, ventetid } = buildReportDetail(reportInputFromRegister(reg, from, to));
  return filePeriodOf(report, ventetid);
}

export function kullrapportFromRegister(reg: Register, from: string, to: string, now = new Date()): KullrapportFile {
  if (getSettings(reg).tiltak.trim() === '') {
    // The samlerapport tells the tiltak apart by name: a file without one could not be placed.
    throw new DomainError(
      'no_tiltak',
      'Registeret har ikke noe tiltaksnavn. Skriv inn tiltakets navn under Innstillinger, og lagre filen på nytt.',
    );
  }
  const periods = filePeriodsFor(from, to).map((p) => filePeriodFromRegister(reg, p.from, p.to));
  return buildKullrapport({ register: fileRegisterOf(reg), madeAt: localTimestamp(now), periods }, sha256);
}

/**
 * The file for an XLSX's hidden sheet: none when the register has no tiltak name (the workbook is
 * still the tiltak's own report; only the samlerapport needs the name).
 */
export function kullrapportForXlsx(reg: Register, from: string, to: string): KullrapportFile | undefined {
  return getSettings(reg).tiltak.trim() === '' ? undefined : kullrapportFromRegister(reg, from, to);
}

/** Excel holds at most 32,767 characters in a cell: the file's text goes down column A in parts. */
const CELL_PART = 30_000;

/** Adds the hidden sheet `kullrapport` holding the file's text, so this XLSX can be merged too. */
export function addKullrapportSheet(workbook: ExcelJS.Workbook, file: KullrapportFile): void {
  const sheet = workbook.addWorksheet(KULLRAPPORT_SHEET, { state: 'hidden' });
  const text = JSON.stringify(file);
  for (let at = 0; at < text.length; at += CELL_PART) sheet.addRow([text.slice(at, at + CELL_PART)]);
}

/** A file larger than this is no report file (a month's is a few kB). */
const MAX_BYTES = 20 * 1024 * 1024;
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A file's content, checked: a `.kullrapport.json` text, or an XLSX with the hidden sheet. */
export async function checkFileBytes(name: string, bytes: Uint8Array): Promise<CheckedFile> {
  if (bytes.length > MAX_BYTES) return { ok: false, reason: REFUSALS.notReport(name) };
  if (!isZip(bytes)) return checkKullrapport(Buffer.from(bytes).toString('utf8'), name, sha256);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: REFUSALS.notReport(name) };
  }
  const sheet = workbook.getWorksheet(KULLRAPPORT_SHEET);
  if (!sheet) return { ok: false, reason: REFUSALS.noSheet(name) };
  const parts: string[] = [];
  sheet.eachRow((row) => {
    const value = row.getCell(1).value;
    parts.push(typeof value === 'string' ? value : '');
  });
  return checkKullrapport(parts.join(''), name, sha256);
}

/** The files a path stands for: a file itself, or a folder's report files and XLSX files (not its subfolders). */
export function expandSources(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      files.push(p); // read below, and refused as missing
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(p);
      continue;
    }
    const inFolder = fs
      .readdirSync(p, { withFileTypes: true })
      .filter((e) => e.isFile() && isReportFileName(e.name))
      .map((e) => path.join(p, e.name))
      .sort();
    files.push(...inFolder);
  }
  return files;
}

/** What a folder is searched for: report files, and XLSX files (which may carry the hidden sheet). */
export function isReportFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return !name.startsWith('~$') && (lower.endsWith(KULLRAPPORT_EXTENSION) || lower.endsWith('.xlsx'));
}

/** Reads and checks every file; a file that cannot be read at all is a refusal too. Names only, never folders. */
export async function readSources(paths: readonly string[]): Promise<SamleInput[]> {
  const inputs: SamleInput[] = [];
  for (const file of expandSources(paths)) {
    const name = path.basename(file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      inputs.push({
        name,
        checked: {
          ok: false,
          reason: `«${name}» finnes ikke eller kan ikke leses. Sjekk at filen er der, og prøv igjen.`,
        },
      });
      continue;
    }
    inputs.push({ name, checked: await checkFileBytes(name, bytes) });
  }
  return inputs;
}

export { kullrapportText };
