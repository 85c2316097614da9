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

const NONE: readonly WeightedProgress[] = [];

/** A key result as the graph's shape needs it: its measure comes with each computation. */
export type GraphKeyResultShape = Omit<GraphKeyResult, 'measure'> & { readonly kind: KeyResultMeasure['kind'] };

/** Progress of the graph for one set of measures (key result id → measure; every key result of the graph has one). */
export type GraphRollup = (measureOf: (keyResultId: string) => KeyResultMeasure, adjust?: GraphAdjustments) => GraphProgress;

/**
 * The graph's shape (who counts towards whom) worked out once, for several computations over the same
 * objectives and key results with different measures: a replay of two dates builds it once, not twice.
 */
export function graphRollup(
  objectives: readonly GraphObjective[],
  keyResults: readonly GraphKeyResultShape[],
  alignments: readonly GraphAlignment[],
): GraphRollup {
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const krById = new Map(keyResults.map((k) => [k.id, k]));
  const krsOf = new Map<string, GraphKeyResultShape[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const kr of keyResults) add(krsOf, kr.objectiveId, kr);
  const childrenOfObjective = new Map<string, string[]>();
  const childrenOfKr = new Map<string, string[]>();
  for (const a of alignments) {
    if (!objectiveById.has(a.childObjectiveId)) continue;
    if (a.parentObjectiveId) add(childrenOfObjective, a.parentObjectiveId, a.childObjectiveId);
    if (a.parentKeyResultId) {
      add(childrenOfKr, a.parentKeyResultId, a.childObjectiveId);
      const kr = krById.get(a.parentKeyResultId);
      if (kr && kr.kind !== 'rollup') add(childrenOfObjective, kr.objectiveId, a.childObjectiveId);
    }
  }
  // A child aligned to an objective and to one of its key results counts once there.
  const distinct = (map: Map<string, string[]>) => new Map([...map].map(([id, ids]) => [id, [...new Set(ids)]]));
  const uniqueChildrenOfObjective = distinct(childrenOfObjective);
  const uniqueChildrenOfKr = distinct(childrenOfKr);

  return (measureOf, adjust = {}) => {
    const objectiveProgressById = new Map<string, number>();
    const krProgressById = new Map<string, KeyResultProgress>();
    const visiting = new Set<string>();
    const weighted = (ids: readonly string[] | undefined): WeightedProgress[] => {
      const items: WeightedProgress[] = [];
      if (ids)
        for (const id of ids) {
          const objective = objectiveById.get(id);
          if (objective) items.push({ progress: progressOfObjective(id), weight: objective.weight });
        }
      return items;
    };

    function progressOfKr(kr: GraphKeyResultShape): KeyResultProgress {
      const known = krProgressById.get(kr.id);
      if (known) return known;
      const measure = measureOf(kr.id);
      const computed = keyResultProgress(measure, measure.kind === 'rollup' ? weighted(uniqueChildrenOfKr.get(kr.id)) : NONE);
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
        alignedObjectives: weighted(uniqueChildrenOfObjective.get(id)),
      });
      visiting.delete(id);
      const progress = adjust.objective ? adjust.objective(id, computed) : computed;
      objectiveProgressById.set(id, progress);
      return progress;
    }

    for (const objective of objectives) progressOfObjective(objective.id);
    for (const kr of keyResults) progressOfKr(kr);
    return { objectives: objectiveProgressById, keyResults: krProgressById };
  };
}

export function computeGraphProgress(
  objectives: readonly GraphObjective[],
  keyResults: readonly GraphKeyResult[],
  alignments: readonly GraphAlignment[],
  adjust: GraphAdjustments = {},
): GraphProgress {
  const measures = new Map(keyResults.map((kr) => [kr.id, kr.measure]));
  const shapes = keyResults.map((kr) => ({ id: kr.id, objectiveId: kr.objectiveId, weight: kr.weight, kind: kr.measure.kind }));
  return graphRollup(objectives, shapes, alignments)((id) => measures.get(id)!, adjust);
}
