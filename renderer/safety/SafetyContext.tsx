/**
 * What the whole window knows about the register file's safety: its status (read-only and why, who
 * has the lock, single-user mode, backups), re-read when the window gets focus, about every minute
 * (a lock lost to someone else is noticed in the background) and at once when a save is refused for
 * a reason that concerns the whole register. Also the row-history panel, which lives here rather
 * than in a grid screen so that it outlives the screen's reload after a deletion.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { SafetyStatus } from '../../shared/contract/safety';
import { invoke, onRegisterStateRefusal } from '../bridge';
import { HistoryPanel, type HistoryTarget } from './HistoryPanel';

const RECHECK_MS = 60_000;

export type Safety = {
  /** Null until read, and when no session is behind the bridge (nothing to show then). */
  status: SafetyStatus | null;
  /** The register cannot be changed from here (someone else has it, the lock was lost, no write access). */
  readOnly: boolean;
  refresh: () => Promise<void>;
  /** Shows a status just returned by a safety channel (take-over, acknowledge). */
  setStatus: (status: SafetyStatus) => void;
  /** Every screen reads its data again (after a restore, a lock take-over, a deletion). */
  reloadData: (notice?: string) => void;
  /** Bumped by reloadData: App keys the screen with it. */
  generation: number;
  /** The message reloadData left for the screen shown after it, once. */
  takeNotice: () => string | null;
  openHistory: (target: HistoryTarget) => void;
};

let readOnlyNow = false;

/**
 * For grid callbacks that run outside React (a column's `editable`): whether the register is
 * read-only right now.
 */
export function isRegisterReadOnly(): boolean {
  return readOnlyNow;
}

const SafetyContext = createContext<Safety>({
  status: null,
  readOnly: false,
  refresh: async () => {},
  setStatus: () => {},
  reloadData: () => {},
  generation: 0,
  takeNotice: () => null,
  openHistory: () => {},
});

export function useSafety(): Safety {
  return useContext(SafetyContext);
}

/** The app-level read-only flag, for any screen that wants to hold back an edit before the store refuses it. */
export function useReadOnly(): boolean {
  return useContext(SafetyContext).readOnly;
}

export function SafetyProvider(props: { children: ReactNode }) {
  const [status, setStatus] = useState<SafetyStatus | null>(null);
  const [generation, setGeneration] = useState(0);
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
    readOnlyNow = readOnly;
  }, [readOnly]);

  const value = useMemo(
    (): Safety => ({
      status,
      readOnly,
      refresh,
      setStatus,
      reloadData: (text) => {
        notice.current = text ?? null;
        setGeneration((g) => g + 1);
        void refresh();
      },
      generation,
      takeNotice: () => {
        const text = notice.current;
        notice.current = null;
        return text;
      },
      openHistory: setHistory,
    }),
    [status, readOnly, refresh, generation],
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
