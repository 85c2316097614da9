import { and, asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEPARTMENT_MAP_NODE_SIZE } from '../../src/domain/map-node-size.js';
import { closestOverlaps, MOST_OVERLAPS_LISTED, overlaps } from '../../src/domain/across/overlaps.js';
import { objectives } from '../../src/db/schema/index.js';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, MISSING_ID, useOkrWorld } from '../okrs/support.js';
import { smallOrganisation } from './support.js';

interface DepartmentMap {
  departments: { id: string; name: string; objectiveCount: number; gap: boolean; x: number; y: number }[];
  edges: { from: string; to: string; alignments: number; contributions: number; dependencies: number; weight: number }[];
  overlapsTotal: number;
  overlaps: { similarity: number; objectives: { id: string; teamName: string }[] }[];
}

/** Titles that repeat a few phrases with variations, as generated and real cycles do. */
function titles(count: number): string[] {
  const verbs = ['Improve', 'Scale', 'Stabilise', 'Simplify'];
  const subjects = ['checkout reliability', 'customer retention', 'mobile engagement', 'data quality', 'partner ecosystem'];
  const suffixes = ['', ' for enterprise', ' in Europe', ' (team platform)', ' across the board'];
  let seed = 11;
  const next = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
  return Array.from({ length: count }, () => `${verbs[next(4)]} ${subjects[next(5)]}${suffixes[next(5)]}`);
}

describeEachEngine('Department map: who supports whom across departments', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('counts the crossing alignments, contributions and dependencies by hand; finds gaps and overlaps', { timeout: 120_000 }, async () => {
    const o = await smallOrganisation(t.w);
    const support = await createTeam(t.w.owner.client, { name: 'Support', kind: 'department' });
    const records = await t.w.api.createObjective({
      cycleId: t.w.cycle.id,
      status: 'active',
      effectiveStartDate: null,
      publishOverrideReason: 'Published by the test set-up',
      title: 'Tidy the CRM records',
      teamId: support.id,
      standaloneReason: 'Housekeeping',
    });
    // Sales → Engineering: "Tidy the CRM" aligns to "Ship faster" (1 alignment).
    await t.w.api.align(o.orphan.id, { parentObjectiveId: o.engineering.id });
    // Engineering → Sales: Platform contributes to "Win the mid-market" (1) and accepted what Sales asked of it (1).
    await t.w.api.patchObjective(o.salesObjective.id, { contributors: [{ teamId: o.platform.id }] });
    const asked = await t.w.owner.client.post<{ id: string }>(`${API}/objectives/${o.salesObjective.id}/dependencies`, {
      teamId: o.platform.id,
      description: 'A sandbox for demos',
      neededBy: '2025-03-01',
    });
    expectStatus(asked, 201);
    // Asked but not yet accepted: not an edge.
    const before = await t.w.owner.client.get<DepartmentMap>(`${API}/cycles/${t.w.cycle.id}/department-map`);
    expect(before.body.edges.find((e) => e.from === o.eng.id)).toMatchObject({ dependencies: 0, weight: 1 });
    expectStatus(await t.w.owner.client.patch(`${API}/dependencies/${asked.body.id}`, { status: 'accepted' }), 200);

    const map = await t.w.owner.client.get<DepartmentMap>(`${API}/cycles/${t.w.cycle.id}/department-map`);
    expectStatus(map, 200);
    // Inside Engineering (Platform → "Ship faster") and to the company objective: not crossing departments.
    expect(map.body.edges).toEqual([
      { from: o.eng.id, to: o.sales.id, alignments: 0, contributions: 1, dependencies: 1, weight: 2 },
      { from: o.sales.id, to: o.eng.id, alignments: 1, contributions: 0, dependencies: 0, weight: 1 },
    ]);
    expect(map.body.departments.map((d) => [d.name, d.objectiveCount, d.gap])).toEqual([
      ['Engineering', 2, false],
      ['Sales', 3, false],
      ['Support', 1, true],
    ]);
    expect(map.body.overlaps.map((x) => x.objectives.map((y) => y.id).sort())).toEqual([[o.orphan.id, records.id].sort()]);
    expect(map.body.overlapsTotal).toBe(1);
  });

  it('places the departments in a layered layout: a supporting department above the one it supports, no two boxes overlapping', async () => {
    const o = await smallOrganisation(t.w);
    await createTeam(t.w.owner.client, { name: 'Support', kind: 'department' });
    // Engineering supports Sales: Platform contributes to "Win the mid-market".
    await t.w.api.patchObjective(o.salesObjective.id, { contributors: [{ teamId: o.platform.id }] });
    const map = await t.w.owner.client.get<DepartmentMap>(`${API}/cycles/${t.w.cycle.id}/department-map`);
    expectStatus(map, 200);
    expect(map.body.edges.map((e) => [e.from, e.to])).toEqual([[o.eng.id, o.sales.id]]);
    const at = new Map(map.body.departments.map((d) => [d.id, d]));
    expect(at.get(o.eng.id)!.y).toBeLessThan(at.get(o.sales.id)!.y);
    const boxes = map.body.departments;
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + DEPARTMENT_MAP_NODE_SIZE.width <= b.x || b.x + DEPARTMENT_MAP_NODE_SIZE.width <= a.x;
        const stacked = a.y + DEPARTMENT_MAP_NODE_SIZE.height <= b.y || b.y + DEPARTMENT_MAP_NODE_SIZE.height <= a.y;
        expect(apart || stacked, `${a.name} and ${b.name} overlap`).toBe(true);
      }
  });

  it('counts and lists the closest overlaps as the definition does, on a generated cycle', { timeout: 120_000 }, async () => {
    const teams = await Promise.all(['North', 'South', 'East', 'West'].map((name) => createTeam(t.w.owner.client, { name })));
    const { db } = engine().handle;
    await db.insert(objectives).values(
      titles(240).map((title, n) => ({
        orgId: t.w.orgId,
        cycleId: t.w.cycle.id,
        title,
        status: n % 17 === 0 ? ('draft' as const) : ('active' as const),
        ownerId: t.w.owner.user.id,
        teamId: teams[n % teams.length]!.id,
      })),
    );
    const rows = await db
      .select({ id: objectives.id, title: objectives.title, teamId: objectives.teamId, status: objectives.status })
      .from(objectives)
      .where(and(eq(objectives.orgId, t.w.orgId), eq(objectives.cycleId, t.w.cycle.id)))
      .orderBy(asc(objectives.id));
    const every = overlaps(rows.filter((o) => o.status === 'active'));
    expect(every.length).toBeGreaterThan(MOST_OVERLAPS_LISTED * 5);

    const map = await t.w.owner.client.get<DepartmentMap>(`${API}/cycles/${t.w.cycle.id}/department-map`);
    expectStatus(map, 200);
    expect(map.body.overlapsTotal).toBe(every.length);
    expect(map.body.overlaps.map((o) => ({ a: o.objectives[0]!.id, b: o.objectives[1]!.id, similarity: o.similarity }))).toEqual(
      closestOverlaps(every),
    );
    // The total counts pairs of several similarities, not only identical titles.
    expect(new Set(closestOverlaps(every, every.length).map((o) => o.similarity)).size).toBeGreaterThan(1);
  });

  it('answers 404 for an unknown cycle', async () => {
    expectProblem(await t.w.owner.client.get(`${API}/cycles/${MISSING_ID}/department-map`), 404, '/problems/not-found');
  });
});
