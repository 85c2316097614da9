/**
 * The rollout programme's vocabulary and the rollout team's blind spots. The phases follow the usual order of an OKR
 * introduction; the three foci are the kinds of attention a rollout team needs (docs/rollout.md).
 */
export const ROLLOUT_PHASES = ['assessment', 'communication', 'engagement', 'support', 'monitoring'] as const;
export type RolloutPhase = (typeof ROLLOUT_PHASES)[number];

export const ROLLOUT_FOCI = ['strategy', 'process', 'people'] as const;
export type RolloutFocus = (typeof ROLLOUT_FOCI)[number];

export const PHASE_LABELS: Record<RolloutPhase, string> = {
  assessment: 'Why OKRs, where we stand, what to fix first',
  communication: 'Explain the why, the method and the pilot',
  engagement: 'Teams write, align and publish their first OKRs',
  support: 'Coaching, check-in help, answering questions',
  monitoring: 'Adoption figures, surveys, retrospectives',
};

/** What a rollout team without anyone on a focus tends to miss. */
export const BLIND_SPOTS: Record<RolloutFocus, readonly string[]> = {
  strategy: [
    'Nobody links team objectives to the company strategy: alignment turns into a list of tasks.',
    'Nobody argues for fewer, sharper objectives at the top.',
  ],
  process: [
    'Nobody owns the rhythm: cycles, check-ins and reviews drift.',
    'Nobody watches the tool settings, templates and the quality of key results.',
  ],
  people: [
    'Nobody listens to how teams feel: resistance and overload go unnoticed.',
    'Nobody trains new leaders or answers everyday questions.',
  ],
};

export interface BlindSpot {
  focus: RolloutFocus;
  risks: string[];
}

/** The foci nobody on the team covers, each with what the team should watch for; an empty team misses all three. */
export function blindSpots(memberFoci: readonly RolloutFocus[]): BlindSpot[] {
  const covered = new Set(memberFoci);
  return ROLLOUT_FOCI.filter((focus) => !covered.has(focus)).map((focus) => ({ focus, risks: [...BLIND_SPOTS[focus]] }));
}

/** Counts of done phases, so the page can say "2 of 5 phases done". */
export function phaseProgress(done: readonly boolean[]): { done: number; total: number } {
  return { done: done.filter(Boolean).length, total: ROLLOUT_PHASES.length };
}
