import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children from the first time the place they go comes near the viewport or the browser is
 * idle after the first paint, and keeps them after: a panel far down a page (attachments, comments, history) asks the server
 * nothing on a phone's first paint. Lazily loaded children fetch their code then too. The placeholder holds
 * `minHeight`, so nothing below moves when it fills.
 */
export function OnceVisible({ children, minHeight }: { children: ReactNode; minHeight: number }) {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) return;
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown(true), {
      rootMargin: '300px 0px',
    });
    observer.observe(element);
    // Once the page has settled (the browser idle, at the latest 3 s on), load it anyway: reaching it later
    // shows it complete, and a search of the page (or a test) finds it without scrolling.
    const idle =
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(() => setShown(true), { timeout: 3000 })
        : window.setTimeout(() => setShown(true), 3000);
    return () => {
      observer.disconnect();
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [shown]);
  const placeholder = <div ref={ref} style={{ minHeight }} aria-hidden />;
  return shown ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
