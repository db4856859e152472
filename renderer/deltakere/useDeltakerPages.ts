/**
 * The deltakere, a page at a time (deltaker:page): the first page shows at once, the rest arrive
 * while the user already reads and types, each page one grid transaction. 100,000 rows as one
 * answer were ~38 MB and held the window for seconds; pages keep every step short, and while the
 * user scrolls or types no page is added (each transaction makes the grid go through all its rows),
 * so the grid stays smooth under the wheel (docs/grid.md; scripts/bench-rapport-screen.ts).
 *
 * The rows loaded are kept when the screen goes (Rapport and back): coming back shows them at once,
 * after asking which deltakere changed meanwhile (deltaker:changes, from the endringslogg) and
 * fetching only those (deltaker:rows). Another register, a restore or a lock take-over is another
 * opened register and loads afresh.
 */
import type { GridApi } from 'ag-grid-community';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/api';
import { type DeltakerPage, deltakereOfPage } from '../../shared/contract/deltaker';
import type { Deltaker } from '../../shared/schema/deltaker';
import { invoke } from '../bridge';
import { firstScreenShown, nextFrame } from '../firstScreen';

/** A screenful and more: the grid shows its first rows before the rest is asked for (open ≤ 1.5 s). */
const FIRST_PAGE = 300;
const PAGE = 2_000;
/** Rows per call of onPage. */
const SLICE = 250;
/** No page is added until the user has left the grid alone this long (ms). */
const QUIET_MS = 1_000;

export type Loading = { loaded: number; total: number } | null;

/** What the screen had loaded when it went: the rows in id order, and where loading had got to. */
type Kept = {
  /** Which opened register (deltaker:changes `register`). */
  register: string;
  /** The endringslogg mark from before these rows were read: what changed after it is asked for again. */
  mark: number;
  rows: Deltaker[];
  /** The `after` of the next page still to load; null when every page was loaded. */
  after: number | null;
  total: number;
};

let kept: Kept | null = null;
/** The first open's deltaker:changes and first page while they are under way. */
let opening: { known: ReturnType<typeof keptRows>; page: Promise<Result<DeltakerPage>> } | null = null;

