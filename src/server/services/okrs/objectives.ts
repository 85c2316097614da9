import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, objectiveContributors, objectives, organizations, teams, users } from '../../../db/schema/index.js';
import {
  type ObjectiveStatus,
  type ObjectiveType,
  type ProgressDriver,
  type TeamMemberRole,
  type Visibility,
} from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { conflict, notFound } from '../../errors.js';
import { isAdmin } from '../../policies/index.js';
import { authorizeObjectiveEdit, authorizePlacement, type ObjectiveRelation } from '../../policies/objectives.js';
import { recordActivity } from '../activity.js';
import { recordPaceChange } from './pace-history.js';
import { writeAndAnnounce } from '../announce.js';
import { linkedObjectiveIds, storeQualityScores } from '../quality/stored-score.js';
import { assertOwnerKept } from '../quality/owner-rule.js';
import { assertPublishable } from '../quality/publish-gate.js';
import { loadObjectiveFor } from './actor-reads.js';
import { assertOpen } from './cycles.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';
import { checkViewers, writeViewers } from '../visibility/viewers.js';
import { scopeOf, type ServiceDeps } from './deps.js';
import { lockOrganizationOkrs } from './org-lock.js';
import { resolveStrategyLinks } from '../strategy/objective-links.js';
import { parentsOf, refreshObjective, refreshParents } from './rollup.js';

export interface ObjectiveFields {
  title?: string;
  description?: string | null;
  whyImportant?: string | null;
  whyUrgent?: string | null;
  ownerId?: string | null;
  teamId?: string | null;
  type?: ObjectiveType;
  weight?: number;
  progressDriver?: ProgressDriver;
  status?: ObjectiveStatus;
  standaloneReason?: string | null;
  /** The strategic pillar it serves and the annual objective it advances (src/server/services/strategy). */
  pillarId?: string | null;
  annualObjectiveId?: string | null;
  /** Pace starts here when later than the cycle start; set on first publication when not given. */
  effectiveStartDate?: string | null;
  contributors?: { userId?: string | null; teamId?: string | null }[];
  visibility?: Visibility;
  /** For a private objective: who else may read it (docs/visibility.md). */
  viewerIds?: string[];
  /** Admins: publish despite blocking quality findings, with this reason recorded. */
  publishOverrideReason?: string;
}

export async function requireObjective(tx: Executor, orgId: string, id: string, field?: string) {
  const [objective] = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.id, id)));
  if (!objective) throw notFound('The objective', field);
  return objective;
}

/** An objective the actor may read (docs/visibility.md); a hidden one is not found, like a missing one. */
export async function requireVisibleObjective(tx: Executor, actor: Reader, id: string, field?: string) {
  const [objective] = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, actor.orgId), eq(objectives.id, id), objectiveVisibleTo(actor)));
  if (!objective) throw notFound('The objective', field);
  return objective;
}

/**
 * Owner, team and contributors must all belong to the caller's organisation. Answers the actor's
 * role in the given team (read with the team itself), for the placement rule.
 */
async function checkPeople(tx: Executor, actor: Actor, fields: ObjectiveFields): Promise<TeamMemberRole | null> {
  const person = async (id: string, field: string) => {
    const [row] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, id)));
    if (!row) throw notFound('The person', field);
  };
  const team = async (id: string, field: string) => {
    const [row] = await tx
      .select({
        id: teams.id,
        role: sql<TeamMemberRole | null>`(select tm.role from team_members tm where tm.team_id = ${teams.id} and tm.user_id = ${actor.userId})`,
      })
      .from(teams)
      .where(and(eq(teams.orgId, actor.orgId), eq(teams.id, id)));
    if (!row) throw notFound('The team', field);
    return row.role;
  };
  if (fields.ownerId) await person(fields.ownerId, 'ownerId');
  const role = fields.teamId ? await team(fields.teamId, 'teamId') : null;
  for (const [i, c] of (fields.contributors ?? []).entries()) {
    if (c.userId) await person(c.userId, `contributors[${i}].userId`);
    if (c.teamId) await team(c.teamId, `contributors[${i}].teamId`);
  }
  await checkViewers(tx, actor.orgId, fields.viewerIds);
  return role;
}

