import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { scimTokens } from '../../../db/schema/index.js';
import { hashToken, type Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeScimTokenCreate, authorizeScimTokens } from '../../policies/scim.js';
import { recordActivity } from '../activity.js';

/**
 * The bearer tokens an identity provider (Okta, Entra…) provisions people with. An admin issues one from
 * a signed-in session; it is shown once and only its SHA-256 is kept. It acts for the organisation as
 * "SCIM", never as the admin who issued it.
 */
export async function createScimToken(db: Database, actor: Actor, name: string) {
  authorizeScimTokenCreate(actor);
  const token = `cairn_scim_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({ orgId: actor.orgId, name: name.trim(), tokenHash: hashToken(token), prefix: token.slice(0, 16), createdBy: actor.userId })
      .returning();
    const entry = { orgId: actor.orgId, actorId: actor.userId, entityType: 'scim_token', entityId: row!.id };
    await recordActivity(tx, { ...entry, action: 'scim.token-created', after: { name: row!.name, prefix: row!.prefix } });
    return { row: row!, token };
  });
}

export async function listScimTokens(db: Database, actor: Actor) {
  authorizeScimTokens(actor);
  return db
    .select()
    .from(scimTokens)
    .where(and(eq(scimTokens.orgId, actor.orgId), isNull(scimTokens.revokedAt)))
    .orderBy(desc(scimTokens.createdAt));
}

export async function revokeScimToken(db: Database, actor: Actor, id: string) {
  authorizeScimTokens(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(scimTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(scimTokens.orgId, actor.orgId), eq(scimTokens.id, id), isNull(scimTokens.revokedAt)))
      .returning();
    if (!row) throw notFound('The SCIM token');
    const entry = { orgId: actor.orgId, actorId: actor.userId, entityType: 'scim_token', entityId: id };
    await recordActivity(tx, { ...entry, action: 'scim.token-revoked', before: { name: row.name, prefix: row.prefix } });
  });
}

/** The organisation a presented SCIM token belongs to, or null; notes when it was last used. */
export async function organizationOfScimToken(db: Database, token: string): Promise<string | null> {
  const [row] = await db
    .update(scimTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(scimTokens.tokenHash, hashToken(token)), isNull(scimTokens.revokedAt)))
    .returning({ orgId: scimTokens.orgId });
  return row?.orgId ?? null;
}
