import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { apiTokens } from '../../db/schema/index.js';
import { normalizeScopes, TOKEN_SCOPES, type TokenKind, type TokenScope } from '../../domain/identity/token-scopes.js';
import { hashToken, type Actor } from '../auth/actor.js';
import { authorizeTokenCreate } from '../policies/tokens.js';
import { notFound } from '../errors.js';
import { recordActivity } from './activity.js';

type Scope = { orgId: string; actorId: string };
export interface TokenInput {
  name: string;
  /** Omitted by trusted callers only (the operator, test set-ups): the API requires scopes. */
  scopes?: TokenScope[];
  expiresInDays?: number;
  kind?: TokenKind;
}
const DAY_MS = 86_400_000;

/** A person creates a token for themselves, from a signed-in session. */
export async function createMyToken(db: Database, actor: Actor, input: TokenInput) {
  authorizeTokenCreate(actor, input.scopes ?? [], 'personal');
  return createToken(db, { orgId: actor.orgId, actorId: actor.userId }, { ...input, kind: 'personal' });
}

/**
 * Issues a token for `scope.actorId` without a policy check: for trusted callers (the operator, test set-ups).
 * Returns the token once; only its hash and a short prefix (to recognise it in a list) are kept.
 */
export async function createToken(db: Database, scope: Scope, input: TokenInput) {
  const token = `cairn_${randomBytes(24).toString('base64url')}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  const scopes = normalizeScopes(input.scopes ?? TOKEN_SCOPES);
  const kind = input.kind ?? 'personal';
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
        scopes,
        kind,
      })
      .returning();
    const after = { name: row!.name, kind, scopes, expiresAt: row!.expiresAt };
    await recordActivity(tx, { ...scope, action: 'token.created', entityType: 'api_token', entityId: row!.id, after });
    return { row: row!, token };
  });
}

/** A person's own tokens; service tokens are listed to admins instead (services/service-tokens.ts). */
export function listTokens(db: Database, scope: Scope) {
  return db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.orgId, scope.orgId),
        eq(apiTokens.userId, scope.actorId),
        eq(apiTokens.kind, 'personal'),
        isNull(apiTokens.revokedAt),
      ),
    )
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeToken(db: Database, scope: Scope, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.orgId, scope.orgId),
          eq(apiTokens.userId, scope.actorId),
          eq(apiTokens.kind, 'personal'),
          eq(apiTokens.id, id),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound('The token');
    await recordActivity(tx, {
      ...scope,
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      after: { name: row.name, kind: row.kind },
    });
  });
}
