import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alignmentHealth } from '../../../domain/across/alignment-health.js';
import { teamAndDescendants } from '../../../domain/across/departments.js';
import type { Database } from '../../../db/database.js';
import { keyResults, objectives, type cycles } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { plainMembersOf, loadPaceContext, loadTeams, namesOf, objectiveFacts, publishedIn, type ObjectiveFacts } from './cycle-facts.js';
import { cycleLinks, linksTouching, type MapLink } from './map-links.js';
import { edge, objectiveNode, type MapEdge, type MapNode } from './map-nodes.js';
import { aggregatedMap, groupOf } from './aggregate-map.js';
import { pillarLayer } from './map-pillars.js';
import type { Reader } from '../visibility/objective-visible.js';

type CycleRow = typeof cycles.$inferSelect;

/** Above this many published objectives an unfocused map starts aggregated by department. */
export const AGGREGATE_ABOVE = 2_000;

export interface MapOptions {
  focusTeamId?: string;
  /** How many alignment hops beyond the focused teams' own objectives (default 1). */
  depth: number;
  keyResults: boolean;
  /** Force (true) or refuse (false) the aggregated view; by default it depends on the cycle's size. */
  aggregate?: boolean;
  now: Date;
}

/**
 * The focused teams' objectives and their neighbours `depth` alignments away. The focused team and its descendants
 * are a recursive query, so the first hop's links are read in the same round trip as the focused objectives, and
 * both beside the teams (the chain of small queries was this view's time).
 */
async function focusedObjectives(db: Database, reader: Reader, cycle: CycleRow, focusTeamId: string, depth: number) {
  const { orgId } = reader;
  const focusTeams = sql`with recursive focus(id) as (select ${focusTeamId}::uuid
    union select t.id from teams t join focus on t.parent_id = focus.id where t.org_id = ${orgId}) select id from focus`;
  const inFocus = and(eq(objectives.orgId, orgId), publishedIn(reader, cycle.id), sql`${objectives.teamId} = any(array(${focusTeams}))`);
  const [rows, firstLinks] = await Promise.all([
    db.select(objectiveFacts).from(objectives).where(inFocus),
    depth > 0 ? linksTouching(db, orgId, db.select({ id: objectives.id }).from(objectives).where(inFocus).getSQL()) : Promise.resolve([]),
  ]);
  const seen = new Set(rows.map((o) => o.id));
  let frontier = [...seen];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const links = hop === 0 ? firstLinks : await linksTouching(db, orgId, frontier);
    const next = [...new Set(links.flatMap((l) => [l.child, l.parent]))].filter((id) => !seen.has(id));
    const found: ObjectiveFacts[] = next.length
      ? await db
          .select(objectiveFacts)
          .from(objectives)
          .where(and(eq(objectives.orgId, orgId), publishedIn(reader, cycle.id), inArray(objectives.id, next)))
      : [];
    for (const o of found) seen.add(o.id);
    rows.push(...found);
    frontier = found.map((o) => o.id);
  }
  return rows;
}

/** Company key results of the shown objectives, and which of them some objective aligns to. */
async function keyResultNodes(db: Database, orgId: string, shown: ObjectiveFacts[], all: boolean): Promise<MapNode[]> {
  const ids = shown.filter((o) => all || o.teamId === null).map((o) => o.id);
  if (ids.length === 0) return [];
  // Whether some objective aligns to each key result comes with it (an index probe each), not in a second round trip.
  const krs = await db
    .select({
      id: keyResults.id,
      objectiveId: keyResults.objectiveId,
      title: keyResults.title,
      progress: keyResults.progress,
      // Written out: drizzle leaves columns in a select list unqualified, which the subquery would take as its own.
      supported: sql<boolean>`exists (select 1 from alignments a where a.org_id = key_results.org_id
        and a.parent_key_result_id = key_results.id)`,
    })
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.objectiveId, ids)))
    .orderBy(keyResults.position);
  const company = new Set(shown.filter((o) => o.teamId === null).map((o) => o.id));
  return krs
    .map((kr): MapNode => ({
      id: kr.id,
      type: 'key_result',
      title: kr.title,
      level: null,
      teamId: null,
      teamName: null,
      departmentId: null,
      ownerId: null,
      ownerName: null,
      progress: kr.progress,
      expectedProgress: null,
      progressStatus: null,
      orphan: false,
      unsupported: company.has(kr.objectiveId) && !kr.supported,
      servesNoPillar: false,
      objectiveId: kr.objectiveId,
      objectiveCount: null,
      statusCounts: null,
    }))
    .filter((node) => all || node.unsupported);
}

