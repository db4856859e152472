/**
 * The deltakere, a page at a time (deltaker:page): the first page shows at once, the rest arrive
 * while the user already reads and types, each page one grid transaction. 100,000 rows as one
 * answer were ~38 MB and held the window for seconds; pages of 5,000 keep every step under about
 * 150 ms in the test bridge (measured in docs/grid.md).
 */
import type { GridApi } from 'ag-grid-community';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/api';
import { type DeltakerPage, deltakereOfPage } from '../../shared/contract/deltaker';
import type { Deltaker } from '../../shared/schema/deltaker';
import { invoke } from '../bridge';

const FIRST_PAGE = 2_000;
const PAGE = 5_000;

export type Loading = { loaded: number; total: number } | null;

export function useDeltakerPages(options: {
  api: RefObject<GridApi<Deltaker> | undefined>;
  /** Whether the grid already holds this stored deltaker (a row added meanwhile by the user). */
  has: (api: GridApi<Deltaker>, id: number) => boolean;
  onError: (message: string) => void;
  /** After each page (the first too): e.g. index the rows for the search, focus a row asked for. */
  onPage: (rows: readonly Deltaker[]) => void;
}): { first: Deltaker[] | null; loading: Loading; gridReady: () => void } {
  const [first, setFirst] = useState<Deltaker[] | null>(null);
  const [loading, setLoading] = useState<Loading>(null);
  const latest = useRef(options);
  latest.current = options;
  const ready = useRef<{ promise: Promise<void>; resolve: () => void } | null>(null);
  if (!ready.current) {
    let resolve = () => {};
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    ready.current = { promise, resolve };
  }

  useEffect(() => {
    let stopped = false;
    const fail = (message: string) => {
      if (!stopped) latest.current.onError(message);
    };
    void (async () => {
      const page = await invoke('deltaker:page', { kull: 'alle', after: 0, limit: FIRST_PAGE });
      if (stopped) return;
      if (!page.ok) {
        setFirst([]);
        fail(page.error.message);
        return;
      }
      const firstRows = deltakereOfPage(page.value);
      setFirst(firstRows);
      setTimeout(() => latest.current.onPage(firstRows), 0);
      let after = page.value.next;
      let loaded = page.value.rows.length;
      const total = page.value.total;
      if (after === null) return;
      setLoading({ loaded, total });
      await ready.current?.promise;
      while (after !== null && !stopped) {
        const next: Result<DeltakerPage> = await invoke('deltaker:page', { kull: 'alle', after, limit: PAGE });
        const api = latest.current.api.current;
        if (stopped || !api || api.isDestroyed()) return;
        if (!next.ok) {
          fail(`Ikke alle deltakerne ble lastet: ${next.error.message}`);
          break;
        }
        const rows = deltakereOfPage(next.value).filter((row) => !latest.current.has(api, row.id));
        api.applyTransaction({ add: rows });
        loaded += next.value.rows.length;
        after = next.value.next;
        setLoading(after === null ? null : { loaded, total: Math.max(total, loaded) });
        latest.current.onPage(rows);
        // Let the window paint and take keys between pages.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      setLoading(null);
    })();
    return () => {
      stopped = true;
    };
  }, []);

  const gridReady = useCallback(() => ready.current?.resolve(), []);
  return { first, loading, gridReady };
}
