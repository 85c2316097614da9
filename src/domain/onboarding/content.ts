import { formatShare } from '../quality/helpers.js';
import { resolvePrinciples } from '../quality/principles.js';
import type { QualityPrinciplesInput } from '../quality/types.js';
import { ruleExamples, workedExample, type RuleExample, type WorkedExample } from './examples.js';
import { STEP_DEFINITIONS, stepsOf, type OnboardingPath, type OnboardingStep } from './steps.js';

export interface StepContent {
  readonly step: OnboardingStep;
  readonly title: string;
  readonly paragraphs: string[];
  /** Only on the examples step. */
  readonly example?: WorkedExample;
  readonly ruleExamples?: RuleExample[];
}

/** Committed vs aspirational in the organisation's own terms: the stretch policy sets when stretch goals may come. */
function stretchWords(principles: ReturnType<typeof resolvePrinciples>): string {
  const { committedOnlyCycles, maxAspirationalShare } = principles.stretchPolicy;
  const committed = 'A committed objective is a promise: we expect to reach it in full.';
  if (maxAspirationalShare <= 0) return `${committed} Here every objective is committed.`;
  const share = `at most ${formatShare(maxAspirationalShare)} of a cycle’s objectives may be aspirational (a stretch: 70% is a good result)`;
  if (committedOnlyCycles === 0) return `${committed} Here ${share}.`;
  const first = committedOnlyCycles === 1 ? 'the first cycle' : `the first ${committedOnlyCycles} cycles`;
  return `${committed} Here ${first} are committed only; after that ${share}.`;
}

function paragraphsOf(step: OnboardingStep, input: QualityPrinciplesInput): string[] {
  const p = resolvePrinciples(input);
  switch (step) {
    case 'what-are-okrs':
      return [
        'An objective says where we want to be, in words that matter to people; its key results are the few numbers that show we got there.',
        `In this organisation an objective has ${p.minKeyResults} to ${p.maxKeyResults} key results, and nobody owns more than ${p.maxObjectivesPerOwner} objectives in a cycle.`,
        stretchWords(p),
      ];
    case 'examples':
      return [
        'The quality coach reads every draft as it is typed, with the organisation’s guiding principles. Here is what it says about a weak draft, and the strong version.',
      ];
    case 'weekly-expectations':
      return [
        'Each week, check in on every key result you own: the current value, how confident you are, and a short note. It takes two minutes.',
        'Name a blocker when something stops you: your lead and the objective’s owner are told at once.',
        'Read your team’s objectives and comment where you can help: OKRs work when they are talked about every week.',
      ];
    case 'first-check-in':
      return ['Open one of your key results and press “Check in”. This step completes by itself once you have made your first check-in.'];
    case 'lead-check-in':
      return [
        'As a lead you run the weekly check-in: fifteen minutes where the team looks at confidence and blockers, not at a status report.',
        'Start with the key results whose confidence dropped, answer blockers the same week, and note decisions on the objective.',
      ];
    case 'review-drafts':
      return [
        `Before a cycle starts, review your team’s drafts: ${p.minKeyResults} to ${p.maxKeyResults} measurable key results with a start and a target, outcomes rather than tasks.`,
        'Use the coach’s findings as the conversation: ask what would change for customers if the key result reached 100%. Approve when the draft is clear enough for anyone to check in on.',
      ];
  }
}

/** The content of each step of a path, worded with the organisation's guiding principles. */
export function pathContent(path: OnboardingPath, principles: QualityPrinciplesInput = {}): StepContent[] {
  return stepsOf(path).map((step) => ({
    step,
    title: STEP_DEFINITIONS[step].title,
    paragraphs: paragraphsOf(step, principles),
    ...(step === 'examples' ? { example: workedExample(principles), ruleExamples: ruleExamples(principles) } : {}),
  }));
}
