/**
 * A message that stands next to a grid cell without being hovered: fixed-positioned in a portal
 * (cells clip their content), following the cell while the grid scrolls, hidden when the cell is
 * scrolled out of the grid's view. It never takes clicks: the cell under it stays usable.
 */
import { useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';

type Placement = { top: number; left: number; above: boolean } | null;

export function Bubble(props: {
  anchor: () => HTMLElement | null;
  message: string;
  tone?: 'error' | 'warning';
  id?: string;
}) {
  const { anchor, message, tone = 'error', id } = props;
  const [place, setPlace] = useState<Placement>(null);

  useLayoutEffect(() => {
    let frame = 0;
    let last = '';
    const measure = () => {
      const next = placementFor(anchor());
      const sig = JSON.stringify(next);
      if (sig !== last) {
        last = sig;
        setPlace(next);
      }
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => cancelAnimationFrame(frame);
  }, [anchor]);

  if (!place) return null;
  return createPortal(
    <div
      id={id}
      role="alert"
      className={`cell-bubble cell-bubble-${tone}${place.above ? ' cell-bubble-above' : ''}`}
      style={{ top: place.top, left: place.left }}
    >
      {message}
    </div>,
    document.body,
  );
}

const BUBBLE_ROOM = 90;

function placementFor(el: HTMLElement | null): Placement {
  if (!el?.isConnected) return null;
  const rect = el.getBoundingClientRect();
  // AG Grid 36 scrolls the rows in .ag-grid-viewport, under a header that stays on top. A row
  // scrolled out of view hides its bubble; a column scrolled sideways keeps it (at the window's
  // edge), so a refused text is never out of sight just because the grid opened scrolled left.
  const view = el.closest('.ag-grid-viewport, .ag-body')?.getBoundingClientRect();
  if (view) {
    const header = el.closest('.ag-root')?.querySelector('.ag-header')?.getBoundingClientRect();
    const top = Math.max(view.top, header?.bottom ?? view.top);
    const midY = rect.top + rect.height / 2;
    if (midY < top || midY > view.bottom) return null;
  }
  const above = rect.bottom + BUBBLE_ROOM > window.innerHeight;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - 380));
  return { top: Math.round(above ? rect.top - 6 : rect.bottom + 6), left: Math.round(left), above };
}
