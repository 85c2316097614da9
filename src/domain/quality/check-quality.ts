/**
 * The engine: runs every rule in force on one objective and scores it.
 *
 * Same code in the browser (as the user types) and on the server (before
 * publishing), so the two can never disagree. Severity comes from the
 * organisation's principles: a rule set to 'off' is not run at all.
 */
import { QUALITY_RULES } from './catalogue.js';
import { resolvePrinciples, ruleSetting } from './principles.js';
import type { DraftObjective, Finding, QualityContext, QualityPrinciplesInput, Severity } from './types.js';

export interface QualityReport {
  /** Most serious first: block, then warn, then tip; catalogue order within each. */
  readonly findings: Finding[];
  /** 0–100; see QUALITY_PENALTIES. */
  readonly score: number;
  /** True when any finding blocks publishing. */
  readonly blocking: boolean;
}

/** Points a finding costs. A block outweighs two warnings plus tips, by design. */
export const QUALITY_PENALTIES: Readonly<Record<Severity, number>> = Object.freeze({
  block: 25,
  warn: 10,
  tip: 3,
});

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { block: 0, warn: 1, tip: 2 };

/** Score from findings: 100 minus the penalties, never below 0. */
export function qualityScore(findings: readonly Pick<Finding, 'severity'>[]): number {
  const penalty = findings.reduce((sum, finding) => sum + QUALITY_PENALTIES[finding.severity], 0);
  return Math.max(0, 100 - penalty);
}

/** Checks one objective against the rules in force. */
export function checkQuality(
  objective: DraftObjective,
  context: QualityContext = {},
  principles: QualityPrinciplesInput = {},
): QualityReport {
  const resolved = resolvePrinciples(principles);
  const findings: Finding[] = [];
  const scored: Finding[] = [];
  for (const rule of QUALITY_RULES) {
    const setting = ruleSetting(rule, resolved);
    if (setting === 'off') continue;
    for (const finding of rule.check(objective, context, resolved)) {
      findings.push({ ...finding, ruleId: rule.id, severity: setting });
      if (!rule.pointer) scored.push(findings[findings.length - 1]!);
    }
  }
  // Array.prototype.sort is stable, so catalogue order survives within a severity.
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
    findings,
    score: qualityScore(scored),
    blocking: scored.some((finding) => finding.severity === 'block'),
  };
}

/** A team's (or cycle's) quality: the rounded mean of its objectives' scores; 100 when empty. */
export function teamQualityScore(scores: readonly number[]): number {
  if (scores.length === 0) return 100;
  for (const score of scores) {
    if (!Number.isFinite(score)) {
      throw new RangeError(`scores must be finite numbers, got ${score}`);
    }
  }
  return Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length);
}
