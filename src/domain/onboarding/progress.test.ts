import { describe, expect, it } from 'vitest';
import { isTrainedLeader, onboardingProgress } from './progress.js';
import { stepProblem, stepsOf, type OnboardingStep } from './steps.js';

const set = (...steps: OnboardingStep[]) => new Set(steps);
const ALL_LEAD = set('what-are-okrs', 'examples', 'weekly-expectations', 'lead-check-in', 'review-drafts');

describe('onboarding path', () => {
  it('gives a member four steps and a lead six, in order', () => {
    expect(stepsOf('member')).toEqual(['what-are-okrs', 'examples', 'weekly-expectations', 'first-check-in']);
    expect(stepsOf('lead')).toEqual([...stepsOf('member'), 'lead-check-in', 'review-drafts']);
  });

  it.each([
    ['member', set(), false, 0, 'what-are-okrs', false],
    ['member', set('what-are-okrs', 'examples'), false, 2, 'weekly-expectations', false],
    ['member', set('what-are-okrs', 'examples', 'weekly-expectations'), false, 3, 'first-check-in', false],
    ['member', set('what-are-okrs', 'examples', 'weekly-expectations'), true, 4, null, true],
    ['member', set(), true, 1, 'what-are-okrs', false],
    ['member', ALL_LEAD, true, 4, null, true],
    ['lead', set('what-are-okrs', 'examples', 'weekly-expectations'), true, 4, 'lead-check-in', false],
    ['lead', ALL_LEAD, false, 5, 'first-check-in', false],
    ['lead', ALL_LEAD, true, 6, null, true],
  ] as const)('%s path with %o, checked in %s: %i done, next %s, finished %s', (path, completed, hasCheckedIn, done, next, finished) => {
    const progress = onboardingProgress({ path, completed, hasCheckedIn });
    expect(progress.done).toBe(done);
    expect(progress.total).toBe(stepsOf(path).length);
    expect(progress.next).toBe(next);
    expect(progress.finished).toBe(finished);
  });

  it.each([
    [ALL_LEAD, true, true],
    [ALL_LEAD, false, false],
    [set('what-are-okrs', 'examples', 'weekly-expectations'), true, false],
    [set(), false, false],
  ] as const)('trained leader: %o and checked in %s → %s', (completed, hasCheckedIn, trained) => {
    expect(isTrainedLeader({ completed, hasCheckedIn })).toBe(trained);
  });

  it.each([
    ['member', 'examples', null],
    ['member', 'lead-check-in', 'is a step of the lead path: it is offered once you lead a team'],
    ['lead', 'lead-check-in', null],
    ['lead', 'first-check-in', 'completes by itself when you make your first check-in'],
    ['member', 'juggling', expect.stringContaining('is not a step')],
  ] as const)('marking %s step %s by hand: %s', (path, step, problem) => {
    expect(stepProblem(path, step)).toEqual(problem);
  });
});