async function writeContributors(tx: Executor, orgId: string, objectiveId: string, contributors: ObjectiveFields['contributors']) {
  if (contributors === undefined) return;
  await tx.delete(objectiveContributors).where(eq(objectiveContributors.objectiveId, objectiveId));
  if (contributors.length > 0)
    await tx
      .insert(objectiveContributors)
      .values(contributors.map((c) => ({ orgId, objectiveId, userId: c.userId ?? null, teamId: c.teamId ?? null })));
}

/** The cycle with the organisation's time zone, in one read. */
async function cycleWithTimeZone(tx: Executor, orgId: string, cycleId: string) {
  const [row] = await tx
    .select({ cycle: cycles, timeZone: organizations.timeZone })
    .from(cycles)
    .innerJoin(organizations, eq(organizations.id, cycles.orgId))
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId)));
  if (!row) throw notFound('The cycle', 'cycleId');
  return row;
}

/**
 * Who owns a new objective: the caller unless named. A member creates only for themselves, so
 * their "nobody" (null) becomes them; admins and the team's leads may leave it to nobody.
 */
function ownerFor(actor: Actor, ownerId: string | null | undefined, roleThere: TeamMemberRole | null): string | null {
  if (ownerId === undefined) return actor.userId;
  if (ownerId === null && !isAdmin(actor) && roleThere !== 'lead') return actor.userId;
  return ownerId;
}

/** A new objective, a draft unless asked otherwise; created `active`, it passes the publish gate first. */
export async function createObjective(deps: ServiceDeps, actor: Actor, input: ObjectiveFields & { title: string; cycleId: string }) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { cycle, timeZone } = await cycleWithTimeZone(tx, actor.orgId, input.cycleId);
    if (cycle.status === 'closed') throw conflict('cycleId', `${cycle.name} is closed: plan new objectives in an open cycle.`);
    const roleThere = await checkPeople(tx, actor, input);
    const { contributors, viewerIds, publishOverrideReason, ...values } = input;
    Object.assign(values, await resolveStrategyLinks(tx, actor.orgId, cycle.startDate, input));
    const status = input.status ?? 'draft';
    const fields = {
      ...values,
      ownerId: ownerFor(actor, input.ownerId, roleThere),
      status,
      effectiveStartDate: effectiveStartOnPublish(null, status, input.effectiveStartDate, todayIn(timeZone, deps.clock())),
    };
    authorizePlacement(actor, { teamId: fields.teamId ?? null, ownerId: fields.ownerId }, roleThere);
    const [objective] = await tx
      .insert(objectives)
      .values({ ...fields, title: fields.title.trim(), orgId: actor.orgId })
      .returning();
    await writeContributors(tx, actor.orgId, objective!.id, contributors);
    await writeViewers(tx, actor.orgId, objective!.id, viewerIds);
    await storeQualityScores(tx, actor.orgId, [objective!.id]);
    if (objective!.status === 'active')
      await assertPublishable(tx, actor, objective!, todayIn(timeZone, deps.clock()), publishOverrideReason);
    await recordPaceChange(tx, {
      orgId: actor.orgId,
      objectiveId: objective!.id,
      today: todayIn(timeZone, deps.clock()),
      before: null,
      after: { effectiveStartDate: objective!.effectiveStartDate, objectiveStatus: objective!.status },
    });
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'objective.created',
      entityType: 'objective',
      entityId: objective!.id,
      after: { ...fields, contributors, viewerIds },
    });
    announce.changed('objective', objective!.id, objective!.id);
    return objective!;
  });
}

/**
 * The effective start a write leaves: the one given, else the one kept, else (on the first move into
 * active) the day of publication. Drafts carry none unless given.
 */
function effectiveStartOnPublish(kept: string | null, status: ObjectiveStatus, given: string | null | undefined, today: string) {
  if (given !== undefined) return given;
  if (kept !== null || status !== 'active') return kept;
  return today;
}

const PLACEMENT_FIELDS = ['teamId', 'ownerId', 'type', 'status'] as const;

/**
 * A change of team, owner, type or status passes the same rule as creating the objective there.
 * The team's role is known from the first read when the team stays.
 */
