import { and, eq, lte, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/database.js';
import { cycles, dependencies, objectives, teams, users } from '../../../db/schema/index.js';
import { hours } from '../../../domain/zoned-time.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/**
 * Dependencies still unanswered after the organisation's answer timeframe, on live work (the dependent objective
 * active, its cycle not closed). `who` is whoever asked; the team is the providing one, whose leads must answer.
 */
export async function overdueDependencyAnswers(db: Executor, reader: Reader, now: Date, answerWithinHours: number) {
  const { orgId } = reader;
  const providing = alias(teams, 'providing_team');
  const rows = await db
    .select({
      dependency: dependencies,
      objectiveTitle: objectives.title,
      providingTeamName: providing.name,
      askerName: users.name,
    })
    .from(dependencies)
    .innerJoin(objectives, and(eq(objectives.orgId, dependencies.orgId), eq(objectives.id, dependencies.objectiveId)))
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .innerJoin(providing, and(eq(providing.orgId, dependencies.orgId), eq(providing.id, dependencies.providingTeamId)))
    .leftJoin(users, and(eq(users.orgId, dependencies.orgId), eq(users.id, dependencies.requestedBy)))
    .where(
      and(
        eq(dependencies.orgId, orgId),
        eq(dependencies.status, 'requested'),
        eq(objectives.status, 'active'),
        objectiveVisibleTo(reader),
        ne(cycles.status, 'closed'),
        lte(dependencies.createdAt, new Date(now.getTime() - hours(answerWithinHours))),
      ),
    );
  return rows.map((r) => {
    const d = r.dependency;
    return {
      kind: 'unanswered_dependency' as const,
      since: d.createdAt,
      overdueAt: new Date(d.createdAt.getTime() + hours(answerWithinHours)),
      who: d.requestedBy && r.askerName ? { id: d.requestedBy, name: r.askerName } : null,
      what: `Dependency unanswered: ${r.providingTeamName} for “${r.objectiveTitle}” (needed by ${d.neededBy})`,
      detail: d.description,
      link: `/teams/${d.providingTeamId}`,
      keyResultId: d.keyResultId,
      objectiveId: d.objectiveId,
      checkInId: null,
      teamId: d.providingTeamId,
    };
  });
}
