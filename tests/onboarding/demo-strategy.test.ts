import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { kpis, kpiValues, objectives, organizationStrategy, pillars } from '../../src/db/schema/index.js';
import { seedDemoIfEmpty } from '../../src/server/services/demo/seed-demo.js';
import { describeEachEngine } from '../support/engines.js';

describeEachEngine('The demo organisation beside its OKRs', (engine) => {
  it('states a mission and vision, three pillars (two served by a company objective, one by nothing) and weekly KPIs', async () => {
    await engine().reset();
    await seedDemoIfEmpty(engine().db, new Date('2027-02-10T09:00:00Z'));
    const db = engine().db;
    const [strategy] = await db.select().from(organizationStrategy);
    expect(strategy?.mission).toBeTruthy();
    expect(strategy?.vision).toBeTruthy();
    const served = await db
      .select({ pillar: pillars.name, objective: objectives.title, teamId: objectives.teamId })
      .from(pillars)
      .leftJoin(objectives, eq(objectives.pillarId, pillars.id))
      .orderBy(pillars.position);
    expect(served).toEqual([
      { pillar: 'Effortless deployment', objective: 'Make our robots effortless to deploy', teamId: null },
      { pillar: 'The partner warehouses trust', objective: 'Become the most trusted fleet partner for mid-size warehouses', teamId: null },
      { pillar: 'A company people want to join', objective: null, teamId: null },
    ]);
    // Q1 2027 began on 1 January: five whole weeks to 10 February, a value on the fifth day of each.
    const values = await db.select({ kpi: kpis.name, asOf: kpiValues.asOf }).from(kpiValues).innerJoin(kpis, eq(kpis.id, kpiValues.kpiId));
    expect(new Set(values.map((v) => v.kpi))).toEqual(new Set(['Fleet uptime', 'Net revenue retention', 'Support tickets per robot']));
    expect(
      values
        .filter((v) => v.kpi === 'Fleet uptime')
        .map((v) => v.asOf)
        .sort(),
    ).toEqual(['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02']);
  });
});
