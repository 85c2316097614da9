/**
 * "OKRs for the rollout itself": one objective whose key results the system feeds from the adoption and survey
 * figures, as proposed values with their source (a person confirms each as a check-in).
 */
export const ROLLOUT_FIGURES = ['on_time_check_ins', 'clarity', 'leadership_support', 'retrospective_completion'] as const;
export type RolloutFigure = (typeof ROLLOUT_FIGURES)[number];

export const ROLLOUT_OBJECTIVE_TITLE = 'Make OKRs our way of working';
export const ROLLOUT_OBJECTIVE_DESCRIPTION =
  'The rollout’s own objective. Its key results are fed by Cairn from the adoption figures and the pulse surveys: each new figure arrives as a proposed value naming its source, for the owner to confirm.';

export interface RolloutKeyResultPlan {
  figure: RolloutFigure;
  title: string;
  unit: string;
  startValue: number;
  targetValue: number;
}

/** Rates are shown as percentages, survey scores on their 1–5 scale; targets are a sensible first ambition to edit. */
export const ROLLOUT_KEY_RESULTS: readonly RolloutKeyResultPlan[] = [
  { figure: 'on_time_check_ins', title: 'Raise check-ins made on time from 0 % to 80 %', unit: '%', startValue: 0, targetValue: 80 },
  { figure: 'clarity', title: 'Raise the clarity score from 1 to 4 of 5', unit: 'of 5', startValue: 1, targetValue: 4 },
  {
    figure: 'leadership_support',
    title: 'Raise the leadership-support score from 1 to 4 of 5',
    unit: 'of 5',
    startValue: 1,
    targetValue: 4,
  },
  {
    figure: 'retrospective_completion',
    title: 'Raise team retrospectives completed from 0 % to 90 %',
    unit: '%',
    startValue: 0,
    targetValue: 90,
  },
];

/** A figure as its key result's value: a rate (0–1) becomes a percentage with one decimal; a score stays as it is. */
export function rolloutValue(figure: RolloutFigure, raw: number): number {
  if (figure === 'clarity' || figure === 'leadership_support') return Math.round(raw * 100) / 100;
  return Math.round(raw * 1000) / 10;
}
