import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { expectProblem } from '../support/fixtures.js';
import { API, MISSING_ID, useOkrWorld } from '../okrs/support.js';
import { mapOf, smallOrganisation } from './support.js';

const edgeIds = (map: { edges: { source: string; target: string }[] }) => map.edges.map((e) => `${e.source}->${e.target}`).sort();

describeEachEngine('Alignment map: one node per objective, an edge per alignment', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('draws an objective aligned to two parents once, with two edges; flags orphans and unsupported company key results', async () => {
    const o = await smallOrganisation(t.w);
    const map = await mapOf(t.w);
    expect(map.aggregated).toBe(false);
    expect(map.nodes.filter((n) => n.id === o.platformObjective.id)).toHaveLength(1);
    expect(edgeIds(map).filter((e) => e.endsWith(o.platformObjective.id))).toEqual(
      [`${o.engineering.id}->${o.platformObjective.id}`, `${o.grow.id}->${o.platformObjective.id}`].sort(),
    );
    const byId = new Map(map.nodes.map((n) => [n.id, n]));
    expect(byId.get(o.grow.id)).toMatchObject({ level: 'company', orphan: false, ownerName: expect.any(String) });
    expect(byId.get(o.engineering.id)).toMatchObject({ level: 'department', departmentId: o.eng.id, teamName: 'Engineering' });
    expect(byId.get(o.platformObjective.id)).toMatchObject({ level: 'team', departmentId: o.eng.id, progressStatus: 'off_track' });
    expect(byId.get(o.orphan.id)!.orphan).toBe(true);
    expect(byId.get(o.explained.id)!.orphan).toBe(false);
    // Without key result nodes, only the company key result nothing supports is shown.
    expect(map.nodes.filter((n) => n.type === 'key_result').map((n) => [n.id, n.unsupported])).toEqual([[o.k2.id, true]]);
    // 5 objectives below company level; 4 are aligned or explained.
    expect(map.alignmentHealth).toEqual({ counted: 5, alignedOrExplained: 4, share: 0.8, healthy: false });

    const withKrs = await mapOf(t.w, { keyResults: 'true' });
    expect(withKrs.nodes.filter((n) => n.id === o.platformObjective.id)).toHaveLength(1);
    expect(edgeIds(withKrs).filter((e) => e.endsWith(o.platformObjective.id))).toEqual(
      [`${o.engineering.id}->${o.platformObjective.id}`, `${o.k1.id}->${o.platformObjective.id}`].sort(),
    );
    expect(withKrs.nodes.find((n) => n.id === o.k1.id)).toMatchObject({ unsupported: false, objectiveId: o.grow.id });
  });

  it('places every node in a layered layout: parents above their children, no two nodes on one another', async () => {
    await smallOrganisation(t.w);
    const map = await mapOf(t.w, { keyResults: 'true' });
    const at = new Map(map.nodes.map((n) => [n.id, n]));
    expect(map.edges.length).toBeGreaterThan(3);
    for (const edge of map.edges) expect(at.get(edge.source)!.y).toBeLessThan(at.get(edge.target)!.y);
    const corners = new Set(map.nodes.map((n) => `${n.x},${n.y}`));
    expect(corners.size).toBe(map.nodes.length);
    // The same map is laid out the same way (and kept, not laid out again).
    const again = await mapOf(t.w, { keyResults: 'true' });
    expect(again.nodes.map((n) => [n.id, n.x, n.y])).toEqual(map.nodes.map((n) => [n.id, n.x, n.y]));
  });

  it('focuses on a department: its teams’ objectives, their neighbours and the company objectives', async () => {
    const o = await smallOrganisation(t.w);
    const map = await mapOf(t.w, { focusTeamId: o.eng.id });
    expect(
      map.nodes
        .filter((n) => n.type === 'objective')
        .map((n) => n.title)
        .sort(),
    ).toEqual(['A platform teams love', 'Grow the business', 'Ship faster'].sort());
    expect(edgeIds(map)).toEqual(
      [
        `${o.grow.id}->${o.engineering.id}`,
        `${o.engineering.id}->${o.platformObjective.id}`,
        `${o.grow.id}->${o.platformObjective.id}`,
        `${o.grow.id}->${o.k2.id}`,
      ].sort(),
    );
    expect(map.alignmentHealth).toMatchObject({ counted: 2, alignedOrExplained: 2, healthy: true });
  });

  it('aggregates by department: counts objectives and weighs edges by the alignments between them', async () => {
    const o = await smallOrganisation(t.w);
    const map = await mapOf(t.w, { aggregate: 'true' });
    expect(map.aggregated).toBe(true);
    const departments = map.nodes.filter((n) => n.type === 'department');
    expect(departments.map((n) => [n.title, n.objectiveCount]).sort()).toEqual([
      ['Engineering', 2],
      ['Sales', 3],
    ]);
    expect(departments.find((n) => n.id === o.sales.id)!.orphan).toBe(true);
    // Engineering: "Ship faster" → Grow and Platform → k1 of Grow; Platform → "Ship faster" stays inside.
    expect(map.edges.map((e) => [e.source, e.target, e.weight]).sort()).toEqual(
      [
        [o.grow.id, o.eng.id, 2],
        [o.grow.id, o.sales.id, 1],
      ].sort(),
    );
  });

  it('refuses a focus on an unknown team, naming the field', async () => {
    const unknown = await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/map?focusTeamId=${MISSING_ID}`);
    expectProblem(unknown, 404, '/problems/not-found', 'focusTeamId');
    expectProblem(
      await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/map?focusTeamId=nope`),
      400,
      '/problems/validation-failed',
      'focusTeamId',
    );
  });
});
