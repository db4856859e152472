/**
 * Reading printed PDFs in tests with a library from the registry (unpdf: PDF.js, no system binary),
 * and, for people to look at, PNGs of the pages where poppler's `pdftoppm` happens to be installed.
 * The PNGs are optional: without a renderer they are skipped with one line saying so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extractText } from 'unpdf';

export type PdfText = { pages: number; text: string; pageTexts: string[] };

/** The text of every page (lines as PDF.js gives them), and the page count. */
export async function readPdf(file: string): Promise<PdfText> {
  const { totalPages, text } = await extractText(new Uint8Array(fs.readFileSync(file)), { mergePages: false });
  return { pages: totalPages, text: text.join('\n'), pageTexts: text };
}

let renderer: boolean | undefined;
function hasPdftoppm(): boolean {
  if (renderer === undefined) {
    renderer = spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
    if (!renderer) console.log('PNGs of printed pages skipped: pdftoppm (poppler-utils) is not installed here.');
  }
  return renderer;
}

/**
 * Writes `<folder>/<prefix>-N.png` for each page (old ones with that prefix removed first) when
 * pdftoppm exists; otherwise writes nothing (and says so once). Returns the PNG names written.
 */
export function pagePngs(pdf: string, folder: string, prefix: string): string[] {
  fs.mkdirSync(folder, { recursive: true });
  for (const old of fs.readdirSync(folder).filter((f) => f.startsWith(`${prefix}-`))) fs.rmSync(path.join(folder, old));
  if (!hasPdftoppm()) return [];
  spawnSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(folder, prefix)], { stdio: 'inherit' });
  return fs.readdirSync(folder).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
}
