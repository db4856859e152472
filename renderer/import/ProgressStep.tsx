/**
 * Step 5: the import runs. The rows go in as one transaction, so the bar shows rows written so far
 * inside it (polled from `import:progress`); nothing is in the register until the last one is, and
 * «Avbryt» rolls all of it back.
 */
import { useEffect, useState } from 'react';
import type { ImportKind } from '../../shared/mapping';
import { invoke } from '../bridge';
import { count, things } from './words';

const POLL_MS = 120;

export function ProgressStep(props: { kind: ImportKind; total: number; onCancel: () => void; cancelling: boolean }) {
  const { kind, total, onCancel, cancelling } = props;
  const [done, setDone] = useState(0);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        const result = await invoke('import:progress', {});
        if (stopped) return;
        if (result.ok && result.value.running) setDone(result.value.done);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, []);

  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="import-progress">
      <label className="import-progress-label" htmlFor="import-progress-bar">
        {cancelling ? 'Avbryter …' : `Importerer ${things(kind, total)} …`}
      </label>
      <progress id="import-progress-bar" className="import-progress-bar" max={Math.max(total, 1)} value={done}>
        {percent} %
      </progress>
      <div className="import-progress-count" aria-live="polite">
        {count(done)} av {count(total)} ({percent} %)
      </div>
      <p className="import-hint">Alt lagres samlet når siste rad er skrevet. Avbryter du, blir ingenting importert.</p>
      <div className="import-actions">
        <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