/** The rows kept, patched with the deltakere changed since; null when they must be loaded again. */
async function keptRows(): Promise<{ kept: Kept; rows: Deltaker[] } | { mark: number; register: string } | null> {
  const changes = await invoke('deltaker:changes', { since: kept?.mark ?? null });
  if (!changes.ok) return null;
  const { register, mark, ids, total } = changes.value;
  const before = kept;
  if (!before || before.register !== register || ids === null) return { mark, register };
  let rows = before.rows;
  if (ids.length > 0) {
    const fresh = await invoke('deltaker:rows', { ids });
    if (!fresh.ok) return { mark, register };
    const byId = new Map(deltakereOfPage(fresh.value).map((row) => [row.id, row]));
    const changed = new Set(ids);
    // Rows beyond the last page loaded come with the pages still to load.
    const loadedUpTo = before.after ?? Number.POSITIVE_INFINITY;
    rows = rows.flatMap((row) => {
      if (!changed.has(row.id)) return [row];
      const now = byId.get(row.id);
      byId.delete(row.id);
      return now ? [now] : [];
    });
    const added = [...byId.values()].filter((row) => row.id <= loadedUpTo);
    if (added.length > 0) rows = [...rows, ...added].sort((a, b) => a.id - b.id);
  }
  // Something changed that the endringslogg does not show (a deltaker erased for good): load afresh.
  if (before.after === null && rows.length !== total) return { mark, register };
  kept = { ...before, mark, rows, total };
  return { kept, rows };
}

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
    let lastInput = 0;
    const touched = () => {
      lastInput = performance.now();
    };
    const inputs = ['wheel', 'keydown', 'pointerdown', 'scroll'] as const;
    for (const type of inputs) window.addEventListener(type, touched, { capture: true, passive: true });
    const fail = (message: string) => {
      if (!stopped) latest.current.onError(message);
    };
    // onPage (the search index formats every field of a row) in slices, each a short task.
    const feed = async (rows: readonly Deltaker[]) => {
      for (let i = 0; i < rows.length && !stopped; i += SLICE) {
        await sleep(0);
        if (!stopped) latest.current.onPage(rows.slice(i, i + SLICE));
      }
    };
    const quiet = async () => {
      while (!stopped && performance.now() - lastInput < QUIET_MS) await sleep(QUIET_MS / 4);
    };

    void (async () => {
      // Nothing kept (the first open): the first page is asked for together with deltaker:changes, not
      // after its answer. The main process answers in order, so the mark is still read before the rows.
      // A screen mounted again while these are under way takes the same answers rather than asking twice.
      let early: Promise<Result<DeltakerPage>> | null = null;
      let asked: ReturnType<typeof keptRows>;
      if (kept === null) {
        if (!opening) {
          const both = { known: keptRows(), page: firstPage() };
          opening = both;
          void both.page.finally(() => {
            if (opening === both) opening = null;
          });
        }
        asked = opening.known;
        early = opening.page;
      } else {
        asked = keptRows();
      }
      const known = await asked;
      if (stopped) return;
      let store: Kept;
      let after: number | null;
      let loaded: number;
      let total: number;
      /** Kept rows still to hand to the grid (coming back: the first page shows at once, these follow). */
      let local: Deltaker[] = [];
      if (known && 'kept' in known) {
        store = known.kept;
        const firstRows = store.rows.slice(0, FIRST_PAGE);
        local = store.rows.slice(FIRST_PAGE);
        setFirst(firstRows);
        void feed(firstRows);
        after = store.after;
        total = store.total;
        loaded = firstRows.length;
      } else {
        const page = await (early ?? firstPage());
        if (stopped) return;
        if (!page.ok) {
          setFirst([]);
          fail(page.error.message);
          return;
        }
        const firstRows = deltakereOfPage(page.value);
        after = page.value.next;
        loaded = page.value.rows.length;
        total = page.value.total;
        store = { register: known?.register ?? '', mark: known?.mark ?? 0, rows: firstRows.slice(), after, total };
        // Without a mark (deltaker:changes refused) nothing is kept: it could not be checked later.
        kept = known ? store : null;
        setFirst(firstRows);
        void feed(firstRows);
      }
      const more = after !== null || local.length > 0;
      if (more) setLoading({ loaded, total });
      await ready.current?.promise;
      // The next page (its answer and its grid transaction) and the calls waiting for the first
      // screen come after the first rows are painted.
      await rowsPainted(latest.current.api.current);
      firstScreenShown();
      if (!more || stopped) return;
      while ((local.length > 0 || after !== null) && !stopped) {
        let pageRows: Deltaker[];
        if (local.length > 0) {
          pageRows = local.slice(0, PAGE);
          local = local.slice(PAGE);
        } else {
          // Not even asked for while the user scrolls: reading the answer is itself a task of tens of ms.
          await quiet();
          const next: Result<DeltakerPage> = await invoke('deltaker:page', {
            kull: 'alle',
            after: after ?? 0,
            limit: PAGE,
          });
          if (stopped) return;
          if (!next.ok) {
            fail(`Ikke alle deltakerne ble lastet: ${next.error.message}`);
            break;
          }
          pageRows = deltakereOfPage(next.value);
          for (const row of pageRows) store.rows.push(row);
          after = next.value.next;
          store.after = after;
          total = Math.max(next.value.total, store.rows.length);
          store.total = total;
        }
        await quiet();
        const api = latest.current.api.current;
        if (stopped || !api || api.isDestroyed()) return;
        const rows = pageRows.filter((row) => !latest.current.has(api, row.id));
        api.applyTransaction({ add: rows });
        loaded += pageRows.length;
        setLoading(after === null && local.length === 0 ? null : { loaded, total: Math.max(total, loaded) });
        // The search index and a row asked for, in tasks of their own; the window paints between.
        await feed(rows);
        await sleep(0);
      }
      setLoading(null);
    })();
    return () => {
      stopped = true;
      // Gone before its rows were painted: nothing waits for it any more.
      firstScreenShown();
      for (const type of inputs) window.removeEventListener(type, touched, { capture: true });
    };
  }, []);

  const gridReady = useCallback(() => ready.current?.resolve(), []);
  return { first, loading, gridReady };
}

/** AG Grid draws rows in animation frames of its own: until it has drawn some (or has none to draw), then their frame. */
async function rowsPainted(api: GridApi<Deltaker> | undefined): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (!api || api.isDestroyed() || api.getDisplayedRowCount() === 0 || api.getRenderedNodes().length > 0) break;
    await nextFrame();
  }
  await nextFrame();
  await sleep(0);
}

function firstPage(): Promise<Result<DeltakerPage>> {
  return invoke('deltaker:page', { kull: 'alle', after: 0, limit: FIRST_PAGE });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
