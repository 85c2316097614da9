import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { createLocalBus, type EventBus } from './bus.js';

/** Every Cairn process on one database LISTENs here; NOTIFY stays inside that database. */
export const EVENTS_CHANNEL = 'cairn_events';
/** Named in pg_stat_activity, so an operator (or a test) can tell the listener apart. */
export const LISTENER_NAME = 'cairn-events';

const liveEvent = z.object({
  orgId: z.string(),
  type: z.enum(['check_in', 'objective', 'comment', 'notification', 'retrospective', 'meeting', 'dependency']),
  entityId: z.string().optional(),
  objectiveId: z.string().optional(),
  userId: z.string().optional(),
});
const envelope = z.object({ origin: z.string(), event: liveEvent });

export interface PostgresBusOptions {
  /** The LISTEN connection failed or was lost; the bus keeps reconnecting. */
  onError?: (error: Error) => void;
  /** First reconnect delay; it doubles up to 30 s. */
  retryMs?: number;
}

/**
 * Shares live events between processes on one PostgreSQL database. A process delivers its own
 * events at once and NOTIFYs the others, which skip their own echo. The listener is a dedicated
 * client, not a pooled one: a pool would hand the connection back and lose the subscription.
 * While it reconnects, events reach this process only: they are hints to refetch, not data.
 */
export async function createPostgresBus(url: string, options: PostgresBusOptions = {}): Promise<EventBus> {
  const local = createLocalBus();
  const origin = randomUUID();
  const firstDelay = options.retryMs ?? 1_000;
  let delay = firstDelay;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const receive = (message: pg.Notification) => {
    let payload: unknown;
    try {
      payload = JSON.parse(message.payload ?? '');
    } catch {
      return; // not one of ours
    }
    const parsed = envelope.safeParse(payload);
    if (parsed.success && parsed.data.origin !== origin) local.deliver(parsed.data.event);
  };

  const reconnectLater = (error: Error) => {
    if (closed || retry) return;
    options.onError?.(error);
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(reconnectLater);
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: LISTENER_NAME });
    let lost = false;
    const drop = (error: Error) => {
      if (lost) return;
      lost = true;
      if (client === next) client = null;
      next.end().catch(() => undefined);
      reconnectLater(error);
    };
    next.on('error', drop);
    next.on('end', () => drop(new Error('The LISTEN connection ended.')));
    next.on('notification', receive);
    try {
      await next.connect();
      await next.query(`listen ${EVENTS_CHANNEL}`);
    } catch (error) {
      lost = true;
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) return void (await next.end());
    client = next;
    delay = firstDelay;
  }

  await connect();
  return {
    publish(event) {
      local.deliver(event);
      client
        ?.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify({ origin, event })])
        .catch((error: Error) => options.onError?.(error));
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
      await local.close();
    },
  };
}
