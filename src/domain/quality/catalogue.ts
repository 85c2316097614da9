/**
 * The catalogue of quality rules, in the order the "Guiding principles" page
 * lists them. Within a severity, findings keep this order too, so the most
 * fundamental problems (no measure at all) come before the finer points.
 */
import { maintainIsKpi, stretchPolicy } from './rules/ambition.js';
import { dataNotReady } from './rules/data-not-ready.js';
import { duplicateKeyResults } from './rules/duplicate-key-results.js';
import { objectiveHasNoMeasure, tooFewKeyResults, tooManyKeyResults } from './rules/key-result-count.js';
import { keyResultIsOutput } from './rules/key-result-is-output.js';
import { keyResultNotMeasurable } from './rules/key-result-not-measurable.js';
import { objectiveContainsNumber, objectiveTitleTooLong } from './rules/objective-title.js';
import { noOwner, notAligned, ownerOverloaded } from './rules/ownership.js';
import { behindPaceWithoutNote, noRecentCheckIn } from './rules/rhythm.js';
import { missingBaseline, startEqualsTarget, targetAlreadyMet } from './rules/targets.js';
import { missingWhyImportant, missingWhyUrgent } from './rules/why.js';
import { relatedLesson } from './rules/related-lesson.js';
import type { QualityRule } from './types.js';

export const QUALITY_RULES: readonly QualityRule[] = Object.freeze([
  objectiveHasNoMeasure,
  tooManyKeyResults,
  tooFewKeyResults,
  keyResultNotMeasurable,
  keyResultIsOutput,
  objectiveContainsNumber,
  objectiveTitleTooLong,
  missingWhyImportant,
  missingWhyUrgent,
  noOwner,
  ownerOverloaded,
  notAligned,
  startEqualsTarget,
  targetAlreadyMet,
  missingBaseline,
  duplicateKeyResults,
  stretchPolicy,
  maintainIsKpi,
  dataNotReady,
  noRecentCheckIn,
  behindPaceWithoutNote,
  relatedLesson,
]);

const BY_ID: ReadonlyMap<string, QualityRule> = new Map(QUALITY_RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, or undefined for an unknown (e.g. retired) id. */
export function ruleById(id: string): QualityRule | undefined {
  return BY_ID.get(id);
}

/** Every rule id, for validating stored principles. */
export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}
