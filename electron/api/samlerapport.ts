/**
 * The Samlerapport screen's handlers (shared/contract/samlerapport.ts). They work with no register
 * open (app.ts runs them then too) and never touch one. The files the koordinator gives are read and
 * checked at once and kept here, in the main process, as what reading gave (a report file or the
 * reason it was refused): never a path the page sent, never a refused file's content.
 * Dialogs, saving, printing and the settings file come from the app's host (host.ts).
 */
import path from 'node:path';
import type { SamleExportFormat, SamleState, SamleSummary } from '../../shared/contract/samlerapport';
import { todayIso } from '../../shared/dates';
import { isWide, renderSamleHtml } from '../../shared/report/samle/html';
import { mergeSamlerapport, periodsOffered, type SamleInput, type Samlerapport } from '../../shared/report/samle/merge';
import { checkFileBytes, readSources } from '../io/kullrapport';
import { samleFileName, samleTitle, writeSamleFile } from '../io/samle-files';
import { readAppConfig, updateAppConfig } from '../register/app-config';
import { DomainError } from '../store/errors';
import { currentHost, type FileKind, fileTarget, type Host, requirePrinter } from './host';
import { FILE_KINDS } from './report';
import { NOT_SAVED, printWindow, savedFile } from './report-output';
import type { HandlerMap } from './types';

/** The files the open dialog offers for the samlerapport. */
const REPORT_FILE_KINDS: FileKind[] = [
  { name: 'Rapportfiler (.kullrapport.json, .xlsx)', extensions: ['json', 'xlsx'] },
  { name: 'Alle filer', extensions: ['*'] },
];

type Loaded = SamleInput & { id: string };
let loaded: Loaded[] = [];
let nextId = 1;

/** Forget every file (tests start afresh with it). */
export function resetSamle(): void {
  loaded = [];
}

function settingsOf(host: Host | null): SamleState['settings'] {
  const saved = host ? readAppConfig(host.paths.settingsFile).samlerapport : { kommune: '', expected: [] };
  return { kommune: saved.kommune, forventet: saved.expected };
}

function state(): SamleState {
  return {
    files: loaded.map(({ id, name, checked }) => ({
      id,
      name,
      ok: checked.ok,
      tiltak: checked.ok ? checked.file.register.tiltak : null,
      madeAt: checked.ok ? checked.file.made_at : null,
      periods: checked.ok ? checked.file.periods.map(({ from, to }) => ({ from, to })) : [],
      reason: checked.ok ? null : checked.reason,
    })),
    periods: periodsOffered(loaded),
    settings: settingsOf(currentHost()),
  };
}

/** Adds files; the same file name given again replaces the one given before. */
function add(inputs: readonly SamleInput[]): SamleState {
  for (const input of inputs) {
    loaded = loaded.filter((l) => l.name !== input.name);
    loaded.push({ ...input, id: String(nextId++) });
  }
  return state();
}

function merged(from: string, to: string): Samlerapport {
  const { kommune, forventet: expected } = settingsOf(currentHost());
  return mergeSamlerapport(loaded, {
    from,
    to,
    expected,
    ...(kommune.trim() ? { totalName: `${kommune.trim()} totalt` } : {}),
  });
}

function summaryOf(report: Samlerapport): SamleSummary {
  return {
    tiltak: report.tiltak.map((t) => ({ tiltak: t.tiltak, avdeling: t.avdeling, file: t.file, madeAt: t.made_at })),
    missing: report.missing,
    refused: report.refused,
    replaced: report.replaced,
    quality: report.tiltak
      .map((t) => ({
        tiltak: t.tiltak,
        count: t.datakvalitet.reduce((s, d) => s + d.count, 0),
        rules: t.datakvalitet.filter((d) => d.count > 0).length,
      }))
      .sort((a, b) => b.count - a.count || a.tiltak.localeCompare(b.tiltak, 'nb')),
    wide: isWide(report),
  };
}

