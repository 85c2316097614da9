import type { AppContext } from '../../context.js';
import type { Actor } from '../../auth/actor.js';
import type { Announcer } from '../announce.js';
import type { NotifyContext } from '../notifications/notify.js';
import type { Scope } from '../scope.js';

/**
 * What a write service needs: the database, live events and the clock; links and signing to send
 * notices (without them, e.g. when seeding, the service records its activity but notifies nobody).
 */
export type ServiceDeps = Pick<AppContext, 'db' | 'events' | 'clock'> & Partial<Pick<AppContext, 'config' | 'secret'>>;

/** The notify() context for one write, announcing each person notified once the write commits. */
export function noticesFor(deps: ServiceDeps, announce: Announcer): NotifyContext | undefined {
  if (!deps.config || deps.secret === undefined) return undefined;
  return { publicUrl: deps.config.publicUrl, secret: deps.secret, now: deps.clock(), announce };
}

/** Activity rows name the organisation and the person. */
export const scopeOf = (actor: Actor): Scope => ({ orgId: actor.orgId, actorId: actor.userId });
