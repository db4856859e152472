/**
 * Årsrapport: pick the years, see the form's rows year by year, the breakdowns, the follow-up and
 * the charts exactly as they print (the HTML of arsrapport:html, charts drawn as SVG by the main
 * process), then print it or save it as PDF, Excel or CSV. The switch «Skjul små tall» is the
 * register's setting; while it is on, the report says so at its top and the screen beside the switch.
 */
import { useEffect, useState } from 'react';
import '../../resources/report.css';
import '../../resources/arsrapport.css';
import '../rapport/rapport.css';
import './arsrapport.css';
import type { ArsrapportFormat } from '../../shared/contract/arsrapport';
import { todayIso } from '../../shared/dates';
import { MAX_YEARS } from '../../shared/report/arsrapport/build';
import { invoke } from '../bridge';
import { useNavigation } from '../navigation';
import { OutputButtons } from '../ui/OutputButtons';
import { printedMessage, savedMessage, useRun } from '../ui/reportOutput';
import { StatusBar, useStatusMessage } from '../ui/StatusBar';

const SAVE_BUTTONS: readonly { format: ArsrapportFormat; label: string }[] = [
  { format: 'pdf', label: 'Lagre som PDF' },
  { format: 'xlsx', label: 'Lagre som Excel' },
  { format: 'csv', label: 'Lagre som CSV' },
];

type Span = { first?: number; last?: number };
type Shown = { html: string; first: number; last: number; registerFirstYear: number | null; hidden: boolean };

export function ArsrapportScreen() {
  const thisYear = Number(todayIso().slice(0, 4));
  const [span, setSpan] = useState<Span>({});
  const [shown, setShown] = useState<Shown | null>(null);
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useStatusMessage();
  const { busy, run } = useRun(setMessage);
  const navigation = useNavigation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the signal to read again.
  useEffect(() => {
    let current = true;
    void invoke('arsrapport:html', span).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
      const v = result.value;
      setShown({
        html: v.html,
        first: v.first,
        last: v.last,
        registerFirstYear: v.registerFirstYear,
        hidden: v.smallNumbersHidden,
      });
    });
    return () => {
      current = false;
    };
  }, [span, reload, setMessage]);

  const save = (format: ArsrapportFormat) =>
    run(
      () => invoke('arsrapport:export', { ...span, format }),
      (saved) => setMessage(savedMessage(saved)),
    );
  const print = () =>
    run(
      () => invoke('arsrapport:print', {}),
      (result) => setMessage(printedMessage(result)),
    );

  const toggleSmallNumbers = (hide: boolean) => {
    // The box follows the click at once; the report follows when the setting is stored.
    setShown((s) => (s ? { ...s, hidden: hide } : s));
    void run(
      () => invoke('settings:update', { skjul_sma_tall: hide }),
      () => {
        setMessage({
          tone: 'ok',
          text: hide
            ? 'Små tall (1–4) vises som «<5» i utskrift og filer.'
            : 'Små tall vises nå med eksakte tall. Slå skjulingen på igjen før du sender rapporten videre.',
        });
        navigation.settingsChanged();
        setReload((n) => n + 1);
      },
    );
  };

  const earliest = Math.min(shown?.registerFirstYear ?? thisYear - 1, shown?.first ?? thisYear);
  const years = Array.from({ length: thisYear - earliest + 1 }, (_, i) => earliest + i);
  const pick = (which: 'first' | 'last', year: number) => {
    const first = which === 'first' ? year : (shown?.first ?? year);
    const last = which === 'last' ? year : (shown?.last ?? year);
    // Keep the span the right way round and at most ten years, moving the other end along.
    if (which === 'first') setSpan({ first, last: Math.min(Math.max(last, first), first + MAX_YEARS - 1) });
    else setSpan({ first: Math.max(Math.min(first, last), last - MAX_YEARS + 1), last });
  };

  return (
    <div className="rapport-screen arsrapport-screen">
      <div className="toolbar">
        <h1 className="screen-title">Årsrapport</h1>
        <fieldset className="ars-years">
          <legend className="visually-hidden">År i rapporten</legend>
          <label className="toolbar-field">
            <span className="toolbar-label">Fra år</span>
            <select
              className="select select-narrow"
              value={shown?.first ?? ''}
              disabled={shown === null}
              onChange={(e) => pick('first', Number(e.target.value))}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar-field">
            <span className="toolbar-label">Til år</span>
            <select
              className="select select-narrow"
              value={shown?.last ?? ''}
              disabled={shown === null}
              onChange={(e) => pick('last', Number(e.target.value))}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label className="ars-small-toggle">
            <input
              type="checkbox"
              checked={shown?.hidden ?? true}
              disabled={shown === null || busy}
              onChange={(e) => toggleSmallNumbers(e.target.checked)}
            />
            Skjul små tall (1–4)
          </label>
        </fieldset>
        <OutputButtons
          formats={SAVE_BUTTONS}
          disabled={busy || shown === null}
          onPrint={() => void print()}
          onSave={(format) => void save(format)}
        />
      </div>
      <p className={`ars-screen-notice${shown?.hidden === false ? ' ars-screen-notice--off' : ''}`}>
        {shown === null
          ? ''
          : shown.hidden
            ? 'Små tall er skjult: antall fra 1 til 4 i landbakgrunn, brukersted og veileder vises som «<5» her, på papir og i filene.'
            : 'Små tall vises: landbakgrunn, brukersted og veileder har eksakte tall. Bare til eget bruk – slå på «Skjul små tall» før rapporten sendes videre.'}
      </p>
      <div className="rapport-body">
        <section className="rapport-paper" aria-label="Årsrapporten slik den skrives ut" aria-busy={shown === null}>
          {shown === null ? (
            <p className="rapport-loading">Lager årsrapporten …</p>
          ) : (
            // The markup comes from shared/report/arsrapport/html.ts, which escapes every text taken from data.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the report's own escaped HTML and SVG, the same that prints.
            <div className="rapport-sheet" dangerouslySetInnerHTML={{ __html: shown.html }} />
          )}
        </section>
      </div>
      <StatusBar message={message} />
    </div>
  );
}
