import type { Executor } from '../../db/database.js';
import { recordActivity } from './activity.js';

/** A sign-in, a failed sign-in, a password reset or an SSO configuration change. */
export interface SecurityEvent {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: 'user' | 'sso-connection' | 'organization';
  entityId: string;
  details?: Record<string, unknown>;
}

/**
 * The one place identity events are written. Today they are activity rows; when the organisation's
 * audit log exists, this function is re-pointed at it and every caller follows.
 */
export async function recordSecurityEvent(tx: Executor, event: SecurityEvent): Promise<void> {
  await recordActivity(tx, {
    orgId: event.orgId,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    after: event.details ?? null,
  });
}
