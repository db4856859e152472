/**
 * The grids draw only the columns in view sideways (AG Grid's column virtualisation; for Deltakere
 * since issue 16 item 4, so the wheel stays smooth at 100,000): a cell scrolled out of view is not
 * in the DOM. A test that reaches such a cell first scrolls the grid to its column, as a leder does
 * with the scrollbar — no focus moves, no selection changes, no editor opens or closes.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Scrolls the grid on screen sideways until the column `colId` is drawn and wholly in view. */
export async function showColumn(page: Page, colId: string): Promise<void> {
  await page.locator('.ag-grid-viewport .ag-header-cell').first().waitFor();
  // Again if the app scrolls the grid itself meanwhile (a new row, a focused cell brought into view).
  await expect(async () => {
    expect(await page.evaluate(scrollToColumn, colId), `the column «${colId}» in view`).toBe(true);
  }).toPass({ timeout: 10_000 });
}

/** In the page: true when the column's header is drawn and wholly in view (pinned, or scrolled to). */
async function scrollToColumn(colId: string): Promise<boolean> {
  const viewport = document.querySelector<HTMLElement>('.ag-grid-viewport');
  if (!viewport) return false;
  // The grid draws the columns a scroll brings into view in an animation frame.
  const drawn = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  const header = () => viewport.querySelector<HTMLElement>(`.ag-header-cell[col-id="${CSS.escape(colId)}"]`);
  let found = header();
  for (let left = 0; !found && left <= viewport.scrollWidth; left += Math.max(100, viewport.clientWidth / 2)) {
    viewport.scrollLeft = left;
    await drawn();
    found = header();
  }
  if (!found) return false;
  if (found.closest('.ag-grid-pinned-left-cells, .ag-grid-pinned-right-cells')) return true;
  const inView = () => {
    const box = viewport.getBoundingClientRect();
    const pinned = viewport.querySelector('.ag-header .ag-grid-pinned-left-cells')?.getBoundingClientRect();
    const cell = header()?.getBoundingClientRect();
    return { from: pinned?.right ?? box.left, to: box.left + viewport.clientWidth, cell };
  };
  const { from, to, cell } = inView();
  if (!cell) return false;
  if (cell.left < from) viewport.scrollLeft -= from - cell.left;
  else if (cell.right > to) viewport.scrollLeft += Math.min(cell.right - to, cell.left - from);
  else return true;
  await drawn();
  const after = inView();
  return !!after.cell && after.cell.left >= after.from - 1 && after.cell.right <= after.to + 1;
}
