import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { departmentMap } from '../../../domain/across/department-map.js';
import type { Database } from '../../../db/database.js';
import { dependencies, objectiveContributors, objectives, type cycles } from '../../../db/schema/index.js';
import { MOST_OVERLAPS_LISTED } from '../../../domain/across/overlaps.js';
import { loadTeams, publishedIn } from './cycle-facts.js';
import { cachedOverlapSummary } from './overlap-cache.js';
import { cycleLinksUnchecked } from './map-links.js';
import type { Reader } from '../visibility/objective-visible.js';

type CycleRow = typeof cycles.$inferSelect;

/** GET /cycles/{id}/department-map: departments, the weighted edges crossing them, gaps and the closest overlaps. */
export async function cycleDepartmentMap(db: Database, reader: Reader, cycle: CycleRow) {
  const { orgId } = reader;
  // The published objectives the reader sees, as a subquery: their contributions and needs are read beside them in
  // one round trip (a list of 12,500 ids as parameters cost drizzle seconds of building at scale 1).
  const publishedIds = db
    .select({ id: objectives.id })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), publishedIn(reader, cycle.id)));
  const [teams, rows, links, contributions, needs] = await Promise.all([
    loadTeams(db, orgId),
    db
      .select({ id: objectives.id, title: objectives.title, teamId: objectives.teamId })
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), publishedIn(reader, cycle.id)))
      // A fixed order: overlaps of equal similarity are listed in it.
      .orderBy(asc(objectives.id)),
    // Only links between published objectives the reader sees are kept below: visibility comes from `rows`.
    cycleLinksUnchecked(db, orgId, cycle.id),
    db
      .select({ objectiveId: objectiveContributors.objectiveId, teamId: objectiveContributors.teamId })
      .from(objectiveContributors)
      .where(
        and(
          eq(objectiveContributors.orgId, orgId),
          inArray(objectiveContributors.objectiveId, publishedIds),
          isNotNull(objectiveContributors.teamId),
        ),
      ),
    db
      .select({ requestingTeamId: dependencies.requestingTeamId, providingTeamId: dependencies.providingTeamId })
      .from(dependencies)
      .where(and(eq(dependencies.orgId, orgId), inArray(dependencies.objectiveId, publishedIds), eq(dependencies.status, 'accepted'))),
  ]);
  const ids = rows.map((o) => o.id);
  const published = new Set(ids);
  const groupOf = (teamId: string) => teams.departmentOf.get(teamId) ?? teamId;
  const map = departmentMap({
    objectives: rows,
    groupOf,
    alignments: links.filter((l) => published.has(l.child) && published.has(l.parent)),
    contributions: contributions.flatMap((c) => (c.teamId ? [{ objectiveId: c.objectiveId, teamId: c.teamId }] : [])),
    dependencies: needs,
  });
  const title = new Map(rows.map((o) => [o.id, o]));
  const gaps = new Set(map.gaps);
  const overlaps = cachedOverlapSummary(rows, MOST_OVERLAPS_LISTED);
  return {
    cycleId: cycle.id,
    departments: [...map.objectiveCount]
      .map(([id, count]) => ({
        id,
        name: teams.byId.get(id)?.name ?? '',
        kind: teams.byId.get(id)?.kind ?? 'team',
        objectiveCount: count,
        gap: gaps.has(id),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    edges: map.edges,
    overlapsTotal: overlaps.total,
    overlaps: overlaps.closest.map((o) => ({
      similarity: o.similarity,
      objectives: [o.a, o.b].map((id) => ({
        id,
        title: title.get(id)!.title,
        teamId: title.get(id)!.teamId!,
        teamName: teams.byId.get(title.get(id)!.teamId!)?.name ?? '',
      })),
    })),
  };
}
