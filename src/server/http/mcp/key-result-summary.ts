import { formatMeasure } from '../../../domain/format-measure.js';
import type { KeyResultView, ObjectiveView } from '../../services/okrs/read-model.js';
import { percentText } from './tool-kit.js';

/** A key result as tools return it: where it stands, how sure its owner is, and whether a check-in is due. */
export function keyResultSummary(kr: KeyResultView, objective: Pick<ObjectiveView, 'id' | 'title'>) {
  return {
    id: kr.id,
    title: kr.title,
    objectiveId: objective.id,
    objectiveTitle: objective.title,
    kind: kr.kind,
    unit: kr.unit,
    currentValue: kr.currentValue,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    milestones: kr.milestones?.map((m) => ({ title: m.title, done: m.done })) ?? null,
    progress: kr.progress,
    expectedProgress: kr.expectedProgress,
    status: kr.status,
    confidence: kr.confidence,
    lastCheckInDate: kr.lastCheckInDate,
    checkInDue: kr.stale,
  };
}
export type KeyResultSummary = ReturnType<typeof keyResultSummary>;

/** One line an assistant can read aloud. */
export function keyResultLine(kr: KeyResultSummary): string {
  const value = kr.kind === 'milestone' ? '' : ` (${formatMeasure(kr.currentValue, kr.unit)} of ${formatMeasure(kr.targetValue, kr.unit)})`;
  const facts = [
    `${percentText(kr.progress)}${value}`,
    kr.status ? kr.status.replace(/_/g, ' ') : 'draft',
    kr.confidence === null ? 'no confidence given' : `confidence ${kr.confidence}/10`,
    kr.checkInDue ? 'check-in due' : `last check-in ${kr.lastCheckInDate ?? 'never'}`,
  ];
  return `- ${kr.title} [${kr.id}] — ${facts.join(', ')}`;
}
