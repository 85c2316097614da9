import type { keyResults, MilestoneRow } from '../../../db/schema/index.js';
import { invalid } from '../../errors.js';

type KeyResultRow = typeof keyResults.$inferSelect;

export interface RolloverItem {
  objectiveId: string;
  keyResultIds: string[];
}

/** Each objective once, each key result once per objective: a repeated one names the field at fault (422). */
export function assertEachOnce(items: readonly RolloverItem[]) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.objectiveId)) throw invalid(`objectives[${i}].objectiveId`, 'This objective is already in the rollover once.');
    seen.add(item.objectiveId);
    const krs = new Set<string>();
    item.keyResultIds.forEach((id, j) => {
      if (krs.has(id)) throw invalid(`objectives[${i}].keyResultIds[${j}]`, 'This key result is listed twice.');
      krs.add(id);
    });
  });
}

/** A metric whose last value reached (or passed) its target, whichever way the target lies. */
function metricReached(kr: KeyResultRow) {
  if (kr.kind !== 'metric' || kr.currentValue === null || kr.targetValue === null || kr.startValue === null) return false;
  return (kr.targetValue - kr.currentValue) * (kr.targetValue - kr.startValue) <= 0;
}

/**
 * The carried copy of a key result, a fresh start in the next cycle: a metric starts from its last value, a
 * milestone list keeps only what is not done yet. Null when nothing is left to carry (all done, target reached).
 */
export function carriedKeyResult(kr: KeyResultRow) {
  const milestones: MilestoneRow[] | null = kr.milestones ? kr.milestones.filter((m) => !m.done).map((m) => ({ ...m, done: false })) : null;
  if (kr.kind === 'milestone' && (milestones?.length ?? 0) === 0) return null;
  if (metricReached(kr)) return null;
  return {
    title: kr.title,
    ownerId: kr.ownerId,
    weight: kr.weight,
    kind: kr.kind,
    unit: kr.unit,
    startValue: kr.kind === 'metric' ? (kr.currentValue ?? kr.startValue) : kr.startValue,
    targetValue: kr.targetValue,
    targetMin: kr.targetMin,
    targetMax: kr.targetMax,
    milestones,
    dataReadiness: kr.dataReadiness,
    position: kr.position,
  };
}
