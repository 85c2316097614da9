import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { apiTokens, users } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { authorizeServiceTokens, authorizeTokenCreate } from '../policies/tokens.js';
import { recordActivity } from './activity.js';
import { createToken, type TokenInput } from './tokens.js';

/**
 * Organisation service tokens (issue 19): for integrations rather than people. The admin who issues one
 * owns it (it acts with their identity, and stops when they are no longer an admin); every admin sees
 * them all, with when each was last used, and may revoke any.
 */
export async function createServiceToken(db: Database, actor: Actor, input: Omit<TokenInput, 'kind'>) {
  authorizeTokenCreate(actor, input.scopes ?? [], 'service');
  return createToken(db, { orgId: actor.orgId, actorId: actor.userId }, { ...input, kind: 'service' });
}

export async function listServiceTokens(db: Database, actor: Actor) {
  authorizeServiceTokens(actor);
  return db
    .select({ token: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
    .where(and(eq(apiTokens.orgId, actor.orgId), eq(apiTokens.kind, 'service'), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeServiceToken(db: Database, actor: Actor, id: string) {
  authorizeServiceTokens(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.orgId, actor.orgId), eq(apiTokens.kind, 'service'), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw notFound('The service token');
    const entry = { orgId: actor.orgId, actorId: actor.userId, action: 'token.revoked', entityType: 'api_token', entityId: id };
    await recordActivity(tx, { ...entry, after: { name: row.name, kind: row.kind } });
  });
}
