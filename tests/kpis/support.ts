import type { z } from 'zod';
import type { kpiCreate, kpiValueView, kpiView } from '../../src/server/http/kpis/schema.js';
import type { Client } from '../support/client.js';
import { expectStatus } from '../support/fixtures.js';
import { API } from '../okrs/support.js';

export type KpiView = z.output<typeof kpiView>;
export type KpiValueView = z.output<typeof kpiValueView>;
export type KpiInput = z.input<typeof kpiCreate>;

/** Weekly "Uptime" in %: healthy at ≥ 99.5, watch at ≥ 99, else unhealthy. */
export const uptime = (extra: Partial<KpiInput> = {}): KpiInput => ({
  name: 'Uptime',
  unit: '%',
  direction: 'higher_is_better',
  healthy: 99.5,
  watch: 99,
  ...extra,
});

export async function createKpi(client: Client, body: KpiInput): Promise<KpiView> {
  const response = await client.post<KpiView>(`${API}/kpis`, body);
  expectStatus(response, 201);
  return response.body;
}

export async function kpi(client: Client, id: string): Promise<KpiView> {
  const response = await client.get<KpiView>(`${API}/kpis/${id}`);
  expectStatus(response, 200);
  return response.body;
}

export async function addValue(client: Client, id: string, body: { value: number; asOf?: string; note?: string }): Promise<KpiValueView> {
  const response = await client.post<KpiValueView>(`${API}/kpis/${id}/values`, body);
  expectStatus(response, 201);
  return response.body;
}
