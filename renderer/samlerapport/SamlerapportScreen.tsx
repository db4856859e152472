/**
 * Samlerapport: the koordinator gives the tiltak's report files (chosen in the system's dialog, or
 * dropped on the screen: the page reads their bytes and sends them, it has no paths), picks the
 * period, and sees the city's form — the total first, then a block per tiltak — with the refused
 * files, Hvem mangler and Datakvalitet per tiltak beside it; then prints it or saves it. Works with no
 * register open (start/RegisterGate.tsx shows it from the start screen) and from the app's tabs.
 */
import { type DragEvent, useCallback, useEffect, useState } from 'react';
import '../../resources/report.css';
import '../../resources/samlerapport.css';
import '../rapport/rapport.css';
import './samlerapport.css';
import type { SamleExportFormat, SamleState, SamleSummary } from '../../shared/contract/samlerapport';
import { periodLabel } from '../../shared/report/format';
import { invoke } from '../bridge';
import { OutputButtons } from '../ui/OutputButtons';
import { printedMessage, savedMessage, useRun } from '../ui/reportOutput';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import { filesToDrop } from './drop';
import { SamleSidePanel } from './SamleSidePanel';

const SAVE_BUTTONS: readonly { format: SamleExportFormat; label: string }[] = [
  { format: 'pdf', label: 'Lagre som PDF' },
  { format: 'xlsx', label: 'Lagre som Excel' },
  { format: 'csv', label: 'Lagre som CSV' },
  { format: 'json', label: 'Lagre som JSON' },
];

const periodKey = (p: { from: string; to: string }) => `${p.from}/${p.to}`;

type View = { html: string; summary: SamleSummary };

export function SamlerapportScreen() {
  const [state, setState] = useState<SamleState | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useStatusMessage();

  const { busy, run } = useRun(setMessage);

  /** New files: the period stays if the files still have it, else the one most files have. */
  const took = useCallback(
    (next: SamleState, added?: number) => {
      setState(next);
      setPeriod((current) =>
        current && next.periods.some((p) => periodKey(p) === current)
          ? current
          : next.periods[0]
            ? periodKey(next.periods[0])
            : null,
      );
      if (added !== undefined) {
        const unreadable = next.files.filter((f) => !f.ok).length;
        setMessage({
          tone: unreadable > 0 ? 'warning' : 'ok',
          text: `${added} ${added === 1 ? 'fil' : 'filer'} lagt til. ${
            unreadable > 0 ? `${unreadable} kan ikke brukes: se listen til høyre.` : 'Se listen til høyre.'
          }`,
        });
      }
    },
    [setMessage],
  );

  useEffect(() => {
    void run(
      () => invoke('samle:state', {}),
      (s) => took(s),
    );
  }, [run, took]);

  const chosen = state?.periods.find((p) => periodKey(p) === period) ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `state` is the signal that the files changed.
  useEffect(() => {
    if (!chosen) {
      setView(null);
      return;
    }
    let current = true;
    void invoke('samle:view', { from: chosen.from, to: chosen.to }).then((result) => {
      if (!current) return;
      if (result.ok) setView({ html: result.value.html, summary: result.value.summary });
      else setMessage({ tone: 'error', text: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [chosen?.from, chosen?.to, state, setMessage]);

  const before = state?.files.length ?? 0;
  const choose = (folder: boolean) =>
    run(
      () => invoke('samle:choose', { folder }),
      (s) => took(s, s.files.length === before ? undefined : s.files.length - before),
    );

  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    const prepared = await filesToDrop(files);
    if (!prepared.ok) {
      setMessage({ tone: 'error', text: prepared.message });
      return;
    }
    await run(
      () => invoke('samle:drop', { files: prepared.files }),
      (s) => took(s, files.length),
    );
  };

  const save = (format: SamleExportFormat) =>
    chosen &&
    run(
      () => invoke('samle:export', { from: chosen.from, to: chosen.to, format }),
      (saved) => setMessage(savedMessage(saved)),
    );
  const print = () =>
    run(
      () => invoke('samle:print', {}),
      (result) => setMessage(printedMessage(result)),
    );

  const canOutput = !busy && view !== null && view.summary.tiltak.length > 0;

  return (
    <section
      className={`samle-screen${dragging ? ' samle-screen--dragging' : ''}`}
      aria-label="Samlerapport"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => void drop(e)}
    >
      <div className="toolbar">
        <h1 className="screen-title">Samlerapport</h1>
        <div className="samle-add">
          <button type="button" className="button" disabled={busy} onClick={() => void choose(false)}>
            Velg filer …
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void choose(true)}>
            Velg mappe …
          </button>
        </div>
        <label className="samle-period">
          <span className="form-label">Periode</span>
          <select
            className="select"
            value={period ?? ''}
            disabled={!state || state.periods.length === 0}
            onChange={(e) => setPeriod(e.target.value)}
          >
            {state?.periods.length === 0 && <option value="">Ingen filer ennå</option>}
            {state?.periods.map((p) => (
              <option key={periodKey(p)} value={periodKey(p)}>
                {periodLabel(p.from, p.to)} ({p.files} {p.files === 1 ? 'fil' : 'filer'})
              </option>
            ))}
          </select>
        </label>
        <OutputButtons
          formats={SAVE_BUTTONS}
          disabled={!canOutput}
          onPrint={() => void print()}
          onSave={(format) => void save(format)}
        />
      </div>
      <div className="rapport-body">
        <section className="rapport-paper" aria-label="Samlerapporten slik den skrives ut" aria-busy={busy}>
          {view && view.summary.tiltak.length > 0 ? (
            <div
              className={`rapport-sheet${view.summary.wide ? ' samle-sheet--wide' : ''}`}
              // The markup comes from shared/report/samle/html.ts, which escapes every text taken from data.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: the samlerapport's own escaped HTML, the same that prints.
              dangerouslySetInnerHTML={{ __html: view.html }}
            />
          ) : (
            <div className="samle-empty">
              <p className="samle-empty-title">Dra rapportfilene fra tiltakene hit</p>
              <p>
                … eller velg dem med «Velg filer» eller «Velg mappe». Kullregister leser filer som slutter på
                .kullrapport.json (fra «Lagre for samlerapport» på Rapport-skjermen) og Excel-filer lagret fra
                Rapport-skjermen.
              </p>
              {state && state.files.length > 0 && !chosen && <p>Ingen av filene kunne leses. Se listen til høyre.</p>}
            </div>
          )}
        </section>
        <SamleSidePanel
          state={state}
          summary={view?.summary ?? null}
          busy={busy}
          onRemove={(id) =>
            void run(
              () => invoke('samle:remove', { id }),
              (s) => took(s),
            )
          }
          onClear={() =>
            void run(
              () => invoke('samle:clear', {}),
              (s) => took(s),
            )
          }
          onSettings={(settings) =>
            void run(
              () => invoke('samle:settings', settings),
              (s) => {
                took(s);
                setMessage({ tone: 'ok', text: 'Innstillingene er lagret.' });
              },
            )
          }
        />
      </div>
      <StatusBar message={message} />
    </section>
  );
}