function authorizeMove(
  actor: Actor,
  before: typeof objectives.$inferSelect,
  fields: ObjectiveFields,
  relation: ObjectiveRelation,
  roleInNewTeam: TeamMemberRole | null,
) {
  if (!PLACEMENT_FIELDS.some((f) => fields[f] !== undefined && fields[f] !== before[f])) return;
  const teamId = fields.teamId !== undefined ? fields.teamId : before.teamId;
  const ownerId = fields.ownerId !== undefined ? fields.ownerId : before.ownerId;
  const sameTeam = teamId === before.teamId;
  const roleThere = sameTeam ? (relation.leadsTeam ? 'lead' : relation.inTeam ? 'member' : null) : roleInNewTeam;
  authorizePlacement(actor, { teamId, ownerId }, roleThere);
}

export async function updateObjective(deps: ServiceDeps, actor: Actor, id: string, input: ObjectiveFields) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { objective: before, cycle, timeZone, relation } = await loadObjectiveFor(tx, actor, id);
    authorizeObjectiveEdit(actor, relation);
    assertOpen(cycle);
    const roleInNewTeam = await checkPeople(tx, actor, input);
    const { contributors, viewerIds, publishOverrideReason, ...fields } = input;
    Object.assign(fields, await resolveStrategyLinks(tx, actor.orgId, cycle.startDate, input, before));
    authorizeMove(actor, before, fields, relation, roleInNewTeam);
    if (fields.ownerId === null)
      await assertOwnerKept(
        tx,
        actor.orgId,
        'objective',
        before.status === 'active' && (fields.status ?? before.status) === 'active',
        null,
      );
    const effectiveStartDate = effectiveStartOnPublish(
      before.effectiveStartDate,
      fields.status ?? before.status,
      fields.effectiveStartDate,
      todayIn(timeZone, deps.clock()),
    );
    if (effectiveStartDate !== before.effectiveStartDate) fields.effectiveStartDate = effectiveStartDate;
    const change = Object.fromEntries(
      Object.entries({ ...fields, title: fields.title?.trim() }).filter(([, value]) => value !== undefined),
    );
    // A change of contributors alone updates no column (an empty SET is an error).
    const [objective] =
      Object.keys(change).length > 0 ? await tx.update(objectives).set(change).where(eq(objectives.id, id)).returning() : [before];
    await writeContributors(tx, actor.orgId, id, contributors);
    await writeViewers(tx, actor.orgId, id, viewerIds);
    // Publishing a draft passes the gate; restoring an archived objective is not a new publication.
    if (before.status === 'draft' && objective!.status === 'active')
      await assertPublishable(tx, actor, objective!, todayIn(timeZone, deps.clock()), publishOverrideReason);
    // A new driver changes this objective's progress; a new weight changes what it gives its parents.
    if (fields.progressDriver !== undefined || (fields.weight !== undefined && fields.weight !== before.weight))
      await refreshObjective(tx, id);
    // Archiving takes the objective out of its parents' progress; restoring puts it back.
    if ((before.status === 'archived') !== (objective!.status === 'archived')) await refreshParents(tx, await parentsOf(tx, id));
    await storeQualityScores(tx, actor.orgId, [id]);
    await recordPaceChange(tx, {
      orgId: actor.orgId,
      objectiveId: id,
      today: todayIn(timeZone, deps.clock()),
      before: { effectiveStartDate: before.effectiveStartDate, objectiveStatus: before.status },
      after: { effectiveStartDate: objective!.effectiveStartDate, objectiveStatus: objective!.status },
    });
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'objective.updated',
      entityType: 'objective',
      entityId: id,
      before,
      after: { ...fields, ...(contributors ? { contributors } : {}), ...(viewerIds ? { viewerIds } : {}) },
    });
    announce.changed('objective', id, id);
    return requireObjective(tx, actor.orgId, id);
  });
}

/** Deletes an objective with its key results and check-ins; its parents are recomputed without it. */
export async function deleteObjective(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await lockOrganizationOkrs(tx, actor.orgId);
    const { objective: before, cycle, relation } = await loadObjectiveFor(tx, actor, id);
    authorizeObjectiveEdit(actor, relation);
    assertOpen(cycle);
    const parents = await parentsOf(tx, id);
    // Its parents lose an aligned child and its children a parent: their kept quality changes.
    const linked = await linkedObjectiveIds(tx, actor.orgId, id);
    await tx.delete(objectives).where(eq(objectives.id, id));
    await refreshParents(tx, parents);
    await storeQualityScores(tx, actor.orgId, linked);
    await recordActivity(tx, { ...scopeOf(actor), action: 'objective.deleted', entityType: 'objective', entityId: id, before });
    announce.changed('objective', id, id);
  });
}
