import { and, eq } from 'drizzle-orm';
import { dependencies, objectives, teamMembers } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeDependencyAnswer } from '../../policies/dependencies.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { notify } from '../notifications/notify.js';
import { noticesFor, scopeOf, type ServiceDeps } from '../okrs/deps.js';

export interface DependencyAnswer {
  status: 'accepted' | 'declined';
  note?: string | null;
}

/** The providing team's lead (or an admin) accepts or declines; whoever asked hears of it. */
export async function answerDependency(deps: ServiceDeps, actor: Actor, id: string, answer: DependencyAnswer) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const [before] = await tx
      .select()
      .from(dependencies)
      .where(and(eq(dependencies.orgId, actor.orgId), eq(dependencies.id, id)));
    if (!before) throw notFound('The dependency');
    const [lead] = await tx
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(
        and(
          eq(teamMembers.orgId, actor.orgId),
          eq(teamMembers.teamId, before.providingTeamId),
          eq(teamMembers.userId, actor.userId),
          eq(teamMembers.role, 'lead'),
        ),
      );
    authorizeDependencyAnswer(actor, Boolean(lead));
    const [row] = await tx
      .update(dependencies)
      .set({ status: answer.status, answerNote: answer.note?.trim() || null, answeredBy: actor.userId, answeredAt: deps.clock() })
      .where(and(eq(dependencies.orgId, actor.orgId), eq(dependencies.id, id)))
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: `dependency.${answer.status}`,
      entityType: 'dependency',
      entityId: id,
      before,
      after: row,
    });
    const notices = noticesFor(deps, announce);
    const [objective] = await tx
      .select({ title: objectives.title })
      .from(objectives)
      .where(and(eq(objectives.orgId, actor.orgId), eq(objectives.id, before.objectiveId)));
    if (notices && before.requestedBy && before.requestedBy !== actor.userId)
      await notify(tx, notices, {
        orgId: actor.orgId,
        userId: before.requestedBy,
        kind: 'blocker',
        title: `Your dependency for “${objective?.title ?? 'an objective'}” was ${answer.status}`,
        body: row!.answerNote ?? undefined,
        link: `/objectives/${before.objectiveId}`,
        objectiveId: before.objectiveId,
        entityType: 'dependency',
        entityId: id,
        dedupeKey: `dependency:${id}:${answer.status}`,
      });
    announce.changed('objective', before.objectiveId, before.objectiveId);
    announce.changed('dependency', id, before.objectiveId);
    return row!;
  });
}
