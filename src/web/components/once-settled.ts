import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';

// Whether a page inside the shell has committed its first render (its chunk arrived): set by PageDrawn.
let pageDrawn = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Rendered beside a page in its Suspense boundary (App.tsx): it commits with the page's first render, not before. */
export function PageDrawn(): null {
  useLayoutEffect(() => {
    if (pageDrawn) return;
    pageDrawn = true;
    listeners.forEach((listener) => listener());
  }, []);
  return null;
}

/** What the shell may wait for whatever happens: a page that never settles does not keep the header without it. */
const AT_THE_LATEST_MS = 5000;

/**
 * Calls `onSettled` once the first page has been drawn with its first answers (no query is fetching) and the browser
 * is next idle, at the latest 5 s after it was mounted; renders nothing. For what a page's first screen does not show,
 * the header's unread count and the live stream: asked for with the shell, they shared the connections and the main
 * thread with the page's own scripts and answers (issue 12). Unmounted once called, it stops following the fetches.
 */
export function OnceSettled({ onSettled }: { onSettled: () => void }): null {
  const drawn = useSyncExternalStore(subscribe, () => pageDrawn);
  const fetching = useIsFetching();
  const waiting = !drawn || fetching > 0;
  const done = useRef(onSettled);
  done.current = onSettled;
  useEffect(() => {
    const latest = window.setTimeout(() => done.current(), AT_THE_LATEST_MS);
    return () => window.clearTimeout(latest);
  }, []);
  useEffect(() => {
    if (waiting) return;
    if (typeof window.requestIdleCallback !== 'function') {
      const soon = window.setTimeout(() => done.current(), 0);
      return () => window.clearTimeout(soon);
    }
    const idle = window.requestIdleCallback(() => done.current(), { timeout: 1000 });
    return () => window.cancelIdleCallback(idle);
  }, [waiting]);
  return null;
}
