import { alignmentHealth } from '../../../domain/across/alignment-health.js';
import type { ProgressStatus } from '../../../domain/index.js';
import type { Database } from '../../../db/database.js';
import { plainMembersOf, namesOf, type ObjectiveFacts, type PaceContext, type Teams } from './cycle-facts.js';
import type { MapLink } from './map-links.js';
import { edge, objectiveNode, type MapEdge, type MapNode } from './map-nodes.js';

/** Which aggregated node an objective falls in: itself at company level, else its department (or its team outside any). */
export const groupOf = (o: Pick<ObjectiveFacts, 'id' | 'teamId'>, teams: Teams): string =>
  o.teamId ? (teams.departmentOf.get(o.teamId) ?? o.teamId) : o.id;

/**
 * The map of a big cycle: company objectives, then one node per department holding the count and status of its
 * objectives, with edges weighted by the alignments between them. A department expands on demand (focusTeamId).
 */
export async function aggregatedMap(
  db: Database,
  orgId: string,
  rows: ObjectiveFacts[],
  links: MapLink[],
  teams: Teams,
  pace: PaceContext,
) {
  const groupOfObjective = new Map(rows.map((o) => [o.id, groupOf(o, teams)]));
  const aligned = new Set(links.map((l) => l.child));
  const company = rows.filter((o) => o.teamId === null);
  const [names, members] = await Promise.all([
    namesOf(db, orgId, [...new Set(company.flatMap((o) => (o.ownerId ? [o.ownerId] : [])))]),
    plainMembersOf(db, orgId, []),
  ]);
  const nodes: MapNode[] = company.map((o) => objectiveNode(o, { teams, pace, names, members, aligned }));
  const groups = new Map<string, { members: ObjectiveFacts[]; counts: Record<ProgressStatus, number> }>();
  for (const o of rows) {
    if (o.teamId === null) continue;
    const key = groupOfObjective.get(o.id)!;
    const group = groups.get(key) ?? { members: [], counts: { on_track: 0, at_risk: 0, off_track: 0 } };
    group.members.push(o);
    group.counts[pace.pace(o).progressStatus]++;
    groups.set(key, group);
  }
  for (const [id, group] of groups) {
    const health = alignmentHealth(group.members.map((o) => ({ ...o, published: true, aligned: aligned.has(o.id) })));
    nodes.push({
      id,
      type: 'department',
      title: teams.byId.get(id)?.name ?? 'Unknown team',
      level: null,
      teamId: id,
      teamName: teams.byId.get(id)?.name ?? null,
      departmentId: id,
      ownerId: null,
      ownerName: null,
      progress: group.members.reduce((sum, o) => sum + o.progress, 0) / group.members.length,
      expectedProgress: null,
      progressStatus: null,
      orphan: health.counted > health.alignedOrExplained,
      unsupported: false,
      servesNoPillar: false,
      objectiveId: null,
      objectiveCount: group.members.length,
      statusCounts: group.counts,
    });
  }
  const edges = new Map<string, MapEdge>();
  for (const link of links) {
    const source = groupOfObjective.get(link.parent);
    const target = groupOfObjective.get(link.child);
    if (!source || !target || source === target) continue;
    const e = edges.get(`${source}->${target}`) ?? edge(source, target, 0);
    e.weight++;
    edges.set(e.id, e);
  }
  const health = alignmentHealth(rows.map((o) => ({ ...o, published: true, aligned: aligned.has(o.id) })));
  return { nodes, edges: [...edges.values()], alignmentHealth: health };
}
