import { asc, eq } from 'drizzle-orm';
import { progressStatus } from '../../../domain/index.js';
import { pillarStanding } from '../../../domain/strategy/pillar-standing.js';
import type { Database } from '../../../db/database.js';
import { pillars } from '../../../db/schema/index.js';
import { namesOf, type ObjectiveFacts, type PaceContext } from './cycle-facts.js';
import { edge, type MapEdge, type MapNode } from './map-nodes.js';

/**
 * The top of the map: strategic pillars, each with an edge to what names it (`targetOf` is the objective itself, or
 * its department on an aggregated map; parallel edges add up). Every pillar shows on a whole-cycle map, so one that
 * nothing serves stands out (`unsupported`); a focused map shows only the pillars its objectives serve.
 */
export async function pillarLayer(
  db: Database,
  orgId: string,
  rows: readonly ObjectiveFacts[],
  options: { all: boolean; pace: PaceContext; targetOf: (o: ObjectiveFacts) => string },
): Promise<{ nodes: MapNode[]; edges: MapEdge[] }> {
  const all = await db.select().from(pillars).where(eq(pillars.orgId, orgId)).orderBy(asc(pillars.position), asc(pillars.name));
  const names = await namesOf(
    db,
    orgId,
    all.flatMap((p) => (p.ownerId ? [p.ownerId] : [])),
  );
  const serving = new Map<string, ObjectiveFacts[]>(all.map((p) => [p.id, []]));
  for (const o of rows) if (o.pillarId) serving.get(o.pillarId)?.push(o);
  const edges = new Map<string, MapEdge>();
  const nodes: MapNode[] = [];
  for (const p of all) {
    const mine = serving.get(p.id)!;
    if (!options.all && mine.length === 0) continue;
    const standing = pillarStanding(mine.map((o) => ({ ...o, ...options.pace.pace(o) })));
    nodes.push({
      id: p.id,
      type: 'pillar',
      title: p.name,
      level: null,
      teamId: null,
      teamName: null,
      departmentId: null,
      ownerId: p.ownerId,
      ownerName: p.ownerId ? (names.get(p.ownerId) ?? null) : null,
      progress: standing.progress ?? 0,
      expectedProgress: standing.expectedProgress,
      progressStatus:
        standing.progress === null ? null : progressStatus(standing.progress, standing.expectedProgress!, options.pace.margins),
      orphan: false,
      unsupported: standing.unserved,
      servesNoPillar: false,
      objectiveId: null,
      objectiveCount: standing.objectiveCount,
      statusCounts: standing.statusCounts,
    });
    for (const o of mine) {
      const e = edges.get(`${p.id}->${options.targetOf(o)}`) ?? edge(p.id, options.targetOf(o), 0);
      e.weight++;
      edges.set(e.id, e);
    }
  }
  return { nodes, edges: [...edges.values()] };
}
