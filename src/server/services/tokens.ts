import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { apiTokens } from '../../db/schema/index.js';
import { hashToken, type Actor } from '../auth/actor.js';
import { authorizeTokenCreate } from '../policies/tokens.js';
import { notFound } from '../errors.js';
import { recordActivity } from './activity.js';

type Scope = { orgId: string; actorId: string };
const DAY_MS = 86_400_000;

/** Returns the token once; only its hash and a short prefix (to recognise it in a list) are kept. */
/** A person creates a token for themselves, from a signed-in session. */
export async function createMyToken(db: Database, actor: Actor, input: { name: string; expiresInDays?: number }) {
  authorizeTokenCreate(actor);
  return createToken(db, { orgId: actor.orgId, actorId: actor.userId }, input);
}

/** Issues a token for `scope.actorId` without a policy check: for trusted callers (the operator, test set-ups). */
export async function createToken(db: Database, scope: Scope, input: { name: string; expiresInDays?: number }) {
  const token = `cairn_${randomBytes(24).toString('base64url')}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId: scope.orgId,
        userId: scope.actorId,
        name: input.name.trim(),
        tokenHash: hashToken(token),
        prefix: token.slice(0, 12),
        expiresAt,
      })
      .returning();
    await recordActivity(tx, { ...scope, action: 'token.created', entityType: 'api_token', entityId: row!.id, after: { name: row!.name } });
    return { row: row!, token };
  });
}

export function listTokens(db: Database, scope: Scope) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, scope.orgId), eq(apiTokens.userId, scope.actorId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeToken(db: Database, scope: Scope, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.orgId, scope.orgId), eq(apiTokens.userId, scope.actorId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw notFound('The token');
    await recordActivity(tx, { ...scope, action: 'token.revoked', entityType: 'api_token', entityId: id });
  });
}