const SAMLE_NEEDS_APP =
  'PDF og utskrift lages av Kullregister-programmets vindu. Fra kommandolinjen: bruk --format html eller xlsx.';

const SAVE_TITLES: Record<SamleExportFormat, string> = {
  pdf: 'Lagre samlerapporten som PDF',
  xlsx: 'Lagre samlerapporten som Excel',
  csv: 'Lagre samlerapporten som CSV',
  json: 'Lagre samlerapporten som JSON',
};

function exportSamle(input: { from: string; to: string; format: SamleExportFormat; path?: string | undefined }) {
  const { format } = input;
  const printer = format === 'pdf' ? requirePrinter(SAMLE_NEEDS_APP) : null;
  const target = fileTarget(input.path, { missing: 'Oppgi hvor filen skal lagres (path).' });
  const report = merged(input.from, input.to);
  if (report.tiltak.length === 0) {
    throw new DomainError(
      'nothing',
      'Ingen av filene har denne perioden. Legg til rapportfiler, eller velg en annen periode.',
    );
  }
  const file = target.save({
    title: SAVE_TITLES[format],
    defaultName: `${samleFileName(report)}.${format}`,
    kind: FILE_KINDS[format],
  });
  if (file === null) return NOT_SAVED;
  // A PDF is the window's print of the Samlerapport screen, which shows this same HTML.
  return savedFile(
    file,
    () =>
      printer ? printer.printToPdf(file) : writeSamleFile(report, format as Exclude<SamleExportFormat, 'pdf'>, file),
    (error) => {
      const detail = error instanceof Error ? error.message : String(error);
      return new DomainError(
        'write_failed',
        `Samlerapporten kunne ikke lagres (${detail}). Er filen åpen i Excel? Lukk den, eller velg et annet filnavn eller en annen mappe.`,
      );
    },
  );
}

export const samleHandlers = {
  'samle:state': () => state(),
  'samle:choose': (_reg, { folder }) => {
    const host = currentHost();
    if (!host)
      throw new DomainError(
        'no_app',
        'Filvalg kan bare gjøres i Kullregister-programmet. Dra filene inn i vinduet i stedet.',
      );
    const chosen = host.chooseOpenPaths(
      folder
        ? { title: 'Velg mappen med rapportfilene', folder: true }
        : { title: 'Velg rapportfilene fra tiltakene', multiple: true, kinds: REPORT_FILE_KINDS },
    );
    if (chosen === null) return state();
    return readSources(chosen).then(add);
  },
  'samle:drop': async (_reg, { files }) => {
    const inputs: SamleInput[] = [];
    for (const file of files) {
      const name = path.basename(file.name.replaceAll('\\', '/'));
      inputs.push({ name, checked: await checkFileBytes(name, Buffer.from(file.data, 'base64')) });
    }
    return add(inputs);
  },
  'samle:remove': (_reg, { id }) => {
    loaded = loaded.filter((l) => l.id !== id);
    return state();
  },
  'samle:clear': () => {
    loaded = [];
    return state();
  },
  'samle:settings': (_reg, settings) => {
    const host = currentHost();
    if (!host) throw new DomainError('no_app', 'Innstillingene kan bare lagres i Kullregister-programmet.');
    const expected = [...new Set(settings.forventet.map((s) => s.trim()).filter((s) => s !== ''))];
    updateAppConfig(host.paths.settingsFile, (config) => {
      config.samlerapport = { kommune: settings.kommune.trim(), expected };
    });
    return state();
  },
  'samle:view': (_reg, { from, to }) => {
    const report = merged(from, to);
    return {
      html: renderSamleHtml(report, todayIso()),
      title: samleTitle(report),
      fileName: samleFileName(report),
      summary: summaryOf(report),
    };
  },
  'samle:export': (_reg, input) => exportSamle(input),
  'samle:print': () => printWindow(SAMLE_NEEDS_APP),
} satisfies Partial<HandlerMap>;
