/**
 * The execution rhythm: OKRs that are set and then forgotten do not work.
 *
 * These rules look at a running objective and need `context.asOf` (no clock
 * is read here). They are deliberately looser than the stale marker of
 * stale.ts (cadence + 2 days): the coach speaks up after two missed check-ins.
 */
import { daysBetween, isValidIsoDate } from '../../dates.js';
import { isAtLeast } from '../../numbers.js';
import { DEFAULT_STATUS_MARGINS } from '../../status.js';
import { eachKeyResult, formatShare, isBlank, isNumber, krField, krName, plural } from '../helpers.js';
import type { QualityRule, RuleFinding } from '../types.js';

export const DEFAULT_CADENCE_DAYS = 7;

// A draft is not tracked yet; a closed objective is not tracked any more.
const UNTRACKED_STATUSES = new Set(['draft', 'closed', 'archived']);

export const noRecentCheckIn: QualityRule = {
  id: 'no-recent-check-in',
  title: 'Check in regularly',
  defaultSeverity: 'warn',
  why: 'OKRs neglected after they are set drift away from daily work. Regular check-ins keep them in mind and surface problems while there is still time to act.',
  weakExample: 'Last check-in 5 weeks ago on a weekly team',
  strongExample: 'A short check-in every week, with a value and a note',
  check(objective, context) {
    const asOf = context.asOf;
    if (asOf === undefined || !isValidIsoDate(asOf)) return [];
    if (objective.status !== undefined && UNTRACKED_STATUSES.has(objective.status)) return [];
    const given = context.cadenceDays;
    const cadence = isNumber(given) && given > 0 ? given : DEFAULT_CADENCE_DAYS;
    const limit = 2 * cadence;
    return eachKeyResult(objective, (kr, index): RuleFinding[] => {
      if (kr.kind === 'rollup') return []; // driven by aligned objectives, never checked in
      const last = kr.lastCheckInDate ?? null;
      const from = last ?? kr.createdDate;
      if (from === undefined || !isValidIsoDate(from)) return [];
      const days = daysBetween(from, asOf);
      if (days <= limit) return [];
      const what =
        last === null
          ? `has never been checked in since it was created ${plural(days, 'day')} ago`
          : `was last checked in ${plural(days, 'day')} ago (${last})`;
      return [
        {
          field: krField(index, 'lastCheckInDate'),
          message: `${krName(kr, index)} ${what}; your team checks in every ${plural(cadence, 'day')}.`,
          suggestion: 'Record the current value with a one-line note, even if nothing has changed: that is news too.',
        },
      ];
    });
  },
};

export const behindPaceWithoutNote: QualityRule = {
  id: 'behind-pace-without-note',
  title: 'Explain when a commitment falls behind',
  defaultSeverity: 'warn',
  why: 'A committed objective is a promise others plan around. When it falls behind, a short note on why and what happens next lets them adjust early instead of discovering it at the end of the cycle.',
  weakExample: 'Committed objective at 30% with 60% of the cycle gone, no note',
  strongExample: 'Same objective with the note “Vendor API delayed two weeks; new date agreed, catching up by mid-May”',
  check(objective) {
    if (objective.type !== 'committed') return [];
    const { progress, expectedProgress: expected } = objective;
    if (!isNumber(progress) || !isNumber(expected)) return [];
    // Behind = not on track, using the same margin as status.ts.
    if (isAtLeast(progress, expected - DEFAULT_STATUS_MARGINS.onTrackMargin)) return [];
    if (!isBlank(objective.latestNote)) return [];
    return [
      {
        field: 'latestNote',
        message: `This committed objective is at ${formatShare(progress)} while ${formatShare(expected)} of the cycle has passed, and there is no note explaining it.`,
        suggestion: 'Add a check-in note: what is in the way, what you are doing about it, and whether the commitment still holds.',
      },
    ];
  },
};
