import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { users } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';

/**
 * A mention is written into the comment as `@[Name](userId)`: the text keeps who was meant where,
 * any client can produce it, and the name reads well even where tokens are not rendered.
 */
const MENTION = /@\[([^\]\n]{1,120})\]\(([A-Za-z0-9_-]{1,64})\)/g;

/** The distinct people a comment body mentions, in order of first mention. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!))];
}

/** The body as people read it: `@Name` for every mention token. */
export const plainText = (body: string): string => body.replace(MENTION, (_token, name: string) => `@${name}`);

/** A short, single-line version for notifications and the feed. */
export function excerpt(body: string, max = 140): string {
  const text = plainText(body).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every mentioned person must be an active member of the organisation (404 on `field` otherwise). */
export async function checkMentions(tx: Executor, orgId: string, ids: string[], field = 'body'): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: users.id, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  const active = new Set(found.filter((u) => !u.deactivatedAt).map((u) => u.id));
  const missing = ids.find((id) => !active.has(id));
  if (missing) throw notFound(`The mentioned person (${missing})`, field);
}
