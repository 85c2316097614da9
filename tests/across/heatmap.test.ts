import { expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachEngine } from '../support/engines.js';
import { createTeam, expectProblem, expectStatus } from '../support/fixtures.js';
import { API, MISSING_ID, useOkrWorld, type OkrWorld } from '../okrs/support.js';
import type { heatmapSchema } from '../../src/server/http/across/heatmap-schema.js';

type Heatmap = z.output<typeof heatmapSchema>;

async function heatmapOf(w: OkrWorld, asOf?: string): Promise<Heatmap> {
  const response = await w.owner.client.get<Heatmap>(`${API}/cycles/${w.cycle.id}/heatmap${asOf ? `?asOf=${asOf}` : ''}`);
  expectStatus(response, 200);
  return response.body;
}

/**
 * Q1 2025 (1 Jan – 31 Mar, 90 days), today 31 January: 30 days gone, pace expects 1/3. Weekly check-ins are due on
 * 8, 15, 22 and 29 January (4 per key result so far).
 *   Engineering › Platform: "Faster deploys" checked in 20 on 5 Jan and 40 on 10 Jan (0.4, on track; on time for the
 *   8th and the 15th), aligned to Sales's objective; "Keep the lights on" checked in 10 on 29 Jan (0.1: 0.1 < 1/3 − 0.1
 *   but ≥ 1/3 − 0.25, at risk; on time for the 29th), standalone with a reason.
 *   Sales: "Win the mid-market" never checked in (0, off track), aligned to nothing: an orphan.
 */
describeEachEngine('Heatmap: teams by department against status, pace, check-ins, quality and alignment', (engine) => {
  const t = useOkrWorld(engine, '2025-01-31');

  it('computes the hand-worked example, now and as of a past date', async () => {
    const w = t.w;
    const eng = await createTeam(w.owner.client, { name: 'Engineering', kind: 'department' });
    const platform = await createTeam(w.owner.client, { name: 'Platform', parentId: eng.id });
    const sales = await createTeam(w.owner.client, { name: 'Sales', kind: 'department' });
    const win = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Win the mid-market', teamId: sales.id });
    const faster = await w.api.objectiveAt({ cycleId: w.cycle.id, title: 'Faster deploys', teamId: platform.id }, 20, '2025-01-05');
    await w.api.checkIn(faster.kr.id, { value: 40, asOf: '2025-01-10' });
    await w.api.align(faster.objective.id, { parentObjectiveId: win.objective.id });
    const lights = await w.api.objectiveAt(
      { cycleId: w.cycle.id, title: 'Keep the lights on', teamId: platform.id, standaloneReason: 'Run-the-business work' },
      10,
      '2025-01-29',
    );
    expect(lights.objective.id).toBeTruthy();

    const map = await heatmapOf(w);
    expect(map.asOf).toBe('2025-01-31');
    expect(map.departments.map((d) => [d.name, d.teams.map((x) => x.name)])).toEqual([
      ['Engineering', ['Platform']],
      ['Sales', ['Sales']],
    ]);
    const [platformRow] = map.departments[0]!.teams;
    const [salesRow] = map.departments[1]!.teams;
    expect(platformRow).toMatchObject({
      teamId: platform.id,
      departmentId: eng.id,
      objectives: 2,
      statusCounts: { on_track: 1, at_risk: 1, off_track: 0 },
      progress: 0.25,
      expectedProgress: 0.3333,
      paceGap: -0.0833,
      checkIns: { due: 8, onTime: 3, onTimeShare: 0.375 },
      alignmentHealth: { counted: 2, alignedOrExplained: 2, share: 1, healthy: true },
    });
    expect(salesRow).toMatchObject({
      teamId: sales.id,
      departmentId: sales.id,
      statusCounts: { on_track: 0, at_risk: 0, off_track: 1 },
      progress: 0,
      paceGap: -0.3333,
      checkIns: { due: 4, onTime: 0, onTimeShare: 0 },
      alignmentHealth: { counted: 1, alignedOrExplained: 0, share: 0, healthy: false },
    });
    expect(map.alignmentHealth).toEqual({ counted: 3, alignedOrExplained: 2, share: 2 / 3, healthy: false });
    // The quality score is the coach's, the same as the team's quality badge shows.
    for (const row of [platformRow!, salesRow!]) {
      const quality = await w.owner.client.get<{ score: number }>(`${API}/teams/${row.teamId}/quality?cycleId=${w.cycle.id}`);
      expect(row.qualityScore).toBe(quality.body.score);
    }

    // On 9 January: 8 days gone (expected 8/90); "Faster deploys" at 0.2, "Keep the lights on" not yet checked in.
    // One check-in due per key result (the 8th): Faster deploys' of the 5th was on time.
    const then = await heatmapOf(w, '2025-01-09');
    expect(then.departments[0]!.teams[0]).toMatchObject({
      statusCounts: { on_track: 2, at_risk: 0, off_track: 0 },
      progress: 0.1,
      expectedProgress: 0.0889,
      paceGap: 0.0111,
      checkIns: { due: 2, onTime: 1, onTimeShare: 0.5 },
    });
  });

  it('answers 404 for an unknown cycle and 400 for a malformed date, naming the field', async () => {
    expectProblem(await t.w.owner.client.get(`${API}/cycles/${MISSING_ID}/heatmap`), 404, '/problems/not-found');
    expectProblem(
      await t.w.owner.client.get(`${API}/cycles/${t.w.cycle.id}/heatmap?asOf=yesterday`),
      400,
      '/problems/validation-failed',
      'asOf',
    );
  });
});
