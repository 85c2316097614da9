import { randomUUID } from 'node:crypto';
import { TEST_EVENT } from '../../../domain/webhooks/events.js';
import type { Actor } from '../../auth/actor.js';
import type { JobContext } from '../../jobs/context.js';
import { dispatchOne } from '../../jobs/dispatcher.js';
import { authorizeWebhooks } from '../../policies/webhooks.js';
import { loadEndpoint } from './endpoints.js';
import { queueEventFor } from './queue-events.js';

/**
 * "Send test event": a `webhook.test` event through the same outbox, signing and log as real events,
 * delivered at once rather than at the dispatcher's next tick; a failure is retried like any other.
 */
export async function sendTestEvent(ctx: JobContext, actor: Actor, id: string) {
  authorizeWebhooks(actor);
  const now = ctx.clock();
  const rowId = await ctx.db.transaction(async (tx) => {
    const endpoint = await loadEndpoint(tx, actor, id);
    const event = {
      id: `evt_${randomUUID()}`,
      type: TEST_EVENT,
      timestamp: now.toISOString(),
      data: { endpointId: endpoint.id, sentBy: { id: actor.userId, name: actor.name }, message: 'A test event from Cairn.' },
    };
    return queueEventFor(tx, actor.orgId, endpoint, event);
  });
  return { result: await dispatchOne(ctx, rowId, now) };
}
