import { and, asc, eq, inArray, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { pgArray } from '../../../db/pg-array.js';
import { selectPrepared } from '../../../db/prepared-statements.js';
import { alignments, keyResults, objectiveChildren, objectiveContributors, objectives, teamMembers } from '../../../db/schema/index.js';
import { type ObjectiveStatus } from '../../../domain/vocabulary.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';
import { ownedOrSharedWith } from './shared-objectives.js';

export interface ObjectiveFilters {
  cycleId?: string;
  teamId?: string;
  /** With teamId: also the objectives the team contributes to (shared objectives). */
  shared?: 'true' | 'false';
  ownerId?: string;
  status?: ObjectiveStatus;
  /** An objective id (its aligned children) or `none` (objectives aligned to nothing). */
  parent?: string;
  /** A person: objectives they own, hold a key result of, or contribute to (in person or through a team). */
  involves?: string;
}

/**
 * Condition: the objective is aligned to one of `parentIds`, directly or through one of their key results. Read from
 * objective_children, where an alignment to a key result is already listed under its objective: one index-only
 * probe per parent instead of the alignments by parent, the parents' key results and the alignments by key result.
 */
export function alignedTo(db: Executor, orgId: string, parentIds: string[]): SQL {
  // The ids as one array parameter: the statement's text is the same for any number of parents (a named statement).
  // One parent (a tree's level below one objective) is compared as one value: PostgreSQL estimates an array parameter
  // at ten elements, and with that estimate a generic plan looked dearer than planning afresh, which it then did on
  // every call of the named statement (1.2 ms of a tree level's 2 ms in the database, issue 12).
  const parents = parentIds.length === 1 ? sql`${parentIds[0]}::uuid` : sql`any(${pgArray(parentIds)}::uuid[])`;
  const children = db
    .select({ id: objectiveChildren.childObjectiveId })
    .from(objectiveChildren)
    .where(and(eq(objectiveChildren.orgId, orgId), sql`${objectiveChildren.parentObjectiveId} = ${parents}`));
  return sql`${objectives.id} = any(array(${children}))`;
}

/** Condition: the objective is aligned to nothing (a root of its cycle's tree). */
export const alignedToNothing = (db: Executor): SQL =>
  notExists(db.select({ one: alignments.id }).from(alignments).where(eq(alignments.childObjectiveId, objectives.id)));

/** The statement of the objectives `filters` ask for and `reader` may see, oldest first (ties by id), at most 2,000. */
export function objectivesQuery(db: Executor, reader: Reader, filters: ObjectiveFilters) {
  const orgId = reader.orgId;
  const conditions: SQL[] = [eq(objectives.orgId, orgId), objectiveVisibleTo(reader)];
  if (filters.cycleId) conditions.push(eq(objectives.cycleId, filters.cycleId));
  const { teamId } = filters;
  if (teamId) {
    const ownedOrShared = ownedOrSharedWith(db, orgId, teamId);
    conditions.push(filters.shared === 'true' ? ownedOrShared : eq(objectives.teamId, teamId));
  }
  if (filters.ownerId) conditions.push(eq(objectives.ownerId, filters.ownerId));
  // Archived objectives leave the live lists; asking for `status=archived` (or a tree search) finds them.
  conditions.push(filters.status ? eq(objectives.status, filters.status) : ne(objectives.status, 'archived'));
  if (filters.involves) {
    const theirKeyResults = db.select({ id: keyResults.objectiveId }).from(keyResults).where(eq(keyResults.ownerId, filters.involves));
    const theirTeams = db
      .select({ id: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, filters.involves)));
    const theyContribute = db
      .select({ id: objectiveContributors.objectiveId })
      .from(objectiveContributors)
      .where(
        and(
          eq(objectiveContributors.orgId, orgId),
          or(eq(objectiveContributors.userId, filters.involves), inArray(objectiveContributors.teamId, theirTeams)),
        ),
      );
    conditions.push(
      or(eq(objectives.ownerId, filters.involves), inArray(objectives.id, theirKeyResults), inArray(objectives.id, theyContribute))!,
    );
  }
  if (filters.parent === 'none') conditions.push(alignedToNothing(db));
  else if (filters.parent) conditions.push(alignedTo(db, orgId, [filters.parent]));
  return db
    .select()
    .from(objectives)
    .where(and(...conditions))
    .orderBy(asc(objectives.createdAt), asc(objectives.id))
    .limit(2000);
}

/** The objectives `filters` ask for and `reader` may see (a named statement: its text depends on the filters only). */
export const findObjectives = (db: Executor, reader: Reader, filters: ObjectiveFilters) =>
  selectPrepared(objectivesQuery(db, reader, filters));
