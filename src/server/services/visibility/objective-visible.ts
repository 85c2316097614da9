import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { objectives } from '../../../db/schema/index.js';
import { isAdmin, isChampion, type HasRole } from '../../policies/roles.js';

/**
 * Who may read an objective, as ONE SQL condition every read adds to its query (docs/visibility.md), so a
 * hidden objective never leaves the database: not in lists, counts, search snippets or exports.
 *
 * - admins see everything; the owner always sees their own;
 * - a draft: besides its owner, only its team's members and the champions (there are no review requests yet);
 * - `organization`: everyone; `team`: the members of its team and of its contributing teams, its individual
 *   contributors and the leads of those teams' parent departments; `private`: the people named in objective_viewers.
 */
export interface Viewer extends HasRole {
  userId: string;
}

/** A viewer inside their organisation: what a read takes instead of a bare org id. */
export interface Reader extends Viewer {
  orgId: string;
}

/** The objectives table, or an alias of it (`alias(objectives, 'o')`) for raw SQL that names it `o`. */
type ObjectivesTable = Record<'id' | 'ownerId' | 'teamId' | 'status' | 'visibility', SQLWrapper>;

export function objectiveVisibleTo(viewer: Viewer, o: ObjectivesTable = objectives): SQL {
  if (isAdmin(viewer)) return sql`true`;
  const me = viewer.userId;
  const myTeams = sql`(select vtm.team_id from team_members vtm where vtm.user_id = ${me})`;
  const myLeadTeams = sql`(select vtl.team_id from team_members vtl where vtl.user_id = ${me} and vtl.role = 'lead')`;
  const contributingTeams = sql`(select voc.team_id from objective_contributors voc where voc.objective_id = ${o.id} and voc.team_id is not null)`;
  const draftGate = isChampion(viewer) ? sql`true` : sql`(${o.status} <> 'draft' or ${o.teamId} in ${myTeams})`;
  const teamReaders = sql`(
    ${o.teamId} in ${myTeams}
    or exists (select 1 from objective_contributors vc where vc.objective_id = ${o.id}
               and (vc.user_id = ${me} or vc.team_id in ${myTeams}))
    or exists (select 1 from teams vt where (vt.id = ${o.teamId} or vt.id in ${contributingTeams})
               and vt.parent_id in ${myLeadTeams}))`;
  const named = sql`exists (select 1 from objective_viewers vv where vv.objective_id = ${o.id} and vv.user_id = ${me})`;
  return sql`(${o.ownerId} = ${me} or (${draftGate} and (
    ${o.visibility} = 'organization'
    or (${o.visibility} = 'team' and ${teamReaders})
    or (${o.visibility} = 'private' and ${named}))))`;
}

/** The objectives table as `vo` (written out as `objectives vo` in FROM), for the correlated conditions below. */
export const visibleObjective = alias(objectives, 'vo');

/*
 * The id conditions are correlated EXISTS probes by primary key, not `column in (select … where visible)`: under an
 * OR (an alignment's parent objective or key result) PostgreSQL turns the IN form into a hashed subplan that evaluates
 * the predicate for every objective of the organisation's history on each call (team page 3 ms → 375 ms at 10,000
 * people, docs/performance.md). The probe costs one index lookup per outer row.
 */

/** Condition on a column holding an objective id (key results, check-ins, comments…): its objective is visible. */
export function objectiveIdVisibleTo(viewer: Viewer, column: SQLWrapper): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return sql`exists (select 1 from objectives vo where ${visibleObjective.id} = ${column} and ${objectiveVisibleTo(viewer, visibleObjective)})`;
}

/** Condition on a column holding a key result id: its objective is visible. */
export function keyResultIdVisibleTo(viewer: Viewer, column: SQLWrapper): SQL {
  if (isAdmin(viewer)) return sql`true`;
  return sql`exists (select 1 from key_results vk join objectives vo on ${visibleObjective.id} = vk.objective_id
    where vk.id = ${column} and ${objectiveVisibleTo(viewer, visibleObjective)})`;
}

/**
 * A reader who is nobody in particular: sees only what the whole organisation may see (published, `organization`).
 * For reads that leave the organisation, such as a shared report link. The nil id matches no person.
 */
export const anyoneIn = (orgId: string): Reader => ({ orgId, userId: '00000000-0000-0000-0000-000000000000', role: 'member' });
