import type { Database } from '../../src/db/database.js';
import type { Actor } from '../../src/server/auth/actor.js';
import { createLocalBus } from '../../src/server/events/bus.js';
import type { ServiceDeps } from '../../src/server/services/okrs/deps.js';
import type { Scope } from '../../src/server/services/scope.js';

/** For suites that call the OKR services directly: the deps (a local bus, a fixed day) and the owner as actor. */
export function serviceCaller(db: Database, scope: Scope, day: string): { deps: ServiceDeps; actor: Actor } {
  return {
    deps: { db, events: createLocalBus(), clock: () => new Date(`${day}T12:00:00Z`) },
    actor: { userId: scope.actorId, orgId: scope.orgId, role: 'owner', name: 'Owner', email: 'owner@example.com', via: 'session' },
  };
}
