import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders a lazily loaded dialog from the first time it is opened, and keeps it mounted after, so its
 * closing transition runs. Until then its code is not even fetched.
 *
 * A Modal mounted already open (the first time, once its code arrives) never saw what had focus
 * before, so Mantine cannot return focus on close: this remembers the opener and focuses it again.
 */
export function OnceOpened({ opened, children }: { opened: boolean; children: ReactNode }) {
  const [ever, setEver] = useState(opened);
  if (opened && !ever) setEver(true);
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read during render: the dialog's own effects (which move focus into it) have not run yet.
  if (opened && !wasOpen.current && document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
  useEffect(() => {
    if (!opened && wasOpen.current && opener.current) {
      const target = opener.current;
      // After the dialog's focus trap has let go.
      window.setTimeout(() => {
        if (target.isConnected) target.focus();
      }, 0);
    }
    wasOpen.current = opened;
  }, [opened]);
  return ever ? <Suspense fallback={null}>{children}</Suspense> : null;
}
