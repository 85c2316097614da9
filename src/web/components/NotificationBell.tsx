import { Indicator } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useLiveUpdates } from '../api/live.js';
import { useNotifications } from '../api/social.js';
import { lazyNamed } from '../routing/lazy-named.js';
import { BellButton } from './header/BellButton.js';
import { OnceSettled } from './once-settled.js';

// The popover and its positioning library (floating-ui) are fetched on the first press, not on every first visit.
const loadPopover = () => import('./header/NotificationPopover.js');
const NotificationPopover = lazyNamed(loadPopover, 'NotificationPopover');

/**
 * The header's bell: unread count, the latest notifications, one click to open one (and mark it
 * read). It lives as long as the signed-in layout, so it also keeps the live-updates stream open.
 */
export function NotificationBell() {
  // Neither is on the page's first screen: the stream and the unread count start once the page has settled.
  const [settled, setSettled] = useState(false);
  useLiveUpdates(settled);
  const notifications = useNotifications(settled);
  const [wanted, setWanted] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const placeholder = (
    <BellButton
      unread={unread}
      aria-haspopup="dialog"
      aria-expanded={false}
      onClick={() => setWanted(true)}
      onPointerEnter={() => void loadPopover()}
      onFocus={() => void loadPopover()}
    />
  );
  return (
    // The indicator wraps the popover: the popover's target must be the button itself, which takes its aria-expanded.
    <Indicator label={unread} size={18} disabled={unread === 0} color="red.9" offset={4}>
      {!settled && <OnceSettled onSettled={() => setSettled(true)} />}
      {wanted ? (
        <Suspense fallback={placeholder}>
          <NotificationPopover unread={unread} />
        </Suspense>
      ) : (
        placeholder
      )}
    </Indicator>
  );
}
