import type { Config } from './config.js';
import type { DatabaseHandle, Database } from '../db/database.js';
import type { Auth } from './auth/better-auth.js';
import type { Mailer } from './mail/mailer.js';
import type { Clock } from './clock.js';
import type { EventBus } from './events/bus.js';
import type { Metrics } from './metrics/metrics.js';
import type { NotifyContext } from './services/notifications/notify.js';

/** What every route module is given: built once at start, no globals. */
export interface AppContext {
  handle: DatabaseHandle;
  db: Database;
  auth: Auth;
  config: Config;
  mailer: Mailer;
  clock: Clock;
  /** Signs sessions and unsubscribe links. */
  secret: string;
  /** Live updates to open pages (server-sent events). */
  events: EventBus;
  /** Counters and gauges for /metrics. */
  metrics: Metrics;
}

/** What notify() needs from the app: links, signing, the time. */
export const notifyContext = (ctx: AppContext): NotifyContext => ({
  publicUrl: ctx.config.publicUrl,
  secret: ctx.secret,
  now: ctx.clock(),
});
