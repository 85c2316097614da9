/**
 * Status: is progress keeping up with the calendar?
 *
 * Status compares progress P with expected progress E (see pace.ts):
 *   on_track  when P ≥ E − onTrackMargin
 *   at_risk   when P ≥ E − atRiskMargin
 *   off_track otherwise
 * Confidence is deliberately not an input: it is the owner's opinion and is
 * shown next to the status, never mixed into it.
 */
import type { IsoDate } from './dates.js';
import { isAtLeast } from './numbers.js';
import { expectedProgress, type CycleDates } from './pace.js';
import type { ValidationProblem } from './validation.js';
import type { ProgressStatus } from './vocabulary.js';

/** How far behind pace progress may be, per status (organisation settings). */
export interface StatusMargins {
  readonly onTrackMargin: number;
  readonly atRiskMargin: number;
}

export const DEFAULT_STATUS_MARGINS: StatusMargins = Object.freeze({
  onTrackMargin: 0.1,
  atRiskMargin: 0.25,
});

/** Margins must be fractions with 0 ≤ onTrackMargin ≤ atRiskMargin ≤ 1. */
export function validateStatusMargins(margins: StatusMargins): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const { onTrackMargin, atRiskMargin } = margins;
  for (const [field, value] of [
    ['onTrackMargin', onTrackMargin],
    ['atRiskMargin', atRiskMargin],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      problems.push({ field, message: 'must be a number between 0 and 1' });
    }
  }
  if (problems.length === 0 && onTrackMargin > atRiskMargin) {
    problems.push({
      field: 'atRiskMargin',
      message: 'must be greater than or equal to onTrackMargin',
    });
  }
  return problems;
}

/**
 * Status from progress and expected progress. Comparisons tolerate float
 * error, so P exactly equal to E − margin counts as inside the margin.
 * Throws RangeError on invalid margins.
 */
export function progressStatus(progress: number, expected: number, margins: StatusMargins = DEFAULT_STATUS_MARGINS): ProgressStatus {
  const problems = validateStatusMargins(margins);
  if (problems.length > 0) {
    const first = problems[0];
    throw new RangeError(`invalid status margins: ${first?.field} ${first?.message}`);
  }
  if (!Number.isFinite(progress) || !Number.isFinite(expected)) {
    throw new RangeError(`progress and expected must be finite, got ${progress}, ${expected}`);
  }
  if (isAtLeast(progress, expected - margins.onTrackMargin)) return 'on_track';
  if (isAtLeast(progress, expected - margins.atRiskMargin)) return 'at_risk';
  return 'off_track';
}

/** Status of a progress value on `date` within `cycle` (pace computed here). */
export function statusAt(
  progress: number,
  cycle: CycleDates,
  date: IsoDate,
  margins: StatusMargins = DEFAULT_STATUS_MARGINS,
): ProgressStatus {
  return progressStatus(progress, expectedProgress(cycle, date), margins);
}
