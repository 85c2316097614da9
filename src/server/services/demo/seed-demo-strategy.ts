import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { kpis, kpiValues, objectives, organizationStrategy, pillars } from '../../../db/schema/index.js';
import { addDays, daysBetween } from '../../../domain/index.js';

/** Three pillars: two served by the company objectives (their keys in demo-okrs.ts), one by nothing yet (the strategy page calls that out). */
const DEMO_PILLARS = [
  {
    name: 'Effortless deployment',
    narrative: 'A new site runs on our robots within two weeks, without our engineers on the floor.',
    owner: 'Marcus Lindqvist',
    serves: 'effortless',
  },
  {
    name: 'The partner warehouses trust',
    narrative: 'Mid-size warehouses renew because the fleet is boringly reliable and we answer fast.',
    owner: 'Sofia Marquez',
    serves: 'trusted',
  },
  {
    name: 'A company people want to join',
    narrative: 'We hire and keep the people who build the above.',
    owner: 'Tomás Herrera',
    serves: null,
  },
];

/** Business as usual beside the OKRs: weekly KPIs since the quarter began, one of them on watch. */
const DEMO_KPIS = [
  {
    name: 'Fleet uptime',
    unit: '%',
    team: 'platform',
    owner: 'Hannah Becker',
    direction: 'higher_is_better',
    healthy: 99.5,
    watch: 99,
    from: 99.6,
    to: 99.8,
  },
  {
    name: 'Net revenue retention',
    unit: '%',
    team: 'success',
    owner: 'Jonas Weber',
    direction: 'higher_is_better',
    healthy: 110,
    watch: 100,
    from: 108,
    to: 104,
  },
  {
    name: 'Support tickets per robot',
    unit: 'tickets',
    team: 'success',
    owner: 'Zanele Dlamini',
    direction: 'lower_is_better',
    healthy: 0.5,
    watch: 0.8,
    from: 0.7,
    to: 0.45,
  },
] as const;

/**
 * The demo's strategy and KPIs: a mission and vision, pillars the company objectives serve, and KPIs with a value a
 * week, so the Strategy and KPI pages have something to show a newcomer.
 */
export async function seedDemoStrategy(
  tx: Executor,
  orgId: string,
  people: Map<string, string>,
  teamIds: Map<string, string>,
  objectiveIds: Map<string, string>,
  quarterStart: string,
  today: string,
) {
  await tx.insert(organizationStrategy).values({
    orgId,
    mission: 'Make warehouse work safer and calmer with robots anyone can run.',
    vision: 'Every mid-size warehouse in Europe runs a Northwind fleet by 2030.',
  });
  for (const [position, pillar] of DEMO_PILLARS.entries()) {
    const [row] = await tx
      .insert(pillars)
      .values({ orgId, name: pillar.name, narrative: pillar.narrative, ownerId: people.get(pillar.owner)!, position })
      .returning({ id: pillars.id });
    if (pillar.serves)
      await tx
        .update(objectives)
        .set({ pillarId: row!.id })
        .where(and(eq(objectives.orgId, orgId), eq(objectives.id, objectiveIds.get(pillar.serves)!)));
  }
  const weeks = Math.floor(daysBetween(quarterStart, today) / 7);
  for (const kpi of DEMO_KPIS) {
    const [row] = await tx
      .insert(kpis)
      .values({
        orgId,
        name: kpi.name,
        unit: kpi.unit,
        teamId: teamIds.get(kpi.team)!,
        ownerId: people.get(kpi.owner)!,
        direction: kpi.direction,
        healthy: kpi.healthy,
        watch: kpi.watch,
      })
      .returning({ id: kpis.id });
    if (weeks < 1) continue;
    // One value on the fifth day of each whole week since the quarter began, moving evenly from `from` to `to`.
    await tx.insert(kpiValues).values(
      Array.from({ length: weeks }, (_, week) => {
        const asOf = addDays(quarterStart, week * 7 + 4);
        return {
          orgId,
          kpiId: row!.id,
          asOf,
          value: Math.round((kpi.from + ((kpi.to - kpi.from) * week) / Math.max(1, weeks - 1)) * 100) / 100,
          reportedBy: people.get(kpi.owner)!,
          createdAt: new Date(`${asOf}T09:00:00Z`),
        };
      }),
    );
  }
}
