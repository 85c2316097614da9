import { useEffect } from 'react';
import type { AdoptionScreen } from '../../../domain/vocabulary.js';
import { reportMinutes } from '../../api/adoption.js';

/** A minute counts as active when the page was visible and the person moved, typed or scrolled within it. */
const TICK_MS = 60_000;
/** Whole minutes are sent every five, and whatever is left when the screen closes. */
const SEND_EVERY = 5;
const ACTIVITY = ['pointerdown', 'keydown', 'scroll', 'pointermove'] as const;

/**
 * Measures time invested on a planning or check-in screen and adds it to the team's weekly sum: no person and no
 * timestamp leaves the browser, only "n minutes on this kind of screen".
 */
export function useActiveMinutes(screen: AdoptionScreen): void {
  useEffect(() => {
    let active = false;
    let pending = 0;
    const mark = () => {
      active = true;
    };
    const send = () => {
      if (pending === 0) return;
      const minutes = Math.min(pending, 15);
      pending = 0;
      reportMinutes(screen, minutes).catch(() => undefined);
    };
    const tick = window.setInterval(() => {
      if (active && document.visibilityState === 'visible') pending += 1;
      active = false;
      if (pending >= SEND_EVERY) send();
    }, TICK_MS);
    for (const event of ACTIVITY) window.addEventListener(event, mark, { passive: true });
    return () => {
      window.clearInterval(tick);
      for (const event of ACTIVITY) window.removeEventListener(event, mark);
      send();
    };
  }, [screen]);
}
