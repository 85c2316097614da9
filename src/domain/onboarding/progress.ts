import { STEP_DEFINITIONS, stepsOf, type OnboardingPath, type OnboardingStep } from './steps.js';

/** What is known about one person: the steps they marked done and whether they ever checked in. */
export interface OnboardingFacts {
  readonly path: OnboardingPath;
  /** Steps marked done by hand (a row each); may hold steps of another path, which are ignored. */
  readonly completed: ReadonlySet<OnboardingStep>;
  /** The first check-in step is derived from this rather than written on every check-in. */
  readonly hasCheckedIn: boolean;
}

export interface OnboardingProgress {
  readonly steps: readonly { readonly step: OnboardingStep; readonly done: boolean }[];
  readonly done: number;
  readonly total: number;
  /** The first step not done, in order: where the path resumes. */
  readonly next: OnboardingStep | null;
  readonly finished: boolean;
}

const isDone = (facts: Omit<OnboardingFacts, 'path'>, step: OnboardingStep) =>
  STEP_DEFINITIONS[step].derived ? facts.hasCheckedIn : facts.completed.has(step);

/** Progress on the person's path: each step done or not, the count, and where to resume. */
export function onboardingProgress(facts: OnboardingFacts): OnboardingProgress {
  const steps = stepsOf(facts.path).map((step) => ({ step, done: isDone(facts, step) }));
  const done = steps.filter((s) => s.done).length;
  return { steps, done, total: steps.length, next: steps.find((s) => !s.done)?.step ?? null, finished: done === steps.length };
}

/** A "trained leader": every step of the lead path done, whichever path they are on today. */
export function isTrainedLeader(facts: Omit<OnboardingFacts, 'path'>): boolean {
  return stepsOf('lead').every((step) => isDone(facts, step));
}
