/**
 * The coach's score in two parts that add up to checkQuality's: the rules about what an objective says, kept on
 * write (src/server/services/quality/stored-score.ts), and the rules that hinge on the date or on the rest of the
 * cycle, run on read in bulk (the heatmap). Views over thousands of objectives then never run the whole coach per
 * objective. Penalties are summed uncapped so that the two parts add up exactly.
 */
import { QUALITY_RULES } from './catalogue.js';
import { QUALITY_PENALTIES } from './check-quality.js';
import { ruleSetting } from './principles.js';
import type { DraftObjective, QualityContext, QualityPrinciples } from './types.js';

/**
 * Rules whose findings change with the date (check-ins due, pace) or with the other objectives of the cycle (the
 * owner's load, the share of aspirational objectives, the cycle's number): no write to the objective moves them.
 */
export const READ_TIME_RULES: ReadonlySet<string> = new Set([
  'no-recent-check-in',
  'behind-pace-without-note',
  'owner-overloaded',
  'stretch-policy',
]);

export type RulePart = 'stored' | 'read';

/** The rules of one part that score under the principles, each with the points a finding costs. */
export function scoredRules(principles: QualityPrinciples, part: RulePart) {
  return QUALITY_RULES.flatMap((rule) => {
    if (rule.pointer || READ_TIME_RULES.has(rule.id) !== (part === 'read')) return [];
    const setting = ruleSetting(rule, principles);
    return setting === 'off' ? [] : [{ rule, points: QUALITY_PENALTIES[setting] }];
  });
}
export type ScoredRules = ReturnType<typeof scoredRules>;

/** Points the findings of the given scored rules cost: views over a whole cycle look the rules up once. */
export function penaltyOfRules(
  rules: ScoredRules,
  objective: DraftObjective,
  context: QualityContext,
  principles: QualityPrinciples,
): number {
  let penalty = 0;
  for (const { rule, points } of rules) penalty += rule.check(objective, context, principles).length * points;
  return penalty;
}

/** Points the scored findings of one part of the rules cost (pointer rules, such as a related lesson, cost nothing). */
export function qualityPenalty(objective: DraftObjective, context: QualityContext, principles: QualityPrinciples, part: RulePart): number {
  return penaltyOfRules(scoredRules(principles, part), objective, context, principles);
}

/** checkQuality's score from both parts' penalties: 100 minus all of them, never below 0. */
export const scoreOfParts = (stored: number, read: number): number => Math.max(0, 100 - stored - read);
