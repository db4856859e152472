/**
 * The demo register: fictional Sykkelvert data (13 kull, 238 deltakere) from resources/demo, read and
 * checked by the same import as `npm run demo` and `npm run cli -- import`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Register } from '../store/connection';
import { DomainError } from '../store/errors';
import { commitImport, type ImportKind, planImport } from './import';
import { readTable } from './table';

export const DEMO_FILES: readonly { kind: ImportKind; file: string }[] = [
  { kind: 'kull', file: 'sykkelvert-kull.csv' },
  { kind: 'deltakere', file: 'sykkelvert-deltakere.csv' },
];

export const DEMO_SETTINGS = {
  tiltak: 'Sykkelvert (demo)',
  avdeling: 'Etat for sykehjem',
  kontaktperson: 'Fiktive data: kan endres og slettes fritt',
  opptak: 'kull',
  kull_lengde_mnd: 3,
} as const;

/** Imports the demo files into an empty register; the files are checked before anything is written. */
export async function fillDemoRegister(reg: Register, folder: string): Promise<{ kull: number; deltakere: number }> {
  const missing = DEMO_FILES.map((d) => path.join(folder, d.file)).filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new DomainError(
      'demo_missing',
      `Eksempeldataene mangler i installasjonen (${missing.map((f) => path.basename(f)).join(', ')}). Installer Kullregister på nytt.`,
    );
  }
  const counts = { kull: 0, deltakere: 0 };
  for (const { kind, file } of DEMO_FILES) {
    const plan = planImport(reg, kind, await readTable(path.join(folder, file)));
    counts[kind] = commitImport(reg, plan).inserted;
  }
  return counts;
}
