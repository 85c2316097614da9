import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children from the first time the place they go comes near the viewport (or the browser is
 * idle), and keeps them after: a panel far down a page (attachments, comments, history) asks the server
 * nothing on a phone's first paint. The placeholder holds `minHeight`, so nothing below moves when it fills.
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
    // Idle for a while: load it anyway, so reaching it later shows it complete.
    const idle = window.setTimeout(() => setShown(true), 8000);
    return () => {
      observer.disconnect();
      window.clearTimeout(idle);
    };
  }, [shown]);
  return shown ? <>{children}</> : <div ref={ref} style={{ minHeight }} aria-hidden />;
}
