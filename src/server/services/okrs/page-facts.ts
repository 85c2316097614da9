import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import type { cycles, OrganizationSettings } from '../../../db/schema/index.js';
import type { TeamMemberRole } from '../../../domain/vocabulary.js';

type CycleRow = typeof cycles.$inferSelect;

/** What a page's objectives are presented against: the cycle's dates and whether it is closed. */
export type PageCycle = Pick<CycleRow, 'id' | 'name' | 'status' | 'startDate' | 'endDate'>;

export interface PageFacts {
  org: { timeZone: string; settings: OrganizationSettings } | null;
  cycles: PageCycle[];
  /** The page's teams: their check-in cadence and name. */
  teams: { id: string; cadence: string; name: string }[];
  /** The actor's memberships: what they may do with each objective is decided without a query each. */
  myTeams: { teamId: string; role: TeamMemberRole }[];
  /** The names of the objectives' owners (key result owners come with the key results). */
  owners: { id: string; name: string }[];
  contributors: { objectiveId: string; userId: string | null; teamId: string | null }[];
  viewers: { objectiveId: string; userId: string }[];
}

/**
 * Every small fact a page of objectives needs besides its key results and parents, in ONE statement:
 * on a loaded server each statement costs a round trip plus its parse and plan, and these seven
 * were most of a team page's statements (issue 12: the team page against its floor). Every part is
 * scoped by the organisation.
 */
export async function pageFacts(
  db: Executor,
  orgId: string,
  userId: string,
  ids: { objectives: readonly string[]; cycles: readonly string[]; teams: readonly string[]; owners: readonly string[] },
): Promise<PageFacts> {
  const [row] = await queryRows<PageFacts>(
    db,
    sql`select
      (select json_build_object('timeZone', g.time_zone, 'settings', g.settings) from organizations g where g.id = ${orgId}) as org,
      coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'status', c.status, 'startDate', c.start_date,
        'endDate', c.end_date)) from cycles c where c.org_id = ${orgId} and c.id = any(${pgArray(ids.cycles)}::uuid[])), '[]') as cycles,
      coalesce((select json_agg(json_build_object('id', t.id, 'cadence', t.check_in_cadence, 'name', t.name))
        from teams t where t.org_id = ${orgId} and t.id = any(${pgArray(ids.teams)}::uuid[])), '[]') as teams,
      coalesce((select json_agg(json_build_object('teamId', m.team_id, 'role', m.role))
        from team_members m where m.org_id = ${orgId} and m.user_id = ${userId}), '[]') as "myTeams",
      coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name))
        from users u where u.org_id = ${orgId} and u.id = any(${`{${ids.owners.map((id) => JSON.stringify(id)).join(',')}}`}::text[])), '[]') as owners,
      coalesce((select json_agg(json_build_object('objectiveId', c.objective_id, 'userId', c.user_id, 'teamId', c.team_id))
        from objective_contributors c where c.org_id = ${orgId} and c.objective_id = any(${pgArray(ids.objectives)}::uuid[])), '[]') as contributors,
      coalesce((select json_agg(json_build_object('objectiveId', v.objective_id, 'userId', v.user_id))
        from objective_viewers v where v.org_id = ${orgId} and v.objective_id = any(${pgArray(ids.objectives)}::uuid[])), '[]') as viewers`,
  );
  return row!;
}
