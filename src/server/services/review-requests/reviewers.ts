import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectives, teamMembers, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeReviewer } from '../../policies/review-requests.js';
import { invalid } from '../../errors.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';

/** Whether the person leads the team (false for a company objective, which has none). */
function leadsSql(teamId: string | null) {
  if (teamId === null) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from team_members rl where rl.team_id = ${teamId} and rl.user_id = ${users.id} and rl.role = 'lead')`.mapWith(
    Boolean,
  );
}

/**
 * The named reviewer, checked inside the write: a person of the organisation, still active, who runs the programme or
 * leads the objective's team, and who may read the objective (else they could not review it). 422 naming `reviewerId`.
 */
export async function checkReviewer(tx: Executor, actor: Actor, objective: { id: string; teamId: string | null }, reviewerId: string) {
  const [person] = await tx
    .select({ id: users.id, name: users.name, role: users.role, deactivatedAt: users.deactivatedAt, leadsTeam: leadsSql(objective.teamId) })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, reviewerId)));
  if (!person || person.deactivatedAt) throw invalid('reviewerId', 'No active person of this organisation has this id.');
  authorizeReviewer(person, person.leadsTeam, actor);
  const reads = await tx
    .select({ id: objectives.id })
    .from(objectives)
    .where(
      and(eq(objectives.orgId, actor.orgId), eq(objectives.id, objective.id), objectiveVisibleTo({ userId: person.id, role: person.role })),
    );
  if (reads.length === 0) throw invalid('reviewerId', 'This person cannot read the objective: share it with them first.');
  return person;
}

/** Who a review of the objective can be asked of (the picker): champions, admins and owners, and the team's leads. */
export async function reviewerCandidates(db: Executor, actor: Actor, objective: { teamId: string | null }) {
  const leads = objective.teamId
    ? db
        .select({ userId: teamMembers.userId })
        .from(teamMembers)
        .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.teamId, objective.teamId), eq(teamMembers.role, 'lead')))
    : undefined;
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role, leadsTeam: leadsSql(objective.teamId) })
    .from(users)
    .where(
      and(
        eq(users.orgId, actor.orgId),
        isNull(users.deactivatedAt),
        or(inArray(users.role, ['owner', 'admin', 'champion']), leads ? inArray(users.id, leads) : undefined),
      ),
    )
    .orderBy(asc(users.name));
  // Champions first: they are the programme's contact for OKR questions.
  const rank = (r: { role: string; leadsTeam: boolean }) => (r.role === 'champion' ? 0 : r.leadsTeam ? 1 : 2);
  return rows.filter((r) => r.id !== actor.userId).sort((a, b) => rank(a) - rank(b));
}
