import { checkQuality, type DraftObjective, type Finding, type QualityPrinciplesInput } from '../../../domain/quality/index.js';
import type { OkrDocument, OkrObjective } from './okr-yaml.js';

export interface LintFinding extends Finding {
  /** The objective's key in the file. */
  objective: string;
}

function draftOf(objective: OkrObjective, document: OkrDocument): DraftObjective {
  const keys = new Set([objective.key, ...objective.keyResults.map((kr) => kr.key)]);
  return {
    title: objective.title,
    description: objective.description,
    level: objective.level,
    type: objective.type,
    progressDriver: 'key_results',
    ownerId: objective.owner ?? null,
    teamId: objective.team ?? null,
    parentCount: objective.alignsTo.length,
    alignedChildCount: document.objectives.filter((o) => o.alignsTo.some((k) => keys.has(k))).length,
    keyResults: objective.keyResults.map((kr) => ({
      title: kr.title,
      kind: kr.kind,
      unit: kr.unit,
      startValue: kr.start ?? null,
      targetValue: kr.target ?? null,
      milestones: kr.milestones?.map((title) => ({ title, weight: 1, done: false })),
    })),
  };
}

/** The quality coach on every objective of the file, offline: the same rules and principles as in Cairn. */
export function lintOkrs(document: OkrDocument, principles: QualityPrinciplesInput = {}): { findings: LintFinding[]; blocking: boolean } {
  const findings = document.objectives.flatMap((objective) =>
    checkQuality(draftOf(objective, document), {}, principles).findings.map((finding) => ({ ...finding, objective: objective.key })),
  );
  return { findings, blocking: findings.some((f) => f.severity === 'block') };
}
