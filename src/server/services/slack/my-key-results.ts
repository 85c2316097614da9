import type { Database } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { findObjectives } from '../okrs/find-objectives.js';
import { presentObjectives } from '../okrs/read-model.js';

export interface MyKeyResult {
  id: string;
  title: string;
  objectiveTitle: string;
  kind: string;
  progress: number;
  status: string | null;
  stale: boolean;
  unit: string | null;
  currentValue: number | null;
  targetValue: number | null;
  milestones: { title: string; done: boolean }[] | null;
}

/** The actor's own key results on published objectives, with the status the web shows (the same read model). */
export async function myKeyResults(db: Database, actor: Actor, now: Date): Promise<MyKeyResult[]> {
  const rows = await findObjectives(db, actor, { involves: actor.userId, status: 'active' });
  const views = await presentObjectives(db, actor, rows, { now });
  return views.flatMap((objective) =>
    objective.keyResults
      .filter((kr) => kr.ownerId === actor.userId)
      .map((kr) => ({
        id: kr.id,
        title: kr.title,
        objectiveTitle: objective.title,
        kind: kr.kind,
        progress: kr.progress,
        status: kr.status,
        stale: kr.stale,
        unit: kr.unit,
        currentValue: kr.currentValue,
        targetValue: kr.targetValue,
        milestones: kr.milestones?.map((m) => ({ title: m.title, done: m.done })) ?? null,
      })),
  );
}
