import type { FastifyRequest } from 'fastify';
import type { Database } from '../../../db/database.js';
import type { Auth } from '../../auth/better-auth.js';
import { recordSignIn, recordSignOut, type SignInOutcome } from '../../services/security-events.js';

/** Which sign-in answers enter the audit log: a throttled attempt never reached the password check. */
function outcomeOf(status: number): SignInOutcome | null {
  if (status >= 200 && status < 300) return 'signed-in';
  if (status === 401) return 'failed';
  if (status === 403) return 'refused';
  return null;
}

/** After Better Auth answered a password sign-in: the attempt, in the person's organisation's audit log. */
export async function auditSignIn(db: Database, email: string, status: number, ip: string): Promise<void> {
  const outcome = outcomeOf(status);
  if (email && outcome) await recordSignIn(db, { email, outcome, ip });
}

/** Who is signing out, read before Better Auth ends the session (afterwards it is gone). */
export async function signingOut(auth: Auth, headers: Headers): Promise<{ id: string; orgId: string } | null> {
  const session = await auth.api.getSession({ headers }).catch(() => null);
  const orgId = session?.user.orgId;
  return session && orgId ? { id: session.user.id, orgId } : null;
}

export async function auditSignOut(db: Database, person: { id: string; orgId: string } | null, status: number, request: FastifyRequest) {
  if (person && status >= 200 && status < 300) await recordSignOut(db, person, request.ip);
}
