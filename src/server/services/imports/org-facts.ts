import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { alignments, cycles, importExternalIds, keyResults, objectives, organizations, teams, users } from '../../../db/schema/index.js';

export type CycleRow = typeof cycles.$inferSelect;
export type ObjectiveRow = typeof objectives.$inferSelect;
export type KeyResultRow = typeof keyResults.$inferSelect;

/** What an import is checked against: the organisation's cycles, teams, people and what earlier imports of this source made. */
export interface OrgFacts {
  timeZone: string;
  cycles: CycleRow[];
  teams: { id: string; name: string }[];
  people: { id: string; email: string }[];
  /** Row ID → the objective or key result an earlier import of this source created. */
  objectivesByRowId: Map<string, ObjectiveRow>;
  keyResultsByRowId: Map<string, KeyResultRow>;
  /** Existing alignments of those objectives, as "child:parentObjective|parentKeyResult". */
  alignmentKeys: Set<string>;
}

export const alignmentKey = (childId: string, parent: { parentObjectiveId?: string | null; parentKeyResultId?: string | null }) =>
  `${childId}:${parent.parentObjectiveId ?? ''}:${parent.parentKeyResultId ?? ''}`;

export async function loadOrgFacts(tx: Executor, orgId: string, source: string): Promise<OrgFacts> {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, orgId));
  const mapped = await tx
    .select({ externalId: importExternalIds.externalId, objective: objectives, keyResult: keyResults })
    .from(importExternalIds)
    .leftJoin(objectives, and(eq(objectives.orgId, importExternalIds.orgId), eq(objectives.id, importExternalIds.objectiveId)))
    .leftJoin(keyResults, and(eq(keyResults.orgId, importExternalIds.orgId), eq(keyResults.id, importExternalIds.keyResultId)))
    .where(and(eq(importExternalIds.orgId, orgId), eq(importExternalIds.source, source)));
  const objectivesByRowId = new Map(mapped.flatMap((m) => (m.objective ? [[m.externalId, m.objective] as const] : [])));
  const keyResultsByRowId = new Map(mapped.flatMap((m) => (m.keyResult ? [[m.externalId, m.keyResult] as const] : [])));
  const objectiveIds = [...objectivesByRowId.values()].map((o) => o.id);
  const links =
    objectiveIds.length === 0
      ? []
      : await tx
          .select()
          .from(alignments)
          .where(and(eq(alignments.orgId, orgId), inArray(alignments.childObjectiveId, objectiveIds)));
  return {
    timeZone: org?.timeZone ?? 'UTC',
    cycles: await tx.select().from(cycles).where(eq(cycles.orgId, orgId)),
    teams: await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, orgId)),
    people: await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId)),
    objectivesByRowId,
    keyResultsByRowId,
    alignmentKeys: new Set(links.map((l) => alignmentKey(l.childObjectiveId, l))),
  };
}
