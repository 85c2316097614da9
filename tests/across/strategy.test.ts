import { expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.js';
import { addPerson, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, MISSING_ID, useOkrWorld } from '../okrs/support.js';
import { mapOf, smallOrganisation } from './support.js';
import type { z } from 'zod';
import type { strategySchema } from '../../src/server/http/strategy/schema.js';

type Strategy = z.output<typeof strategySchema>;
type Pillar = Strategy['pillars'][number];

describeEachEngine('Strategy: mission, vision, pillars and annual objectives', (engine) => {
  const t = useOkrWorld(engine, '2025-02-15');

  it('states the narrative; pillars show what serves them, how it is doing, and what serves nothing', { timeout: 120_000 }, async () => {
    const client = t.w.owner.client;
    const o = await smallOrganisation(t.w);
    expectStatus(await client.put(`${API}/strategy`, { mission: 'Make work visible', vision: 'Every team sees the whole' }), 200);
    const customers = await client.post<{ id: string }>(`${API}/pillars`, {
      name: 'Customers first',
      narrative: 'We win when they do',
      ownerId: t.w.owner.user.id,
    });
    expectStatus(customers, 201);
    const craft = await client.post<{ id: string }>(`${API}/pillars`, { name: 'Craft', position: 1 });
    const annual = await client.post<{ id: string }>(`${API}/annual-objectives`, {
      pillarId: customers.body.id,
      year: 2025,
      title: 'Loved by the mid-market',
    });
    expectStatus(annual, 201);

    // The annual objective brings its pillar; a pillar alone is enough too.
    const sales = await t.w.api.patchObjective(o.salesObjective.id, { annualObjectiveId: annual.body.id });
    expect(sales).toMatchObject({ pillarId: customers.body.id, annualObjectiveId: annual.body.id });
    await t.w.api.patchObjective(o.engineering.id, { pillarId: customers.body.id });
    await t.w.api.checkIn(o.k1.id, { value: 50, asOf: '2025-02-15' });

    const view = await client.get<Strategy>(`${API}/strategy?cycleId=${t.w.cycle.id}`);
    expectStatus(view, 200);
    expect(view.body).toMatchObject({ mission: 'Make work visible', vision: 'Every team sees the whole', year: 2025 });
    expect(view.body.can).toEqual({ edit: true, leaderboard: true });
    const [first, second] = view.body.pillars;
    expect(first).toMatchObject({ name: 'Customers first', ownerName: 'Olivia Owner', objectiveCount: 2, unserved: false });
    expect(first!.annualObjectives).toEqual([
      expect.objectContaining({ title: 'Loved by the mid-market', objectiveCount: 1, progress: 0 }),
    ]);
    expect(second).toMatchObject({ id: craft.body.id, objectiveCount: 0, unserved: true, progress: null });
    // "Grow the business" is a company objective naming no pillar.
    expect(view.body.companyObjectivesWithoutPillar.map((x) => x.id)).toEqual([o.grow.id]);

    const pillar = await client.get<Pillar>(`${API}/pillars/${customers.body.id}?cycleId=${t.w.cycle.id}`);
    expectStatus(pillar, 200);
    expect(pillar.body.objectives.map((x) => x.title).sort()).toEqual(['Ship faster', 'Win the mid-market']);
    // Both objectives still at 0 (the check-in moved Grow's key result, not theirs): the gap is the whole pace.
    expect(pillar.body.progress).toBe(0);
    expect(pillar.body.paceGap).toBeCloseTo(-pillar.body.expectedProgress!, 12);
    expect(pillar.body.statusCounts.off_track + pillar.body.statusCounts.at_risk + pillar.body.statusCounts.on_track).toBe(2);

    // Deleting the pillar clears only the link.
    expectStatus(await client.delete(`${API}/pillars/${customers.body.id}`), 204);
    expect(await t.w.api.objective(o.salesObjective.id)).toMatchObject({ pillarId: null, annualObjectiveId: null });
  });

  it('refuses bad links and bad input, naming the field, and changes nothing', { timeout: 120_000 }, async () => {
    const client = t.w.owner.client;
    const o = await smallOrganisation(t.w);
    const pillar = await client.post<{ id: string }>(`${API}/pillars`, { name: 'Reach' });
    const other = await client.post<{ id: string }>(`${API}/pillars`, { name: 'Craft' });
    const later = await client.post<{ id: string }>(`${API}/annual-objectives`, {
      pillarId: pillar.body.id,
      year: 2026,
      title: 'Next year',
    });
    const patch = (body: object) => client.patch(`${API}/objectives/${o.salesObjective.id}`, body);

    expectProblem(await patch({ pillarId: MISSING_ID }), 404, '/problems/not-found', 'pillarId');
    expectProblem(await patch({ annualObjectiveId: later.body.id }), 422, '/problems/validation-failed', 'annualObjectiveId');
    const same = await client.post<{ id: string }>(`${API}/annual-objectives`, {
      pillarId: pillar.body.id,
      year: 2025,
      title: 'This year',
    });
    expectProblem(
      await patch({ annualObjectiveId: same.body.id, pillarId: other.body.id }),
      422,
      '/problems/validation-failed',
      'pillarId',
    );
    expect(await t.w.api.objective(o.salesObjective.id)).toMatchObject({ pillarId: null, annualObjectiveId: null });

    expectProblem(await client.post(`${API}/pillars`, { name: '  ' }), 400, '/problems/validation-failed', 'name');
    expectProblem(await client.post(`${API}/pillars`, { name: 'X', ownerId: 'nobody' }), 404, '/problems/not-found', 'ownerId');
    expectProblem(
      await client.post(`${API}/annual-objectives`, { pillarId: MISSING_ID, year: 2025, title: 'Lost' }),
      404,
      '/problems/not-found',
      'pillarId',
    );
    expectProblem(await client.get(`${API}/pillars/${MISSING_ID}?cycleId=${t.w.cycle.id}`), 404, '/problems/not-found');

    const member = await addPerson(client);
    expectProblem(await member.client.post(`${API}/pillars`, { name: 'Mine' }), 403, '/problems/forbidden');
    expectProblem(await member.client.put(`${API}/strategy`, { mission: 'Mine' }), 403, '/problems/forbidden');
    const seen = await member.client.get<Strategy>(`${API}/strategy?cycleId=${t.w.cycle.id}`);
    expect(seen.body.pillars.map((p) => p.name).sort()).toEqual(['Craft', 'Reach']);
    expect(seen.body.can.edit).toBe(false);
  });

  it(
    'the map starts from the pillars: edges to what serves them, unserved pillars and pillar-less company objectives flagged',
    { timeout: 120_000 },
    async () => {
      const client = t.w.owner.client;
      const o = await smallOrganisation(t.w);
      const reach = await client.post<{ id: string }>(`${API}/pillars`, { name: 'Reach' });
      const craft = await client.post<{ id: string }>(`${API}/pillars`, { name: 'Craft' });
      await t.w.api.patchObjective(o.grow.id, { pillarId: reach.body.id });
      await t.w.api.patchObjective(o.salesObjective.id, { pillarId: reach.body.id });

      const map = await mapOf(t.w);
      const pillarNodes = map.nodes.filter((n) => n.type === 'pillar');
      expect(pillarNodes.map((n) => [n.title, n.objectiveCount, n.unsupported])).toEqual([
        ['Craft', 0, true],
        ['Reach', 2, false],
      ]);
      expect(
        map.edges
          .filter((e) => e.source === reach.body.id)
          .map((e) => e.target)
          .sort(),
      ).toEqual([o.grow.id, o.salesObjective.id].sort());
      expect(map.nodes.find((n) => n.id === o.grow.id)!.servesNoPillar).toBe(false);

      // Aggregated by department: one weighted edge from the pillar to each department (a company objective is its own node).
      const aggregated = await mapOf(t.w, { aggregate: 'true' });
      expect(
        aggregated.edges
          .filter((e) => e.source === reach.body.id)
          .map((e) => [e.target, e.weight])
          .sort(),
      ).toEqual(
        [
          [o.grow.id, 1],
          [o.sales.id, 1],
        ].sort(),
      );
      // Focused on Engineering: only the pillars the shown objectives serve (the company objective heads it).
      const focused = await mapOf(t.w, { focusTeamId: o.eng.id });
      expect(focused.nodes.filter((n) => n.type === 'pillar').map((n) => n.title)).toEqual(['Reach']);
      expect(craft.status).toBe(201);
    },
  );
});
