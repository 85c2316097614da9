import type { kpiValues } from '../../../db/schema/index.js';
import type { KpiBoardRow } from '../../services/kpis/kpi-board.js';

export const presentKpi = ({ kpi, ownerName, teamName, summary, recovery, can }: KpiBoardRow) => ({
  id: kpi.id,
  name: kpi.name,
  description: kpi.description,
  unit: kpi.unit,
  direction: kpi.direction,
  healthy: kpi.healthy,
  watch: kpi.watch,
  bandMin: kpi.bandMin,
  bandMax: kpi.bandMax,
  watchMargin: kpi.watchMargin,
  cadence: kpi.cadence,
  percentStart: kpi.percentStart,
  percentEnd: kpi.percentEnd,
  ownerId: kpi.ownerId,
  ownerName,
  teamId: kpi.teamId,
  teamName,
  latest: summary.latest,
  health: summary.health,
  trend: summary.trend,
  unhealthyPeriods: summary.unhealthyPeriods,
  series: summary.series,
  recovery: recovery && { id: recovery.id, objectiveId: recovery.objectiveId },
  can,
});

export const presentKpiValue = (row: typeof kpiValues.$inferSelect, reporterName: string | null) => ({
  id: row.id,
  asOf: row.asOf,
  value: row.value,
  note: row.note,
  reportedBy: row.reportedBy,
  reporterName,
  source: row.source,
  deleted: row.deleted,
  createdAt: row.createdAt.toISOString(),
});
