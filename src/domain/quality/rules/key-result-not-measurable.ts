/**
 * A key result must say how success is measured: a metric needs a target and
 * a unit, a threshold a limit, a milestone list at least one milestone.
 *
 * Vague verbs ("improve", "grow") are not wrong in themselves: "Improve NPS
 * from 32 to 45" is a fine key result. They only matter when nothing numeric
 * backs them, and then the finding points at the title, because the fix is
 * to rewrite it with a start and a target.
 */
import { eachKeyResult, formatNumber, hasMeasurableTarget, isBlank, isNumber, krField, krName } from '../helpers.js';
import type { DraftKeyResult, QualityRule, RuleFinding } from '../types.js';
import { findNumbers, listWords, vagueWords } from '../wording.js';

interface Gap {
  readonly field: string;
  /** What is missing, as a noun: "target value". */
  readonly noun: string;
}

/** What the key result's kind needs and does not have. */
function gaps(kr: DraftKeyResult): Gap[] {
  switch (kr.kind) {
    case 'metric':
      return [
        ...(isNumber(kr.targetValue) ? [] : [{ field: 'targetValue', noun: 'target value' }]),
        ...(isBlank(kr.unit) ? [{ field: 'unit', noun: 'unit' }] : []),
      ];
    case 'threshold':
      return isNumber(kr.targetMin) || isNumber(kr.targetMax) ? [] : [{ field: 'targetMin', noun: 'lower or upper limit' }];
    case 'milestone':
      return (kr.milestones ?? []).length > 0 ? [] : [{ field: 'milestones', noun: 'milestones' }];
    case 'rollup':
      return [];
  }
}

function checkKeyResult(kr: DraftKeyResult, index: number): RuleFinding[] {
  const missing = gaps(kr);
  const first = missing[0];
  if (first === undefined) return [];
  const name = krName(kr, index);
  const lacks = missing.map((gap) => `no ${gap.noun}`).join(' and ');
  const numbers = findNumbers(kr.title);
  const vague = vagueWords(kr.title);

  // Only the unit is missing: the number exists, say what it counts.
  if (first.field === 'unit' && kr.kind === 'metric' && isNumber(kr.targetValue)) {
    return [
      {
        field: krField(index, 'unit'),
        message: `${name} has no unit: ${formatNumber(kr.targetValue)} what? Euros, orders, users, days?`,
        suggestion: 'Add the unit so everyone reads the number the same way.',
      },
    ];
  }
  // Vague verb, no number anywhere: rewrite the title itself.
  // (A milestone list's fix is its milestones, so it is left to the generic message.)
  const rewriteTitle = vague.length > 0 && numbers.length === 0 && kr.kind !== 'milestone';
  if (rewriteTitle && !hasMeasurableTarget(kr)) {
    return [
      {
        field: krField(index, 'title'),
        message: `${name} says ${listWords(vague)} but not from what to what, and it has ${lacks}.`,
        suggestion:
          'Name the number and where it should end, e.g. “Raise onboarding completion from 40% to 60%”, then enter the start and target values.',
      },
    ];
  }
  const them = numbers.length === 1 ? 'it' : 'them';
  const titleHint =
    numbers.length > 0 && first.field !== 'milestones' ? ` The title mentions ${listWords(numbers)}: enter ${them} in the form.` : '';
  return [
    {
      field: krField(index, first.field),
      message: `${name} has ${lacks}, so nobody can tell whether it was achieved.${titleHint}`,
      suggestion: suggestionFor(kr),
    },
  ];
}

function suggestionFor(kr: DraftKeyResult): string {
  switch (kr.kind) {
    case 'threshold':
      return 'Set the limit to stay within, e.g. “at most 4 hours” or “at least 99.9%”.';
    case 'milestone':
      return 'List the milestones that make up the result, or make it a metric if the change can be counted.';
    default:
      return 'Enter where the number starts, where it should end, and in what unit.';
  }
}

export const keyResultNotMeasurable: QualityRule = {
  id: 'key-result-not-measurable',
  title: 'Key results must be measurable',
  defaultSeverity: 'block',
  why: 'A key result is how you will know the objective was achieved. If it has no number or checklist to reach, its progress is a matter of opinion and it cannot be scored.',
  weakExample: 'Improve onboarding',
  strongExample: 'Raise onboarding completion from 40% to 60% (metric, unit %)',
  check(objective) {
    return eachKeyResult(objective, checkKeyResult);
  },
};
