/**
 * How many measures an objective has: none (it can never show progress),
 * too many (focus is lost) or only one (a single number is easy to game).
 */
import { plural } from '../helpers.js';
import type { DraftObjective, QualityRule, RuleFinding } from '../types.js';

/** Measures the objective's progress driver actually averages. */
function drivenMeasures(objective: DraftObjective): { krs: number; aligned: number } {
  const krs = objective.keyResults.length;
  const aligned = Math.max(0, objective.alignedChildCount);
  switch (objective.progressDriver) {
    case 'key_results':
      return { krs, aligned: 0 };
    case 'aligned':
      return { krs: 0, aligned };
    case 'both':
      return { krs, aligned };
  }
}

export const objectiveHasNoMeasure: QualityRule = {
  id: 'objective-has-no-measure',
  title: 'Every objective needs a measure',
  defaultSeverity: 'block',
  why: 'Without key results or aligned objectives driving it, an objective stays at 0% whatever happens, and nobody can tell whether it was achieved.',
  weakExample: 'Make onboarding effortless (no key results)',
  strongExample: 'Make onboarding effortless, measured by “Raise activation from 40% to 60%”',
  check(objective) {
    const driven = drivenMeasures(objective);
    if (driven.krs + driven.aligned > 0) return [];
    const krs = objective.keyResults.length;
    const aligned = objective.alignedChildCount;
    // Something exists but the chosen driver ignores it: the fix is the driver.
    if (objective.progressDriver === 'key_results' && aligned > 0) {
      return [mismatch(`its ${plural(aligned, 'aligned objective')}`, 'key results', 'aligned')];
    }
    if (objective.progressDriver === 'aligned' && krs > 0) {
      return [mismatch(`its ${plural(krs, 'key result')}`, 'aligned objectives', 'key_results')];
    }
    return [
      {
        field: 'keyResults',
        message: 'This objective has no key results and no aligned objectives, so its progress can never move.',
        suggestion: 'Add 2 to 5 key results that show the objective is achieved.',
      },
    ];
  },
};

function mismatch(existing: string, driver: string, better: string): RuleFinding {
  return {
    field: 'progressDriver',
    message: `Progress is driven by ${driver}, but there are none: the driver ignores ${existing}.`,
    suggestion: `Set the progress driver to “${better}” or “both”, or add ${driver}.`,
  };
}

export const tooManyKeyResults: QualityRule = {
  id: 'too-many-key-results',
  title: 'Keep key results few',
  defaultSeverity: 'warn',
  why: 'Each key result competes for attention. Beyond a handful, the ones that matter drown among operational numbers that belong in a KPI dashboard.',
  weakExample: '8 key results covering every metric the team reports',
  strongExample: '3 key results that together prove the objective is met',
  check(objective, _context, principles) {
    const count = objective.keyResults.length;
    if (count <= principles.maxKeyResults) return [];
    return [
      {
        field: 'keyResults',
        message: `This objective has ${count} key results; your guiding principles allow at most ${principles.maxKeyResults}.`,
        suggestion: 'Keep the ones that best show the objective is achieved; track the rest as KPIs or split the objective.',
      },
    ];
  },
};

export const tooFewKeyResults: QualityRule = {
  id: 'too-few-key-results',
  title: 'Measure from more than one angle',
  defaultSeverity: 'tip',
  why: 'A single key result can be met while the objective is missed, for example growing sign-ups by lowering their quality. A second measure keeps the first honest.',
  weakExample: 'Grow the community, measured only by “Members from 2,000 to 5,000”',
  strongExample: 'Add “Members active in the last 30 days from 20% to 35%” beside the member count',
  check(objective, _context, principles) {
    const count = objective.keyResults.length;
    if (count === 0 || count >= principles.minKeyResults) return [];
    // Aligned objectives that also drive progress are further measures.
    if (objective.progressDriver !== 'key_results' && objective.alignedChildCount > 0) return [];
    return [
      {
        field: 'keyResults',
        message: `This objective has ${plural(count, 'key result')}; your guiding principles ask for at least ${principles.minKeyResults}.`,
        suggestion: 'Add a key result that would catch the first one being met the wrong way (quality beside quantity).',
      },
    ];
  },
};
