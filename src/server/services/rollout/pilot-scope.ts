import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { pilotTeams } from '../../../db/schema/index.js';
import { checkInGroups, type CheckInGroup } from '../rhythm/schedules.js';
import { pilotTeamIds, teamsWithDescendants } from '../surveys/recipients.js';

/**
 * Whether the programme's nudges and gate apply to a team: every team when there is no pilot, else the pilot's teams
 * and their sub-teams. Company objectives (no team) belong to everyone's programme.
 */
export async function inProgramme(db: Executor, orgId: string, teamId: string | null): Promise<boolean> {
  if (teamId === null) return true;
  const pilot = await pilotTeamIds(db, orgId);
  return pilot.length === 0 || pilot.includes(teamId);
}

/**
 * The check-in groups reminders, escalations and digests serve: during a pilot, teams outside it still read
 * everything but are not nudged. The company group always stays.
 */
export async function groupsInProgramme(db: Executor, orgId?: string): Promise<CheckInGroup[]> {
  const groups = await checkInGroups(db, orgId);
  const rows = await db
    .select({ orgId: pilotTeams.orgId, teamId: pilotTeams.teamId })
    .from(pilotTeams)
    .where(orgId ? eq(pilotTeams.orgId, orgId) : undefined);
  if (rows.length === 0) return groups;
  const roots = new Map<string, string[]>();
  for (const r of rows) roots.set(r.orgId, [...(roots.get(r.orgId) ?? []), r.teamId]);
  const scoped = new Map<string, Set<string>>();
  for (const [org, teamIds] of roots) scoped.set(org, new Set(await teamsWithDescendants(db, org, teamIds)));
  return groups.filter((g) => g.teamId === null || !scoped.has(g.orgId) || scoped.get(g.orgId)!.has(g.teamId));
}
