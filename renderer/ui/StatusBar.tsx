/** The line under a grid: the latest message on the left, counts on the right. */
import { type ReactNode, useCallback, useRef, useState } from 'react';
import type { StatusMessage } from '../grid/cellSaver';

const ICON: Record<StatusMessage['tone'], string> = { ok: '✓', info: 'ℹ', warning: '⚠', error: '✕' };

export function StatusBar(props: { message: StatusMessage | null; children?: ReactNode }) {
  const { message, children } = props;
  return (
    <footer className="statusbar">
      <div className={`status-message${message ? ` status-${message.tone}` : ''}`} role="status" aria-live="polite">
        {message && (
          <>
            <span className="status-icon" aria-hidden="true">
              {ICON[message.tone]}
            </span>
            <span className="status-text">{message.text}</span>
          </>
        )}
      </div>
      <div className="status-count">{children}</div>
    </footer>
  );
}

/**
 * The status line's message. A plain «Lagret.» does not push away a notice that
 * appeared a moment ago (e.g. «X» lagt til i listen …, saved with the same keystroke).
 */
export function useStatusMessage(): [StatusMessage | null, (message: StatusMessage | null) => void] {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const shownAt = useRef(0);
  const current = useRef<StatusMessage | null>(null);
  const set = useCallback((next: StatusMessage | null) => {
    const now = Date.now();
    if (
      next?.tone === 'ok' &&
      next.text === 'Lagret.' &&
      current.current?.tone === 'info' &&
      now - shownAt.current < 5000
    ) {
      return;
    }
    current.current = next;
    shownAt.current = now;
    setMessage(next);
  }, []);
  return [message, set];
}
