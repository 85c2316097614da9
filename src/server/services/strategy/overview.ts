import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { strategyStanding } from '../../../domain/strategy/pillar-standing.js';
import type { Database } from '../../../db/database.js';
import { annualObjectives, objectives, pillars, type cycles } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { strategyAbilities } from '../../policies/strategy.js';
import { loadPaceContext, namesOf, publishedIn } from '../across/cycle-facts.js';
import { readStrategy } from './narrative.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';

type CycleRow = typeof cycles.$inferSelect;

/** The published objectives of a cycle that the strategy views read, with pace. */
async function servingObjectives(db: Database, reader: Actor, cycle: CycleRow, now: Date) {
  const { orgId } = reader;
  const [rows, pace] = await Promise.all([
    db
      .select({
        id: objectives.id,
        title: objectives.title,
        teamId: objectives.teamId,
        ownerId: objectives.ownerId,
        pillarId: objectives.pillarId,
        annualObjectiveId: objectives.annualObjectiveId,
        progress: objectives.progress,
        effectiveStartDate: objectives.effectiveStartDate,
      })
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), publishedIn(reader, cycle.id))),
    loadPaceContext(db, orgId, cycle, now),
  ]);
  return rows.map((o) => ({ ...o, ...pace.pace(o) }));
}

/** Mean progress of each annual objective over the published objectives (of any cycle) that advance it. */
async function annualProgress(db: Database, reader: Actor, ids: string[]) {
  const { orgId } = reader;
  if (ids.length === 0) return new Map<string, { count: number; progress: number }>();
  const rows = await db
    .select({ annualObjectiveId: objectives.annualObjectiveId, progress: objectives.progress })
    .from(objectives)
    .where(
      and(
        eq(objectives.orgId, orgId),
        inArray(objectives.annualObjectiveId, ids),
        or(eq(objectives.status, 'active'), eq(objectives.status, 'closed')),
        objectiveVisibleTo(reader),
      ),
    );
  const sums = new Map<string, { count: number; progress: number }>();
  for (const r of rows) {
    const sum = sums.get(r.annualObjectiveId!) ?? { count: 0, progress: 0 };
    sums.set(r.annualObjectiveId!, { count: sum.count + 1, progress: sum.progress + r.progress });
  }
  return new Map([...sums].map(([id, s]) => [id, { count: s.count, progress: s.progress / s.count }]));
}

/**
 * GET /strategy?cycleId=: mission, vision, the pillars with how they are doing in the cycle and their annual
 * objectives of the cycle's year, and the company objectives that serve no pillar.
 */
export async function strategyOverview(db: Database, actor: Actor, cycle: CycleRow, now: Date, onlyPillarId?: string) {
  const orgId = actor.orgId;
  const year = Number(cycle.startDate.slice(0, 4));
  const [strategy, pillarRows, annualRows, serving] = await Promise.all([
    readStrategy(db, orgId),
    db.select().from(pillars).where(eq(pillars.orgId, orgId)).orderBy(asc(pillars.position), asc(pillars.name)),
    db
      .select()
      .from(annualObjectives)
      .where(and(eq(annualObjectives.orgId, orgId), eq(annualObjectives.year, year)))
      .orderBy(asc(annualObjectives.title)),
    servingObjectives(db, actor, cycle, now),
  ]);
  const standing = strategyStanding(
    pillarRows.map((p) => p.id),
    serving,
  );
  const [names, annual] = await Promise.all([
    namesOf(
      db,
      orgId,
      [...pillarRows, ...annualRows, ...serving].flatMap((r) => (r.ownerId ? [r.ownerId] : [])),
    ),
    annualProgress(
      db,
      actor,
      annualRows.map((a) => a.id),
    ),
  ]);
  const owner = (id: string | null) => ({ ownerId: id, ownerName: id ? (names.get(id) ?? null) : null });
  const view = (o: (typeof serving)[number]) => ({
    id: o.id,
    title: o.title,
    teamId: o.teamId,
    annualObjectiveId: o.annualObjectiveId,
    progress: o.progress,
    expectedProgress: o.expectedProgress,
    progressStatus: o.progressStatus,
    ...owner(o.ownerId),
  });
  return {
    cycleId: cycle.id,
    year,
    mission: strategy.mission,
    vision: strategy.vision,
    pillars: pillarRows
      .filter((p) => !onlyPillarId || p.id === onlyPillarId)
      .map((p) => ({
        id: p.id,
        name: p.name,
        narrative: p.narrative,
        position: p.position,
        ...owner(p.ownerId),
        ...standing.pillars.get(p.id)!,
        annualObjectives: annualRows
          .filter((a) => a.pillarId === p.id)
          .map((a) => ({
            id: a.id,
            title: a.title,
            year: a.year,
            ...owner(a.ownerId),
            objectiveCount: annual.get(a.id)?.count ?? 0,
            progress: annual.get(a.id)?.progress ?? null,
          })),
        objectives: onlyPillarId ? serving.filter((o) => o.pillarId === p.id).map(view) : [],
      })),
    companyObjectivesWithoutPillar: serving.filter((o) => standing.companyWithoutPillar.includes(o.id)).map(view),
    can: strategyAbilities(actor),
  };
}
export type StrategyOverview = Awaited<ReturnType<typeof strategyOverview>>;
