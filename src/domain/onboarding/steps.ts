/**
 * The onboarding path as data: a short guided walk through the method, offered when someone joins and again
 * when they become a team lead (so a lead who joined cycles ago still learns what leading asks of them).
 */

/** Every step, in the order a lead walks them; a member walks the ones without `leadOnly`. */
export const ONBOARDING_STEPS = [
  'what-are-okrs',
  'examples',
  'weekly-expectations',
  'first-check-in',
  'lead-check-in',
  'review-drafts',
] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** Why the path is offered: the person joined, or leads a team (the lead path replaces the member path). */
export const ONBOARDING_PATHS = ['member', 'lead'] as const;
export type OnboardingPath = (typeof ONBOARDING_PATHS)[number];

interface StepDefinition {
  readonly title: string;
  /** Only on the lead path. */
  readonly leadOnly: boolean;
  /** Done by the person's own action elsewhere in the app, never by pressing "Done". */
  readonly derived: boolean;
}

export const STEP_DEFINITIONS: Readonly<Record<OnboardingStep, StepDefinition>> = {
  'what-are-okrs': { title: 'What OKRs are', leadOnly: false, derived: false },
  examples: { title: 'Weak and strong examples', leadOnly: false, derived: false },
  'weekly-expectations': { title: 'What is expected of you each week', leadOnly: false, derived: false },
  'first-check-in': { title: 'Your first check-in', leadOnly: false, derived: true },
  'lead-check-in': { title: 'Leading the weekly check-in', leadOnly: true, derived: false },
  'review-drafts': { title: 'Reviewing your team’s drafts', leadOnly: true, derived: false },
};

export const isOnboardingStep = (value: string): value is OnboardingStep => (ONBOARDING_STEPS as readonly string[]).includes(value);

/** The steps of a path, in order. */
export function stepsOf(path: OnboardingPath): OnboardingStep[] {
  return ONBOARDING_STEPS.filter((step) => path === 'lead' || !STEP_DEFINITIONS[step].leadOnly);
}

/** Whether a step can be marked done by hand on this path (422 otherwise, naming `step`). */
export function stepProblem(path: OnboardingPath, step: string): string | null {
  if (!isOnboardingStep(step)) return `is not a step of the onboarding path (${ONBOARDING_STEPS.join(', ')})`;
  if (!stepsOf(path).includes(step)) return 'is a step of the lead path: it is offered once you lead a team';
  if (STEP_DEFINITIONS[step].derived) return 'completes by itself when you make your first check-in';
  return null;
}
