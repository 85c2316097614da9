import { useLayoutEffect } from 'react';

/**
 * The first screen index.html may draw over the app while it starts (the server's `http/web/first-screen.ts`): an
 * objective page's header and heading, so its title is painted with the stylesheets rather than after the scripts
 * and the app's renders (issue 12: that page's largest paint). It stays until the page it was drawn for has drawn
 * its own heading, and leaves at once when the app draws anything else (another address, the sign-in page).
 */
const layer = () => document.getElementById('first-screen');

export function leaveFirstScreen(): void {
  layer()?.remove();
  document.getElementById('first-screen-style')?.remove();
}

/** The address the layer was drawn for; null once it has left, or when index.html drew none. */
export const firstScreenPath = (): string | null => layer()?.dataset.path ?? null;

/** Removes the layer in the commit in which `drawn` becomes true, before the browser paints it: nothing blinks. */
export function useLeaveFirstScreenWhen(drawn: boolean): void {
  useLayoutEffect(() => {
    if (drawn) leaveFirstScreen();
  }, [drawn]);
}

/** Whatever happens (a page that never answers), the app shows itself after `ms`. */
export function leaveFirstScreenWithin(ms: number): void {
  if (layer()) setTimeout(leaveFirstScreen, ms);
}
