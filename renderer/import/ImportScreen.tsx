/**
 * Importer (Fil → Importer): a wizard over the CLI's import code (electron/io/import.ts through
 * the import:* channels). Choose what the file holds and the file, the sheet, map the columns,
 * check the rows, import the valid ones in one transaction with a progress bar, and keep a summary.
 * Decisions are in docs/import.md.
 */
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/api';
import type { MissingKullChoice } from '../../shared/contract/import';
import { formatTimestamp } from '../../shared/dates';
import type { ImportKind } from '../../shared/mapping';
import { mappingProblems } from '../../shared/mapping';
import { invoke } from '../bridge';
import { useNavigation } from '../navigation';
import { useReadOnly } from '../safety/safetyState';
import { Card } from '../ui/Card';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import { ChooseFileStep, ChooseSheetStep, type OpenedFile } from './ChooseFileStep';
import { type Columns, MappingStep } from './MappingStep';
import { ImportCounts, MissingKullChoiceField, type Preview, ProblemTable, SampleTable } from './PreviewStep';
import { ProgressStep } from './ProgressStep';
import { rader, things } from './words';
import './import.css';

type Step = 'fil' | 'ark' | 'kolonner' | 'kontroll' | 'importerer' | 'ferdig';
type Done = Output<'import:commit'>;

const STEP_TITLES: Record<Step, string> = {
  fil: 'Velg fil',
  ark: 'Velg ark',
  kolonner: 'Koble kolonner',
  kontroll: 'Kontroller radene',
  importerer: 'Importer',
  ferdig: 'Ferdig',
};

/** Why nothing can be imported, and what to do: the file may be fine (already imported, kull missing). */
function nothingToImport(preview: Preview): string {
  const what = preview.kind === 'kull' ? 'kullene' : 'deltakerne';
  if (preview.rows === 0) return 'Arket har ingen rader under overskriftsraden.';
  if (preview.duplicates === preview.rows) {
    return `Alle ${rader(preview.rows)} i filen finnes fra før i registeret, så det er ingenting å importere. Filen er trolig importert allerede; ${what} finner du under ${preview.kind === 'kull' ? 'Kull' : 'Deltakere'}.`;
  }
  if (preview.problemsTotal === 0 && preview.missingKull.length > 0 && preview.missingKullChoice === 'refuse') {
    return 'Ingen rader kan importeres før kullene finnes. Velg over om kullene skal opprettes, eller om deltakerne skal importeres uten kull.';
  }
  return 'Ingen rader kan importeres. Rett feilene i filen, eller gå tilbake og koble kolonnene på nytt.';
}