function edgesOf(links: MapLink[], shown: Set<string>, krShown: Set<string>): MapEdge[] {
  const edges = new Map<string, MapEdge>();
  for (const link of links) {
    if (!shown.has(link.child) || !shown.has(link.parent)) continue;
    const source = link.parentKeyResultId && krShown.has(link.parentKeyResultId) ? link.parentKeyResultId : link.parent;
    const e = edge(source, link.child);
    edges.set(e.id, e);
  }
  return [...edges.values()];
}

/**
 * The alignment map of a cycle: objectives as nodes (one node however many parents), alignments as edges. Focused on
 * a team or department, its objectives and their neighbours; unfocused on a big cycle, aggregated by department.
 */
export async function alignmentMap(db: Database, reader: Reader, cycle: CycleRow, options: MapOptions) {
  const { orgId } = reader;
  // Independent reads go together: a focused map is a chain of small queries, and round trips were its time.
  const [teams, pace, company, focusedRows] = await Promise.all([
    loadTeams(db, orgId),
    loadPaceContext(db, orgId, cycle, options.now),
    options.focusTeamId
      ? db
          .select(objectiveFacts)
          .from(objectives)
          .where(and(publishedIn(reader, cycle.id), isNull(objectives.teamId)))
      : Promise.resolve([]),
    // Read beside the teams: an unknown focus finds nothing and is refused below.
    options.focusTeamId ? focusedObjectives(db, reader, cycle, options.focusTeamId, options.depth) : Promise.resolve([]),
  ]);
  if (options.focusTeamId && !teams.byId.has(options.focusTeamId)) throw notFound('The team', 'focusTeamId');
  let rows: ObjectiveFacts[];
  let links: MapLink[];
  let judged = (_: ObjectiveFacts) => true;
  if (options.focusTeamId) {
    const focusSet = teamAndDescendants(teams.rows, options.focusTeamId);
    // Alignment health of a focused map is the focused teams' own, not their neighbours'.
    judged = (o) => o.teamId !== null && focusSet.has(o.teamId);
    // Company objectives (read above) always head a focused map: the focus is read against the top.
    const ids = new Set(focusedRows.map((o) => o.id));
    rows = [...focusedRows, ...company.filter((o) => !ids.has(o.id))];
    // Read below together with the names and key results: the links are needed only to build the nodes and edges.
    links = [];
  } else {
    rows = await db.select(objectiveFacts).from(objectives).where(publishedIn(reader, cycle.id));
    const aggregate = options.aggregate ?? rows.length > AGGREGATE_ABOVE;
    links = await cycleLinks(db, reader, cycle.id);
    if (aggregate) {
      const [map, top] = await Promise.all([
        aggregatedMap(db, orgId, rows, links, teams, pace),
        pillarLayer(db, orgId, rows, { all: true, pace, targetOf: (o) => groupOf(o, teams) }),
      ]);
      return {
        cycleId: cycle.id,
        focusTeamId: null,
        aggregated: true,
        nodes: [...top.nodes, ...map.nodes],
        edges: [...top.edges, ...map.edges],
        alignmentHealth: map.alignmentHealth,
      };
    }
  }
  const ownerIds = [...new Set(rows.flatMap((o) => (o.ownerId ? [o.ownerId] : [])))];
  const teamIds = [...new Set(rows.flatMap((o) => (o.teamId ? [o.teamId] : [])))];
  const [names, members, krNodes, top, touching] = await Promise.all([
    namesOf(db, orgId, ownerIds),
    plainMembersOf(db, orgId, teamIds),
    keyResultNodes(db, orgId, rows, options.keyResults),
    pillarLayer(db, orgId, rows, { all: !options.focusTeamId, pace, targetOf: (o) => o.id }),
    options.focusTeamId
      ? linksTouching(
          db,
          orgId,
          rows.map((o) => o.id),
        )
      : Promise.resolve(links),
  ]);
  links = touching;
  // Every alignment whose child is shown is among the links (linksTouching reads them by child too; each alignment
  // has exactly one parent): whether an objective is aligned needs no query of its own.
  const aligned = new Set(links.map((l) => l.child));
  const facts = { teams, pace, names, members, aligned };
  const objectiveNodes = rows.map((o) => objectiveNode(o, facts));
  const shown = new Set(rows.map((o) => o.id));
  const krShown = new Set(krNodes.map((k) => k.id));
  const krEdges = krNodes.map((k) => edge(k.objectiveId!, k.id));
  return {
    cycleId: cycle.id,
    focusTeamId: options.focusTeamId ?? null,
    aggregated: false,
    nodes: [...top.nodes, ...objectiveNodes, ...krNodes],
    edges: [...top.edges, ...krEdges, ...edgesOf(links, shown, krShown)],
    alignmentHealth: alignmentHealth(
      rows
        .filter(judged)
        .map((o) => ({ teamId: o.teamId, published: true, aligned: aligned.has(o.id), standaloneReason: o.standaloneReason })),
    ),
  };
}
