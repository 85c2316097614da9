import type { ProgressStatus } from '../vocabulary.js';

/**
 * How a strategic pillar is doing in a cycle: the published objectives that name it, counted by status, their mean
 * progress against their mean pace. A pillar nothing serves is called out, as is a company objective serving none.
 */
export interface ServingObjective {
  id: string;
  /** null for a company objective. */
  teamId: string | null;
  pillarId: string | null;
  progress: number;
  expectedProgress: number;
  progressStatus: ProgressStatus;
}

export interface PillarStanding {
  objectiveCount: number;
  statusCounts: Record<ProgressStatus, number>;
  /** Means over the serving objectives; null when nothing serves the pillar. */
  progress: number | null;
  expectedProgress: number | null;
  paceGap: number | null;
  unserved: boolean;
}

const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export function pillarStanding(serving: readonly ServingObjective[]): PillarStanding {
  const statusCounts: Record<ProgressStatus, number> = { on_track: 0, at_risk: 0, off_track: 0 };
  for (const o of serving) statusCounts[o.progressStatus]++;
  const progress = mean(serving.map((o) => o.progress));
  const expectedProgress = mean(serving.map((o) => o.expectedProgress));
  return {
    objectiveCount: serving.length,
    statusCounts,
    progress,
    expectedProgress,
    paceGap: progress === null || expectedProgress === null ? null : progress - expectedProgress,
    unserved: serving.length === 0,
  };
}

/** Each pillar's standing, and the company objectives that name no pillar. */
export function strategyStanding(pillarIds: readonly string[], objectives: readonly ServingObjective[]) {
  const byPillar = new Map<string, ServingObjective[]>(pillarIds.map((id) => [id, []]));
  for (const o of objectives) if (o.pillarId) byPillar.get(o.pillarId)?.push(o);
  return {
    pillars: new Map([...byPillar].map(([id, serving]) => [id, pillarStanding(serving)])),
    companyWithoutPillar: objectives.filter((o) => o.teamId === null && o.pillarId === null).map((o) => o.id),
  };
}
