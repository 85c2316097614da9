import type { KeyResultMeasure } from '../../../domain/index.js';
import type { keyResults, MilestoneRow } from '../../../db/schema/index.js';

type KeyResultRow = typeof keyResults.$inferSelect;

export interface CheckInState {
  value: number | null;
  milestonesDone: boolean[] | null;
}

/** The domain's view of a key result row, with the values of a check-in (or none: the start). */
export function measureOf(
  kr: Pick<KeyResultRow, 'kind' | 'startValue' | 'targetValue' | 'targetMin' | 'targetMax' | 'milestones'>,
  latest: CheckInState | null,
): KeyResultMeasure {
  switch (kr.kind) {
    case 'metric':
      return { kind: 'metric', startValue: kr.startValue ?? 0, targetValue: kr.targetValue ?? 0, currentValue: latest?.value ?? null };
    case 'threshold':
      return { kind: 'threshold', targetMin: kr.targetMin, targetMax: kr.targetMax, currentValue: latest?.value ?? null };
    case 'milestone':
      return { kind: 'milestone', milestones: milestonesWithState(kr.milestones ?? [], latest) };
    case 'rollup':
      return { kind: 'rollup' };
  }
}

/** Done flags come from the latest check-in; without one, nothing is done. */
export function milestonesWithState(milestones: MilestoneRow[], latest: CheckInState | null): MilestoneRow[] {
  return milestones.map((m, i) => ({ ...m, done: latest?.milestonesDone?.[i] ?? false }));
}
