import { randomInt } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { slackLinkCodes, slackLinks } from '../../../db/schema/index.js';
import { activeUser, hashToken, type Actor } from '../../auth/actor.js';

/** Long enough to switch to Slack and type it; short enough that a code seen over a shoulder soon expires. */
export const LINK_CODE_MINUTES = 15;
// No 0/O or 1/I: the code is read off a screen and typed.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

const newCode = () => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const normalise = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '');

/** Whether (and to which Slack user) the actor is linked. */
export async function slackLinkOf(db: Executor, actor: Actor) {
  const [row] = await db
    .select({ slackUserId: slackLinks.slackUserId, linkedAt: slackLinks.linkedAt })
    .from(slackLinks)
    .where(and(eq(slackLinks.orgId, actor.orgId), eq(slackLinks.userId, actor.userId)));
  return row
    ? { linked: true, slackUserId: row.slackUserId, linkedAt: row.linkedAt.toISOString() }
    : { linked: false, slackUserId: null, linkedAt: null };
}

/** A fresh one-time code for `/cairn link CODE`; it replaces any earlier one and is stored only hashed. */
export async function createSlackLinkCode(db: Executor, actor: Actor, now: Date) {
  const code = newCode();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  const values = { codeHash: hashToken(code), expiresAt, createdAt: now };
  await db
    .insert(slackLinkCodes)
    .values({ orgId: actor.orgId, userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: [slackLinkCodes.orgId, slackLinkCodes.userId], set: values });
  return { code, command: `/cairn link ${code}`, expiresAt: expiresAt.toISOString() };
}

/** Forgets the actor's Slack user (and any pending code). */
export async function unlinkSlack(db: Database, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(slackLinks).where(and(eq(slackLinks.orgId, actor.orgId), eq(slackLinks.userId, actor.userId)));
    await tx.delete(slackLinkCodes).where(and(eq(slackLinkCodes.orgId, actor.orgId), eq(slackLinkCodes.userId, actor.userId)));
  });
}

/**
 * `/cairn link CODE` from a Slack user: an unexpired code of this organisation links its person to that
 * Slack user (replacing either side's earlier link) and is used up. Returns the person's name, or null.
 */
export async function redeemSlackLinkCode(db: Database, orgId: string, code: string, slackUserId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(slackLinkCodes)
      .where(
        and(eq(slackLinkCodes.orgId, orgId), eq(slackLinkCodes.codeHash, hashToken(normalise(code))), gt(slackLinkCodes.expiresAt, now)),
      )
      .returning({ userId: slackLinkCodes.userId });
    if (!row) return null;
    await tx.delete(slackLinks).where(and(eq(slackLinks.orgId, orgId), eq(slackLinks.slackUserId, slackUserId)));
    await tx
      .insert(slackLinks)
      .values({ orgId, userId: row.userId, slackUserId, linkedAt: now })
      .onConflictDoUpdate({ target: [slackLinks.orgId, slackLinks.userId], set: { slackUserId, linkedAt: now } });
    return row.userId;
  });
}

/** The Cairn person behind a Slack user of this organisation, acting through Slack; null when unlinked or deactivated. */
export async function actorOfSlackUser(db: Database, orgId: string, slackUserId: string): Promise<Actor | null> {
  const [link] = await db
    .select({ userId: slackLinks.userId })
    .from(slackLinks)
    .where(and(eq(slackLinks.orgId, orgId), eq(slackLinks.slackUserId, slackUserId)));
  if (!link) return null;
  const actor = await activeUser(db, link.userId, 'slack');
  return actor && actor.orgId === orgId ? actor : null;
}

/** The Slack user linked to a Cairn person, for direct messages. */
export async function slackUserOf(db: Executor, orgId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ slackUserId: slackLinks.slackUserId })
    .from(slackLinks)
    .where(and(eq(slackLinks.orgId, orgId), eq(slackLinks.userId, userId)));
  return row?.slackUserId ?? null;
}
