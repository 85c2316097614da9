import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { progressKeys } from './okr-queries.js';
import { staleOn } from './social.js';
import { dependencyKeys } from './dependencies.js';

interface LiveMessage {
  type: 'ready' | 'check_in' | 'objective' | 'comment' | 'notification' | 'retrospective' | 'meeting' | 'dependency';
  entityId: string | null;
}

/**
 * Keeps open pages current: listens to GET /api/v1/events and marks what an event names as stale,
 * so TanStack Query refetches what is on screen. Mount once per signed-in page. The bell refreshes
 * only on this person's own `notification` events (the server sends one per person notified, after
 * commit); check-ins and objective changes refresh progress and the feed. The browser's
 * EventSource reconnects by itself (the server asks for 5 s); after a reconnect everything is
 * refetched, as events may have been missed meanwhile.
 */
export function useLiveUpdates(enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/v1/events');
    const refresh = (keys: readonly (readonly unknown[])[]) => keys.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
    let connected = false;
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveMessage;
      if (event.type === 'ready') {
        if (connected) void queryClient.invalidateQueries();
        connected = true;
      } else if (event.type === 'notification') refresh(staleOn.notification);
      else if (event.type === 'comment') refresh(staleOn.social);
      else if (event.type === 'retrospective') refresh([['retrospectives'], ['retrospective'], ['my-actions']]);
      // A part posted, a note, a decision or an action: the meetings list and open meeting pages (keys start with
      // 'meetings'); a posted part is also news in the feed.
      else if (event.type === 'meeting') refresh([['meetings'], ['my-actions'], ['feed']]);
      // Asked or answered: the objective's "Depends on" card, the teams' registers and Needs attention.
      else if (event.type === 'dependency') refresh([dependencyKeys.all, ['attention']]);
      else refresh([...progressKeys, ...staleOn.social]);
    };
    return () => source.close();
  }, [queryClient, enabled]);
}
