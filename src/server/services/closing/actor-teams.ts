import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { teamMembers } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { ActorTeams } from '../../policies/objectives.js';

/** The actor's teams and role in each, once per request, so permissions over many objectives need no query each. */
export async function actorTeamsOf(db: Executor, actor: Actor): Promise<ActorTeams> {
  const rows = await db
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.userId, actor.userId)));
  return new Map(rows.map((m) => [m.teamId, m.role]));
}
