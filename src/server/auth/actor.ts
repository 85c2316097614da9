import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import { apiTokens, users } from '../../db/schema/index.js';
import type { TokenKind, TokenScope } from '../../domain/identity/token-scopes.js';
import { type Role } from '../../domain/vocabulary.js';
import { isAdmin } from '../policies/roles.js';
import type { Auth } from './better-auth.js';

/** Who is calling: every /api/v1 handler works from this, never from raw headers. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  via: 'session' | 'token' | 'slack';
  /** The signed-in session behind a browser request; a password change keeps this one and ends the others. */
  sessionId?: string;
  /** The token behind a bearer request: what it may do (http/authenticate.ts checks each route's scope). */
  token?: { id: string; kind: TokenKind; scopes: TokenScope[] };
}

/** Writes made by the operator (the CLI, jobs) rather than by a person are recorded as the system. */
export const SYSTEM = 'system' as const;
export type Writer = Actor | typeof SYSTEM;
/** The activity row's actor: null for the system. */
export const actorIdOf = (writer: Writer): string | null => (writer === SYSTEM ? null : writer.userId);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export async function activeUser(db: Database, userId: string, via: Actor['via']): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.deactivatedAt) return null;
  return { userId: user.id, orgId: user.orgId, role: user.role, name: user.name, email: user.email, via };
}

async function actorFromToken(db: Database, token: string): Promise<Actor | null> {
  const now = new Date();
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .returning({ id: apiTokens.id, userId: apiTokens.userId, orgId: apiTokens.orgId, kind: apiTokens.kind, scopes: apiTokens.scopes });
  if (!row) return null;
  const actor = await activeUser(db, row.userId, 'token');
  // A token only ever acts inside the organisation it was issued in.
  if (!actor || actor.orgId !== row.orgId) return null;
  // A service token stops when its owner is no longer an admin: the power it carries was theirs.
  if (row.kind === 'service' && !isAdmin(actor)) return null;
  return { ...actor, token: { id: row.id, kind: row.kind, scopes: row.scopes } };
}

/** Bearer token first (integrations), else the session cookie (the browser). */
export async function resolveActor(db: Database, auth: Auth, request: FastifyRequest): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization?.toLowerCase().startsWith('bearer ')) return actorFromToken(db, authorization.slice(7).trim());
  const session = await auth.api.getSession({ headers: toHeaders(request) });
  if (!session) return null;
  const actor = await activeUser(db, session.user.id, 'session');
  return actor && { ...actor, sessionId: session.session.id };
}
