import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.js';
import { users } from '../../db/schema/index.js';
import { recordAudit } from './audit/record-audit.js';

/** A sign-in, a failed sign-in, a sign-out, a password reset or an SSO configuration change. */
export interface SecurityEvent {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: 'user' | 'sso-connection' | 'organization';
  entityId: string;
  details?: Record<string, unknown>;
  /** The client address, for sign-ins. */
  ip?: string | null;
}

/**
 * The one place identity events are written: the organisation's hash-chained audit log. No activity row:
 * nothing reads identity events from the activity feed, and sign-ins would flood it.
 */
export async function recordSecurityEvent(tx: Executor, event: SecurityEvent): Promise<void> {
  await recordAudit(tx, {
    orgId: event.orgId,
    actorId: event.actorId,
    action: event.action,
    targetType: event.entityType,
    targetId: event.entityId,
    details: event.details ?? {},
    ip: event.ip ?? null,
  });
}

export type SignInOutcome = 'signed-in' | 'failed' | 'throttled' | 'refused';

/**
 * A sign-in attempt for an address, recorded in that person's organisation. An address nobody has has
 * no organisation to log it in: the login throttle still counts it.
 */
export async function recordSignIn(db: Database, attempt: { email: string; outcome: SignInOutcome; ip: string }): Promise<void> {
  const [person] = await db.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.email, attempt.email));
  if (!person) return;
  const succeeded = attempt.outcome === 'signed-in';
  await db.transaction((tx) =>
    recordSecurityEvent(tx, {
      orgId: person.orgId,
      actorId: person.id,
      action: succeeded ? 'user.signed-in' : 'user.sign-in-failed',
      entityType: 'user',
      entityId: person.id,
      details: succeeded ? { method: 'password' } : { method: 'password', reason: attempt.outcome },
      ip: attempt.ip,
    }),
  );
}

/** After Better Auth ended a session. */
export async function recordSignOut(db: Database, person: { id: string; orgId: string }, ip: string): Promise<void> {
  await db.transaction((tx) =>
    recordSecurityEvent(tx, {
      orgId: person.orgId,
      actorId: person.id,
      action: 'user.signed-out',
      entityType: 'user',
      entityId: person.id,
      ip,
    }),
  );
}
