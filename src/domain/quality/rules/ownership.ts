/**
 * Ownership and alignment: one accountable person who is not spread too
 * thin, and a visible link to the objective this one serves.
 */
import { isBlank } from '../helpers.js';
import type { QualityRule } from '../types.js';

export const noOwner: QualityRule = {
  id: 'no-owner',
  title: 'Every objective has an owner',
  // Blocking by default: a published objective or key result without an owner appears in nobody's week.
  defaultSeverity: 'block',
  why: 'An objective that belongs to everyone is followed up by no one. One named owner makes sure check-ins happen and problems are raised in time; the team still does the work.',
  weakExample: 'Owner: (none), team Growth',
  strongExample: 'Owner: Priya (Head of Growth), team Growth',
  check(objective) {
    // `null` is "nobody"; an unknown owner (undefined) on a key result defaults to its author.
    const ownerless = objective.keyResults.flatMap((kr, i) =>
      kr.ownerId === null
        ? [
            {
              field: `keyResults[${i}].ownerId`,
              message: `Nobody owns the key result “${kr.title}”.`,
              suggestion: 'Choose the person who will check in on it every week.',
            },
          ]
        : [],
    );
    if (!isBlank(objective.ownerId)) return ownerless;
    const team = isBlank(objective.teamId) ? '' : ' It belongs to a team, but a team cannot be accountable the way a person can.';
    return [
      {
        field: 'ownerId',
        message: `Nobody owns this objective.${team}`,
        suggestion: 'Choose one person who will lead the check-ins and answer for progress.',
      },
      ...ownerless,
    ];
  },
};

export const ownerOverloaded: QualityRule = {
  id: 'owner-overloaded',
  title: 'Owners keep focus',
  defaultSeverity: 'warn',
  why: 'OKRs are about focus. Someone who owns many objectives cannot give each the attention it needs, and the lowest priorities quietly stall.',
  weakExample: 'One manager owns 6 objectives this quarter',
  strongExample: 'Each owner holds at most 3 objectives; other leads own the rest',
  check(objective, context, principles) {
    const count = context.ownerObjectiveCount;
    // Without an owner the count means nothing; no-owner speaks instead.
    if (isBlank(objective.ownerId)) return [];
    if (count === undefined || count <= principles.maxObjectivesPerOwner) return [];
    return [
      {
        field: 'ownerId',
        message: `The owner holds ${count} objectives this cycle; your guiding principles allow at most ${principles.maxObjectivesPerOwner}.`,
        suggestion: 'Hand this objective to someone else on the team, or drop or merge one of the owner’s objectives.',
      },
    ];
  },
};

export const notAligned: QualityRule = {
  id: 'not-aligned',
  title: 'Align team and individual objectives',
  defaultSeverity: 'warn',
  why: 'When objectives are not linked to the ones above them, teams drift into silos and nobody can see how their work serves the company’s goals. Some objectives do stand alone; then say why.',
  weakExample: 'Team objective “Rebuild the CI pipeline” aligned to nothing',
  strongExample: 'Aligned to the company objective “Ship customer value faster”, or standalone because “required by our ISO audit”',
  check(objective) {
    if (objective.level === 'company') return [];
    if (objective.parentCount > 0 || !isBlank(objective.standaloneReason)) return [];
    return [
      {
        field: 'standaloneReason',
        message: `This ${objective.level} objective is not aligned to any objective above it.`,
        suggestion: 'Align it to the company or team objective it contributes to, or explain why it stands alone.',
      },
    ];
  },
};
