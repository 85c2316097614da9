/** Shared set-up of the cross-team suites: a small organisation with two departments and a company objective. */
import { createTeam } from '../support/fixtures.js';
import { API, percent, type OkrWorld } from '../okrs/support.js';
import { expectStatus } from '../support/fixtures.js';
import type { z } from 'zod';
import type { alignmentMapSchema } from '../../src/server/http/across/map-schema.js';

export type MapView = z.output<typeof alignmentMapSchema>;

export async function mapOf(w: OkrWorld, query: Record<string, string> = {}): Promise<MapView> {
  const qs = new URLSearchParams(query).toString();
  const response = await w.owner.client.get<MapView>(`${API}/cycles/${w.cycle.id}/map${qs ? `?${qs}` : ''}`);
  expectStatus(response, 200);
  return response.body;
}

/**
 * Company objective "Grow" (key results k1, k2); Engineering (department) with team Platform under it; Sales
 * (department). Platform's objective aligns to Engineering's AND to company key result k1 (two parents).
 */
export async function smallOrganisation(w: OkrWorld) {
  const client = w.owner.client;
  const eng = await createTeam(client, { name: 'Engineering', kind: 'department' });
  const platform = await createTeam(client, { name: 'Platform', parentId: eng.id });
  const sales = await createTeam(client, { name: 'Sales', kind: 'department' });
  const published = {
    cycleId: w.cycle.id,
    status: 'active' as const,
    effectiveStartDate: null,
    publishOverrideReason: 'Published by the test set-up',
  };
  const grow = await w.api.createObjective({ ...published, title: 'Grow the business' });
  const k1 = await w.api.createKeyResult(grow.id, percent('Revenue to 10 M'));
  const k2 = await w.api.createKeyResult(grow.id, percent('Churn below 2 %'));
  const engineering = await w.api.createObjective({ ...published, title: 'Ship faster', teamId: eng.id });
  const platformObjective = await w.api.createObjective({ ...published, title: 'A platform teams love', teamId: platform.id });
  const salesObjective = await w.api.createObjective({ ...published, title: 'Win the mid-market', teamId: sales.id });
  const orphan = await w.api.createObjective({ ...published, title: 'Tidy the CRM', teamId: sales.id });
  const explained = await w.api.createObjective({
    ...published,
    title: 'Keep the lights on',
    teamId: sales.id,
    standaloneReason: 'Run-the-business work',
  });
  await w.api.align(engineering.id, { parentObjectiveId: grow.id });
  await w.api.align(platformObjective.id, { parentObjectiveId: engineering.id });
  await w.api.align(platformObjective.id, { parentKeyResultId: k1.id });
  await w.api.align(salesObjective.id, { parentObjectiveId: grow.id });
  return { eng, platform, sales, grow, k1, k2, engineering, platformObjective, salesObjective, orphan, explained };
}
