/**
 * When the window's first rows are on screen. Opening a register at 100,000 deltakere must show the
 * Deltakere grid within 1.5 s (architecture.md), and on two cores every other call made meanwhile
 * (the code lists' use counts, the follow-up count) competes with drawing it, in the main process
 * and in the window. Such calls wait for `afterFirstScreen()`; Deltakere says when its first rows
 * are painted (useDeltakerPages.ts). They never wait longer than FALLBACK_MS.
 */
const FALLBACK_MS = 3_000;

let shown: () => void = () => {};
const firstScreen = new Promise<void>((resolve) => {
  shown = resolve;
});

export function firstScreenShown(): void {
  shown();
}

export function afterFirstScreen(): Promise<void> {
  return Promise.race([firstScreen, new Promise<void>((resolve) => setTimeout(resolve, FALLBACK_MS))]);
}

/** The next frame, or 100 ms if the window paints none (minimised). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