export function ImportScreen() {
  const [step, setStep] = useState<Step>('fil');
  const [kind, setKind] = useState<ImportKind>('deltakere');
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [columns, setColumns] = useState<Columns | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [missingKull, setMissingKull] = useState<MissingKullChoice>('refuse');
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kullNames, setKullNames] = useState<ReadonlyMap<number, string>>(new Map());
  const [message, setMessage] = useStatusMessage();
  const readOnly = useReadOnly();
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);

  const hasSheetStep = file?.format === 'xlsx' && file.sheets.length > 1;
  const steps: Step[] = ['fil', ...(hasSheetStep ? (['ark'] as const) : []), 'kolonner', 'kontroll', 'importerer'];

  // A new step: its heading takes the focus, so the keyboard and a screen reader start at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes.
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  useEffect(() => {
    void invoke('kull:list', {}).then((result) => {
      if (result.ok) setKullNames(new Map(result.value.map((k) => [k.id, k.navn])));
    });
  }, []);

  const run = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      if (result.ok) return result.value;
      setError(result.error.message);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const readColumns = async (chosenKind: ImportKind, chosenSheet: string | null) => {
    const value = await run(() => invoke('import:columns', { kind: chosenKind, sheet: chosenSheet }));
    if (!value) return;
    setColumns(value);
    setMapping(value.mapping);
    setPreview(null);
    setStep('kolonner');
  };

  const afterFile = (opened: OpenedFile, chosenKind = kind) => {
    if (opened.format === 'xlsx' && opened.sheets.length > 1) {
      setSheet((current) =>
        opened.sheets.some((s) => s.name === current)
          ? current
          : // A hidden sheet is never chosen for the user (it is marked on the screen).
            (opened.sheets.find((s) => !s.hidden && s.rows > 0)?.name ??
            opened.sheets.find((s) => !s.hidden)?.name ??
            null),
      );
      setStep('ark');
      return;
    }
    void readColumns(chosenKind, opened.sheets[0]?.name ?? null);
  };

  const chooseFile = async () => {
    const opened = await run(() => invoke('import:open', {}));
    if (!opened?.opened) return;
    setFile(opened);
    setSheet(null);
    afterFile(opened);
  };

  const checkRows = async (choice = missingKull) => {
    setMissingKull(choice);
    const value = await run(() => invoke('import:preview', { kind, mapping, missingKull: choice }));
    if (!value) return;
    setPreview(value);
    setStep('kontroll');
  };

  const commit = async () => {
    setStep('importerer');
    setCancelling(false);
    setError(null);
    setMessage(null);
    const result = await invoke('import:commit', { kind, mapping, missingKull });
    setCancelling(false);
    if (result.ok) {
      setDone(result.value);
      setStep('ferdig');
      setMessage({ tone: 'ok', text: `${things(kind, result.value.inserted)} importert.` });
      return;
    }
    setStep('kontroll');
    if (result.error.code === 'cancelled') setMessage({ tone: 'info', text: result.error.message });
    else setError(result.error.message);
  };

  const cancel = async () => {
    setCancelling(true);
    await invoke('import:cancel', {});
  };

  const saveSummary = async () => {
    const saved = await run(() => invoke('import:saveSummary', {}));
    if (!saved) return;
    if (saved.saved && saved.path) {
      setMessage({ tone: 'ok', text: `Sammendraget er lagret: ${saved.path.split(/[\\/]/).pop()}.` });
    } else setMessage({ tone: 'info', text: 'Sammendraget ble ikke lagret.' });
  };

  const startOver = async () => {
    await invoke('import:cancel', {});
    setFile(null);
    setSheet(null);
    setColumns(null);
    setPreview(null);
    setDone(null);
    setMissingKull('refuse');
    setError(null);
    setMessage(null);
    setStep('fil');
  };

  const changeKind = (next: ImportKind) => {
    setKind(next);
    setColumns(null);
    setPreview(null);
  };

  const mappingOk = columns !== null && mappingProblems(kind, mapping).length === 0;
  const kullName = (id: number) => kullNames.get(id) ?? '';

  return (
    <div className="import-screen">
      <div className="import-page">
        <h1 className="screen-title">Importer fra regneark</h1>
        {step !== 'ferdig' && (
          <ol className="import-steps" aria-label="Steg">
            {steps.map((s, index) => {
              const state = s === step ? 'current' : steps.indexOf(step) > index ? 'done' : 'upcoming';
              return (
                <li
                  key={s}
                  className={`import-step import-step-${state}`}
                  aria-current={s === step ? 'step' : undefined}
                >
                  <span className="import-step-number">{state === 'done' ? '✓' : index + 1}</span>
                  {STEP_TITLES[s]}
                </li>
              );
            })}
          </ol>
        )}
        <Card
          className="import-card"
          titleId="import-step-title"
          title={step === 'ferdig' ? 'Importen er ferdig' : STEP_TITLES[step]}
          titleRef={heading}
          focusableTitle
        >
          {error && (
            <div className="alert alert-error" role="alert">
              {error}
            </div>
          )}

          {step === 'fil' && (
            <ChooseFileStep
              kind={kind}
              onKind={changeKind}
              file={file}
              busy={busy}
              readOnly={readOnly}
              onChoose={() => void chooseFile()}
              onNext={() => file && afterFile(file)}
            />
          )}

          {step === 'ark' && file && (
            <>
              <ChooseSheetStep file={file} sheet={sheet} onSheet={setSheet} />
              <div className="import-actions">
                <button type="button" className="button" onClick={() => setStep('fil')}>
                  Tilbake
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy || sheet === null}
                  onClick={() => void readColumns(kind, sheet)}
                >
                  Neste
                </button>
              </div>
            </>
          )}

          {step === 'kolonner' && file?.fileName && columns && (
            <>
              <MappingStep
                kind={kind}
                fileName={file.fileName}
                columns={columns}
                mapping={mapping}
                onChange={(index, field) => setMapping((m) => m.map((old, i) => (i === index ? field : old)))}
              />
              <div className="import-actions">
                <button type="button" className="button" onClick={() => setStep(hasSheetStep ? 'ark' : 'fil')}>
                  Tilbake
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy || !mappingOk}
                  onClick={() => void checkRows()}
                >
                  {busy ? 'Kontrollerer …' : 'Kontroller radene'}
                </button>
              </div>
            </>
          )}

          {step === 'kontroll' && preview && (
            <>
              <ImportCounts counts={preview} goingIn={preview.valid} done={false} />
              <MissingKullChoiceField
                missing={preview.missingKull}
                choice={missingKull}
                disabled={busy}
                onChoice={(choice) => void checkRows(choice)}
              />
              <ProblemTable counts={preview} />
              <SampleTable kind={kind} mapping={mapping} sample={preview.sample} kullName={kullName} />
              {preview.valid === 0 && <p className="import-hint">{nothingToImport(preview)}</p>}
              <div className="import-actions">
                <button type="button" className="button" onClick={() => setStep('kolonner')}>
                  Tilbake
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy || readOnly || preview.valid === 0}
                  onClick={() => void commit()}
                >
                  Importer {things(kind, preview.valid)}
                </button>
              </div>
            </>
          )}

          {step === 'importerer' && preview && (
            <ProgressStep kind={kind} total={preview.valid} onCancel={() => void cancel()} cancelling={cancelling} />
          )}

          {step === 'ferdig' && done && (
            <>
              <p className="import-intro">
                Fra <strong>{done.fileName}</strong>
                {done.sheet ? `, arket «${done.sheet}»` : ''}.
              </p>
              <ImportCounts counts={done} goingIn={done.inserted} done={true} createdKull={done.createdKull} />
              {done.backup && (
                <p className="import-hint">
                  Registeret slik det var før importen, er lagret som sikkerhetskopi (
                  {formatTimestamp(done.backup.time)}, «{done.backup.kindLabel}»). Under Register og sikkerhet kan du gå
                  tilbake til den.
                </p>
              )}
              <ProblemTable counts={done} />
              <p className="import-hint">
                Sammendraget har tallene og hver linje som ikke ble importert, med årsaken. Det har ingen navn: linjene
                finner du igjen i din egen fil.
              </p>
              <div className="import-actions">
                <button type="button" className="button" disabled={busy} onClick={() => void saveSummary()}>
                  Lagre sammendrag …
                </button>
                {kind === 'deltakere' && done.firstId !== null && (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => navigation.openDeltaker(done.firstId as number)}
                  >
                    Vis deltakerne
                  </button>
                )}
                {kind === 'kull' && done.inserted > 0 && navigation.hasScreen('kull') && (
                  <button type="button" className="button button-primary" onClick={() => navigation.openScreen('kull')}>
                    Vis kullene
                  </button>
                )}
                <button type="button" className="button" onClick={() => void startOver()}>
                  Importer en fil til
                </button>
              </div>
            </>
          )}
        </Card>
        <StatusBar message={message} />
      </div>
    </div>
  );
}
