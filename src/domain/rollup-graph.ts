import type { KeyResultMeasure, KeyResultProgress } from './key-result.js';
import { keyResultProgress } from './key-result-progress.js';
import { objectiveProgress } from './objective-progress.js';
import type { ProgressDriver } from './vocabulary.js';
import type { WeightedProgress } from './weighted-mean.js';

export interface GraphObjective {
  readonly id: string;
  readonly weight: number;
  readonly driver: ProgressDriver;
}

export interface GraphKeyResult {
  readonly id: string;
  readonly objectiveId: string;
  readonly weight: number;
  readonly measure: KeyResultMeasure;
}

/** A child objective aligned to a parent objective or to a parent key result (one of the two). */
export interface GraphAlignment {
  readonly childObjectiveId: string;
  readonly parentObjectiveId?: string | null;
  readonly parentKeyResultId?: string | null;
}

export interface GraphProgress {
  readonly objectives: ReadonlyMap<string, number>;
  readonly keyResults: ReadonlyMap<string, KeyResultProgress>;
}

/**
 * Progress of every objective and key result of a graph, from scratch. An objective's aligned
 * children are those aligned to it directly or to one of its non-rollup key results (a rollup key
 * result already carries its children, so they are not counted twice). Children missing from
 * the graph are ignored, and a child reached twice under one parent counts once. Used for time travel, closing scores (through `adjust`) and to check the
 * maintained roll-ups.
 */
export interface GraphAdjustments {
  /** Replace a key result's progress before objectives use it (e.g. its score, with an override). */
  keyResult?: (id: string, progress: number) => number;
  /** Replace an objective's computed value before its parents use it (e.g. rounding a score). */
  objective?: (id: string, progress: number) => number;
  /**
   * Objectives whose progress is known and not recomputed: the children just outside a part of the
   * graph being brought up to date (their key results and children need not be in the graph).
   */
  given?: ReadonlyMap<string, number>;
}

export function computeGraphProgress(
  objectives: readonly GraphObjective[],
  keyResults: readonly GraphKeyResult[],
  alignments: readonly GraphAlignment[],
  adjust: GraphAdjustments = {},
): GraphProgress {
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const krById = new Map(keyResults.map((k) => [k.id, k]));
  const krsOf = new Map<string, GraphKeyResult[]>();
  for (const kr of keyResults) krsOf.set(kr.objectiveId, [...(krsOf.get(kr.objectiveId) ?? []), kr]);
  const childrenOfObjective = new Map<string, string[]>();
  const childrenOfKr = new Map<string, string[]>();
  for (const a of alignments) {
    if (!objectiveById.has(a.childObjectiveId)) continue;
    if (a.parentObjectiveId)
      childrenOfObjective.set(a.parentObjectiveId, [...(childrenOfObjective.get(a.parentObjectiveId) ?? []), a.childObjectiveId]);
    if (a.parentKeyResultId) {
      childrenOfKr.set(a.parentKeyResultId, [...(childrenOfKr.get(a.parentKeyResultId) ?? []), a.childObjectiveId]);
      const kr = krById.get(a.parentKeyResultId);
      if (kr && kr.measure.kind !== 'rollup')
        childrenOfObjective.set(kr.objectiveId, [...(childrenOfObjective.get(kr.objectiveId) ?? []), a.childObjectiveId]);
    }
  }

  const objectiveProgressById = new Map<string, number>();
  const krProgressById = new Map<string, KeyResultProgress>();
  const visiting = new Set<string>();
  // A child aligned to an objective and to one of its key results counts once there.
  const weighted = (ids: readonly string[]): WeightedProgress[] =>
    [...new Set(ids)].flatMap((id) =>
      objectiveById.has(id) ? [{ progress: progressOfObjective(id), weight: objectiveById.get(id)!.weight }] : [],
    );

  function progressOfKr(kr: GraphKeyResult): KeyResultProgress {
    const known = krProgressById.get(kr.id);
    if (known) return known;
    const computed = keyResultProgress(kr.measure, kr.measure.kind === 'rollup' ? weighted(childrenOfKr.get(kr.id) ?? []) : []);
    const result = adjust.keyResult ? { ...computed, progress: adjust.keyResult(kr.id, computed.progress) } : computed;
    krProgressById.set(kr.id, result);
    return result;
  }

  function progressOfObjective(id: string): number {
    const known = objectiveProgressById.get(id) ?? adjust.given?.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new RangeError(`alignment loop through objective ${id}`);
    visiting.add(id);
    const objective = objectiveById.get(id)!;
    const computed = objectiveProgress({
      driver: objective.driver,
      keyResults: (krsOf.get(id) ?? []).map((kr) => ({ progress: progressOfKr(kr).progress, weight: kr.weight })),
      alignedObjectives: weighted(childrenOfObjective.get(id) ?? []),
    });
    visiting.delete(id);
    const progress = adjust.objective ? adjust.objective(id, computed) : computed;
    objectiveProgressById.set(id, progress);
    return progress;
  }

  for (const objective of objectives) progressOfObjective(objective.id);
  for (const kr of keyResults) progressOfKr(kr);
  return { objectives: objectiveProgressById, keyResults: krProgressById };
}
