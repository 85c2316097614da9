import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../../db/database.js';
import { kpiRecoveries, kpis, teamMembers, teams, users } from '../../../db/schema/index.js';
import { summarizeKpi, type DatedValue } from '../../../domain/kpi-periods.js';
import type { TeamMemberRole } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { kpiAbilities } from '../../policies/kpis.js';
import { loadKpiFor } from './kpi-reads.js';

export interface KpiBoardFilter {
  /** One team's KPIs; `company` for the KPIs that belong to no team; neither: every KPI of the organisation. */
  teamId?: string;
  company?: boolean;
  id?: string;
}

/**
 * The KPIs of a board with their health, trend, unhealthy run, recent series and the open recovery proposal, in
 * four queries side by side whatever the number of KPIs: values are summarised in memory, one pass per KPI.
 */
export async function kpiBoard(db: Database, actor: Actor, filter: KpiBoardFilter) {
  const conditions: SQL[] = [eq(kpis.orgId, actor.orgId)];
  if (filter.id) conditions.push(eq(kpis.id, filter.id));
  if (filter.teamId) conditions.push(eq(kpis.teamId, filter.teamId));
  else if (filter.company) conditions.push(isNull(kpis.teamId));
  // The values, roles and recoveries name the board's KPIs by a subquery, so all four statements run at once
  // instead of waiting for the KPIs' ids.
  const onBoard = db
    .select({ id: kpis.id })
    .from(kpis)
    .where(and(...conditions));
  const [rows, values, roles, recoveries] = await Promise.all([
    db
      .select({ kpi: kpis, ownerName: users.name, teamName: teams.name })
      .from(kpis)
      .leftJoin(users, eq(users.id, kpis.ownerId))
      .leftJoin(teams, eq(teams.id, kpis.teamId))
      .where(and(...conditions))
      .orderBy(asc(kpis.name)),
    // Raw rows: two years of weekly values of 50 KPIs are 5,200 rows, and drizzle's mapping of each was a
    // good part of the board's time. The date comes as the text drizzle's string mode gives.
    queryRows<{ kpiId: string; asOf: string; value: number }>(
      db,
      sql`select kpi_id as "kpiId", as_of::text as "asOf", value from kpi_values
        where org_id = ${actor.orgId} and kpi_id in (${onBoard}) and not deleted order by as_of, created_at`,
    ),
    db
      .select({ teamId: teamMembers.teamId, role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.userId, actor.userId))),
    db
      .select()
      .from(kpiRecoveries)
      .where(and(eq(kpiRecoveries.orgId, actor.orgId), inArray(kpiRecoveries.kpiId, onBoard), isNull(kpiRecoveries.acceptedAt))),
  ]);
  if (rows.length === 0) return [];
  const byKpi = new Map<string, DatedValue[]>();
  for (const v of values) {
    const list = byKpi.get(v.kpiId);
    if (list) list.push({ asOf: v.asOf, value: v.value });
    else byKpi.set(v.kpiId, [{ asOf: v.asOf, value: v.value }]);
  }
  const roleIn = new Map<string, TeamMemberRole>(roles.map((r) => [r.teamId, r.role]));
  return rows.map(({ kpi, ownerName, teamName }) => {
    const summary = summarizeKpi(kpi, kpi.cadence, byKpi.get(kpi.id) ?? []);
    const relation = { owns: kpi.ownerId === actor.userId, teamRole: kpi.teamId ? (roleIn.get(kpi.teamId) ?? null) : null };
    const recovery = recoveries.filter((r) => r.kpiId === kpi.id).at(-1) ?? null;
    return { kpi, ownerName, teamName, summary, recovery, can: kpiAbilities(actor, relation) };
  });
}

export type KpiBoardRow = Awaited<ReturnType<typeof kpiBoard>>[number];

/** One KPI as the board shows it (404 outside the organisation). */
export async function kpiView(db: Database, actor: Actor, id: string): Promise<KpiBoardRow> {
  await loadKpiFor(db, actor, id);
  const [row] = await kpiBoard(db, actor, { id });
  return row!;
}
