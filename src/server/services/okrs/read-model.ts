import {
  DEFAULT_STATUS_MARGINS,
  expectedProgress,
  isStale,
  objectiveVerdict,
  paceWindow,
  progressStatus,
  type CheckInCadence,
  type StatusMargins,
} from '../../../domain/index.js';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import type { objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { keyResultAbilities } from '../../policies/key-results.js';
import { objectiveAbilities, relationFrom, type ActorTeams, type ObjectiveRelation } from '../../policies/objectives.js';
import { reviewAbilities } from '../../policies/review-requests.js';
import { cycleSnapshot, type CycleSnapshot } from './cycle-graph.js';
import { paceAsOf, type PaceAsOf } from './pace-history.js';
import type { TargetChange } from './target-changes.js';
import {
  pageFacts,
  shapedPageFacts,
  type FoundFacts,
  type PageCycle,
  type PageFacts,
  type PageKeyResult,
  type PageShape,
} from './page-facts.js';

type ObjectiveRow = typeof objectives.$inferSelect;

export interface ReadOptions {
  now: Date;
  /** Time travel: the state at the end of this date, recomputed from the check-in history. */
  asOf?: string;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** What every view needs once per request: the date, margins, cadences, cycles, and snapshots for time travel. */
async function loadContext(db: Executor, actor: Actor, facts: PageFacts, objectiveIds: string[], options: ReadOptions) {
  const orgId = actor.orgId;
  const cycleIds = facts.cycles.map((c) => c.id);
  const actorTeams: ActorTeams = new Map(facts.myTeams.map((m) => [m.teamId, m.role]));
  const margins: StatusMargins = { ...DEFAULT_STATUS_MARGINS, ...(facts.org?.settings ?? {}) };
  const date = options.asOf ?? todayIn(facts.org?.timeZone ?? 'UTC', options.now);
  const cadence = new Map(facts.teams.map((t) => [t.id, t.cadence as CheckInCadence]));
  const snapshots = new Map<string, CycleSnapshot>();
  // Time travel: the effective starts and statuses valid on that date (they are part of the history).
  const pace = options.asOf ? await paceAsOf(db, orgId, objectiveIds, options.asOf) : new Map<string, PaceAsOf>();
  if (options.asOf) for (const id of cycleIds) snapshots.set(id, await cycleSnapshot(db, orgId, id, options.asOf));
  return { actor, actorTeams, margins, date, cycles: new Map(facts.cycles.map((c) => [c.id, c])), cadence, snapshots, pace };
}
type Context = Awaited<ReturnType<typeof loadContext>>;

/** Per key result, its measure changes oldest first, each change of an activity on its own. */
function measureChangesByKeyResult(facts: PageFacts): Map<string, TargetChange[]> {
  const result = new Map<string, TargetChange[]>();
  for (const row of facts.measureChanges) {
    const at = new Date(row.atMs);
    const list = result.get(row.keyResultId) ?? [];
    list.push(...row.after.changes.map((c) => ({ at, by: row.by, ...c })));
    result.set(row.keyResultId, list);
  }
  return result;
}

/** An objective's status on the page's date: today's, or (time travel) the one valid then. */
const statusOf = (objective: ObjectiveRow, ctx: Context) => ctx.pace.get(objective.id)?.objectiveStatus ?? objective.status;

/** An effective start on the page's date: today's, or (time travel) the one valid then. */
function effectiveStartOf(row: Pick<ObjectiveRow, 'id' | 'effectiveStartDate'>, ctx: Context) {
  const then = ctx.pace.get(row.id);
  return then ? then.effectiveStartDate : row.effectiveStartDate;
}

/** The effective starts pace runs from: the latest wins, never before the cycle start (paceWindow). */
function effectiveStartsOf(ctx: Context, objective: ObjectiveRow, kr?: PageKeyResult) {
  return [effectiveStartOf(objective, ctx), kr ? effectiveStartOf(kr, ctx) : null];
}

function presentKeyResult(
  kr: PageKeyResult,
  objective: ObjectiveRow,
  cycle: PageCycle,
  ctx: Context,
  relation: ObjectiveRelation,
  targetChanges: TargetChange[],
  ownerName: string | null,
) {
  const snapshot = ctx.snapshots.get(cycle.id);
  const latest = snapshot?.latestCheckIn.get(kr.id);
  const progress = snapshot ? (snapshot.keyResults.get(kr.id)?.progress ?? 0) : kr.progress;
  const achievement = snapshot ? (snapshot.keyResults.get(kr.id)?.achievement ?? 0) : kr.achievement;
  const lastCheckInDate = snapshot ? (latest?.asOf ?? null) : kr.lastCheckInDate;
  const starts = effectiveStartsOf(ctx, objective, kr);
  const expected = expectedProgress(cycle, ctx.date, ...starts);
  const status = statusOf(objective, ctx) === 'draft' ? null : progressStatus(progress, expected, ctx.margins);
  const since = paceWindow(cycle, kr.createdOn, ...starts).startDate;
  // A roll-up key result takes no values of its own, so it cannot fall behind on check-ins.
  const stale =
    kr.kind !== 'rollup' &&
    cycle.status !== 'closed' &&
    ctx.date >= cycle.startDate &&
    isStale({
      lastCheckInDate,
      since: since > ctx.date ? ctx.date : since,
      asOf: ctx.date,
      cadence: objective.teamId ? ctx.cadence.get(objective.teamId) : undefined,
    });
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: kr.title,
    ownerId: kr.ownerId,
    ownerName,
    weight: kr.weight,
    kind: kr.kind,
    unit: kr.unit,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    targetMin: kr.targetMin,
    targetMax: kr.targetMax,
    currentValue: snapshot ? (latest?.value ?? null) : kr.currentValue,
    milestones: kr.milestones
      ? kr.milestones.map((m, i) => ({ ...m, done: snapshot ? (latest?.milestonesDone?.[i] ?? false) : m.done }))
      : null,
    progress,
    achievement,
    expectedProgress: expected,
    status,
    stale,
    effectiveStartDate: effectiveStartOf(kr, ctx),
    paceStartDate: paceWindow(cycle, ...starts).startDate,
    confidence: snapshot ? (latest?.confidence ?? null) : kr.confidence,
    lastCheckInDate,
    score: kr.score,
    scoreOverride: kr.scoreOverride,
    scoreOverrideReason: kr.scoreOverrideReason,
    dataReadiness: kr.dataReadiness,
    targetChanges: targetChanges.map((c) => ({ ...c, at: c.at.toISOString() })),
    can: keyResultAbilities(ctx.actor, relation, kr.ownerId),
  };
}
export type KeyResultView = ReturnType<typeof presentKeyResult>;

/**
 * Objectives as the API shows them: stored (or time-travelled) progress plus pace, status, staleness and
 * confidence. Its reads run side by side: pass the pool, not a transaction (one connection queues them).
 */
export async function presentObjectives(db: Executor, actor: Actor, rows: ObjectiveRow[], options: ReadOptions) {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const teams = [...new Set(rows.flatMap((o) => (o.teamId ? [o.teamId] : [])))];
  const owners = [...new Set(rows.flatMap((o) => (o.ownerId ? [o.ownerId] : [])))];
  // ONE statement, where there were four side by side (and twelve in four steps before): the small facts, the key
  // results with their owners' names, the named parents and the measure changes (issue 12: reads against their floor).
  const facts = await pageFacts(db, actor, { ids: { objectives: ids, cycles: [...new Set(rows.map((o) => o.cycleId))], teams, owners } });
  return present(db, actor, rows, facts, options);
}

/**
 * The objectives `query` finds (a select of whole objective rows, visibility included), presented, with the rows (a
 * tree builds on them) and what `also` read beside: the query runs inside the facts' statement, so a page is one round
 * trip (issue 12: reads against their floor).
 */
export async function presentFound(db: Executor, actor: Actor, query: SQLWrapper, options: ReadOptions, also?: SQL) {
  return presentFacts(db, actor, await pageFacts(db, actor, { query, also }), options);
}

/**
 * As presentFound, the statement built once per shape (shapedPageFacts): `make` gives the query (and `also`) for a
 * list of values, with the reader they are read for.
 */
export async function presentShaped(db: Executor, actor: Actor, shape: PageShape, options: ReadOptions) {
  return presentFacts(db, actor, await shapedPageFacts(db, shape), options);
}

async function presentFacts(db: Executor, actor: Actor, facts: FoundFacts, options: ReadOptions) {
  const rows = facts.objectives ?? [];
  return { rows, views: await present(db, actor, rows, facts, options), also: facts.also };
}

async function present(db: Executor, actor: Actor, rows: ObjectiveRow[], facts: PageFacts, options: ReadOptions) {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const ctx = await loadContext(db, actor, facts, ids, options);
  // Grouped once: a 2,000-objective tree must not filter every list once per objective.
  const krsOf = groupBy(facts.keyResults, (kr) => kr.objectiveId);
  const contributorsOf = groupBy(facts.contributors, (c) => c.objectiveId);
  const parentsOf = groupBy(facts.parents, (a) => a.childObjectiveId);
  const changesOf = measureChangesByKeyResult(facts);
  const viewers = new Map<string, string[]>();
  for (const v of facts.viewers) viewers.set(v.objectiveId, [...(viewers.get(v.objectiveId) ?? []), v.userId]);
  const names = { user: new Map(facts.owners.map((u) => [u.id, u.name])), team: new Map(facts.teams.map((t) => [t.id, t.name])) };
  for (const kr of facts.keyResults) if (kr.ownerId && kr.ownerName !== null) names.user.set(kr.ownerId, kr.ownerName);
  const userName = (id: string | null) => (id ? (names.user.get(id) ?? null) : null);
  return rows.map((objective) => {
    const cycle = ctx.cycles.get(objective.cycleId)!;
    const objectiveContributors = contributorsOf.get(objective.id) ?? [];
    const relation = relationFrom(actor, objective, objectiveContributors, ctx.actorTeams);
    const keyResultViews = (krsOf.get(objective.id) ?? []).map((kr) =>
      presentKeyResult(kr, objective, cycle, ctx, relation, changesOf.get(kr.id) ?? [], userName(kr.ownerId)),
    );
    const snapshot = ctx.snapshots.get(cycle.id);
    const progress = snapshot ? (snapshot.objectives.get(objective.id) ?? 0) : objective.progress;
    const starts = effectiveStartsOf(ctx, objective);
    const status = statusOf(objective, ctx);
    const expected = expectedProgress(cycle, ctx.date, ...starts);
    const latestWithConfidence = keyResultViews
      .filter((k) => k.confidence !== null && k.lastCheckInDate)
      .sort((a, b) => b.lastCheckInDate!.localeCompare(a.lastCheckInDate!))[0];
    return {
      id: objective.id,
      cycleId: objective.cycleId,
      title: objective.title,
      description: objective.description,
      whyImportant: objective.whyImportant,
      whyUrgent: objective.whyUrgent,
      ownerId: objective.ownerId,
      ownerName: userName(objective.ownerId),
      teamId: objective.teamId,
      teamName: objective.teamId ? (names.team.get(objective.teamId) ?? null) : null,
      contributors: objectiveContributors.map((c) => ({ userId: c.userId, teamId: c.teamId })),
      parents: (parentsOf.get(objective.id) ?? []).map((a) => ({
        id: a.id,
        parentObjectiveId: a.parentObjectiveId,
        parentKeyResultId: a.parentKeyResultId,
        title: a.parentTitle,
        objectiveId: a.parentLinkObjectiveId,
      })),
      type: objective.type,
      weight: objective.weight,
      progressDriver: objective.progressDriver,
      status,
      progress,
      expectedProgress: expected,
      // A draft has no pace yet: it is shown as a draft, never as behind.
      progressStatus: status === 'draft' ? null : progressStatus(progress, expected, ctx.margins),
      effectiveStartDate: effectiveStartOf(objective, ctx),
      paceStartDate: paceWindow(cycle, ...starts).startDate,
      cycleClosed: cycle.status === 'closed',
      verdict: cycle.status === 'closed' ? objectiveVerdict(objective.score, objective.type) : null,
      stale: keyResultViews.some((k) => k.stale),
      confidence: latestWithConfidence?.confidence ?? null,
      score: objective.score,
      standaloneReason: objective.standaloneReason,
      pillarId: objective.pillarId,
      annualObjectiveId: objective.annualObjectiveId,
      previousObjectiveId: objective.previousObjectiveId,
      visibility: objective.visibility,
      viewerIds: viewers.get(objective.id) ?? [],
      asOf: ctx.date,
      keyResults: keyResultViews,
      can: { ...objectiveAbilities(actor, relation), ...reviewAbilities(actor, relation, status) },
    };
  });
}
export type ObjectiveView = Awaited<ReturnType<typeof present>>[number];

export async function presentKeyResults(db: Executor, actor: Actor, objective: ObjectiveRow, options: ReadOptions) {
  const [view] = await presentObjectives(db, actor, [objective], options);
  return view!.keyResults;
}
