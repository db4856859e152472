/**
 * What the whole window knows about the register file's safety: its status (read-only and why, who
 * has the lock, single-user mode, backups), re-read when the window gets focus, about every minute
 * (a lock lost to someone else is noticed in the background) and at once when a save is refused for
 * a reason that concerns the whole register. Also the row-history panel, which lives here rather
 * than in a grid screen so that it outlives the screen's reload after a deletion.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SafetyStatus } from '../../shared/contract/safety';
import { invoke, onRegisterStateRefusal } from '../bridge';
import { HistoryPanel } from './HistoryPanel';
import { type HistoryTarget, type Safety, SafetyContext, setRegisterReadOnly } from './safetyState';

export { isRegisterReadOnly, type Safety, useReadOnly, useSafety } from './safetyState';

const RECHECK_MS = 60_000;

export function SafetyProvider(props: { children: ReactNode }) {
  const [status, setStatus] = useState<SafetyStatus | null>(null);
  const [generation, setGeneration] = useState(0);
  const [unsavedGeneration, setUnsavedGeneration] = useState(0);
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const notice = useRef<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await invoke('safety:status', {});
    setStatus(result.ok ? result.value : null);
  }, []);

  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const timer = setInterval(() => void refresh(), RECHECK_MS);
    // Not for the status call's own refusal (no register open): that would ask again and again.
    const unsubscribe = onRegisterStateRefusal((_error, channel) => {
      if (channel !== 'safety:status') void refresh();
    });
    return () => {
      window.removeEventListener('focus', onFocus);
      clearInterval(timer);
      unsubscribe();
    };
  }, [refresh]);

  const readOnly = status?.readOnly ?? false;
  useEffect(() => {
    setRegisterReadOnly(readOnly);
  }, [readOnly]);

  const value = useMemo(
    (): Safety => ({
      status,
      readOnly,
      refresh,
      setStatus,
      reloadData: (text, options) => {
        notice.current = text ?? null;
        setGeneration((g) => g + 1);
        if (!options?.keepUnsaved) setUnsavedGeneration((g) => g + 1);
        void refresh();
      },
      generation,
      unsavedGeneration,
      takeNotice: () => {
        const text = notice.current;
        notice.current = null;
        return text;
      },
      openHistory: setHistory,
    }),
    [status, readOnly, refresh, generation, unsavedGeneration],
  );

  return (
    <SafetyContext value={value}>
      {props.children}
      {history && (
        <HistoryPanel key={`${history.table}-${history.id}`} target={history} onClose={() => setHistory(null)} />
      )}
    </SafetyContext>
  );
}
