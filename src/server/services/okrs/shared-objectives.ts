import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectiveContributors, objectives } from '../../../db/schema/index.js';

/**
 * Shared objectives (docs/cross-team-views.md): one objective owned by a lead team, with contributing teams
 * named in objective_contributors. They appear on the contributing teams' pages, trees and weeks, marked
 * as shared, and count in the owning team's figures only.
 */

/** Condition: the objective names `teamId` as a contributing team. */
export function contributedToBy(db: Executor, orgId: string, teamId: string): SQL {
  const contributed = db
    .select({ id: objectiveContributors.objectiveId })
    .from(objectiveContributors)
    .where(and(eq(objectiveContributors.orgId, orgId), eq(objectiveContributors.teamId, teamId)));
  // `= any(array(…))` runs the contributions once on their (org_id, team_id) index, and the OR with the
  // owning team stays a BitmapOr of two index scans instead of a probe per objective of the organisation.
  return sql`${objectives.id} = any(array(${contributed}))`;
}

/** Condition: the team owns the objective or contributes to it. */
export const ownedOrSharedWith = (db: Executor, orgId: string, teamId: string): SQL =>
  or(eq(objectives.teamId, teamId), contributedToBy(db, orgId, teamId))!;

export interface SharedFrom {
  teamId: string;
  teamName: string;
}

/**
 * Marks, on a team's list, the objectives another team owns: `sharedFrom` names the owning team (null on
 * the team's own ones). A company objective shared with a team names the organisation's company level.
 */
export function markShared<T extends { teamId: string | null; teamName: string | null }>(
  teamId: string,
  views: T[],
): (T & { sharedFrom: SharedFrom | null })[] {
  // The owning team's name is already on each view (read with the page's facts).
  return views.map((v) => ({
    ...v,
    sharedFrom: v.teamId === teamId ? null : { teamId: v.teamId ?? '', teamName: v.teamId ? (v.teamName ?? '') : 'Company' },
  }));
}
