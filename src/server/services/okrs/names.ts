import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { teams, users } from '../../../db/schema/index.js';

/**
 * The names of the people and teams a page of objectives mentions, so the API presents names and a
 * browser never loads every user and team of the organisation to turn ids into words (issue 12).
 */
export async function namesOf(
  db: Executor,
  orgId: string,
  ids: { users: Iterable<string | null>; teams: Iterable<string | null> },
): Promise<{ user: Map<string, string>; team: Map<string, string> }> {
  const userIds = [...new Set([...ids.users].filter((id): id is string => id !== null))];
  const teamIds = [...new Set([...ids.teams].filter((id): id is string => id !== null))];
  const [userRows, teamRows] = await Promise.all([
    userIds.length
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, userIds)))
      : Promise.resolve([]),
    teamIds.length
      ? db
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(and(eq(teams.orgId, orgId), inArray(teams.id, teamIds)))
      : Promise.resolve([]),
  ]);
  return { user: new Map(userRows.map((u) => [u.id, u.name])), team: new Map(teamRows.map((t) => [t.id, t.name])) };
}
