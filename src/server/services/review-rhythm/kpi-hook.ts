import type { ChangeItem } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';

export interface KpiChangeWindow {
  cycleId: string;
  teamId: string | null;
  from: string;
  to: string;
}

/**
 * Extension point for KPIs (issue 15, built separately): KPI health changes in the window, shaped as change items
 * of kind `kpi_health_change` and ranked like the rest (a KPI turning red belongs near a worsened status, rank ~100).
 * Until KPIs exist there are none.
 */
export async function kpiHealthChanges(_db: Executor, _orgId: string, _window: KpiChangeWindow): Promise<ChangeItem[]> {
  return [];
}
