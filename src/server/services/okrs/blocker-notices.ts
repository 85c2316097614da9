import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectives, teamMembers } from '../../../db/schema/index.js';
import { notify, type NotifyContext } from '../notifications/notify.js';
import { excerpt, mentionedIds } from '../social/mentions.js';

export interface BlockerNotices {
  orgId: string;
  checkInId: string;
  blockers: string | null;
  author: { id: string; name: string };
  keyResult: { title: string };
  objectiveId: string;
}

/** The leads of the objective's team, who can unblock what its people cannot. */
async function leadsOf(tx: Executor, orgId: string, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const rows = await tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.role, 'lead')));
  return rows.map((r) => r.userId);
}

/**
 * Inside the check-in's transaction: a blocker is news for the people who can remove it. Everyone
 * @mentioned in it hears of it as a mention; the team's leads and the objective's owner as a blocker,
 * never the author, one notice per person (a mention wins). Dedupe keys per check-in keep a corrected
 * check-in from telling anyone twice, so a correction reaches only the newly concerned.
 */
export async function sendBlockerNotices(tx: Executor, ctx: NotifyContext, input: BlockerNotices): Promise<void> {
  const text = input.blockers?.trim();
  if (!text) return;
  const { orgId, author } = input;
  const [objective] = await tx
    .select({ id: objectives.id, title: objectives.title, ownerId: objectives.ownerId, teamId: objectives.teamId })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.id, input.objectiveId)));
  if (!objective) return;
  const common = {
    orgId,
    body: `Blocker on “${input.keyResult.title}”: ${excerpt(text, 280)}`,
    link: `/objectives/${objective.id}`,
    objectiveId: objective.id,
    entityType: 'check_in',
    entityId: input.checkInId,
  };
  const mentioned = mentionedIds(text).filter((id) => id !== author.id);
  for (const userId of mentioned)
    await notify(tx, ctx, {
      ...common,
      userId,
      kind: 'mention',
      title: `${author.name} mentioned you in a blocker on ${objective.title}`,
      dedupeKey: `mention:${input.checkInId}`,
    });
  const concerned = new Set([...(await leadsOf(tx, orgId, objective.teamId)), ...(objective.ownerId ? [objective.ownerId] : [])]);
  for (const userId of concerned) {
    if (userId === author.id || mentioned.includes(userId)) continue;
    await notify(tx, ctx, {
      ...common,
      userId,
      kind: 'blocker',
      title: `${author.name} is blocked on ${objective.title}`,
      dedupeKey: `blocker:${input.checkInId}`,
    });
  }
}
