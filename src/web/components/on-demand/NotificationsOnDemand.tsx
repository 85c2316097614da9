import { useNotifications } from '@mantine/notifications';
import { Suspense, useState } from 'react';
import { lazyNamed } from '../../routing/lazy-named.js';

// The toasts' container (with its transitions) is its own chunk: most visits never show a toast.
const Notifications = lazyNamed(() => import('./notifications-module.js'), 'Notifications');

/**
 * Mounts Mantine's notifications container the first time a page calls `notifications.show`: the store
 * is tiny and always there, the container loads then and shows what is already queued.
 */
export function NotificationsOnDemand() {
  const { notifications, queue } = useNotifications();
  const [mounted, setMounted] = useState(false);
  // Once mounted it stays, so a toast's closing transition is not cut short by the last one leaving.
  if (!mounted && notifications.length + queue.length > 0) setMounted(true);
  return mounted ? <Container /> : null;
}

function Container() {
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}
