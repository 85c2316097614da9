import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { departmentMapOfCounts, type CrossingKind } from '../../../domain/across/department-counts.js';
import { queryRows, type Database } from '../../../db/database.js';
import { objectives, type cycles } from '../../../db/schema/index.js';
import { MOST_OVERLAPS_LISTED } from '../../../domain/across/overlaps.js';
import { loadTeams } from './cycle-facts.js';
import { keepOverlaps, keptOverlaps, overlapDigest } from './overlap-cache.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

type CycleRow = typeof cycles.$inferSelect;

/** One row of the counts: objectives per team ('objectives', `to` null), links per pair of teams, or the digest. */
interface CountRow {
  kind: CrossingKind | 'objectives' | 'digest';
  from: string | null;
  to: string | null;
  count: number;
}

/** Published (active or closed) objectives of the cycle the reader sees, as in publishedIn, for raw SQL. */
const publishedOf = (reader: Reader, cycleId: string, o: ReturnType<typeof alias<typeof objectives, 'o'>>) =>
  sql`select o.id, o.team_id, o.title from objectives o where o.org_id = ${reader.orgId} and o.cycle_id = ${cycleId}
    and o.status in ('active', 'closed') and ${objectiveVisibleTo(reader, o)}`;

/**
 * Everything the map counts, in one statement over the published objectives the reader sees (visibility judged once
 * per objective in a materialised CTE): objectives per team, and the alignments (both ends published and visible; the
 * parent end is the supported objective kept on the alignment, so no key result is read), contributing teams and
 * accepted dependencies grouped by the pair of teams they link; plus the digest of the titles the overlaps are kept
 * under.
 */
function countsOf(db: Database, reader: Reader, cycleId: string) {
  const { orgId } = reader;
  return queryRows<CountRow>(
    db,
    sql`with pub as materialized (${publishedOf(reader, cycleId, alias(objectives, 'o'))})
    select 'objectives' as kind, team_id::text as "from", null as "to", count(*)::int as count
      from pub where team_id is not null group by team_id
    union all
    select 'alignments', c.team_id::text, p.team_id::text, count(*)::int
      from alignments a join pub c on c.id = a.child_objective_id join pub p on p.id = a.supported_objective_id
      where a.org_id = ${orgId} group by c.team_id, p.team_id
    union all
    select 'contributions', oc.team_id::text, p.team_id::text, count(*)::int
      from objective_contributors oc join pub p on p.id = oc.objective_id
      where oc.org_id = ${orgId} and oc.team_id is not null group by oc.team_id, p.team_id
    union all
    select 'dependencies', d.providing_team_id::text, d.requesting_team_id::text, count(*)::int
      from dependencies d join pub p on p.id = d.objective_id
      where d.org_id = ${orgId} and d.status = 'accepted' group by d.providing_team_id, d.requesting_team_id
    union all
    select 'digest', ${overlapDigest(sql`pub`)}, null, 0`,
  );
}

/**
 * The published objectives the reader sees, in id order (overlaps of equal similarity are listed in it), with the
 * digest of exactly these rows: one statement, so the answer kept under the digest is the one computed from them.
 */
async function titledObjectives(db: Database, reader: Reader, cycleId: string) {
  const o = alias(objectives, 'o');
  const rows = await queryRows<{ id: string; title: string; teamId: string | null; digest: string }>(
    db,
    sql`with pub as materialized (${publishedOf(reader, cycleId, o)})
    select id, title, team_id as "teamId", ${overlapDigest(sql`pub`)} as digest from pub order by id`,
  );
  return { digest: rows[0]?.digest, rows: rows.map(({ id, title, teamId }) => ({ id, title, teamId })) };
}

/**
 * GET /cycles/{id}/department-map: departments, the weighted edges crossing them, gaps and the closest overlaps.
 * Counted by PostgreSQL per pair of teams; the overlaps are read from the kept answer for the titles' digest, and
 * only when none is kept are the titles read and compared.
 */
export async function cycleDepartmentMap(db: Database, reader: Reader, cycle: CycleRow) {
  const [teams, counts] = await Promise.all([loadTeams(db, reader.orgId), countsOf(db, reader, cycle.id)]);
  const groupOf = (teamId: string) => teams.departmentOf.get(teamId) ?? teamId;
  const map = departmentMapOfCounts({
    objectives: counts.flatMap((r) => (r.kind === 'objectives' && r.from ? [{ teamId: r.from, count: r.count }] : [])),
    groupOf,
    crossings: counts.flatMap((r) => (r.kind === 'objectives' || r.kind === 'digest' ? [] : [{ ...r, kind: r.kind }])),
  });
  const digest = counts.find((r) => r.kind === 'digest')!.from!;
  let overlaps = keptOverlaps(digest, MOST_OVERLAPS_LISTED);
  if (!overlaps) {
    const titled = await titledObjectives(db, reader, cycle.id);
    overlaps = keepOverlaps(titled.digest ?? digest, titled.rows, MOST_OVERLAPS_LISTED);
  }
  const gaps = new Set(map.gaps);
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
      objectives: [o.a, o.b].map((id) => {
        const { title, teamId } = overlaps.listed.get(id)!;
        return { id, title, teamId: teamId!, teamName: teams.byId.get(teamId!)?.name ?? '' };
      }),
    })),
  };
}
