/**
 * Rapport: pick the period, see the municipality's form exactly as it will print (the HTML of
 * report:html, styled by resources/report.css), fix what the data-quality list points at, then print
 * it or save it as PDF, Excel or CSV.
 */
import { useEffect, useMemo, useState } from 'react';
import '../../resources/report.css';
import './rapport.css';
import type { ExportFormat } from '../../shared/contract/report';
import { todayIso } from '../../shared/dates';
import { periodLabel } from '../../shared/report/format';
import type { DatakvalitetItem } from '../../shared/report/schema';
import { lastCompleteMonth, type ViewChoice, viewRequest } from '../../shared/report/views';
import { invoke } from '../bridge';
import { useNavigation } from '../navigation';
import { OutputButtons } from '../ui/OutputButtons';
import { printedMessage, savedMessage, useRun } from '../ui/reportOutput';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';
import { DatakvalitetList } from './DatakvalitetList';
import { PeriodPicker } from './PeriodPicker';

const SAVE_BUTTONS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'pdf', label: 'Lagre som PDF' },
  { format: 'xlsx', label: 'Lagre som Excel' },
  { format: 'csv', label: 'Lagre som CSV' },
  // The file the tiltak sends to the koordinator (docs/samlerapport.md): the month and hittil i år, numbers only.
  { format: 'kullrapport', label: 'Lagre for samlerapport' },
];

export function RapportScreen() {
  const today = todayIso();
  const [choice, setChoice] = useState<ViewChoice>(() => ({ mode: 'month', ...lastCompleteMonth(today) }));
  const request = useMemo(() => viewRequest(choice), [choice]);
  // The data-quality list covers the widest block shown: hittil i år for a month.
  const qualityPeriod = useMemo(
    () => (request.monthly ? { from: `${request.from.slice(0, 4)}-01-01`, to: request.to } : request),
    [request],
  );
  const [html, setHtml] = useState<string | null>(null);
  const [quality, setQuality] = useState<DatakvalitetItem[] | null>(null);
  /** Why no report is shown for the period in the fields (PeriodPicker's onPending); null: it is. */
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useStatusMessage();
  const { busy, run } = useRun(setMessage);
  const navigation = useNavigation();

  // Another period: the message about the last one («Lagret rapport-2021-10.pdf») goes with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `request` is the signal to clear it.
  useEffect(() => setMessage(null), [request, setMessage]);

  useEffect(() => {
    let current = true;
    setHtml(null);
    setQuality(null);
    // The form as soon as it is made; the data-quality list (its own report, hittil i år) follows.
    const fail = (message: string) => {
      if (current) setMessage({ tone: 'error', text: message });
    };
    void invoke('report:html', request).then((page) => {
      if (!current) return;
      if (page.ok) setHtml(page.value.html);
      else fail(page.error.message);
    });
    void invoke('report:build', { from: qualityPeriod.from, to: qualityPeriod.to }).then((report) => {
      if (!current) return;
      if (report.ok) setQuality(report.value.datakvalitet);
      else fail(report.error.message);
    });
    return () => {
      current = false;
    };
  }, [request, qualityPeriod, setMessage]);

  const save = (format: ExportFormat) =>
    run(
      () => invoke('report:export', { ...request, format }),
      (saved) => setMessage(savedMessage(saved)),
    );
  const print = () =>
    run(
      () => invoke('report:print', {}),
      (result) => setMessage(printedMessage(result)),
    );

  // Fil → Skriv ut rapport (Ctrl+P) from any screen: print as soon as the report is on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `print` is new every render; the request is taken once.
  useEffect(() => {
    if (html === null || !navigation.takePrintRequest()) return;
    if (pending === null) void print();
    else setMessage({ tone: 'warning', text: `Ikke skrevet ut: ${pending}` });
  }, [html, navigation]);

  const scope = request.monthly
    ? `Hittil i år (${periodLabel(qualityPeriod.from, qualityPeriod.to)})`
    : periodLabel(request.from, request.to);

  return (
    <div className="rapport-screen">
      <div className="toolbar">
        <h1 className="screen-title">Rapport</h1>
        <PeriodPicker
          value={choice}
          thisYear={Number(today.slice(0, 4))}
          onChange={setChoice}
          onPending={(reason) => {
            setPending(reason);
            if (reason) setMessage(null);
          }}
        />
        <OutputButtons
          formats={SAVE_BUTTONS}
          disabled={busy || html === null || pending !== null}
          onPrint={() => void print()}
          onSave={(format) => void save(format)}
        />
      </div>
      <div className="rapport-body">
        <section className="rapport-paper" aria-label="Rapporten slik den skrives ut" aria-busy={html === null}>
          {pending !== null ? (
            <p className="rapport-loading rapport-pending">{pending}</p>
          ) : html === null ? (
            <p className="rapport-loading">Lager rapporten …</p>
          ) : (
            // The markup comes from shared/report/html.ts, which escapes every text taken from data.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the report's own escaped HTML, the same that prints.
            <div className="rapport-sheet" dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </section>
        <DatakvalitetList items={quality} scope={scope} pending={pending} onOpen={navigation.openDeltaker} />
      </div>
      <StatusBar message={message} />
    </div>
  );
}
