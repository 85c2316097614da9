/**
 * The window's vertical scroll offset as the last scroll event left it. Reading `window.scrollY` inside a render
 * makes the browser lay the page out there and then: the tree's virtualizer read it when its list mounted, a layout of
 * the whole new page inside a first visit's longest task (issue 12). A scroll event's handler reads it after the
 * browser's own layout, and every change of the offset, a clamp by a shorter page included, fires one.
 */
let lastScrollY = 0;

/** Starts following the offset; called once as the app starts, before anything is drawn (nothing to lay out yet). */
export function followWindowScroll(): void {
  lastScrollY = window.scrollY;
  window.addEventListener('scroll', () => void (lastScrollY = window.scrollY), { passive: true });
}

/** The offset, without asking the browser for a layout. */
export const knownWindowScrollY = (): number => lastScrollY;
