/**
 * Guiding principles: the organisation's own settings for the coach.
 *
 * Stored principles may be partial (only what an admin changed), so they are
 * always resolved against DEFAULT_PRINCIPLES before use. Validation follows
 * the domain's convention: a list of `{ field, message }`, never a throw.
 */
import type { ValidationProblem } from '../validation.js';
import { QUALITY_RULES, isRuleId } from './catalogue.js';
import { DEFAULT_PRINCIPLES, type QualityPrinciples, type QualityPrinciplesInput, type QualityRule, type RuleSetting } from './types.js';

export const RULE_SETTINGS: readonly RuleSetting[] = ['block', 'warn', 'tip', 'off'];

/** Fills in every setting left out with its default. */
export function resolvePrinciples(input: QualityPrinciplesInput = {}): QualityPrinciples {
  return {
    rules: { ...DEFAULT_PRINCIPLES.rules, ...input.rules },
    maxKeyResults: input.maxKeyResults ?? DEFAULT_PRINCIPLES.maxKeyResults,
    minKeyResults: input.minKeyResults ?? DEFAULT_PRINCIPLES.minKeyResults,
    maxObjectivesPerOwner: input.maxObjectivesPerOwner ?? DEFAULT_PRINCIPLES.maxObjectivesPerOwner,
    maxTitleLength: input.maxTitleLength ?? DEFAULT_PRINCIPLES.maxTitleLength,
    stretchPolicy: { ...DEFAULT_PRINCIPLES.stretchPolicy, ...input.stretchPolicy },
  };
}

/** The setting in force for a rule: the organisation's override, else its default. */
export function ruleSetting(rule: QualityRule, principles: QualityPrinciples): RuleSetting {
  return principles.rules[rule.id] ?? rule.defaultSeverity;
}

function wholeNumberProblems(value: number, field: string, min: number): ValidationProblem[] {
  return Number.isInteger(value) && value >= min ? [] : [{ field, message: `must be a whole number of at least ${min}` }];
}

/** Everything wrong with a set of principles, as the settings form shows it. */
export function validatePrinciples(input: QualityPrinciplesInput): ValidationProblem[] {
  const p = resolvePrinciples(input);
  const committed = p.stretchPolicy.committedOnlyCycles;
  const problems: ValidationProblem[] = [
    ...wholeNumberProblems(p.minKeyResults, 'minKeyResults', 1),
    ...wholeNumberProblems(p.maxKeyResults, 'maxKeyResults', 1),
    ...wholeNumberProblems(p.maxObjectivesPerOwner, 'maxObjectivesPerOwner', 1),
    ...wholeNumberProblems(p.maxTitleLength, 'maxTitleLength', 10),
    ...wholeNumberProblems(committed, 'stretchPolicy.committedOnlyCycles', 0),
  ];
  if (problems.length === 0 && p.minKeyResults > p.maxKeyResults) {
    problems.push({
      field: 'maxKeyResults',
      message: 'must be greater than or equal to minKeyResults',
    });
  }
  const share = p.stretchPolicy.maxAspirationalShare;
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    problems.push({
      field: 'stretchPolicy.maxAspirationalShare',
      message: 'must be a number between 0 and 1',
    });
  }
  for (const [id, setting] of Object.entries(input.rules ?? {})) {
    if (!isRuleId(id)) problems.push({ field: `rules.${id}`, message: 'is not a known rule' });
    else if (!RULE_SETTINGS.includes(setting)) {
      problems.push({ field: `rules.${id}`, message: 'must be block, warn, tip or off' });
    }
  }
  return problems;
}

/** Overrides that differ from the rule's default, in catalogue order. */
export function changedRules(principles: QualityPrinciples): { rule: QualityRule; setting: RuleSetting }[] {
  return QUALITY_RULES.flatMap((rule) => {
    const setting = ruleSetting(rule, principles);
    return setting === rule.defaultSeverity ? [] : [{ rule, setting }];
  });
}
