import { and, eq, inArray, or } from 'drizzle-orm';
import {
  DEFAULT_STATUS_MARGINS,
  expectedProgress,
  progressStatus,
  type ObjectiveStatus,
  type ProgressStatus,
  type StatusMargins,
} from '../../../domain/index.js';
import { departmentOfTeams, type TeamFacts } from '../../../domain/across/departments.js';
import type { Executor } from '../../../db/database.js';
import { cycles, objectives, organizations, teamMembers, teams, users } from '../../../db/schema/index.js';
import { todayIn } from '../../clock.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

type CycleRow = typeof cycles.$inferSelect;

/** The columns the cross-team views read of an objective: never descriptions or key results. */
export const objectiveFacts = {
  id: objectives.id,
  title: objectives.title,
  teamId: objectives.teamId,
  ownerId: objectives.ownerId,
  status: objectives.status,
  progress: objectives.progress,
  effectiveStartDate: objectives.effectiveStartDate,
  standaloneReason: objectives.standaloneReason,
  pillarId: objectives.pillarId,
};
export interface ObjectiveFacts {
  id: string;
  title: string;
  teamId: string | null;
  ownerId: string | null;
  status: ObjectiveStatus;
  progress: number;
  effectiveStartDate: string | null;
  standaloneReason: string | null;
  pillarId: string | null;
}

/**
 * Published (active or closed: drafts are not judged yet, archived ones are gone from the views) and visible to the
 * reader: every cross-team view counts only what its reader may see.
 */
export const publishedIn = (reader: Reader, cycleId: string) =>
  and(
    eq(objectives.orgId, reader.orgId),
    eq(objectives.cycleId, cycleId),
    or(eq(objectives.status, 'active'), eq(objectives.status, 'closed')),
    objectiveVisibleTo(reader),
  );

export interface TeamRow extends TeamFacts {
  name: string;
}

/** Every team of the organisation with its department (an organisation has at most a few thousand teams). */
export async function loadTeams(db: Executor, orgId: string) {
  const rows = (await db
    .select({ id: teams.id, name: teams.name, kind: teams.kind, parentId: teams.parentId })
    .from(teams)
    .where(eq(teams.orgId, orgId))) as TeamRow[];
  return { rows, byId: new Map(rows.map((t) => [t.id, t])), departmentOf: departmentOfTeams(rows) };
}
export type Teams = Awaited<ReturnType<typeof loadTeams>>;

/** The organisation's date (or the asked one) and status margins: what pace and status are measured with. */
export async function loadPaceContext(db: Executor, orgId: string, cycle: CycleRow, now: Date, asOf?: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const margins: StatusMargins = { ...DEFAULT_STATUS_MARGINS, ...(org?.settings ?? {}) };
  const date = asOf ?? todayIn(org?.timeZone ?? 'UTC', now);
  // The expected progress depends only on the start: a cycle's objectives share a few starts, and validating and
  // counting dates for each of 12,500 objectives (twice in the heatmap) cost more than its queries.
  const expectedByStart = new Map<string | null, number>();
  const expectedFrom = (start: string | null) => {
    let expected = expectedByStart.get(start);
    if (expected === undefined) expectedByStart.set(start, (expected = expectedProgress(cycle, date, start)));
    return expected;
  };
  return {
    date,
    margins,
    settings: org?.settings ?? {},
    pace(o: Pick<ObjectiveFacts, 'progress' | 'effectiveStartDate'>): { expectedProgress: number; progressStatus: ProgressStatus } {
      const expected = expectedFrom(o.effectiveStartDate);
      return { expectedProgress: expected, progressStatus: progressStatus(o.progress, expected, margins) };
    },
  };
}
export type PaceContext = Awaited<ReturnType<typeof loadPaceContext>>;

/** Names of the given people, scoped to the organisation. */
export async function namesOf(db: Executor, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** "teamId:userId" of every plain member of the given teams: an objective one of them owns is an individual's. */
export async function plainMembersOf(db: Executor, orgId: string, teamIds: string[]): Promise<Set<string>> {
  if (teamIds.length === 0) return new Set();
  const rows = await db
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), inArray(teamMembers.teamId, teamIds), eq(teamMembers.role, 'member')));
  return new Set(rows.map((r) => `${r.teamId}:${r.userId}`));
}
