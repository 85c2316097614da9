import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useWideScreen } from '../wide-screen.js';

/**
 * Renders its children from the first time the place they go comes near the viewport (or, on a wide screen, the
 * browser is idle after the first paint), and keeps them after: a panel far down a page (attachments, comments,
 * history) asks the server nothing on a first paint. Lazily loaded children fetch their code then too. The placeholder
 * holds `minHeight`, so nothing below moves when it fills.
 */
export function OnceVisible({ children, minHeight }: { children: ReactNode; minHeight: number }) {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const wide = useWideScreen();
  useEffect(() => {
    if (shown) return;
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return;
    }
    // Asked for a screen ahead, so it is there when scrolled to.
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown(true), {
      rootMargin: '800px 0px',
    });
    observer.observe(element);
    // A phone waits until it is scrolled near: its first seconds' main thread and data stay with what is on screen
    // (on an objective page the three panels doubled the long tasks after the first paint, issue 12).
    if (!wide) return () => observer.disconnect();
    // A wide screen loads it anyway once the page has settled (the browser idle, at the latest 3 s on): a search of
    // the page finds it without scrolling.
    const idle =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(() => setShown(true), { timeout: 3000 })
        : window.setTimeout(() => setShown(true), 3000);
    return () => {
      observer.disconnect();
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [shown, wide]);
  const placeholder = <div ref={ref} style={{ minHeight }} aria-hidden />;
  return shown ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
