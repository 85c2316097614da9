/**
 * Key results should measure outcomes (what changes for customers or the
 * business), not outputs (the work done to get there).
 *
 * Three signals, each excused when the title states an outcome metric:
 * - it starts with a delivery verb: "Launch…", "Hire 5…", "Set up…";
 * - it centres on delivery: "New pricing page live by March", "… launched";
 * - it is a milestone key result, which by construction ticks off work.
 * A title that starts with a direction verb ("Reduce release lead time…")
 * is read as a change, so "release" there is a noun, not the work.
 */
import { eachKeyResult, krField, krName } from '../helpers.js';
import { deliveryPhrase, leadingOutputVerb, startsWithChange, statesOutcome } from '../output-wording.js';
import type { DraftKeyResult, DraftObjective, FindingAction, QualityRule, RuleFinding } from '../types.js';

const OUTCOME_SUGGESTION =
  'Ask what changes for customers or the business once it is done, and measure that (e.g. “Partner-sourced deals from 5 to 20”). Keep the work itself as an initiative under the key result.';

/**
 * A saved key result with saved siblings can be moved, as it is, to an initiative under one of them: the work stays
 * planned, the objective keeps measuring results. Drafts being typed have nothing to move yet.
 */
function moveOffer(objective: DraftObjective, kr: DraftKeyResult): FindingAction | undefined {
  const under = objective.keyResults.filter((other) => other !== kr && other.id !== undefined && other.kind !== 'rollup');
  if (kr.id === undefined || under.length === 0) return undefined;
  return { kind: 'move_to_initiative', title: kr.title, keyResultId: kr.id, under: under.map((other) => other.id!) };
}

function checkKeyResult(objective: DraftObjective, kr: DraftKeyResult, index: number): RuleFinding[] {
  if (kr.kind === 'rollup' || kr.title.trim() === '') return [];
  const action = moveOffer(objective, kr);
  const offer = action ? { action } : {};
  const name = krName(kr, index);
  const field = krField(index, 'title');

  const verb = leadingOutputVerb(kr.title);
  if (verb !== null && !statesOutcome(kr.title, false)) {
    return [
      {
        field,
        message: `${name} starts with “${verb}”: it describes work to do (an output), not the change it should bring.`,
        suggestion: OUTCOME_SUGGESTION,
        ...offer,
      },
    ];
  }
  if (verb !== null || statesOutcome(kr.title)) return [];
  const phrase = startsWithChange(kr.title) ? null : deliveryPhrase(kr.title);
  if (phrase !== null) {
    return [
      {
        field,
        message: `${name} centres on something being “${phrase}”: that is an output, done or not done, not the difference it makes.`,
        suggestion: OUTCOME_SUGGESTION,
        ...offer,
      },
    ];
  }
  if (kr.kind === 'milestone') {
    return [
      {
        field: krField(index, 'kind'),
        message: `${name} is a milestone key result: milestones track delivery of work (outputs), not its impact on customers or the business.`,
        suggestion:
          'If the milestones are the plan, make them initiatives and measure the result they should produce, e.g. “Activation from 40% to 60%”.',
        ...offer,
      },
    ];
  }
  return [];
}

export const keyResultIsOutput: QualityRule = {
  id: 'key-result-is-output',
  title: 'Measure outcomes, not outputs',
  defaultSeverity: 'warn',
  why: 'Shipping something is not the goal; what it changes is. An output can be delivered on time while nothing improves, and the key result would still read 100%.',
  weakExample: 'Launch the new onboarding flow',
  strongExample: 'New teams completing onboarding in week 1: 40% → 60%',
  check(objective) {
    return eachKeyResult(objective, (kr, index) => checkKeyResult(objective, kr, index));
  },
};
